/**
 * The dashboard's filter state and its two readings (datasette-style: a filter is an SQL clause
 * plus a sentence that says the same thing in Chinese).
 *
 * The filter applies to reports (one row of reports.csv each): agency (机关, by agency_key: one
 * identity per agency across years and spellings, lib/parse/agency-identity.ts), region (地区: a
 * node of the division tree 省 → 市 → 县/区, ./region-tree.ts), agency type (机关类型) and level
 * (层级) as the resolver found them (lib/parse/resolve-agency.ts), report year (年度, the year the
 * data covers — not the publication year) and origin (来源: uploaded in this browser or built in,
 * ./load.ts Origin). Every view joins its data to the filtered reports, so one filter state
 * restricts all four views the same way.
 */
import { z } from 'zod';
import type { Origin } from '../store/load';
import { sqlIdent, sqlNumber, sqlString, sqlStringList } from '../store/sql';
import { regionPathParts, regionsWhere } from './region-tree';
import { zhT, type Translate } from '../present/i18n/translate';
import { agencyTypeLabel, levelLabel } from '../present/labels';
import { fillParts, joinParts, partsText, type TextPart } from './sentence-parts';

/** Levels of government an agency can belong to (reports.csv `level`, lib/model/report-schema.ts AgencyLevel). */
export const AGENCY_LEVELS = ['省', '市', '县'] as const;

/** A level of {@link AGENCY_LEVELS}. */
export type FilterLevel = (typeof AGENCY_LEVELS)[number];

/**
 * Filter state.
 * - `agencies`: agency keys (reports.agency_key, e.g. `320813:人民政府`); empty = all agencies;
 * - `regions`: region paths (./region-tree.ts: `江苏省`, `江苏省/淮安市`, `江苏省/淮安市/洪泽区`,
 *   `未识别地区`, `未识别地区/<printed region>`; a one-segment value also matches the printed
 *   region, as links before the tree held `淄博市临淄区`); empty = all regions;
 * - `types`: agency types (reports.agency_type, e.g. `科技局`); absent or empty = all types;
 * - `levels`: levels (reports.level: `省`, `市`, `县`); absent or empty = all levels;
 * - `yearFrom` / `yearTo`: inclusive bounds on the report year; absent = unbounded;
 * - `origin`: only uploaded (`upload`) or only built-in (`embedded`) reports; absent = both.
 * Several values within one field are alternatives (OR); the fields combine with AND.
 */
export interface FilterState {
  agencies: string[];
  regions: string[];
  types?: string[];
  levels?: FilterLevel[];
  yearFrom?: number;
  yearTo?: number;
  origin?: Origin;
}

/** The empty filter: everything. */
export const EMPTY_FILTER: FilterState = { agencies: [], regions: [] };

const Year = z.number().int().min(1900).max(2200);

/** Zod schema of {@link FilterState}, used to validate state read from a URL or elsewhere. */
export const FilterStateSchema = z.object({
  agencies: z.array(z.string()),
  regions: z.array(z.string()),
  types: z.array(z.string()).optional(),
  levels: z.array(z.enum(AGENCY_LEVELS)).optional(),
  yearFrom: Year.optional(),
  yearTo: Year.optional(),
  origin: z.enum(['embedded', 'upload']).optional(),
});

/**
 * Tidy a filter: trims names, drops empty and duplicate names (keeping first-seen order), trims
 * each segment of a region path (` 江苏省 / 淮安市 ` → `江苏省/淮安市`), drops levels other than
 * 省/市/县, leaves `types` and `levels` out when empty, and swaps the year bounds when
 * `yearFrom > yearTo`. Pure; the input is not modified.
 */
export function normalizeFilter(filter: FilterState): FilterState {
  const tidy = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))];
  let { yearFrom, yearTo } = filter;
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  const regions = tidy(filter.regions.map((r) => r.split('/').map((s) => s.trim()).filter((s) => s.length > 0).join('/')));
  const out: FilterState = { agencies: tidy(filter.agencies), regions };
  const types = tidy(filter.types ?? []);
  const levels = tidy(filter.levels ?? []).filter((l): l is FilterLevel => (AGENCY_LEVELS as readonly string[]).includes(l));
  if (types.length > 0) out.types = types;
  if (levels.length > 0) out.levels = levels;
  if (yearFrom !== undefined) out.yearFrom = yearFrom;
  if (yearTo !== undefined) out.yearTo = yearTo;
  if (filter.origin === 'upload' || filter.origin === 'embedded') out.origin = filter.origin;
  return out;
}

