/** The unfilled official form: recognized on the real template, not on a report with empty tables. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read/read-report';
import { classifyBlankForm, isBlankForm } from './classify-blank-form';

const corpus = path.resolve(__dirname, '../../data/corpus');
const read = async (name: string) => {
  const out = await readReport(new Uint8Array(readFileSync(path.join(corpus, name))), name);
  return out.ok ? out.value : out.error.record;
};

describe('classifyBlankForm', () => {
  it('gives the official template (blank-template-2021-format.docx) status blank_form with a message that says what to do', async () => {
    const record = await read('blank-template-2021-format.docx');
    expect(record.report.status).toBe('blank_form');
    expect(record.report.status_message).toContain('未填写的空白年报表格');
    expect(record.report.status_message).toContain('请改用填好数据的年度报告');
    expect(record.cells.length).toBe(200); // the cells of the three tables as read: kept, not dropped
    expect(record.cells.every((c) => c.status === 'blank')).toBe(true);
  });

  it('leaves a real report alone, and a named agency with blank tables too', async () => {
    const record = await read('shanghai-government-office-2025.md');
    expect(isBlankForm(record)).toBe(false);
    expect(classifyBlankForm(record)).toBe(record);
    const named = { ...record, report: { ...record.report, status: 'partial' as const }, cells: record.cells.map((c) => ({ ...c, status: 'blank' as const, value: null })) };
    expect(isBlankForm(named)).toBe(false);
    expect(isBlankForm({ ...named, report: { ...named.report, agency: null } })).toBe(true);
  });
});
