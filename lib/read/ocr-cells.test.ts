import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model/report-schema';
import { PARSE_OPTIONS } from '../pipeline/ingest-reports';
import { markOcrCells, withOcrVerdict } from './ocr-cells';
import { readReport } from './read-report';

// The cells of a real report (洪泽区 2023, text layer) as if OCR had read them: the verdict must
// accept 表三 (every identity holds), hold back 表四 (the report's own T4_TOTAL failures) and 表二
// (no identities), and hold back 表三 as soon as one digit is misread.
const pdf = path.resolve(__dirname, '../../data/corpus/hongze-district-government-2023.pdf');
let base: ReportRecord;
beforeAll(async () => {
  const r = await readReport(new Uint8Array(readFileSync(pdf)), 'hongze-2023.pdf', PARSE_OPTIONS);
  if (!r.ok) throw new Error(r.error.message);
  base = { ...r.value, flags: [] };
});

const lines = [{ line: '| 一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21 |', numbers: [21, 0, 0, 0, 0, 0, 21].map((n, i) => ({ raw: String(n), confidence: i === 0 ? 0.91 : 0.96 })) }];

describe('markOcrCells', () => {
  it('makes printed numbers ocr cells with the confidence of the line they came from', () => {
    const rec = markOcrCells(base, lines);
    const cell = (row: string, column: string) => rec.cells.find((c) => c.table === 't3' && c.row === row && c.column === column)!;
    expect(cell('new_received', 'natural_person')).toMatchObject({ status: 'ocr', value: 21, confidence: 0.91 });
    expect(cell('new_received', 'total')).toMatchObject({ status: 'ocr', value: 21, confidence: 0.96 });
    // a row no OCR line matches gets the lowest confidence of any reading of its text (0 if none)
    expect(cell('partially_granted', 'natural_person')).toMatchObject({ status: 'ocr', value: 4, confidence: 0 });
    expect(rec.cells.filter((c) => c.status === 'reported')).toEqual([]);
  });

  it('turns an empty reading into missing, never 0', () => {
    const withBlank = { ...base, cells: base.cells.map((c) => (c.table === 't3' && c.row === 'granted' && c.column === 'other_org' ? { ...c, status: 'blank' as const, value: null, raw: '' } : c)) };
    const c = markOcrCells(withBlank, lines).cells.find((x) => x.table === 't3' && x.row === 'granted' && x.column === 'other_org')!;
    expect(c).toMatchObject({ status: 'missing', value: null });
  });
});

describe('withOcrVerdict', () => {
  it('accepts 表三 whose identities hold; holds back 表四 (one identity per cell) and 表二 (none), naming every OCR cell', () => {
    const rec = markOcrCells(base, lines);
    const flags = withOcrVerdict(rec).flags;
    expect(flags.find((f) => f.rule === 'OCR_READ')?.subject).toEqual(['t3']);
    const uncertain = flags.filter((f) => f.rule === 'OCR_UNCERTAIN');
    expect(uncertain).toHaveLength(2);
    expect(uncertain[0].subject).toContain('t2.fees.amount');
    const t4 = rec.cells.filter((c) => c.table === 't4' && c.status === 'ocr').map((c) => `t4.${c.row}.${c.column}`);
    expect(uncertain[1].subject.sort()).toEqual(t4.sort());
    expect(uncertain[1].severity).toBe('warning');
  });

  it('never accepts 表四 when the same misread is in a part and its total (1 → 6 in 直接起诉·维持 and 总计: the total still holds)', () => {
    const six = (c: ReportRecord['cells'][number]) => c.table === 't4' && c.row === 'litigation_direct' && (c.column === 'upheld' || c.column === 'total');
    const misread = { ...base, cells: base.cells.map((c) => (six(c) ? { ...c, value: (c.value ?? 0) + 5, raw: String((c.value ?? 0) + 5) } : c)) };
    const flags = withOcrVerdict(markOcrCells(misread, lines)).flags;
    expect(flags.some((f) => f.rule === 'OCR_READ' && f.subject.includes('t4'))).toBe(false);
    expect(flags.find((f) => f.rule === 'OCR_UNCERTAIN' && f.subject.some((s) => s.startsWith('t4.')))?.subject).toEqual(
      expect.arrayContaining(['t4.litigation_direct.upheld', 't4.litigation_direct.total']),
    );
  });

  it('holds back 表三 when one digit is misread (21 → 27), naming the cells of the broken identities', () => {
    const misread = { ...base, cells: base.cells.map((c) => (c.table === 't3' && c.row === 'new_received' && c.column === 'natural_person' ? { ...c, value: 27, raw: '27' } : c)) };
    const flags = withOcrVerdict(markOcrCells(misread, lines)).flags;
    expect(flags.some((f) => f.rule === 'OCR_READ' && f.subject.includes('t3'))).toBe(false);
    const t3 = flags.find((f) => f.rule === 'OCR_UNCERTAIN' && f.subject.some((s) => s.startsWith('t3.')))!;
    expect(t3.subject).toEqual(expect.arrayContaining(['t3.new_received.natural_person', 't3.new_received.total', 't3.total_processed.natural_person']));
    expect(t3.subject).not.toContain('t3.denied_third_party.commercial');
  });
});
