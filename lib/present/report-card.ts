/**
 * The 体检单 (report card, issue 10): a one- or two-page printable summary of one report
 * (/report/REPORT_ID/card) or of one agency over its years (/agency/AGENCY_KEY/card) — who, which
 * year, the published date and where it comes from, the key figures (本年新收, 上年结转, 办理结果总计,
 * 结转下年度, 实质公开率, 行政复议 / 行政诉讼 and their 纠错率), every flag with its severity, review
 * status and note, the sources of the rules (《政府信息公开条例》第…条, 国办公开办函〔2021〕30号 — from
 * the rule catalogue, ./rule-catalogue.ts), the data source and the date printed.
 *
 * Pure arrangement: the card's components (app/_components/ReportCard.tsx, AgencyCard.tsx) read the
 * rows with the report page's and the agency page's queries (lib/query/report-detail.ts,
 * lib/query/agency-years.ts) and the browser's review decisions, and pass them here with the metric
 * definitions of lib/query/agency-years.ts (this folder imports lib/query for types only) and the
 * review vocabulary of lib/review. Numbers are in 件 (万元 for 收费), rates are ratios 0–1 shown as
 * percentages with one decimal. Missing stays missing: a number the report did not give prints
 * `—（未给出）`, never 0. No React, no Next.
 *
 * Language (issue 10): the builders take a {@link CardLanguage} last (Chinese by default): every
 * sentence, label, unit and flag message is then said in it; data (agency names, file names, places
 * below the province) stays as printed.
 */
import type { AgencyMetric, AgencyReportRow, AgencyYears, ContinuityCheck } from '../query/agency-years';
import type { ReportFlag } from '../query/report-detail';
import type { Row } from '../store/executor';
import { describeCellRef, reportStatusLabel, severityLabel } from './labels';
import { SMALL_SAMPLE_NOTE } from './rank-text';
import { publicationLine, type PublicationLine } from './report-layout';
import { flagValueLabels, flagValueText, ruleInfo, SEVERITY_ORDER } from './rule-catalogue';
import { isReportId, parseSubject } from './subject-ref';
import { MIN_CASES } from '../model/rank-threshold';
import { zhT, type Translate } from './i18n/translate';
import type { Lang } from './i18n/lang';
import { flagText } from './i18n/flag-text';
import { statusText } from './i18n/status-text';

/** The language a card is said in: the translator (lib/present/i18n/translate.ts) and its language (for flag messages). */
export interface CardLanguage {
  t: Translate;
  lang: Lang;
}

/** Chinese, the default of every card builder (its output is the card as it always was). */
export const ZH_CARD: CardLanguage = { t: zhT, lang: 'zh' };

// ------------------------------------------------------------------ inputs

/**
 * The key figures of a card, as columns of lib/query/agency-years.ts agencyYearsSql, in the card's
 * order: 表三's 本年新收, 上年结转, 办理结果总计, 结转下年度继续办理 (件), 实质公开率, 表四's 行政复议 total and
 * 复议纠错率, 行政诉讼 total and 诉讼纠错率. The caller resolves them with agencyMetric(key).
 */
export const CARD_FIGURE_KEYS = [
  'new_received',
  'carried_over',
  'total_processed',
  'carried_forward',
  'disclosure_rate',
  'review_total',
  'review_correction_rate',
  'litigation_total',
  'litigation_correction_rate',
] as const;

/** A review status of a flag: 未审核, or a stored decision (lib/review/decisions.ts ReviewStatus). */
export type CardReviewStatus = 'open' | 'confirmed' | 'dismissed';

/** A stored review decision as the card needs it (lib/review/decisions.ts Decision has these fields). */
export interface CardDecision {
  decision: 'confirmed' | 'dismissed';
  /** The supervisor's note (required for 驳回). */
  note: string;
  /** ISO 8601 time of the decision. */
  decided_at: string;
}

/** What the card says with words from other folders: the figures' definitions and the review labels. */
export interface CardVocabulary {
  /** The {@link CARD_FIGURE_KEYS} as lib/query/agency-years.ts defines them (agencyMetric). */
  metrics: readonly AgencyMetric[];
  /** 未审核 / 已确认 / 已驳回 (lib/review/decisions.ts REVIEW_STATUS_LABELS). */
  reviewLabels: Readonly<Record<CardReviewStatus, string>>;
}

