/**
 * The 体检单 arrangement (./report-card.ts, ./report-card-agency.ts) over real reports: 洪泽区
 * 2023 and 2024 (data/corpus, or ../shared/corpus; skipped when neither holds them) read by the real
 * ingest and checked across years, in a real DuckDB, read with the report page's and the agency
 * page's own SQL (lib/query/report-detail.ts, lib/query/agency-years.ts). The numbers are the ones a
 * person reads in the PDFs (`pdftotext -layout`): 表三 一、本年新收 总计 21 (2023) and 95 (2024);
 * 表四's 总计 printed 0 where its parts sum to 11 and 5 (2023, T4_TOTAL errors); no 发布日期 printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrossReportChecks } from '../checks/run-checks';
import { CellGrid } from '../model/cell-grid';
import type { ReportRecord } from '../model/report-schema';
import { ingestFile } from '../pipeline/ingest-reports';
import { openNodeDatabaseOrThrow, type NodeDatabase } from '../pipeline/node-duckdb';
import { agencyMetric, agencyYearsSql, buildAgencyYears, continuityChecks, continuitySql, latestYearSql, agencyFlagsSql, type AgencyYears } from '../query/agency-years';
import { flagsFromRows, reportFlagsSql, reportSql, type ReportFlag } from '../query/report-detail';
import { REVIEW_STATUS_LABELS, rowFingerprint } from '../review/decisions';
import { recordsCsv } from '../store/record-rows';
import { ruleInfo } from './rule-catalogue';
import {
  agencyCardHref,
  buildReportCard,
  cardValueText,
  CARD_FIGURE_KEYS,
  previousYearRow,
  printedOnText,
  reportCardHref,
  reportRowOf,
  type CardDecision,
  type CardVocabulary,
} from './report-card';
import { buildAgencyCard } from './report-card-agency';
import { makeTranslate } from './i18n/translate';
import { EN } from './i18n/en';
import type { CardLanguage } from './report-card';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = [join(ROOT, 'data', 'corpus'), join(ROOT, '..', 'shared', 'corpus')].find((d) => existsSync(join(d, 'hongze-district-government-2023.pdf')));
const HONGZE_2023 = '94a211353fb046b7';
const HONGZE_2024 = '82ba40ade55a9310';
const HONGZE_KEY = '320813:人民政府';

const VOCAB: CardVocabulary = { metrics: CARD_FIGURE_KEYS.map(agencyMetric), reviewLabels: REVIEW_STATUS_LABELS };
/** The cards in English (issue 10), with the app's English dictionary. */
const EN_CARD: CardLanguage = { t: makeTranslate('en', EN), lang: 'en' };
/** Han characters (a Chinese text left in an English card). */
const HAN = /\p{Script=Han}/u;
/** 2026-11-30 13:05 local time: the footer's 打印时间. */
const NOW = new Date(2026, 10, 30, 13, 5);

describe('card values and links', () => {
  it('prints counts in 件, amounts in 万元, rates in %, and a missing number as missing, never 0', () => {
    expect(cardValueText({ format: 'count' }, 1234)).toBe('1,234 件');
    expect(cardValueText({ format: 'amount' }, 12.5)).toBe('12.5 万元');
    expect(cardValueText({ format: 'rate' }, 0.19047619047619047)).toBe('19.0%');
    expect(cardValueText({ format: 'count' }, null)).toBe('—（未给出）');
    expect(cardValueText({ format: 'count' }, 0)).toBe('0 件');
    expect(printedOnText(NOW)).toBe('2026-11-30 13:05');
  });

  it('prints the same values in English: cases, 10,000 yuan, %, and — (not given)', () => {
    const t = EN_CARD.t;
    expect(cardValueText({ format: 'count' }, 1234, t)).toBe('1,234 cases');
    expect(cardValueText({ format: 'count' }, 1, t)).toBe('1 case');
    expect(cardValueText({ format: 'amount' }, 12.5, t)).toBe('12.5 (10,000 yuan)');
    expect(cardValueText({ format: 'rate' }, 0.19047619047619047, t)).toBe('19.0%');
    expect(cardValueText({ format: 'count' }, null, t)).toBe('— (not given)');
  });

  it('links to the cards of well-formed ids and keys only', () => {
    expect(reportCardHref(HONGZE_2023)).toBe(`/report/${HONGZE_2023}/card`);
    expect(reportCardHref('../etc')).toBeNull();
    expect(agencyCardHref(HONGZE_KEY)).toBe('/agency/320813%3A%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C/card');
    expect(agencyCardHref('')).toBeNull();
    expect(agencyCardHref('x'.repeat(201))).toBeNull();
  });
});

