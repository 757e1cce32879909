/**
 * Review decisions on flags: a supervisor confirms (确认) or dismisses (驳回) a flag with a note.
 * This module is the decision logic only — the record's shape, making a decision, the CSV
 * export and its validated import, merging an import into what is stored, and telling which
 * decisions no longer match any flag (orphans). Storage is the app's business
 * (app/_lib/decision-store.ts keeps them in IndexedDB, grouped in buckets by ./decision-buckets.ts);
 * nothing here touches a browser API.
 *
 * A decision is keyed by the flag's fingerprint (lib/model/make-flag.ts flagFingerprint: 16 hex
 * digits from report id — itself a hash of the file's bytes —, rule, rule version and subject),
 * so it survives a rebuild of the data. A decision whose fingerprint matches no flag of the
 * current data (the report was replaced, the rule's version bumped) is an orphan: kept, counted
 * and shown, never dropped silently.
 *
 * Failures are values: `{ ok: false, error }` with a Chinese message that says what was wrong and
 * what to do.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { flagFingerprint } from '../model/make-flag';
import type { RuleId } from '../model/report-schema';
import type { Result } from '../model/result';

/**
 * Translates a Chinese message (the key) into the UI's language with `{{name}}` variables filled in:
 * the shape of lib/present/i18n/translate.ts Translate (lib/review imports only lib/model, so the app
 * passes its `t`). Messages here default to {@link zhFill}, the Chinese.
 */
export type Translate = (zh: string, vars?: Record<string, string | number | null | undefined>) => string;

/** The Chinese messages: the key with its `{{name}}` variables filled in (what lib/present/i18n zhT gives). */
export const zhFill: Translate = (zh, vars) => (vars ? zh.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? '')) : zh);


/** Chinese collation, made once (localeCompare with a locale builds a collator per call). */
const ZH_COLLATOR = new Intl.Collator('zh-CN');
/** The two decisions: `confirmed` (确认: the flag is a real problem), `dismissed` (驳回: it is not). */
export const DecisionValue = z.enum(['confirmed', 'dismissed']);
/** See {@link DecisionValue}. */
export type DecisionValue = z.infer<typeof DecisionValue>;

/** Chinese names of the decisions, as the UI and the CSV import accept them. */
export const DECISION_LABELS: Record<DecisionValue, string> = { confirmed: '确认', dismissed: '驳回' };

/** A flag fingerprint: 16 lowercase hex digits. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{16}$/;

/**
 * One decision, as stored and exported.
 * - `fingerprint`: the flag's fingerprint (the key);
 * - `decision`: confirmed / dismissed; `note`: the supervisor's reason (required for dismissed);
 * - `decided_at`: when, ISO 8601 in UTC (`2025-03-01T08:30:00.000Z`);
 * - `report_id`, `agency`, `year`, `rule`, `subject`: the flag's context at decision time, so an
 *   orphaned decision still says what it was about (null when unknown, e.g. a hand-made file).
 */
export const Decision = z.object({
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
  decision: DecisionValue,
  note: z.string(),
  decided_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  report_id: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  rule: z.string().nullable(),
  subject: z.string().nullable(),
});
/** See {@link Decision}. */
export type Decision = z.infer<typeof Decision>;

/** Columns of the decisions CSV, in order (export writes all; import needs the first two). */
export const DECISION_COLUMNS = ['fingerprint', 'decision', 'note', 'decided_at', 'report_id', 'agency', 'year', 'rule', 'subject'] as const;

/** Columns an imported file must have. */
export const REQUIRED_DECISION_COLUMNS = ['fingerprint', 'decision'] as const;

/** The flag a decision is made on, as the queue and the report page hold it. */
export interface FlagContext {
  fingerprint: string;
  report_id: string | null;
  agency: string | null;
  year: number | null;
  rule: string | null;
  /** flags.csv `subject` (`;`-joined references). */
  subject: string | null;
}

/**
 * A new decision on a flag, stamped `now`. A dismissal needs a reason: an empty (or blank) note
 * for `dismissed` is refused with `{ok: false, error: '驳回时请在备注中写明理由…'}`. The note is
 * trimmed. A fingerprint that is not 16 hex digits is refused too (a programming or data error).
 * Messages through `t` (Chinese by default).
 */