/** The browser's decisions by flag fingerprint, or null when they could not be read (status unknown). */
export type CardDecisions = ReadonlyMap<string, CardDecision> | null;

// ------------------------------------------------------------------ output

/** One key figure of a report card: the value, its base (rates), and the change from the year before. */
export interface CardFigure {
  key: string;
  /** Chinese label, e.g. `本年新收政府信息公开申请数量`, `实质公开率`. */
  label: string;
  /** `95 件`, `12.5%`, or `—（未给出）`. */
  value: string;
  missing: boolean;
  /** For a rate: its denominator, e.g. `基数 21 件（样本不足30件）`; null for counts or when unknown. */
  base: string | null;
  /** The previous year's value (`21 件`), null when there is no report of the year before. */
  previous: string | null;
  /** The change, `+74 件` or `+3.2 个百分点`; null when either side is missing. */
  change: string | null;
}

/** One flag on a card. */
export interface CardFlag {
  fingerprint: string;
  severity: string;
  /** 错误 / 警告 / 提示. */
  severityLabel: string;
  rule: string;
  /** The rule's Chinese name (rule catalogue). */
  ruleName: string;
  message: string;
  /** Expected / actual / difference in the rule's unit, e.g. `应为 116 件；实为 117 件；差值 1 件`; empty when none. */
  values: string;
  /** The cells or passages it concerns, in words (at most three, then a count). */
  concerns: string;
  review: CardReviewStatus | null;
  /** 未审核 / 已确认 / 已驳回, or `（审核结果未能读出）`. */
  reviewLabel: string;
  /** The review note, empty when none. */
  note: string;
  /** Date of the decision (YYYY-MM-DD), null when not decided. */
  decidedOn: string | null;
}

/** A rule cited on a card, with where it comes from (e.g. 《政府信息公开条例》第四十九条). */
export interface CardRuleSource {
  rule: string;
  name: string;
  source: string;
}

/** What every card ends with: the rules cited, the data source and the date printed. */
export interface CardFooter {
  sources: CardRuleSource[];
  /** One or two sentences: where the numbers come from. */
  dataSource: string;
  /** The file names inside {@link dataSource} (data, kept as printed: the page marks them `translate="no"`). */
  dataSourceFiles: string[];
  /** `2026-11-30 13:05` (local time of printing). */
  printedOn: string;
}

/** The 体检单 of one report. */
export interface ReportCardView extends CardFooter {
  agency: string;
  agencyKey: string | null;
  year: number | null;
  /** `2024 年度政府信息公开工作年度报告` or `（年度未知）政府信息公开工作年度报告`. */
  title: string;
  region: string;
  publication: PublicationLine;
  /** 读取情况, e.g. `已读取` or the status with its message. */
  status: string;
  /** 上传 when the report was uploaded in this tab. */
  uploaded: boolean;
  /** The year the figures are compared with, null when there is no report of the year before. */
  previousYear: number | null;
  figures: CardFigure[];
  /** Why the figures are not shown (the report is not counted), or null. */
  figuresNote: string | null;
  flags: CardFlag[];
  /** `3 条：错误 1、警告 2；已审核 1 条，未审核 2 条`. */
  flagSummary: string;
}

// ------------------------------------------------------------------ formatting

const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const NOT_GIVEN = '—（未给出）';

/**
 * An amount `n` (already formatted) with its unit in the UI's language: `95 件` / `95 cases`,
 * `12.5 万元` / `12.5 (10,000 yuan)`, `3 个百分点` / `3 percentage points`, `3 天`, `3 个`. `count` picks
 * the English plural.
 */
export function unitText(n: string, unit: '件' | '万元' | '个百分点' | '天' | '个', count: number, t: Translate = zhT): string {
  return t(`{{n}} ${unit}`, { n, count: Math.abs(count) });
}

/** A metric's value as a card prints it: `1,234 件`, `12.5 万元`, `25.8%`, or `—（未给出）` for null (in `t`'s language). */
export function cardValueText(metric: Pick<AgencyMetric, 'format'>, value: unknown, t: Translate = zhT): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return t(NOT_GIVEN);
  if (metric.format === 'rate') return `${(value * 100).toFixed(1)}%`;
  return unitText(NUM.format(value), metric.format === 'amount' ? '万元' : '件', value, t);
}

