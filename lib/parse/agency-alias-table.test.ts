/** The alias table: its format, its errors, and how a row changes a report's identity. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report-schema';
import { aliasMatches, applyAgencyAliases, parseAgencyAliases } from './agency-alias-table';

const report = (agency: string, printed: string, key: string, name: string): Report => ({
  report_id: 'x',
  source_file: 'x.txt',
  agency,
  agency_printed: printed,
  region: null,
  year: 2024,
  published_on: null,
  report_kind: 'department',
  tables_found: [],
  sections_found: [],
  status: 'ok',
  status_message: '',
  form_version: '2021',
  province: null,
  city: null,
  county: null,
  level: null,
  agency_type: null,
  agency_key: key,
  agency_name: name,
  agency_alias: null,
  published_on_source: null,
  source_url: null,
});

describe('parseAgencyAliases', () => {
  it('reads the shipped table (data/agency-aliases.csv: header only, now that the 平潭 capture’s 标题: field is read as page metadata)', () => {
    const text = readFileSync(path.resolve(__dirname, '../../data/agency-aliases.csv'), 'utf8');
    const parsed = parseAgencyAliases(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual([]);
  });

  it('accepts a header-only table, a BOM and columns in any order', () => {
    expect(parseAgencyAliases('pattern,agency_key,agency_name,note\n')).toEqual({ ok: true, value: [] });
    expect(parseAgencyAliases('\uFEFFnote,agency_key,pattern\n合并,320813:人民政府,洪泽区政府\n')).toEqual({
      ok: true,
      value: [{ line: 2, pattern: '洪泽区政府', agency_key: '320813:人民政府', agency_name: null, note: '合并' }],
    });
  });

  it('says in one sentence what is wrong with a bad table', () => {
    const noKey = parseAgencyAliases('pattern,name\n洪泽区,x\n', 'data/agency-aliases.csv');
    expect(noKey).toEqual({ ok: false, error: expect.stringContaining('data/agency-aliases.csv 缺少列 agency_key') });
    const empty = parseAgencyAliases('pattern,agency_key\n洪泽区人民政府,\n');
    expect(empty).toEqual({ ok: false, error: expect.stringContaining('第 2 行缺少 agency_key') });
    const regex = parseAgencyAliases('pattern,agency_key\n/洪泽(区/,k\n');
    expect(regex).toEqual({ ok: false, error: expect.stringContaining('第 2 行的正则表达式 /洪泽(区/ 无效') });
  });
});

describe('applyAgencyAliases', () => {
  const parsed = parseAgencyAliases('pattern,agency_key,agency_name,note\n洪泽区 政府,320813:人民政府,淮安市洪泽区人民政府,合并\n/公安局$/,?:某公安局,,拆分\n');
  const aliases = parsed.ok ? parsed.value : [];

  it('applies the first matching row to the printed or completed name and names the row', () => {
    const merged = applyAgencyAliases(report('洪泽区政府', '洪泽区政府', '320813:政府', '淮安市洪泽区政府'), aliases);
    expect(merged).toMatchObject({ agency_key: '320813:人民政府', agency_name: '淮安市洪泽区人民政府', agency_alias: 'agency-aliases.csv:2 洪泽区 政府' });
    const split = applyAgencyAliases(report('标题:平潭综合实验区公安局', '标题:平潭综合实验区公安局', '35:x', 'y'), aliases);
    expect(split).toMatchObject({ agency_key: '?:某公安局', agency_name: 'y', agency_alias: 'agency-aliases.csv:3 /公安局$/' });
  });

  it('leaves a report no row matches unchanged', () => {
    const r = report('淮安市人民政府', '淮安市人民政府', '3208:人民政府', '淮安市人民政府');
    expect(applyAgencyAliases(r, aliases)).toBe(r);
    expect(aliasMatches(aliases[0], { agency: null, agency_printed: null })).toBe(false);
  });
});
