/**
 * The 体检单 of one agency over its years (/agency/AGENCY_KEY/card, issue 10): who (canonical name,
 * the names its reports print, regions, the identity key), which years have a report, the key
 * figures per year (./report-card.ts CARD_FIGURE_KEYS, as the agency page's year-on-year table reads
 * them from lib/query/agency-years.ts agencyYearsSql), the cross-year evaluations
 * (CARRYOVER_CONTINUITY, IN_FORCE_CONTINUITY) with their numbers, every flag of every year with its
 * severity, review status and note, the rules' sources, the data source and the date printed.
 * Pure arrangement; no React, no Next. Missing stays missing (`—（未给出）`, a year without a report
 * `无报告`), never 0.
 */
import type { AgencyYears, ContinuityCheck } from '../query/agency-years';
import { continuityText } from './continuity-text';
import type { ReportFlag } from '../query/report-detail';
import {
  cardFlags,
  cardRuleSources,
  cardValueText,
  flagSummaryText,
  printedOnText,
  ZH_CARD,
  type CardDecisions,
  type CardLanguage,
  type CardFlag,
  type CardFooter,
  type CardVocabulary,
} from './report-card';
import type { Translate } from './i18n/translate';

/** One key figure along the agency's years: its label and one text per year of the axis. */
export interface AgencyCardFigureRow {
  key: string;
  label: string;
  /** Per year of {@link AgencyCardView.years}: `95 件`, `12.5%`, `—（未给出）`, or `无报告`. */
  values: string[];
  /** Per year: whether the value is missing (not given, or no report that year). */
  missing: boolean[];
}

/** One cross-year evaluation on the card: ✓ 相符 / ✗ 不符 / ？ 无法检查 and its sentence with numbers. */
export interface AgencyCardContinuity {
  rule: ContinuityCheck['rule'];
  verdict: ContinuityCheck['verdict'];
  /** ✓, ✗ or ？. */
  mark: string;
  /** 相符 / 不符 / 无法检查. */
  verdictLabel: string;
  /** `2023→2024 上年结转与上一年结转下年度：2024 年上年结转 0 件 = 2023 年结转下年度继续办理 0 件`. */
  text: string;
}

/** The flags of one report of the agency. */
export interface AgencyCardYearFlags {
  reportId: string;
  /** `2024 年（3 条）`, `年度不明（1 条）`. */
  heading: string;
  flags: CardFlag[];
}

/** The 体检单 of one agency. */
export interface AgencyCardView extends CardFooter {
  name: string;
  agencyKey: string;
  printedNames: string[];
  regions: string[];
  /** The year axis (first report to the latest year of the data). */
  years: number[];
  /** `2023、2024 年有报告；2025 年无报告` (plus reports of an unknown year). */
  coverage: string;
  figures: AgencyCardFigureRow[];
  /** The cross-year evaluations, or why they are not there (a sentence). */
  continuity: AgencyCardContinuity[] | string;
  /** Every report's flags (by year), or why they are not there (a sentence). */
  flagsByReport: AgencyCardYearFlags[] | string;
  /** Over every report: `5 条：错误 1、警告 4；已审核 0 条，未审核 5 条`; empty when the flags are not there. */
  flagSummary: string;
}

/** What {@link buildAgencyCard} reads: the agency page's data (app/_lib/use-agency-years.ts) and the decisions. */
export interface AgencyCardInput {
  years: AgencyYears;
  /** Flags by report_id (agencyFlagsSql), or the sentence (in the UI's language) why they could not be read. */
  flags: ReadonlyMap<string, readonly ReportFlag[]> | string;
  /** The cross-year evaluations (continuitySql → continuityChecks), or why they could not be made. */
  continuity: readonly ContinuityCheck[] | string;
  decisions: CardDecisions;
  now: Date;
}

/** What each cross-year rule compares (the agency page's wording, app/_components/AgencyChecks.tsx). */
const CHECK_TITLES: Record<ContinuityCheck['rule'], string> = {
  CARRYOVER_CONTINUITY: '上年结转与上一年结转下年度',
  IN_FORCE_CONTINUITY: '现行有效件数的衔接',
};

const VERDICTS: Record<ContinuityCheck['verdict'], { mark: string; label: string }> = {
  holds: { mark: '✓', label: '相符' },
  fails: { mark: '✗', label: '不符' },
  not_evaluated: { mark: '？', label: '无法检查' },
};

