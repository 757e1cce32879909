/**
 * The layout benchmark's renderers (issue 11): each family prints the generated tables the way its
 * real model does, and the real read path (lib/read readReport) reads them back. For the families
 * the reader reads completely today, every cell of a few fixed reports must come back as the
 * truth; for the run-together captures (run_together, partial_spacing), which leave some cells
 * `missing` under CELL_AMBIGUOUS today, no cell may be shown with a wrong value.
 */
import { describe, expect, it } from 'vitest';
import { T3_COLUMNS } from '../model/form-layout';
import { readReport } from '../read/read-report';
import { layoutReport, layoutReportInput } from './generate-layout-corpus';
import { LAYOUT_FAMILIES, parseLayoutList, type LayoutFamily } from './layout-families';
import { ARITHMETIC_FAULTS, injectArithmeticFault, truthCells } from './layout-truth';
import { addLayoutScore, emptyLayoutScore } from './score-layout-cells';
import seedrandom from 'seedrandom';

const SEED = 'unit';
const INDICES = [0, 1, 2, 3, 4, 5];
/** Families the reader leaves cells missing in (see the bench); they are held to "no wrong value". */
const INCOMPLETE: readonly LayoutFamily[] = ['run_together', 'partial_spacing'];

async function scoreOf(family: LayoutFamily, indices: readonly number[]) {
  const score = emptyLayoutScore();
  for (const i of indices) {
    const r = layoutReport(family, SEED, i);
    const read = await readReport(new TextEncoder().encode(r.text), r.name.replace('/', '-'));
    const record = read.ok ? read.value : read.error.record;
    addLayoutScore(score, r.name, record.cells, record.flags, r.truth, read.ok);
  }
  return score;
}

describe('layout families', () => {
  it('print the same tables in every family, deterministically', () => {
    const a = layoutReport('tabs', SEED, 3);
    expect(layoutReport('tabs', SEED, 3).text).toBe(a.text);
    for (const f of LAYOUT_FAMILIES) expect(layoutReport(f.key, SEED, 3).truth).toEqual(a.truth);
    expect(layoutReport('tabs', 'other', 3).text).not.toBe(a.text);
    expect(a.truth).toHaveLength(10 + 25 * 7 + 15);
  });

  it('print each family its own way', () => {
    const texts = Object.fromEntries(LAYOUT_FAMILIES.map((f) => [f.key, INDICES.map((i) => layoutReport(f.key, SEED, i).text).join('\n')]));
    expect(texts.tabs).toMatch(/\t\(三\) 不予公开\t1[.．]/);
    expect(texts.cell_per_line).toMatch(/\n\t（一）予以公开\n\t\d+\n/);
    expect(texts.ocr_noisy).toMatch(/本生\t?F新收政府/);
    expect(texts.markdown_row_groups).toMatch(/\| 类别 \| 数据1 \| 数据2 \| 数据3 \| 数据4 \| 数据5 \| 数据6 \| 总计 \|/);
    expect(texts.flattened_t4).toMatch(/行政复议行政诉讼\n\|( \d+ \|){15}/);
    expect(texts.html_spans).toMatch(/<td rowspan="22">三、本年度办理结果<\/td>/);
    expect(texts.pdf_columns).toMatch(/\n\f +\S+政府信息公开工作年度报告\n/);
    expect(texts.run_together).toMatch(/^标题: .*\n发布时间: \d{4}-\d\d-\d\d/);
    expect(texts.run_together).toMatch(/\d2\.其他法律行政法规禁止公开 /);
    expect(texts.full_width_digits).toMatch(/\t[０-９]+\t/);
    expect(texts.cell_notes).toMatch(/\t\d+（其中修订\d+件）\t/);
  });

  it.each(LAYOUT_FAMILIES.map((f) => f.key).filter((f) => !INCOMPLETE.includes(f)))('%s: every cell of fixed reports reads back as the truth', async (family) => {
    const s = await scoreOf(family, INDICES);
    expect(s.wrongExamples).toEqual([]);
    expect(s.missingExamples).toEqual([]);
    expect([s.right, s.failedReports]).toEqual([s.cells, 0]);
  });

  it.each(INCOMPLETE)('%s: no cell of fixed reports is shown with a wrong value', async (family) => {
    const s = await scoreOf(family, INDICES);
    expect(s.wrongExamples).toEqual([]);
    expect(s.right / s.cells).toBeGreaterThan(0.8);
  });
});

describe('arithmetic faults', () => {
  const { input } = layoutReportInput(SEED, 7, 0);
  const sum = (row: Record<string, number>) => T3_COLUMNS.slice(0, 6).reduce((a, c) => a + row[c.key], 0);

  it('the generated tables satisfy the identities of the form', () => {
    const t3 = input.values.t3;
    for (const row of Object.values(t3)) expect(row.total).toBe(sum(row));
    for (const c of T3_COLUMNS) expect(t3.new_received[c.key] + t3.carried_over[c.key]).toBe(t3.total_processed[c.key] + t3.carried_forward[c.key]);
  });

  it.each(ARITHMETIC_FAULTS)('%s breaks one identity and changes the truth', (fault) => {
    const faulty = injectArithmeticFault(input.values, fault, seedrandom('f'));
    const t3 = faulty.t3;
    const rowTotalsHold = Object.values(t3).every((row) => row.total === sum(row));
    const balanceHolds = T3_COLUMNS.every((c) => t3.new_received[c.key] + t3.carried_over[c.key] === t3.total_processed[c.key] + t3.carried_forward[c.key]);
    const t4Holds = Object.values(faulty.t4).every((r) => r.total === r.upheld + r.corrected + r.other + r.pending);
    expect([rowTotalsHold, balanceHolds, t4Holds].filter((x) => !x).length).toBeGreaterThan(0);
    expect(truthCells(faulty)).not.toEqual(truthCells(input.values));
  });
});

describe('parseLayoutList', () => {
  it('reads all, a list, and refuses unknown names in one sentence', () => {
    expect(parseLayoutList('all')).toEqual({ ok: true, value: LAYOUT_FAMILIES.map((f) => f.key) });
    expect(parseLayoutList('html_spans,tabs')).toEqual({ ok: true, value: ['tabs', 'html_spans'] });
    const bad = parseLayoutList('tabs,pdf');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^unknown layout pdf: use all or some of tabs, /);
  });
});
