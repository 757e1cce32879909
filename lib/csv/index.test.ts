import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvDownloadName, rowsToCsv } from './index';

describe('rowsToCsv', () => {
  const rows = [
    { agency: '临淄区人民政府办公室', year: 2023, new_received: 27, disclosure_rate: 8 / 31, note: '=1+1' },
    { agency: '威海市文登区科学技术局, "文登"', year: 2022, new_received: null, disclosure_rate: null, note: '-3' },
    { agency: '@SUM(A1)', year: 2022, new_received: -3, disclosure_rate: 0, note: null },
  ];
  const csv = rowsToCsv(rows, ['agency', 'year', 'new_received', 'disclosure_rate', 'note']);

  it('starts with a BOM and the header of column keys', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('agency,year,new_received,disclosure_rate,note');
  });

  it('escapes formula-like text, but not numbers', () => {
    const lines = csv.slice(1).split('\r\n');
    // papaparse quotes an escaped cell as well: "'=1+1".
    expect(lines[1]).toBe(`临淄区人民政府办公室,2023,27,${8 / 31},"'=1+1"`);
    expect(lines[2]).toBe(`"威海市文登区科学技术局, ""文登""",2022,,,"'-3"`);
    expect(lines[3]).toBe(`"'@SUM(A1)",2022,-3,0,`);
    expect(lines).toHaveLength(4);
  });

  it('NULL is an empty field, not 0, and parses back to the same cells', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data[2]).toEqual(['威海市文登区科学技术局, "文登"', '2022', '', '', "'-3"]);
  });

  it('keeps only the given columns, in the given order', () => {
    expect(rowsToCsv([{ a: 1, b: 2 }], ['b'])).toBe(`${BOM}b\r\n2`);
    expect(rowsToCsv([], ['a', 'b'])).toBe(`${BOM}a,b\r\n`);
  });
});

describe('csvDownloadName', () => {
  it('names view, filters and years', () => {
    expect(csvDownloadName('依申请公开', { agencies: [], regions: ['临淄区'], yearFrom: 2022, yearTo: 2023 })).toBe('依申请公开_临淄区_2022-2023.csv');
    expect(csvDownloadName('合规', { agencies: [], regions: [] })).toBe('合规_全部.csv');
    expect(csvDownloadName('主动公开', { agencies: ['甲局', '乙局', '丙局'], regions: [], yearFrom: 2022 })).toBe('主动公开_甲局等3个机关_2022起.csv');
    expect(csvDownloadName('复议诉讼', { agencies: ['a/b', 'c'], regions: [], yearTo: 2023 })).toBe('复议诉讼_a-b+c_至2023.csv');
    expect(csvDownloadName('复议诉讼', { agencies: [], regions: [], yearFrom: 2022, yearTo: 2022 })).toBe('复议诉讼_2022.csv');
  });
  it('says when the file holds only uploaded or only built-in reports', () => {
    expect(csvDownloadName('依申请公开', { agencies: [], regions: [], origin: 'upload' })).toBe('依申请公开_上传.csv');
    expect(csvDownloadName('合规', { agencies: [], regions: ['临淄区'], origin: 'embedded' })).toBe('合规_临淄区_内置.csv');
  });
});
