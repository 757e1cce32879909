/**
 * The same report read twice (a crawl's PDF and HTML of one report, a re-published page, an
 * identical copy under another name) is counted once. Not a Rule (it raises no flag): it decides
 * which readable reports are copies of another, and gives those status `duplicate` with a message
 * naming the report kept. Their cells and flags stay in the CSVs (nothing is lost); the views
 * (lib/store/facts.ts), coverage (lib/query/coverage.ts) and the cross-year pairing
 * (./run-checks.ts crossYearFlags) leave them out. Identical files of one batch (the same bytes,
 * so the same content-hash report_id) are told apart first ({@link identicalCopies}): later copies get
 * ids `-2`, `-3`… and, when readable, status `duplicate` naming the first copy (issue 12). Pure: no
 * file system, runs in the browser too.
 */
import type { Cell, Report, ReportRecord } from '../model/report-schema';
import { isValueStatus } from '../model/report-schema';

/**
 * How many cells two reports must both give (status `reported`/`inferred`) before their agreement
 * means they are the same report: 20, about a fifth of the 2021 form's 表二–表四 number cells, so a
 * copy missing a table still matches, while two reports that share only a handful of cells (a
 * text read with one table) are never merged on that alone.
 */
export const MIN_SHARED_CELLS = 20;

/** A report as the duplicate test sees it: its row and the value of each read cell. */
export interface DuplicateCandidate {
  report: Report;
  /** Value (件, or 万元 for t2 fees.amount) of each cell with a value (VALUE_STATUSES: printed, inferred, OCR, corrected, typed), keyed by {@link cellKey}. */
  values: ReadonlyMap<string, number>;
}

/** The key of a cell in {@link DuplicateCandidate.values}: `table|row|column`, e.g. `t3|new_requests|total`. */
export const cellKey = (c: Pick<Cell, 'table' | 'row' | 'column'>): string => `${c.table}|${c.row}|${c.column}`;

/** The values of the cells a report gives (a VALUE_STATUSES status — so a scan and the text of one report are the same report —, value not null), by {@link cellKey}. */
export function readValues(cells: readonly Cell[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) if (isValueStatus(c.status) && c.value !== null) out.set(cellKey(c), c.value);
  return out;
}

/** The status_message of a duplicate (one sentence, in Chinese): which report was kept and why this one is not counted. */
export function duplicateMessage(kept: Pick<Report, 'source_file' | 'report_id'>): string {
  return `与 ${kept.source_file}（report_id ${kept.report_id}）是同一份报告（同一机关、同一年度，表格数字一致），未重复计入统计。`;
}

/** The report row of a duplicate of `kept`: status `duplicate` and {@link duplicateMessage}; every other field as read. */
export function asDuplicate(report: Report, kept: Pick<Report, 'source_file' | 'report_id'>): Report {
  return { ...report, status: 'duplicate', status_message: duplicateMessage(kept) };
}

/**
 * Whether two reports' cells agree: every cell both give has the same value, and they both give at
 * least {@link MIN_SHARED_CELLS} cells.
 */
export function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w === undefined) continue;
    if (w !== v) return false;
    shared++;
  }
  return shared >= MIN_SHARED_CELLS;
}

/**
 * The duplicates among `candidates`, by report_id → the report kept in its place. Two readable
 * reports (status `ok`/`partial`) with the same `agency_key` (not null) and the same year (not null)
 * whose cells agree ({@link sameNumbers}) are one report: the one with more read cells is kept (ties:
 * the first by source_file, then by input order), the other is its duplicate. Two reports of one
 * agency and year whose numbers differ are NOT merged: both stay as they are (telling the user that
 * an agency has two different reports for a year is another issue). Reports of other statuses, or
 * without agency_key or year, are never duplicates. Never throws.
 */