describe.skipIf(!CORPUS)('体检单 of 洪泽区 2023–2024', () => {
  let dir: string;
  let db: NodeDatabase;
  let records: ReportRecord[];
  let years: AgencyYears;
  beforeAll(async () => {
    records = runCrossReportChecks(
      await Promise.all(['hongze-district-government-2023.pdf', 'hongze-district-government-2024.pdf'].map((f) => ingestFile(join(CORPUS!, f)))),
    );
    dir = mkdtempSync(join(tmpdir(), 'report-card-'));
    const csv = recordsCsv(records);
    for (const t of ['reports', 'cells', 'flags'] as const) writeFileSync(join(dir, `${t}.csv`), csv[t]);
    db = await openNodeDatabaseOrThrow(dir);
    const latest = await db.exec(latestYearSql());
    years = buildAgencyYears(HONGZE_KEY, await db.exec(agencyYearsSql(HONGZE_KEY)), latest[0].latest as number)!;
  }, 60_000);
  afterAll(() => {
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const flagsOf = async (id: string): Promise<ReportFlag[]> => flagsFromRows(await db.exec(reportFlagsSql(id)), rowFingerprint);

  it('report card 2024: who, year, date unknown, key figures against 2023 (21 → 95, +74 件)', async () => {
    const [report] = await db.exec(reportSql(HONGZE_2024));
    const row = reportRowOf(years, HONGZE_2024);
    const card = buildReportCard({ report, flags: await flagsOf(HONGZE_2024), figures: row, previous: previousYearRow(years, row!), decisions: new Map(), now: NOW }, VOCAB);
    expect(card.agency).toBe('淮安市洪泽区人民政府');
    expect(card.title).toBe('2024 年度政府信息公开工作年度报告');
    expect(card.publication.date).toBe('未印出');
    expect(card.previousYear).toBe(2023);
    const fig = Object.fromEntries(card.figures.map((f) => [f.key, f]));
    expect(card.figures.map((f) => f.key)).toEqual([...CARD_FIGURE_KEYS]);
    expect([fig.new_received.value, fig.new_received.previous, fig.new_received.change]).toEqual(['95 件', '21 件', '+74 件']);
    // 实质公开率 from the cells as read: (予以公开 + 部分公开) ÷ 办理结果总计, 表三 总计列.
    const grid = CellGrid.of(records.find((r) => r.report.report_id === HONGZE_2024)!.cells);
    const v = (row: string) => grid.value('t3', row, 'total')!;
    const total = v('total_processed');
    expect(fig.disclosure_rate.value).toBe(`${(((v('granted') + v('partially_granted')) / total) * 100).toFixed(1)}%`);
    expect(fig.disclosure_rate.base).toBe(`基数 ${total} 件${total < 30 ? '（样本不足30件）' : ''}`);
    expect(card.dataSource).toContain('hongze-district-government-2024.pdf');
    expect(card.dataSource).toContain(HONGZE_2024);
    expect(card.printedOn).toBe('2026-11-30 13:05');
  });

  it('report card 2023: every flag with severity, review status and note, and each rule with its source', async () => {
    const [report] = await db.exec(reportSql(HONGZE_2023));
    const flags = await flagsOf(HONGZE_2023);
    expect(flags.map((f) => f.rule).sort()).toEqual(['PUBLICATION_DATE_UNKNOWN', 'T4_TOTAL', 'T4_TOTAL']);
    const t4 = flags.filter((f) => f.rule === 'T4_TOTAL');
    const decisions = new Map<string, CardDecision>([[t4[0].fingerprint, { decision: 'dismissed', note: '表四总计印为0，原文如此', decided_at: '2026-11-29T08:00:00.000Z' }]]);
    const row = reportRowOf(years, HONGZE_2023)!;
    const card = buildReportCard({ report, flags, figures: row, previous: previousYearRow(years, row), decisions, now: NOW }, VOCAB);
    expect(card.previousYear).toBeNull(); // no report of 2022
    expect(card.figures.every((f) => f.previous === null && f.change === null)).toBe(true);
    expect(card.flags.map((f) => [f.severityLabel, f.rule])).toEqual([
      ['错误', 'T4_TOTAL'],
      ['错误', 'T4_TOTAL'],
      ['提示', 'PUBLICATION_DATE_UNKNOWN'],
    ]);
    const dismissed = card.flags.find((f) => f.fingerprint === t4[0].fingerprint)!;
    expect([dismissed.reviewLabel, dismissed.note, dismissed.decidedOn]).toEqual(['已驳回', '表四总计印为0，原文如此', '2026-11-29']);
    expect(card.flags.filter((f) => f.review === 'open')).toHaveLength(2);
    // 表四 总计 printed 0 where the parts sum to 11 and 5 (the PDF).
    expect(card.flags.filter((f) => f.rule === 'T4_TOTAL').map((f) => f.values).sort()).toEqual(['应为 11 件；实为 0 件；差值 -11 件', '应为 5 件；实为 0 件；差值 -5 件']);
    expect(card.flagSummary).toBe('3 条：错误 2、提示 1；已审核 1 条，未审核 2 条');
    expect(card.sources.map((s) => s.rule)).toEqual(['T4_TOTAL', 'PUBLICATION_DATE_UNKNOWN']);
    for (const s of card.sources) expect(s.source).toBe(ruleInfo(s.rule).source);
    expect(card.sources.every((s) => /条例|国办公开办函/.test(s.source))).toBe(true);
    // Decisions that could not be read: the status is said to be unknown, not 未审核.
    const unknown = buildReportCard({ report, flags, figures: row, previous: null, decisions: null, now: NOW }, VOCAB);
    expect(unknown.flags.every((f) => f.review === null && f.reviewLabel === '（审核结果未能读出）')).toBe(true);
    expect(unknown.flagSummary).toBe('3 条：错误 2、提示 1；审核结果未能读出');
  });

  it('a report not counted in the comparisons has no figures, and says so', async () => {
    const [report] = await db.exec(reportSql(HONGZE_2023));
    const card = buildReportCard({ report, flags: [], figures: null, previous: null, decisions: new Map(), now: NOW }, VOCAB);
    expect(card.figures.every((f) => f.value === '—（未给出）' && f.missing)).toBe(true);
    expect(card.figuresNote).toContain('不计入比较数据');
    expect(card.flagSummary).toBe('没有触发任何检查规则');
  });

  it('agency card: years, figures per year, cross-year evaluations, every flag by year', async () => {
    const ids = [HONGZE_2023, HONGZE_2024];
    const flagRows = await db.exec(agencyFlagsSql(ids));
    const flags = new Map(ids.map((id) => [id, flagsFromRows(flagRows.filter((r) => r.report_id === id), rowFingerprint)]));
    const continuity = continuityChecks(await db.exec(continuitySql(ids)));
    const card = buildAgencyCard({ years, flags, continuity, decisions: new Map(), now: NOW }, VOCAB);
    expect(card.name).toBe('淮安市洪泽区人民政府');
    expect(card.printedNames).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(card.years).toEqual([2023, 2024]);
    expect(card.coverage).toBe('2023、2024 年有报告');
    expect(card.figures.find((f) => f.key === 'new_received')!.values).toEqual(['21 件', '95 件']);
    const cont = card.continuity as Exclude<typeof card.continuity, string>;
    expect(cont.map((c) => [c.rule, c.mark])).toEqual([
      ['CARRYOVER_CONTINUITY', '✓'],
      ['IN_FORCE_CONTINUITY', '✓'],
      ['IN_FORCE_CONTINUITY', '✓'],
    ]);
    expect(cont[0].text).toMatch(/^2023→2024 上年结转与上一年结转下年度：/);
    const byReport = card.flagsByReport as Exclude<typeof card.flagsByReport, string>;
    expect(byReport.map((y) => y.heading)).toEqual(['2023 年（3 条）', '2024 年（1 条）']);
    expect(card.flagSummary).toBe('4 条：错误 2、提示 2；已审核 0 条，未审核 4 条');
    expect(card.sources.map((s) => s.rule)).toEqual(['CARRYOVER_CONTINUITY', 'IN_FORCE_CONTINUITY', 'T4_TOTAL', 'PUBLICATION_DATE_UNKNOWN']);
    expect(card.dataSource).toContain('年度报告 2 份（看板内置数据 2 份）');
  });

  it('agency card: a later year without a report prints 无报告, and unread parts say why', () => {
    const withGap = buildAgencyYears(HONGZE_KEY, [...years.reportsByYear[2023], ...years.reportsByYear[2024]], 2025)!;
    const card = buildAgencyCard({ years: withGap, flags: '检查标记没能读出：查询失败。', continuity: [], decisions: null, now: NOW }, VOCAB);
    expect(card.coverage).toBe('2023、2024 年有报告；2025 年无报告');
    expect(card.figures.find((f) => f.key === 'new_received')!.values).toEqual(['21 件', '95 件', '无报告']);
    expect(card.flagsByReport).toBe('检查标记没能读出：查询失败。');
    expect(card.flagSummary).toBe('');
    expect(card.continuity).toMatch(/无法进行/);
  });

  it('report card 2024 in English: the same figures and flags, no Chinese outside the agency name', async () => {
    const [report] = await db.exec(reportSql(HONGZE_2024));
    const row = reportRowOf(years, HONGZE_2024);
    const zh = buildReportCard({ report, flags: await flagsOf(HONGZE_2024), figures: row, previous: previousYearRow(years, row!), decisions: new Map(), now: NOW }, VOCAB);
    const card = buildReportCard({ report, flags: await flagsOf(HONGZE_2024), figures: row, previous: previousYearRow(years, row!), decisions: new Map(), now: NOW }, VOCAB, EN_CARD);
    expect(card.agency).toBe('淮安市洪泽区人民政府'); // data: as printed
    expect(card.title).toBe('Government information disclosure annual report 2024');
    expect(card.publication.date).toBe('not printed');
    const fig = Object.fromEntries(card.figures.map((f) => [f.key, f]));
    expect(fig.new_received.label).toBe('New applications received this year');
    expect([fig.new_received.value, fig.new_received.previous, fig.new_received.change]).toEqual(['95 cases', '21 cases', '+74 cases']);
    expect(fig.disclosure_rate.label).toBe('Substantive disclosure rate');
    expect(fig.disclosure_rate.value).toBe(zh.figures.find((f) => f.key === 'disclosure_rate')!.value); // a percentage is the same in both
    expect(fig.disclosure_rate.base).toMatch(/^base \d+ cases?( \(sample under 30 cases\))?$/);
    expect(card.flagSummary).toMatch(/^1 flag: Info 1; 0 reviewed, 1 not reviewed$/);
    expect(card.dataSource).toContain('hongze-district-government-2024.pdf” (report ID 82ba40ade55a9310)');
    expect(card.dataSourceFiles).toEqual([String(report.source_file)]); // the file name is data: the page marks it translate="no"
    expect(card.dataSource).toContain(card.dataSourceFiles[0]);
    // Everything but the data (agency name, places below the province) and the parts other areas translate
    // (rule names and sources: rules.ts; the ingest's status message) is English.
    const said = [card.title, card.status, card.publication.date, card.publication.title, card.figuresNote ?? '', card.flagSummary, card.dataSource,
      ...card.figures.flatMap((f) => [f.label, f.value, f.base ?? '', f.previous ?? '', f.change ?? '']),
      ...card.flags.flatMap((f) => [f.severityLabel, f.values, f.concerns, f.reviewLabel])];
    expect(said.filter((x) => HAN.test(x))).toEqual([]);
    expect(card.sources.map((s) => s.rule)).toEqual(zh.sources.map((s) => s.rule));
  });

  it('report card 2023 in English: flag values in cases, review labels, the summary with counts', async () => {
    const [report] = await db.exec(reportSql(HONGZE_2023));
    const flags = await flagsOf(HONGZE_2023);
    const t4 = flags.filter((f) => f.rule === 'T4_TOTAL');
    const decisions = new Map<string, CardDecision>([[t4[0].fingerprint, { decision: 'dismissed', note: '表四总计印为0，原文如此', decided_at: '2026-11-29T08:00:00.000Z' }]]);
    const row = reportRowOf(years, HONGZE_2023)!;
    const card = buildReportCard({ report, flags, figures: row, previous: previousYearRow(years, row), decisions, now: NOW }, VOCAB, EN_CARD);
    expect(card.flags.map((f) => [f.severityLabel, f.rule])).toEqual([
      ['Error', 'T4_TOTAL'],
      ['Error', 'T4_TOTAL'],
      ['Info', 'PUBLICATION_DATE_UNKNOWN'],
    ]);
    const dismissed = card.flags.find((f) => f.fingerprint === t4[0].fingerprint)!;
    expect([dismissed.reviewLabel, dismissed.note]).toEqual(['Dismissed', '表四总计印为0，原文如此']); // the note is data
    expect(card.flags.filter((f) => f.rule === 'T4_TOTAL').map((f) => f.values).sort()).toEqual([
      'expected 11 cases; printed 0 cases; difference -11 cases',
      'expected 5 cases; printed 0 cases; difference -5 cases',
    ]);
    expect(card.flags.filter((f) => f.rule === 'T4_TOTAL').every((f) => f.concerns !== '' && !HAN.test(f.concerns))).toBe(true);
    expect(card.flagSummary).toBe('3 flags: Error 2, Info 1; 1 reviewed, 2 not reviewed');
    const unknown = buildReportCard({ report, flags, figures: row, previous: null, decisions: null, now: NOW }, VOCAB, EN_CARD);
    expect(unknown.flagSummary).toBe('3 flags: Error 2, Info 1; review decisions could not be read');
  });

  it('agency card in English: coverage, figures per year, cross-year sentences, headings', async () => {
    const ids = [HONGZE_2023, HONGZE_2024];
    const flagRows = await db.exec(agencyFlagsSql(ids));
    const flags = new Map(ids.map((id) => [id, flagsFromRows(flagRows.filter((r) => r.report_id === id), rowFingerprint)]));
    const continuity = continuityChecks(await db.exec(continuitySql(ids)));
    const card = buildAgencyCard({ years, flags, continuity, decisions: new Map(), now: NOW }, VOCAB, EN_CARD);
    expect(card.coverage).toBe('reports for 2023, 2024');
    expect(card.figures.find((f) => f.key === 'new_received')!.values).toEqual(['21 cases', '95 cases']);
    const cont = card.continuity as Exclude<typeof card.continuity, string>;
    expect(cont[0].text).toBe("2023→2024 Carried over vs last year's carried forward: carried over into 2024: 0 = carried forward from 2023: 0");
    expect(cont[0].verdictLabel).toBe('Holds');
    expect(cont.every((c) => !HAN.test(c.text))).toBe(true);
    const byReport = card.flagsByReport as Exclude<typeof card.flagsByReport, string>;
    expect(byReport.map((y) => y.heading)).toEqual(['2023 (3 flags)', '2024 (1 flag)']);
    expect(card.flagSummary).toBe('4 flags: Error 2, Info 2; 0 reviewed, 4 not reviewed');
    expect(card.dataSource).toMatch(/^Source: 2 government information disclosure annual reports published by this agency \(2 from the dashboard’s built-in data\)/);
    const withGap = buildAgencyYears(HONGZE_KEY, [...years.reportsByYear[2023], ...years.reportsByYear[2024]], 2025)!;
    const gap = buildAgencyCard({ years: withGap, flags: 'x', continuity: [], decisions: null, now: NOW }, VOCAB, EN_CARD);
    expect(gap.coverage).toBe('reports for 2023, 2024; no report for 2025');
    expect(gap.figures.find((f) => f.key === 'new_received')!.values).toEqual(['21 cases', '95 cases', 'No report']);
    expect(gap.figures.find((f) => f.key === 'new_received')!.missing).toEqual([false, false, true]);
    expect(gap.continuity).toMatch(/^No two consecutive years both have a report/);
  });
});