/**
 * The filter as an SQL boolean expression over the reports table or `facts` (or an alias of
 * either: both carry agency_key, province, city, county, region, level, agency_type, year and
 * origin), e.g. `(r."province" = '江苏省' OR r."region" = '江苏省') AND r."year" >= 2022` (regions:
 * ./region-tree.ts regionsWhere). Returns `TRUE` for the empty filter, so it can always follow
 * `WHERE`. String values are quoted with {@link sqlStringList}.
 *
 * @param alias table alias of reports in the calling query (`r` → `r."agency"`); '' for none.
 */
export function filterWhere(filter: FilterState, alias = ''): string {
  const f = normalizeFilter(filter);
  const col = (name: string) => (alias ? `${alias}.${sqlIdent(name)}` : sqlIdent(name));
  const parts: string[] = [];
  if (f.agencies.length > 0) parts.push(`${col('agency_key')} IN (${sqlStringList(f.agencies)})`);
  if (f.regions.length > 0) parts.push(regionsWhere(f.regions, col));
  if (f.types) parts.push(`${col('agency_type')} IN (${sqlStringList(f.types)})`);
  if (f.levels) parts.push(`${col('level')} IN (${sqlStringList(f.levels)})`);
  if (f.yearFrom !== undefined) parts.push(`${col('year')} >= ${sqlNumber(f.yearFrom)}`);
  if (f.yearTo !== undefined) parts.push(`${col('year')} <= ${sqlNumber(f.yearTo)}`);
  if (f.origin) parts.push(`${col('origin')} = ${sqlString(f.origin)}`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

/** `“a”、“b”或“c”` (English `“a”, “b” or “c”`): several values of one field, alternatives. */
function alternatives(values: ReadonlyArray<readonly TextPart[]>, t: Translate): TextPart[] {
  const quoted = values.map((v) => fillParts(t, '“{{value}}”', { value: v }));
  if (quoted.length <= 1) return quoted.flat();
  return fillParts(t, '{{some}}或{{last}}', { some: joinParts(t, quoted.slice(0, -1)), last: quoted[quoted.length - 1] });
}

/** The year bounds in words: `2022—2023 年`, `2022 年`, `2022 年及以后`, `2023 年及以前` (English via `t`: `2022–2023`, `2022 and later`), or null. */
export function describeYears(filter: FilterState, t: Translate = zhT): string | null {
  const { yearFrom, yearTo } = normalizeFilter(filter);
  if (yearFrom !== undefined && yearTo !== undefined) {
    return yearFrom === yearTo ? t('{{year}} 年', { year: yearFrom }) : t('{{from}}—{{to}} 年', { from: yearFrom, to: yearTo });
  }
  if (yearFrom !== undefined) return t('{{year}} 年及以后', { year: yearFrom });
  if (yearTo !== undefined) return t('{{year}} 年及以前', { year: yearTo });
  return null;
}

/**
 * The filter as one Chinese sentence, e.g.
 * `显示地区为“淄博市临淄区”、年度为 2022—2023 年的报告。`,
 * `显示地区为“江苏省”或“上海市”、机关类型为“科技局（厅、科委）”、层级为“县级”的报告。` or, with no filter,
 * `显示全部机关、全部地区、全部年度的报告。` The sentence names exactly the conditions of
 * {@link filterWhere}; a report whose year is unknown is excluded whenever a year bound is set.
 * With an English `t` (issue 10): `Showing reports with region “Jiangsu”, level “county level”, year 2022–2023.`
 *
 * @param agencyNames agency_key → the agency's name (FilterOptions.agencyNames), so the sentence
 *   names agencies, not keys; a key without a name is shown as is.
 * @param t the UI's translator (lib/present/i18n/translate.ts); Chinese by default.
 */
export function describeFilter(filter: FilterState, agencyNames: Readonly<Record<string, string>> = {}, t: Translate = zhT): string {
  return partsText(describeFilterParts(filter, agencyNames, t));
}

/** {@link describeFilter} as parts (./sentence-parts.ts): agency names and printed regions marked as data, for `translate="no"`. */
export function describeFilterParts(filter: FilterState, agencyNames: Readonly<Record<string, string>> = {}, t: Translate = zhT): TextPart[] {
  const f = normalizeFilter(filter);
  const conditions: TextPart[][] = [];
  const cond = (key: string, values: ReadonlyArray<readonly TextPart[]>) => conditions.push(fillParts(t, key, { values: alternatives(values, t) }));
  if (f.agencies.length > 0) cond('机关为{{values}}', f.agencies.map((k) => [{ text: agencyNames[k] ?? k, data: true }]));
  if (f.regions.length > 0) cond('地区为{{values}}', f.regions.map((r) => regionPathParts(r, t)));
  if (f.types) cond('机关类型为{{values}}', f.types.map((x) => [{ text: t(agencyTypeLabel(x)) }]));
  if (f.levels) cond('层级为{{values}}', f.levels.map((l) => [{ text: t(levelLabel(l)) }]));
  const years = describeYears(f, t);
  if (years) conditions.push([{ text: t('年度为 {{years}}', { years }) }]);
  if (f.origin) conditions.push([{ text: t(f.origin === 'upload' ? '来源为本浏览器中上传的文件' : '来源为看板内置数据') }]);
  if (conditions.length === 0) return [{ text: t('显示全部机关、全部地区、全部年度的报告。') }];
  return fillParts(t, '显示{{conditions}}的报告。', { conditions: joinParts(t, conditions) });
}

/**
 * The filter as URL search parameters (`agency` — an agency_key —, `region` — a region path,
 * `江苏省/淮安市` —, `type` and `level` repeated; `from`, `to`; `origin`), for links that reopen the
 * dashboard with the same filter, e.g. `?region=江苏省&type=科技局&level=县`. Empty fields are left out.
 */
export function filterToSearchParams(filter: FilterState): URLSearchParams {
  const f = normalizeFilter(filter);
  const p = new URLSearchParams();
  for (const a of f.agencies) p.append('agency', a);
  for (const r of f.regions) p.append('region', r);
  for (const t of f.types ?? []) p.append('type', t);
  for (const l of f.levels ?? []) p.append('level', l);
  if (f.yearFrom !== undefined) p.set('from', String(f.yearFrom));
  if (f.yearTo !== undefined) p.set('to', String(f.yearTo));
  if (f.origin) p.set('origin', f.origin);
  return p;
}

/**
 * Read a filter back from URL search parameters written by {@link filterToSearchParams}.
 * Unreadable years (`from=abc`) and levels (`level=乡`) are ignored rather than thrown; the result
 * is normalized.
 */
export function filterFromSearchParams(params: URLSearchParams): FilterState {
  const year = (s: string | null): number | undefined => {
    if (s === null || !/^\d{4}$/.test(s.trim())) return undefined;
    const parsed = Year.safeParse(Number(s));
    return parsed.success ? parsed.data : undefined;
  };
  const f: FilterState = { agencies: params.getAll('agency'), regions: params.getAll('region') };
  const types = params.getAll('type');
  const levels = params.getAll('level').filter((l): l is FilterLevel => (AGENCY_LEVELS as readonly string[]).includes(l.trim()));
  if (types.length > 0) f.types = types;
  if (levels.length > 0) f.levels = levels;
  const from = year(params.get('from'));
  const to = year(params.get('to'));
  if (from !== undefined) f.yearFrom = from;
  if (to !== undefined) f.yearTo = to;
  const origin = params.get('origin');
  if (origin === 'upload' || origin === 'embedded') f.origin = origin;
  return normalizeFilter(f);
}

/** True when the filter restricts nothing. */
export function isEmptyFilter(filter: FilterState): boolean {
  const f = normalizeFilter(filter);
  return f.agencies.length === 0 && f.regions.length === 0 && !f.types && !f.levels && f.yearFrom === undefined && f.yearTo === undefined && f.origin === undefined;
}