export function findDuplicates(candidates: readonly DuplicateCandidate[]): Map<string, Report> {
  const groups = new Map<string, Array<{ c: DuplicateCandidate; i: number }>>();
  candidates.forEach((c, i) => {
    const r = c.report;
    if ((r.status !== 'ok' && r.status !== 'partial') || !r.agency_key || r.year === null) return;
    const key = `${r.agency_key}|${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), { c, i }]);
  });
  const out = new Map<string, Report>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort(
      (x, y) =>
        y.c.values.size - x.c.values.size ||
        (x.c.report.source_file < y.c.report.source_file ? -1 : x.c.report.source_file > y.c.report.source_file ? 1 : 0) ||
        x.i - y.i,
    );
    const kept: DuplicateCandidate[] = [];
    for (const { c } of ordered) {
      const original = kept.find((k) => sameNumbers(k.values, c.values));
      if (original) out.set(c.report.report_id, original.report);
      else kept.push(c);
    }
  }
  return out;
}

/**
 * The records with each duplicate ({@link findDuplicates}) given status `duplicate` and a message
 * naming the report kept ({@link asDuplicate}); same order, cells and flags unchanged. Never throws.
 */
export function markDuplicateReports(records: readonly ReportRecord[]): ReportRecord[] {
  const dups = findDuplicates(records.map((r) => ({ report: r.report, values: readValues(r.cells) })));
  if (!dups.size) return [...records];
  return records.map((r) => {
    const kept = dups.get(r.report.report_id);
    return kept ? { ...r, report: asDuplicate(r.report, kept) } : r;
  });
}

/**
 * The status_message of an identical copy (one sentence, in Chinese): the file it repeats, with that
 * file's report_id, and that it is not counted twice.
 */
export function copyMessage(first: Pick<Report, 'source_file' | 'report_id'>): string {
  return `与 ${first.source_file}（report_id ${first.report_id}）内容完全相同（同一文件的副本），未重复计入统计。`;
}

/** The report row of an identical copy of `first`: status `duplicate` and {@link copyMessage}; every other field as read. */
export function asCopy(report: Report, first: Pick<Report, 'source_file' | 'report_id'>): Report {
  return { ...report, status: 'duplicate', status_message: copyMessage(first) };
}

/** What {@link identicalCopies} decides for one report of a batch. */
export interface CopyVerdict {
  /** The report's id in the batch: its content-hash id for the first with those bytes, else that id + `-2`, `-3`… in input order. */
  id: string;
  /** For a readable copy (status `ok`/`partial`) of an earlier readable report with the same bytes: that report (its id unsuffixed as the batch writes it), else null. */
  copyOf: Pick<Report, 'source_file' | 'report_id'> | null;
}

/**
 * Identical files in one batch (issue 12: 1,000 copies of a report must not count 1,000 times).
 * Report ids are content hashes (lib/read/content-id.ts), so copies share one: the first keeps it,
 * the later ones get `-2`, `-3`… in input order, so every row of the CSVs stays unique. A readable
 * copy (status `ok`/`partial`) of an earlier readable one is a copy of the first readable report
 * with those bytes (`copyOf`); a copy that did not read (a timeout, an unreadable file) keeps its own
 * status, and so does a readable one whose earlier copies all failed (it is then the one counted).
 *
 * @param reports the batch's reports in input order (their report_id as read)
 * @returns one verdict per report, same order. Never throws.
 */
export function identicalCopies(reports: ReadonlyArray<Pick<Report, 'report_id' | 'status' | 'source_file'>>): CopyVerdict[] {
  const seen = new Map<string, number>();
  const firstReadable = new Map<string, Pick<Report, 'source_file' | 'report_id'>>();
  return reports.map((r) => {
    const n = (seen.get(r.report_id) ?? 0) + 1;
    seen.set(r.report_id, n);
    const id = n === 1 ? r.report_id : `${r.report_id}-${n}`;
    if (r.status !== 'ok' && r.status !== 'partial') return { id, copyOf: null };
    const first = firstReadable.get(r.report_id);
    if (first) return { id, copyOf: first };
    firstReadable.set(r.report_id, { source_file: r.source_file, report_id: id });
    return { id, copyOf: null };
  });
}

/**
 * The records of one batch with identical files told apart ({@link identicalCopies}): a later copy's
 * report, cells and flags carry its suffixed id, and a readable copy of an earlier readable one has
 * status `duplicate` and {@link copyMessage}; its cells and flags are kept as read (left out of the
 * counted facts like every `duplicate`). Same order; records that are no copy are returned as they are.
 * Never throws.
 */
export function markIdenticalCopies(records: readonly ReportRecord[]): ReportRecord[] {
  const verdicts = identicalCopies(records.map((r) => r.report));
  return records.map((rec, i) => {
    const { id, copyOf } = verdicts[i];
    if (id === rec.report.report_id && !copyOf) return rec;
    const report = { ...rec.report, report_id: id };
    return {
      ...rec,
      report: copyOf ? asCopy(report, copyOf) : report,
      cells: rec.cells.map((c) => ({ ...c, report_id: id })),
      flags: rec.flags.map((x) => ({ ...x, report_id: id })),
    };
  });
}
