/**
 * The alias table (data/agency-aliases.csv): a user's corrections of the agency identities the
 * resolver derived (agency-identity.ts) — merge two keys that are one agency, or split one that
 * is two. Applied by the ingest after resolution; each report an alias row changed names that
 * row in `agency_alias`, and the ingest prints which rows it applied.
 *
 * Format (UTF-8 CSV with a header row; columns in any order, `agency_name` and `note` optional):
 * - `pattern`: an agency name as printed or as completed (`洪泽区人民政府`; whitespace ignored),
 *   or a regular expression between slashes (`/^淮安市洪泽区/`), tested against both names;
 * - `agency_key`: the key to give the matching reports (e.g. `320813:人民政府`);
 * - `agency_name`: the display name to give them (else their own stays);
 * - `note`: why (who checked what).
 * The first matching row wins.
 */
import Papa from 'papaparse';
import type { Report } from '../model/report-schema';
import { err, ok, type Result } from '../model/result';
import { normalizeAgencyName } from './agency-identity';

/** One row of the alias table. `line` is its line number in the file (the header is line 1). */
export interface AgencyAlias {
  line: number;
  pattern: string;
  agency_key: string;
  agency_name: string | null;
  note: string;
}

/** Default file name of the alias table (in data/). */
export const AGENCY_ALIAS_FILE = 'agency-aliases.csv';

/** The regular expression of a `/…/` pattern, or null for a plain name; throws on a bad regex (caught by the parser). */
function patternRegex(pattern: string): RegExp | null {
  const m = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  return m ? new RegExp(m[1], m[2]) : null;
}

/**
 * Reads the alias table's text. Returns the rows (an empty table, header only, is fine), or one
 * Chinese sentence naming the file, the line and what to fix: a missing `pattern`/`agency_key`
 * column, an empty pattern or key, an invalid regular expression. Never throws.
 */
export function parseAgencyAliases(text: string, fileName = AGENCY_ALIAS_FILE): Result<AgencyAlias[]> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = (parsed.meta.fields ?? []).map((f) => f.trim());
  const missing = ['pattern', 'agency_key'].filter((c) => !fields.includes(c));
  if (missing.length) {
    return err(`${fileName} 缺少列 ${missing.join('、')}（表头应为 pattern,agency_key,agency_name,note），本次未使用别名表；请按 README 的格式修正表头。`);
  }
  const rows: AgencyAlias[] = [];
  for (const [i, raw] of parsed.data.entries()) {
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.trim(), typeof v === 'string' ? v.trim() : '']));
    const line = i + 2;
    if (!row.pattern || !row.agency_key) {
      return err(`${fileName} 第 ${line} 行缺少 ${!row.pattern ? 'pattern' : 'agency_key'}，本次未使用别名表；请补全或删去该行。`);
    }
    try {
      patternRegex(row.pattern);
    } catch (e) {
      return err(`${fileName} 第 ${line} 行的正则表达式 ${row.pattern} 无效（${(e as Error).message}），本次未使用别名表；请改正该行。`);
    }
    rows.push({ line, pattern: row.pattern, agency_key: row.agency_key, agency_name: row.agency_name || null, note: row.note ?? '' });
  }
  return ok(rows);
}

/** Whether an alias row's pattern matches a report's printed or completed agency name. */
export function aliasMatches(alias: AgencyAlias, report: Pick<Report, 'agency' | 'agency_printed'>): boolean {
  const names = [report.agency_printed, report.agency].filter((n): n is string => !!n).map(normalizeAgencyName);
  const re = patternRegex(alias.pattern);
  return re ? names.some((n) => re.test(n)) : names.includes(normalizeAgencyName(alias.pattern));
}

/**
 * The report with the first matching alias row applied: `agency_key` (and `agency_name` when the
 * row gives one) replaced, `agency_alias` set to `<file>:<line> <pattern>`; unchanged when no row
 * matches. Pure.
 */
export function applyAgencyAliases(report: Report, aliases: readonly AgencyAlias[], fileName = AGENCY_ALIAS_FILE): Report {
  const hit = aliases.find((a) => aliasMatches(a, report));
  if (!hit) return report;
  return {
    ...report,
    agency_key: hit.agency_key,
    agency_name: hit.agency_name ?? report.agency_name,
    agency_alias: `${fileName}:${hit.line} ${hit.pattern}`,
  };
}
