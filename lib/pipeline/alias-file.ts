/**
 * The alias table as a file (data/agency-aliases.csv; the format and how a row applies are
 * lib/parse/agency-alias-table.ts): read for the ingests (`npm run build:data`, `npm run ingest`,
 * the parallel ingest), copied next to the data it was applied to (DIR/agency-aliases.csv, so
 * that the dashboard serves it at /data/agency-aliases.csv and applies the same rows to uploads),
 * and the line that says which rows were applied.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AGENCY_ALIAS_FILE, parseAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import type { Report } from '../model/report-schema';
import { err, ok, type Result } from '../model/result';

/** An alias table read from a file: its rows, its text as read (copied to the output) and the name messages use. */
export interface AliasTable {
  rows: AgencyAlias[];
  text: string;
  /** How messages and `agency_alias` name the file, e.g. `data/agency-aliases.csv`. */
  label: string;
}

/**
 * Reads and parses an alias table.
 * @param file the CSV's path
 * @param label how messages name it (default: the path as given)
 * @returns the table; `ok(null)` when the file does not exist and `optional` is set (the default
 *   table is optional); else a one-sentence Chinese error naming the file and what to fix (missing,
 *   unreadable, a bad column, row or regular expression — lib/parse/agency-alias-table.ts). Never throws.
 */
export function readAliasFile(file: string, opts: { label?: string; optional?: boolean } = {}): Result<AliasTable | null> {
  const label = opts.label ?? file;
  if (!existsSync(file)) return opts.optional ? ok(null) : err(`找不到别名表 ${label}；请检查 --aliases 给出的路径。`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return err(`别名表 ${label} 无法读取（${(e as Error).message}）；请检查文件权限后重试。`);
  }
  const rows = parseAgencyAliases(text, label);
  return rows.ok ? ok({ rows: rows.value, text, label }) : rows;
}

/**
 * Writes the applied table next to the data as `outDir/agency-aliases.csv` (what /data/agency-aliases.csv
 * serves, so that uploads get the same identities), or removes a stale copy when no table was
 * applied (`table` null).
 */
export function writeAliasCopy(outDir: string, table: AliasTable | null): void {
  const target = path.join(outDir, AGENCY_ALIAS_FILE);
  if (table) writeFileSync(target, table.text);
  else rmSync(target, { force: true });
}

/**
 * The line that says which rows of the table were applied: `agency aliases: 1 rows in
 * data/agency-aliases.csv, data/agency-aliases.csv:2 /平潭综合实验区公安局$/ → 1 report(s)` (or
 * `none applied`), from the reports' `agency_alias`.
 */
export function aliasSummary(table: AliasTable, reports: Iterable<Pick<Report, 'agency_alias'>>): string {
  const applied = new Map<string, number>();
  for (const r of reports) if (r.agency_alias) applied.set(r.agency_alias, (applied.get(r.agency_alias) ?? 0) + 1);
  return (
    `agency aliases: ${table.rows.length} rows in ${table.label}, ` +
    (applied.size ? [...applied].map(([row, n]) => `${row} → ${n} report(s)`).join('; ') : 'none applied')
  );
}