/** `2023、2024 年有报告；2025 年无报告；另有年度不明的报告 1 份`. */
function coverageText(ay: AgencyYears, t: Translate): string {
  const withReport = ay.years.filter((_, i) => ay.shown[i] !== null);
  const without = ay.years.filter((_, i) => ay.shown[i] === null);
  const parts = [
    withReport.length ? t('{{years}} 年有报告', { years: withReport.join(t('、')) }) : t('没有年度可识别的报告'),
    ...(without.length ? [t('{{years}} 年无报告', { years: without.join(t('、')) })] : []),
    ...(ay.unknownYear.length ? [t('另有年度不明的报告 {{count}} 份', { count: ay.unknownYear.length })] : []),
  ];
  return parts.join(t('；'));
}

/** The key figures per year: `无报告` for a year without a report. */
function figureRows(ay: AgencyYears, vocab: CardVocabulary, t: Translate): AgencyCardFigureRow[] {
  return vocab.metrics.map((m) => ({
    key: m.key,
    label: t(m.label),
    values: ay.shown.map((r) => (r ? cardValueText(m, r[m.key], t) : t('无报告'))),
    missing: ay.shown.map((r) => !r || typeof r[m.key] !== 'number'),
  }));
}

/** The cross-year evaluations as the card lists them. */
function continuityRows(checks: readonly ContinuityCheck[], t: Translate): AgencyCardContinuity[] | string {
  if (checks.length === 0) return t('没有相邻两个年度都有报告，跨年度检查（上年结转、现行有效件数）无法进行。');
  return checks.map((c) => ({
    rule: c.rule,
    verdict: c.verdict,
    mark: VERDICTS[c.verdict].mark,
    verdictLabel: t(VERDICTS[c.verdict].label),
    text: `${c.prevYear}→${c.year} ${t(CHECK_TITLES[c.rule])}${t('：')}${continuityText(c, t)}`,
  }));
}

/** The data source sentence of an agency card. */
function agencyDataSource(ay: AgencyYears, t: Translate): string {
  const all = [...Object.values(ay.reportsByYear).flat(), ...ay.unknownYear];
  const uploaded = all.filter((r) => r.origin === 'upload').length;
  const origin = [
    ...(all.length > uploaded ? [t('看板内置数据 {{count}} 份', { count: all.length - uploaded })] : []),
    ...(uploaded ? [t('在本浏览器中上传的文件 {{count}} 份', { count: uploaded })] : []),
  ].join(t('、'));
  return t('数据来源：这个机关公开发布的政府信息公开工作年度报告 {{count}} 份（{{origin}}），由本看板按国办公开办函〔2021〕30号的格式解析；数字以报告原文为准。', {
    count: all.length,
    origin,
  });
}

/** The 体检单 of one agency (see the module comment), said in `language` (Chinese by default). Never throws. */
export function buildAgencyCard(input: AgencyCardInput, vocab: CardVocabulary, language: CardLanguage = ZH_CARD): AgencyCardView {
  const { t } = language;
  const ay = input.years;
  const reports = [...ay.years.flatMap((y) => ay.reportsByYear[y]), ...ay.unknownYear];
  const flagsByReport: AgencyCardYearFlags[] | string =
    typeof input.flags === 'string'
      ? input.flags
      : reports.map((r) => {
          const id = String(r.report_id);
          const flags = cardFlags((input.flags as ReadonlyMap<string, readonly ReportFlag[]>).get(id) ?? [], input.decisions, vocab, language);
          const year = typeof r.year === 'number' ? t('{{year}} 年', { year: r.year }) : t('年度不明');
          return { reportId: id, heading: `${year}${t('（{{count}} 条）', { count: flags.length })}`, flags };
        });
  const allFlags = typeof flagsByReport === 'string' ? [] : flagsByReport.flatMap((y) => y.flags);
  const continuity = typeof input.continuity === 'string' ? input.continuity : continuityRows(input.continuity, t);
  const ruleIds = [...(typeof continuity === 'string' ? [] : continuity.map((c) => c.rule)), ...allFlags.map((f) => f.rule)];
  return {
    name: ay.agencyName,
    agencyKey: ay.agencyKey,
    printedNames: ay.printedNames,
    regions: ay.regions,
    years: ay.years,
    coverage: coverageText(ay, t),
    figures: figureRows(ay, vocab, t),
    continuity,
    flagsByReport,
    flagSummary: typeof flagsByReport === 'string' ? '' : flagSummaryText(allFlags, vocab, t),
    sources: cardRuleSources(ruleIds, t),
    dataSource: agencyDataSource(ay, t),
    dataSourceFiles: [],
    printedOn: printedOnText(input.now),
  };
}