/** The change from `before` to `now`: `+74 件`, `−3 件`, `±0 件`, `+3.2 个百分点`; null when either is missing. */
function changeText(metric: Pick<AgencyMetric, 'format'>, now: unknown, before: unknown, t: Translate): string | null {
  if (typeof now !== 'number' || typeof before !== 'number') return null;
  const d = now - before;
  const abs = metric.format === 'rate' ? (Math.abs(d) * 100).toFixed(1) : NUM.format(Math.abs(d));
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const unit = metric.format === 'rate' ? '个百分点' : metric.format === 'amount' ? '万元' : '件';
  return `${sign}${unitText(abs, unit, metric.format === 'rate' ? Number(abs) : d, t)}`;
}

/** A rate's base: `基数 21 件`, with `（样本不足30件）` under lib/model/rank-threshold.ts MIN_CASES; null when unknown. */
function baseText(row: Row | null, metric: AgencyMetric, t: Translate): string | null {
  if (metric.format !== 'rate' || !row) return null;
  const base = row[metric.key.replace(/_rate$/, '_base')];
  if (typeof base !== 'number') return null;
  const small = base < MIN_CASES ? t('（{{note}}）', { note: t(SMALL_SAMPLE_NOTE) }) : '';
  return `${t('基数 {{n}} 件', { n: NUM.format(base), count: base })}${small}`;
}