export function makeDecision(flag: FlagContext, decision: DecisionValue, note: string, now: Date, t: Translate = zhFill): Result<Decision> {
  const text = note.trim();
  if (decision === 'dismissed' && text === '') {
    return { ok: false, error: t('驳回时请在备注中写明理由（例如“原文表格如此，解析无误”），再点“驳回”。') };
  }
  if (!FINGERPRINT_PATTERN.test(flag.fingerprint)) {
    return { ok: false, error: t('这条检查结果的指纹“{{fp}}”格式不对，无法保存审核结果。请重新运行 npm run build:data 后刷新页面。', { fp: flag.fingerprint }) };
  }
  return {
    ok: true,
    value: {
      fingerprint: flag.fingerprint,
      decision,
      note: text,
      decided_at: now.toISOString(),
      report_id: flag.report_id,
      agency: flag.agency,
      year: flag.year,
      rule: flag.rule,
      subject: flag.subject,
    },
  };
}

/**
 * The fingerprint of a flag row read from flags.csv: its `fingerprint` column when present (newer
 * ingests write it), else computed with flagFingerprint from report_id, rule, rule_version and the
 * `;`-joined subject — the same function the ingest uses, so both agree.
 */
export function rowFingerprint(row: {
  fingerprint?: unknown;
  report_id?: unknown;
  rule?: unknown;
  rule_version?: unknown;
  subject?: unknown;
}): string {
  if (typeof row.fingerprint === 'string' && FINGERPRINT_PATTERN.test(row.fingerprint)) return row.fingerprint;
  const subject = typeof row.subject === 'string' && row.subject !== '' ? row.subject.split(';') : [];
  return flagFingerprint({
    report_id: String(row.report_id ?? ''),
    rule: String(row.rule ?? '') as RuleId,
    rule_version: Number(row.rule_version ?? 0),
    subject,
  });
}

// ------------------------------------------------------------------ export

/** UTF-8 byte order mark that starts the exported CSV (Excel then reads Chinese correctly). */
export const BOM = '\uFEFF';

/**
 * The decisions as CSV text: BOM, header {@link DECISION_COLUMNS}, CRLF line ends, one row per
 * decision ordered by agency, year, rule and fingerprint; null as an empty field. Text a
 * spreadsheet would run as a formula (starting with = + - @ tab or CR) is prefixed with `'`
 * (papaparse `escapeFormulae`); {@link parseDecisionsCsv} removes that prefix again.
 */
