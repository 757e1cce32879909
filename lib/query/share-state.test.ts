/**
 * The link parameters beyond the filter (page, csvkeys, u) and what a link says when its reports
 * are not loaded here (issue 10 "Links"). Agency keys are those of data/seeds as in tests/fixtures
 * (reports.csv agency_key).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { EMPTY_FILTER } from './filters';
import { linkDataNote, pageFromParam, pageToParam, stateInvolvesUploads } from './share-state';

const KEYS = Papa.parse<Record<string, string>>(readFileSync(fileURLToPath(new URL('../../tests/fixtures/reports.csv', import.meta.url)), 'utf8'), { header: true, skipEmptyLines: true }).data.map(
  (r) => r.agency_key,
);

describe('page=', () => {
  it('is 1-based in the URL and 0-based in the page; junk reads as the first page', () => {
    expect([pageFromParam('3'), pageFromParam('1'), pageFromParam(null), pageFromParam('x'), pageFromParam('-2'), pageFromParam('0')]).toEqual([2, 0, 0, 0, 0, 0]);
    expect([pageToParam(2), pageToParam(0), pageToParam(-1), pageToParam(1.5)]).toEqual(['3', null, null, null]);
    for (const p of [1, 2, 40]) expect(pageFromParam(pageToParam(p))).toBe(p);
  });
});

describe('stateInvolvesUploads (u=1)', () => {
  const [built, uploaded] = [KEYS[0], KEYS[4]];
  const base = { uploads: 2, uploadedAgencies: [uploaded], filter: EMPTY_FILTER, compare: [] as string[] };
  it('needs uploads in this tab, and is off for 仅内置数据', () => {
    expect(stateInvolvesUploads({ ...base, uploads: 0 })).toBe(false);
    expect(stateInvolvesUploads({ ...base, filter: { ...EMPTY_FILTER, origin: 'embedded' } })).toBe(false);
    expect(stateInvolvesUploads({ ...base, filter: { ...EMPTY_FILTER, origin: 'upload', agencies: [built] } })).toBe(true);
  });
  it('with agencies named, only when one of them has an uploaded report; with none named, always', () => {
    expect(stateInvolvesUploads(base)).toBe(true);
    expect(stateInvolvesUploads({ ...base, filter: { ...EMPTY_FILTER, agencies: [built] } })).toBe(false);
    expect(stateInvolvesUploads({ ...base, filter: { ...EMPTY_FILTER, agencies: [built] }, compare: [uploaded] })).toBe(true);
    expect(stateInvolvesUploads({ ...base, filter: { ...EMPTY_FILTER, agencies: [uploaded] } })).toBe(true);
  });
});

describe('linkDataNote', () => {
  const loaded = KEYS.slice(0, 3);
  it('is null when the link needs nothing this tab lacks', () => {
    expect(linkDataNote({ marked: false, uploadsHere: 0, chosen: loaded, loadedAgencies: loaded })).toBeNull();
    expect(linkDataNote({ marked: true, uploadsHere: 2, chosen: [], loadedAgencies: loaded })).toBeNull();
  });
  it('a marked link in a tab without uploads says why rows are missing and what to do', () => {
    const n = linkDataNote({ marked: true, uploadsHere: 0, chosen: [], loadedAgencies: null })!;
    expect(n.message).toContain('上传的报告只保存在');
    expect(n.what).toContain('上传年报');
    expect(n.what).toContain('下载 CSV');
    expect(n.missingAgencies).toEqual([]);
  });
  it('names the chosen agencies that no loaded report has, once the loaded agencies are known', () => {
    const n = linkDataNote({ marked: false, uploadsHere: 0, chosen: [KEYS[0], KEYS[4], KEYS[4]], loadedAgencies: loaded })!;
    expect(n.missingAgencies).toEqual([KEYS[4]]);
    expect(n.message).toContain(KEYS[4]);
    expect(linkDataNote({ marked: false, uploadsHere: 0, chosen: [KEYS[4]], loadedAgencies: null })).toBeNull();
  });
});