/** `now` as `YYYY-MM-DD HH:mm` in local time. */
export function printedOnText(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

// ------------------------------------------------------------------ pieces shared by both cards

/** The card figures of the report row `row` (a row of agencyYearsSql), compared with `previous` (the year before) when given. */
export function cardFigures(metrics: readonly AgencyMetric[], row: Row | null, previous: Row | null, t: Translate = zhT): CardFigure[] {
  return metrics.map((m) => {
    const v = row?.[m.key];
    return {
      key: m.key,
      label: t(m.label),
      value: cardValueText(m, v, t),
      missing: typeof v !== 'number',
      base: baseText(row, m, t),
      previous: previous ? cardValueText(m, previous[m.key], t) : null,
      change: previous ? changeText(m, v, previous[m.key], t) : null,
    };
  });
}

/**
 * A cell reference in words in the UI's language: lib/present/labels.ts describeCellRef (Chinese),
 * then, for another language, each `·`-separated part translated (表三 · the form's row · column)
 * and the passage `正文第 121–180 字` said with its numbers.
 */
function cellRefText(ref: string, { t, lang }: CardLanguage): string {
  const zh = describeCellRef(ref);
  if (lang === 'zh') return zh;
  const text = /^正文第 (\d+)–(\d+) 字$/.exec(zh);
  if (text) return t('正文第 {{from}}–{{to}} 字', { from: text[1], to: text[2] });
  const other = /^另一份报告（([0-9a-f-]+)）的(.+)$/.exec(zh);
  if (other) return t('另一份报告（{{id}}）的{{cell}}', { id: other[1], cell: other[2].split('·').map((p) => t(p)).join(' · ') });
  const section = /^章节「(.+)」$/.exec(zh);
  if (section) return t('章节「{{name}}」', { name: t(section[1]) });
  return zh.split('·').map((p) => t(p)).join(' · ');
}

/** The cells a flag concerns, in words; more than three are cut to three and a count. */
function concernsText(subject: string | null, language: CardLanguage): string {
  const { t } = language;
  const refs = parseSubject(subject);
  const words = refs.map((r) => cellRefText(r.ref, language));
  return refs.length > 3 ? t('{{first}} 等 {{count}} 处', { first: words.slice(0, 3).join(t('；')), count: refs.length }) : words.join(t('；'));
}

/** A flag's value (lib/present/rule-catalogue.ts flagValueText: `116 件`, `3 天`, `12.5%`) with its unit in the UI's language. */
function valueText(text: string, t: Translate): string {
  const m = /^(-?[\d,.]+) (件|万元|天|个)$/.exec(text);
  return m ? unitText(m[1], m[2] as '件' | '万元' | '天' | '个', Number(m[1].replace(/,/g, '')), t) : text;
}

/** The flags `flags` (errors first) with their review status from `decisions`, said in `language`. */
export function cardFlags(flags: readonly ReportFlag[], decisions: CardDecisions, vocab: CardVocabulary, language: CardLanguage = ZH_CARD): CardFlag[] {
  const { t, lang } = language;
  const rank = (s: string) => (SEVERITY_ORDER.includes(s) ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.length);
  return [...flags]
    .sort((a, b) => rank(a.severity) - rank(b.severity))
    .map((f) => {
      const d = decisions?.get(f.fingerprint) ?? null;
      const review: CardReviewStatus | null = decisions ? (d?.decision ?? 'open') : null;
      const names = flagValueLabels(f.rule);
      const values = (
        [
          [names.expected, flagValueText(f.rule, f.subject, 'expected', f.expected)],
          [names.actual, flagValueText(f.rule, f.subject, 'actual', f.actual)],
          [names.difference, flagValueText(f.rule, f.subject, 'difference', f.difference)],
        ] as const
      )
        .filter(([, v]) => v !== '—')
        .map(([k, v]) => `${t(k)} ${valueText(v, t)}`)
        .join(t('；'));
      return {
        fingerprint: f.fingerprint,
        severity: f.severity,
        severityLabel: t(severityLabel(f.severity)),
        rule: f.rule,
        ruleName: t(ruleInfo(f.rule).name),
        message: flagText(f, lang, t),
        values,
        concerns: concernsText(f.subject, language),
        review,
        reviewLabel: review ? t(vocab.reviewLabels[review]) : t('（审核结果未能读出）'),
        note: d?.note ?? '',
        decidedOn: d && /^\d{4}-\d{2}-\d{2}/.test(d.decided_at) ? d.decided_at.slice(0, 10) : null,
      };
    });
}

/** `3 条：错误 1、警告 2；已审核 1 条，未审核 2 条` (`没有触发任何检查规则` for none). */
export function flagSummaryText(flags: readonly CardFlag[], vocab: CardVocabulary, t: Translate = zhT): string {
  if (flags.length === 0) return t('没有触发任何检查规则');
  const bySeverity = SEVERITY_ORDER.map((s) => [s, flags.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const other = flags.filter((f) => !SEVERITY_ORDER.includes(f.severity)).length;
  const parts = [...bySeverity.map(([s, n]) => `${t(severityLabel(s))} ${n}`), ...(other ? [t('其他 {{n}}', { n: other })] : [])];
  const known = flags.filter((f) => f.review !== null);
  const reviewed = known.filter((f) => f.review !== 'open').length;
  const review =
    known.length === flags.length
      ? t('；已审核 {{reviewed}} 条，{{open}} {{rest}} 条', { reviewed, open: t(vocab.reviewLabels.open), rest: flags.length - reviewed })
      : t('；审核结果未能读出');
  return t('{{count}} 条：{{parts}}{{review}}', { count: flags.length, parts: parts.join(t('、')), review });
}

/** The rules `ruleIds` cite (each once, in first-seen order), with their names and sources from the rule catalogue (in `t`'s language). */
export function cardRuleSources(ruleIds: Iterable<string>, t: Translate = zhT): CardRuleSource[] {
  const seen = new Set<string>();
  const out: CardRuleSource[] = [];
  for (const id of ruleIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = ruleInfo(id);
    out.push({ rule: id, name: t(info.name), source: t(info.source) });
  }
  return out;
}

// ------------------------------------------------------------------ the report card

/** What {@link buildReportCard} reads. */
export interface ReportCardInput {
  /** The report's row of reports.csv (lib/query/report-detail.ts reportSql). */
  report: Row;
  /** The report's flags (reportFlagsSql → flagsFromRows). */
  flags: readonly ReportFlag[];
  /** The report's row of agencyYearsSql (its figures), null when it is not counted (no row in facts). */
  figures: AgencyReportRow | null;
  /** The agency's report of the year before (agencyYearsSql), null when there is none. */
  previous: AgencyReportRow | null;
  decisions: CardDecisions;
  /** When the card is printed (the footer's date). */
  now: Date;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The data source sentence of a report: its file, id and the page it was published on. */
function reportDataSource(report: Row, publication: PublicationLine, t: Translate): string {
  const origin = t(report.origin === 'upload' ? '在本浏览器中上传的文件' : '看板内置数据');
  const page = publication.sourceUrl ? t('，发布页面 {{url}}', { url: publication.sourceUrl }) : '';
  return t('数据来源：{{origin}}“{{file}}”（报告编号 {{id}}{{page}}），由本看板按国办公开办函〔2021〕30号的格式解析；数字以报告原文为准。', {
    origin,
    file: String(report.source_file ?? ''),
    id: String(report.report_id ?? ''),
    page,
  });
}

/** The 发布日期 line (./report-layout.ts publicationLine) in the UI's language: `未印出`, the note and the tooltip translated. */
function publicationIn(report: Row, t: Translate): PublicationLine {
  const p = publicationLine(report);
  return { ...p, date: /^\d{4}-\d{2}-\d{2}$/.test(p.date) ? p.date : t(p.date), note: p.note === null ? null : t(p.note), title: t(p.title) };
}

/** The region of a report: province · city · county (the province in the UI's language; places below it as printed). */
function regionText(report: Row, t: Translate): string {
  const province = str(report.province);
  return [province ? t(province) : null, str(report.city), str(report.county)].filter(Boolean).join(' · ') || str(report.region) || '—';
}

/** The 体检单 of one report (see the module comment), said in `language` (Chinese by default). Never throws; unknown values print as `—`. */
export function buildReportCard(input: ReportCardInput, vocab: CardVocabulary, language: CardLanguage = ZH_CARD): ReportCardView {
  const { t } = language;
  const { report, figures, previous } = input;
  const year = typeof report.year === 'number' ? report.year : null;
  const publication = publicationIn(report, t);
  const flags = cardFlags(input.flags, input.decisions, vocab, language);
  const status = String(report.status ?? '');
  const message = str(statusText(status, str(report.status_message), language.lang, t));
  return {
    agency: str(report.agency) ?? t('（未识别机关）'),
    agencyKey: str(report.agency_key),
    year,
    title: year !== null ? t('{{year}} 年度政府信息公开工作年度报告', { year }) : t('（年度未知）政府信息公开工作年度报告'),
    region: regionText(report, t),
    publication,
    status: `${t(reportStatusLabel(status))}${message ? `${t('：')}${message}` : ''}`,
    uploaded: report.origin === 'upload',
    previousYear: previous && typeof previous.year === 'number' ? previous.year : null,
    figures: cardFigures(vocab.metrics, figures, previous, t),
    figuresNote: figures ? null : t('这份报告不计入比较数据（例如重复读入或未填写的表格），不列关键数字。'),
    flags,
    flagSummary: flagSummaryText(flags, vocab, t),
    sources: cardRuleSources(flags.map((f) => f.rule), t),
    dataSource: reportDataSource(report, publication, t),
    dataSourceFiles: str(report.source_file) ? [String(report.source_file)] : [],
    printedOn: printedOnText(input.now),
  };
}

/**
 * The report of the year before `row`'s among the agency's years (the one its page shows for that
 * year), or null (no year, the first year, or no report that year).
 */
export function previousYearRow(years: AgencyYears, row: AgencyReportRow): AgencyReportRow | null {
  if (typeof row.year !== 'number') return null;
  const i = years.years.indexOf(row.year - 1);
  return i < 0 ? null : years.shown[i];
}

/** The agency's report `reportId` among its years (agencyYearsSql rows), or null when it is not there. */
export function reportRowOf(years: AgencyYears, reportId: string): AgencyReportRow | null {
  const all = [...Object.values(years.reportsByYear).flat(), ...years.unknownYear];
  return all.find((r) => String(r.report_id) === reportId) ?? null;
}

// ------------------------------------------------------------------ links

/** Path of a report's 体检单, `/report/c0d392a57191d65c/card`; null for a malformed report id. */
export function reportCardHref(reportId: string): string | null {
  return isReportId(reportId) ? `/report/${reportId}/card` : null;
}

/** Path of an agency's 体检单, `/agency/320813%3A%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C/card`; null for an empty key or one over 200 characters. */
export function agencyCardHref(agencyKey: string | null | undefined): string | null {
  if (!agencyKey || agencyKey.length > 200) return null;
  return `/agency/${encodeURIComponent(agencyKey)}/card`;
}