export function decisionsToCsv(decisions: readonly Decision[]): string {
  // Collate each distinct agency name once (a collator call per pair of 100,000 rows takes seconds).
  const agencies = [...new Set(decisions.map((d) => d.agency ?? ''))].sort(ZH_COLLATOR.compare);
  const agencyRank = new Map(agencies.map((a, i) => [a, i]));
  const rank = (d: Decision) => agencyRank.get(d.agency ?? '') ?? 0;
  const sorted = [...decisions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.year ?? 0) - (b.year ?? 0) ||
      (a.rule ?? '').localeCompare(b.rule ?? '') ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
  const data = sorted.map((d) => DECISION_COLUMNS.map((c) => d[c] ?? null));
  return BOM + Papa.unparse({ fields: [...DECISION_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n', quotes: false });
}

/** File name of an export made at `now` (local date): `审核结果_2025-03-01.csv`; through `t` in the UI's language (English `review-decisions_2025-03-01.csv`). */
export function decisionsFileName(now: Date, t: Translate = zhFill): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return t('审核结果_{{date}}.csv', { date: `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}` });
}

// ------------------------------------------------------------------ import

const MAX_LISTED = 5;
const WHAT_TO_DO = '请改正后重新导入；现有的审核结果没有任何改动。';
const UNCHANGED = '现有的审核结果没有任何改动。';
const ZIP_FILE = '导入失败：这是压缩文件（例如 Excel 工作簿 .xlsx），不是 CSV。请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，再导入那个 .csv 文件。现有的审核结果没有任何改动。';
/** What a decisions file must look like, in the UI's language (`t`). */
function formatHint(t: Translate): string {
  return t('文件应是“导出审核结果”得到的 CSV（UTF-8，第一行为列名 {{columns}}，其中 fingerprint 和 decision 两列必需）。', { columns: DECISION_COLUMNS.join(',') });
}

/** Undo papaparse's escapeFormulae: `'=SUM(A1)` → `=SUM(A1)`; other text unchanged. */
function unescapeFormula(s: string): string {
  return s.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** One day in milliseconds: how far ahead of the import's clock a `decided_at` may lie (time zones, clock skew). */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The import's clock: `now` (for rows without a date), and the latest acceptable `decided_at` —
 * tomorrow at this time ({@link DAY_MS} after `now`); a later date cannot be when a decision was
 * made, and would win every later merge ({@link mergeDecisions}).
 */
interface ImportClock {
  nowIso: string;
  latestMs: number;
  latestText: string;
}

function importClock(now: Date): ImportClock {
  const latestMs = now.getTime() + DAY_MS;
  return { nowIso: now.toISOString(), latestMs, latestText: new Date(latestMs).toISOString().slice(0, 10) };
}

function decisionValue(raw: string): DecisionValue | null {
  const v = raw.trim();
  const lower = v.toLowerCase();
  if (lower === 'confirmed' || v === DECISION_LABELS.confirmed) return 'confirmed';
  if (lower === 'dismissed' || v === DECISION_LABELS.dismissed) return 'dismissed';
  return null;
}

function listProblems(problems: readonly string[], t: Translate): string {
  const shown = problems.slice(0, MAX_LISTED).join(t('；'));
  return problems.length > MAX_LISTED ? t('{{shown}}；……另有 {{count}} 处', { shown, count: problems.length - MAX_LISTED }) : shown;
}

/**
 * Read a decisions CSV (the text of the chosen file) into validated decisions — all or nothing:
 * one bad row rejects the whole file, so a failed import never changes what is stored.
 *
 * Accepts a leading BOM, CRLF or LF, columns in any order, extra columns (ignored), decision
 * values `confirmed`/`dismissed` or `确认`/`驳回`, an empty `decided_at` (then `now`). Refuses,
 * each with a Chinese message naming what was wrong and what to do:
 * - an empty file, or a file that is not text CSV (a zip such as .xlsx, binary bytes);
 * - a header without the required columns `fingerprint` and `decision` (the message lists them
 *   and the header found);
 * - malformed CSV (an unclosed quote), rows with an unknown decision value, a fingerprint that is
 *   not 16 hex digits, a dismissal without a note, an unreadable date or year, a `decided_at`
 *   later than tomorrow at this time (`now` + 1 day: such a date is not when a decision was made,
 *   and it would win every later merge), the same fingerprint twice (rows are numbered as in a
 *   spreadsheet: the header is row 1);
 * - a file with a header but no rows.
 *
 * Linear in the rows: 100,000 rows take well under a second (tests/bench/bench-review-import.ts).
 * Messages in the UI's language through `t` (Chinese, unchanged, by default).
 */
export function parseDecisionsCsv(text: string, now: Date, t: Translate = zhFill): Result<Decision[]> {
  const body = text.replace(/^\uFEFF/, '');
  const notCsv = notTextCsv(text, body, t);
  if (notCsv) return { ok: false, error: notCsv };

  const parsed = Papa.parse<string[]>(body, { header: false, delimiter: ',', skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const shapeProblem = tableShapeProblem(parsed, header, t);
  if (shapeProblem) return { ok: false, error: shapeProblem };

  const columns = Object.fromEntries(DECISION_COLUMNS.map((name) => [name, header.indexOf(name)])) as ColumnIndex;
  const seen: RowProblems = { problems: [], badDecisions: [], firstRow: new Map() };
  const clock = importClock(now);
  const out: Decision[] = [];
  for (let i = 1; i < rows.length; i++) {
    const decision = readDecisionRow(rows[i], columns, i + 1, clock, seen, t);
    if (decision) out.push(decision);
  }
  const { problems, badDecisions } = seen;
  if (badDecisions.length > 0) {
    problems.unshift(
      t('decision 列有无法识别的值：{{values}}；只能是 confirmed（确认）或 dismissed（驳回）', { values: listProblems(badDecisions, t) }),
    );
  }
  if (problems.length > 0) return { ok: false, error: t('导入失败：{{problems}}。', { problems: listProblems(problems, t) }) + t(WHAT_TO_DO) };
  return { ok: true, value: out };
}

/**
 * Why `text` is not a decisions CSV at all — a zip (an .xlsx workbook), empty, or binary /
 * not UTF-8 (control characters, or more than 1 in 20 replacement characters in its first 4 KB) —
 * as the whole import message; null when it reads as text. `body` is `text` without its BOM.
 */
function notTextCsv(text: string, body: string, t: Translate): string | null {
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('PK\u0005\u0006')) {
    return t(ZIP_FILE);
  }
  if (body.trim() === '') return t('导入失败：文件是空的。') + formatHint(t) + t(UNCHANGED);
  const head = body.slice(0, 4096);
  const controls = (head.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  const replaced = (head.match(/\uFFFD/g) ?? []).length;
  if (controls > 0 || replaced > head.length / 20) {
    return t('导入失败：这不是文本 CSV 文件（含有二进制内容或无法按 UTF-8 读取）。') + formatHint(t) + t(UNCHANGED);
  }
  return null;
}

/**
 * What is wrong with the parsed CSV as a whole — required columns missing from `header` (the
 * first row, trimmed and lower-cased), unpaired quotes, no row under the header — as the whole
 * import message; null when its rows can be read one by one.
 */
function tableShapeProblem(parsed: Papa.ParseResult<string[]>, header: readonly string[], t: Translate): string | null {
  const rows = parsed.data;
  const missing = REQUIRED_DECISION_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const shownHeader = (rows[0] ?? []).join(',').slice(0, 200);
    return (
      t('导入失败：文件缺少必需的列 {{columns}}（文件第一行是“{{header}}”）。', { columns: missing.join(t('、')), header: shownHeader }) +
      formatHint(t) +
      t('请确认选择的是审核结果文件，而不是看板视图下载的 CSV。现有的审核结果没有任何改动。')
    );
  }
  const structural = parsed.errors.filter((e) => e.type === 'Quotes' || e.code === 'InvalidQuotes' || e.code === 'MissingQuotes');
  if (structural.length > 0) {
    const where = structural.map((e) => (typeof e.row === 'number' ? t('第 {{line}} 行', { line: e.row + 1 }) : t('某行'))).join(t('、'));
    return t('导入失败：CSV 格式有误（{{where}}附近引号不成对）。请用文本编辑器或 Excel 检查该行，', { where }) + t(WHAT_TO_DO);
  }
  if (rows.length < 2) return t('导入失败：文件只有列名，没有审核记录，没有可导入的内容。现有的审核结果没有任何改动。');
  return null;
}

/** A column of the decisions CSV. */
type DecisionColumn = (typeof DECISION_COLUMNS)[number];

/** Where each column is in the imported file's rows (-1: not there). */
type ColumnIndex = Record<DecisionColumn, number>;

/** The text of column `at` of `row`, trimmed, formula escape undone; '' when the column is missing. */
function field(row: readonly string[], at: number): string {
  return at >= 0 && at < row.length ? unescapeFormula((row[at] ?? '').trim()) : '';
}

/** Empty text as null (an optional column left empty). */
function orNull(s: string): string | null {
  return s === '' ? null : s;
}

/**
 * What the rows of one import have said so far: problems (in row order), unrecognized decision
 * values (listed together), and the first row (spreadsheet numbering) of each fingerprint.
 */
interface RowProblems {
  problems: string[];
  badDecisions: string[];
  firstRow: Map<string, number>;
}

/**
 * One data row (`columns` says where each column is; `line` numbers it as a spreadsheet does, the header
 * being row 1) as a decision, or null after noting its problems in `seen`: a fingerprint that is
 * not 16 hex digits or repeats an earlier row's, an unknown decision value, a dismissal without a
 * note, an unreadable `decided_at` (empty = the import's time) or one later than tomorrow, an
 * unreadable `year`.
 */
function readDecisionRow(row: readonly string[], columns: ColumnIndex, line: number, clock: ImportClock, seen: RowProblems, t: Translate): Decision | null {
  const { problems, firstRow } = seen;
  const get = (name: DecisionColumn): string => field(row, columns[name]);
  const fp = get('fingerprint').toLowerCase();
  const rawDecision = get('decision');
  const decision = decisionValue(rawDecision);
  const note = get('note');
  const at = get('decided_at');
  const yearText = get('year');
  const before = problems.length;
  if (!FINGERPRINT_PATTERN.test(fp)) {
    problems.push(t('第 {{line}} 行 fingerprint “{{fp}}” 不是 16 位十六进制指纹（若用 Excel 编辑过，请把该列设为文本格式）', { line, fp }));
  } else if (firstRow.has(fp)) {
    problems.push(t('第 {{line}} 行与第 {{first}} 行的 fingerprint 相同（{{fp}}），每条检查结果只能有一个审核结果', { line, first: firstRow.get(fp), fp }));
  } else firstRow.set(fp, line);
  if (!decision) seen.badDecisions.push(t('第 {{line}} 行“{{value}}”', { line, value: rawDecision }));
  else if (decision === 'dismissed' && note === '') problems.push(t('第 {{line}} 行是驳回，但 note（备注）为空：驳回须写明理由', { line }));
  const atMs = at === '' ? NaN : Date.parse(at);
  if (at !== '' && Number.isNaN(atMs)) {
    problems.push(t('第 {{line}} 行 decided_at “{{at}}” 不是日期时间（应如 2025-03-01T08:30:00.000Z）', { line, at }));
  } else if (atMs > clock.latestMs) {
    problems.push(t('第 {{line}} 行 decided_at “{{at}}” 晚于明天（{{latest}}），不可能是做出审核的时间：请改为实际的审核日期，或清空该格（按导入时间记）', { line, at, latest: clock.latestText }));
  }
  if (yearText !== '' && !/^\d{4}$/.test(yearText)) problems.push(t('第 {{line}} 行 year “{{year}}” 不是四位年份', { line, year: yearText }));
  if (problems.length > before || !decision) return null;
  return {
    fingerprint: fp,
    decision,
    note,
    decided_at: at === '' ? clock.nowIso : new Date(atMs).toISOString(),
    report_id: orNull(get('report_id')),
    agency: orNull(get('agency')),
    year: yearText === '' ? null : Number(yearText),
    rule: orNull(get('rule')),
    subject: orNull(get('subject')),
  };
}

/**
 * Decode the bytes of a chosen import file to text: UTF-8 (with or without BOM), else GB18030 —
 * what Excel on Chinese Windows writes when saving as “CSV（逗号分隔）”. A zip (an .xlsx workbook)
 * or bytes that are neither encoding are refused with a Chinese message saying what to do.
 * Uses the standard TextDecoder (browser and Node). Messages through `t` (Chinese by default).
 */
export function decodeDecisionFile(bytes: Uint8Array, t: Translate = zhFill): Result<string> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) {
    return { ok: false, error: t(ZIP_FILE) };
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { ok: true, value: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      // try the next encoding
    }
  }
  return { ok: false, error: t('导入失败：文件既不是 UTF-8 也不是 GB18030 编码的文本，可能不是 CSV 文件。') + formatHint(t) + t(UNCHANGED) };
}

// ------------------------------------------------------------------ merge and reconcile

/** What an import does to the stored decisions. */
export interface MergeResult {
  /** The decisions to write (new ones and those the import replaces). */
  toWrite: Decision[];
  /** Every decision after the merge (stored ones not in the file are kept as they are). */
  merged: Decision[];
  /** Counts: new fingerprints, replaced decisions, identical ones, and stored ones kept because they are newer than the file's. */
  added: number;
  updated: number;
  unchanged: number;
  keptNewer: number;
}

/**
 * Merge imported decisions into the stored ones, by fingerprint. Nothing stored is ever removed.
 * For a fingerprint in both: the same decision and note → unchanged; otherwise the later
 * `decided_at` wins (a tie goes to the file), so importing an old export cannot undo newer work —
 * `keptNewer` counts those cases. A date later than tomorrow at `now` (one day ahead, as
 * {@link parseDecisionsCsv} allows) is no date at all: a stored decision dated 9999-12-31 (kept
 * from before imports refused such dates) does not win, and neither does such an incoming one.
 * Linear in the decisions (a Map by fingerprint).
 *
 * @param now the time of the import (the default: the clock)
 */
export function mergeDecisions(stored: readonly Decision[], incoming: readonly Decision[], now: Date = new Date()): MergeResult {
  const latestMs = now.getTime() + DAY_MS;
  /** When a decision was made, in ms; -Infinity for a date beyond tomorrow (it never wins). */
  const when = (d: Decision): number => {
    const ms = Date.parse(d.decided_at);
    return ms > latestMs ? -Infinity : ms;
  };
  const byFp = new Map(stored.map((d) => [d.fingerprint, d]));
  const toWrite: Decision[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let keptNewer = 0;
  for (const d of incoming) {
    const old = byFp.get(d.fingerprint);
    if (!old) {
      added++;
      toWrite.push(d);
      byFp.set(d.fingerprint, d);
    } else if (old.decision === d.decision && old.note === d.note) {
      unchanged++;
    } else if (when(d) >= when(old)) {
      updated++;
      toWrite.push(d);
      byFp.set(d.fingerprint, d);
    } else {
      keptNewer++;
    }
  }
  return { toWrite, merged: [...byFp.values()], added, updated, unchanged, keptNewer };
}

/** A sentence summing up a merge, e.g. `导入完成：新增 3 条，更新 1 条，相同 2 条。` (through `t`: English `Import done: 3 added, …`). */
export function describeMerge(m: Pick<MergeResult, 'added' | 'updated' | 'unchanged' | 'keptNewer'>, t: Translate = zhFill): string {
  const parts = [t('新增 {{count}} 条', { count: m.added }), t('更新 {{count}} 条', { count: m.updated }), t('相同 {{count}} 条', { count: m.unchanged })];
  if (m.keptNewer > 0) parts.push(t('{{count}} 条本机的审核结果比文件中的更新，保留本机的', { count: m.keptNewer }));
  return t('导入完成：{{parts}}。', { parts: parts.join(t('，')) });
}

/**
 * Split decisions into those whose fingerprint matches a flag of the current data (`matched`)
 * and orphans (`orphaned`: the flag is gone — report replaced, rule version changed). Orphans are
 * returned, not dropped: the caller keeps them stored and shows their count (孤立).
 */
export function reconcileDecisions(
  decisions: readonly Decision[],
  flagFingerprints: ReadonlySet<string>,
): { matched: Decision[]; orphaned: Decision[] } {
  const matched: Decision[] = [];
  const orphaned: Decision[] = [];
  for (const d of decisions) (flagFingerprints.has(d.fingerprint) ? matched : orphaned).push(d);
  return { matched, orphaned };
}

/** Review status of a flag: `open` (未审核), or its decision. */
export type ReviewStatus = 'open' | DecisionValue;

/** Chinese names of the review statuses: 未审核, 已确认, 已驳回. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { open: '未审核', confirmed: '已确认', dismissed: '已驳回' };

/** Whether a string is a {@link ReviewStatus} (e.g. read from a URL). */
export function isReviewStatus(s: unknown): s is ReviewStatus {
  return s === 'open' || s === 'confirmed' || s === 'dismissed';
}

/**
 * Counts for the queue's summary line: flags in `fingerprints` (the current data, filtered or
 * not) by status, and the orphaned decisions among all `decisions` given `allFingerprints`
 * (every flag of the data, unfiltered).
 */
export function reviewCounts(
  fingerprints: readonly string[],
  decisions: ReadonlyMap<string, Decision>,
  allFingerprints: ReadonlySet<string>,
): { total: number; open: number; confirmed: number; dismissed: number; orphaned: number } {
  let confirmed = 0;
  let dismissed = 0;
  for (const fp of fingerprints) {
    const d = decisions.get(fp);
    if (d?.decision === 'confirmed') confirmed++;
    else if (d?.decision === 'dismissed') dismissed++;
  }
  let orphaned = 0;
  for (const fp of decisions.keys()) if (!allFingerprints.has(fp)) orphaned++;
  return { total: fingerprints.length, open: fingerprints.length - confirmed - dismissed, confirmed, dismissed, orphaned };
}

/**
 * Check a record read back from storage (an older version may have written another shape):
 * the decision, or null when it does not match {@link Decision}. Callers keep such records
 * stored and only count them.
 */
export function readStoredDecision(value: unknown): Decision | null {
  if (isExactDecision(value)) return value;
  const r = Decision.safeParse(value);
  return r.success ? r.data : null;
}

/** Whether a value, or null. */
const textOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/**
 * The fast check of {@link readStoredDecision} (opening the 审核 view reads every stored
 * decision, 150,000 and more): true when `v` has exactly the keys of {@link Decision}, each valid
 * as the schema says — then the schema would return an equal object. Anything else (other keys,
 * another shape) is left to the schema.
 */
function isExactDecision(v: unknown): v is Decision {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    Object.keys(d).length === DECISION_COLUMNS.length &&
    typeof d.fingerprint === 'string' &&
    FINGERPRINT_PATTERN.test(d.fingerprint) &&
    (d.decision === 'confirmed' || d.decision === 'dismissed') &&
    typeof d.note === 'string' &&
    typeof d.decided_at === 'string' &&
    !Number.isNaN(Date.parse(d.decided_at)) &&
    textOrNull(d.report_id) &&
    textOrNull(d.agency) &&
    (d.year === null || Number.isSafeInteger(d.year)) &&
    textOrNull(d.rule) &&
    textOrNull(d.subject)
  );
}
