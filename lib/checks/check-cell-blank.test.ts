/**
 * CELL_BLANK on real reports: seed 004 (临淄区政府办 2023: 行政规范性文件 本年废止 printed empty, no
 * identity determines it), data/corpus 上海市科委 2024 (结转下年度继续办理 总计 printed empty: the
 * identities say 1), 上海市人民政府办公厅 2019 (the trial format's many empty cells), and the unfilled
 * official form (no flag).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../pipeline/ingest-reports';
import { CellGrid } from '../model/cell-grid';
import { t3BalanceInstances, t3OutcomeSumInstances, t3RowTotalInstances, t4TotalInstances } from '../model/form-identities';
import { SEEDS, seedRecord } from '../../tests/seed-records';
import { cellBlankRule, checkCellBlank, impliedValue, MAX_BLANK_FLAGS_PER_TABLE, readBlankCell } from './check-cell-blank';

const corpusFile = (name: string) => path.resolve(__dirname, '../../data/corpus', name);
const office = await seedRecord(SEEDS.linziOffice2023);
const science = await ingestFile(corpusFile('shanghai-science-commission-2024.md'), 'shanghai-science-commission-2024.md');
const shanghai2019 = await ingestFile(corpusFile('shanghai-government-office-2019-condensed.html'), 'shanghai-government-office-2019-condensed.html');

describe('CELL_BLANK', () => {
  it('flags 临淄区政府办 2023 表二 行政规范性文件 本年废止, printed empty; no identity determines it', () => {
    const cell = office.cells.find((c) => c.table === 't2' && c.row === 'normative_documents' && c.column === 'repealed');
    expect(cell).toMatchObject({ status: 'blank', value: null, raw: '' });
    const flags = checkCellBlank(office);
    expect(flags.map((f) => [f.rule, f.severity, f.subject, f.expected, f.actual])).toEqual([
      ['CELL_BLANK', 'info', ['t2.normative_documents.repealed'], null, null],
    ]);
    expect(flags[0].message).toBe('表二「行政规范性文件」行「本年废止件数」列印为空白，表格的勾稽关系不能确定它的值；请向发布机关核实这一格是 0 还是漏填。');
    // The cell itself is unchanged: the report printed it empty.
    expect(office.cells.find((c) => c.table === 't2' && c.row === 'normative_documents' && c.column === 'repealed')).toBe(cell);
  });

  it('says 上海市科委 2024 结转下年度继续办理 总计 is 1: 一 + 二 = 三（七） + 四 (34 + 2 = 35 + ?) and the row\'s applicants sum to 1', () => {
    const cell = science.cells.find((c) => c.table === 't3' && c.row === 'carried_forward' && c.column === 'total');
    expect(cell).toMatchObject({ status: 'blank', value: null });
    const flags = checkCellBlank(science);
    expect(flags.map((f) => [f.subject, f.expected])).toEqual([[['t3.carried_forward.total'], 1]]);
    expect(flags[0].message).toContain('表三「四、结转下年度继续办理」行「总计」列印为空白；按表格的勾稽关系它应为 1');
    expect(flags[0].message).toContain('本列 一 + 二 = 三（七）总计 + 四：34 + 2 = 35 + ?');
    expect(flags[0].message).toContain('本行 总计 = 各类申请人之和：? = 1');
  });

  it('does not determine a cell when the identities disagree (上海市科委 2024 with 自然人 结转 changed from 1 to 2)', () => {
    const cells = science.cells.map((c) =>
      c.table === 't3' && c.row === 'carried_forward' && c.column === 'natural_person' ? { ...c, value: 2, raw: '2' } : c,
    );
    const [flag] = checkCellBlank({ ...science, cells });
    expect(flag.expected).toBeNull();
    expect(flag.message).toContain('勾稽关系给出的值互相矛盾');
  });

  it('reads the trial format of 上海市人民政府办公厅 2019: a practice of empty cells is one flag per table; each cell 0 where the rest of a row or column leaves nothing', () => {
    const blanks = shanghai2019.cells.filter((c) => c.status === 'blank');
    expect(blanks.length).toBeGreaterThan(100);
    const flags = checkCellBlank(shanghai2019);
    // One flag per table with more than MAX_BLANK_FLAGS_PER_TABLE empty cells, naming all of them.
    const tables = new Set(blanks.map((c) => c.table));
    expect(flags).toHaveLength(tables.size);
    expect(flags.flatMap((f) => f.subject).sort()).toEqual(blanks.map((c) => `${c.table}.${c.row}.${c.column}`).sort());
    const t3 = flags.find((f) => f.subject[0].startsWith('t3.'))!;
    const t3Blanks = blanks.filter((c) => c.table === 't3').length;
    expect(t3Blanks).toBeGreaterThan(MAX_BLANK_FLAGS_PER_TABLE);
    expect(t3.message).toContain(`表三有 ${t3Blanks} 格印为空白`);
    expect(t3.expected).toBeNull();
    // What the identities say of single cells, as the table's message counts them.
    const grid = CellGrid.of(shanghai2019.cells);
    const otherHandling = shanghai2019.cells.some((c) => c.table === 't3' && c.row === 'other_handling');
    const instances = [...t3RowTotalInstances(otherHandling), ...t3BalanceInstances(), ...t3OutcomeSumInstances(otherHandling), ...t4TotalInstances()];
    const cell = (row: string, column: string) => shanghai2019.cells.find((c) => c.table === 't3' && c.row === row && c.column === column)!;
    // 二、上年结转: 总计 18 = 自然人 18 → the five empty applicant cells are 0.
    const research = impliedValue(grid, instances, cell('carried_over', 'research'));
    expect(research.value).toBe(0);
    expect(research.readings.map((r) => r.reason).join('；')).toContain('18 = 18 + ? + 空白4格，空白格均为 0');
    // （一）予以公开 总计 is empty beside empty 科研机构 / 社会公益组织: at least 272, not determined.
    expect(impliedValue(grid, instances, cell('granted', 'total')).value).toBeNull();
    const zeros = blanks.filter((c) => c.table === 't3' && impliedValue(grid, instances, c).value === 0).length;
    expect(t3.message).toContain(`${zeros} 格应为 0`);
  });

  it('raises nothing on a report without empty cells (临淄区科技局 2022) nor on the unfilled official form', async () => {
    expect(checkCellBlank(await seedRecord(SEEDS.linziScience2022))).toEqual([]);
    const form = await ingestFile(corpusFile('blank-template-2021-format.docx'), 'blank-template-2021-format.docx');
    expect(form.report.status).toBe('blank_form');
    expect(form.cells.filter((c) => c.status === 'blank').length).toBeGreaterThan(100);
    expect(checkCellBlank(form)).toEqual([]);
  });
});

describe('readBlankCell', () => {
  it('reads one identity instance: the cell alone empty gives the difference; an empty cell on the other side gives nothing', () => {
    const grid = CellGrid.of(science.cells);
    const total = t3BalanceInstances().find((i) => i.scope === 'total')!;
    expect(readBlankCell(grid, total, { table: 't3', row: 'carried_forward', column: 'total' })?.value).toBe(1);
    // In 上海 2019's 科研机构 column every cell is empty: 一 + 二 = 三（七） + 四 says nothing.
    const research = t3BalanceInstances().find((i) => i.scope === 'research')!;
    expect(readBlankCell(CellGrid.of(shanghai2019.cells), research, { table: 't3', row: 'carried_forward', column: 'research' })).toBeNull();
    // A cell the instance does not hold.
    expect(readBlankCell(grid, total, { table: 't3', row: 'granted', column: 'total' })).toBeNull();
  });
});

describe('cellBlankRule', () => {
  it('runs checkCellBlank on a whole record, with severity info', () => {
    expect(cellBlankRule.run(science)).toEqual(checkCellBlank(science));
    expect(cellBlankRule.run(science).map((f) => `${f.rule_version} ${f.severity}`)).toEqual([`${cellBlankRule.version} info`]);
  });
});
