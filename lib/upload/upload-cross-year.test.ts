/** Cross-year rules for uploads: an uploaded 2024 report compared with a loaded 2023 one of the same agency. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossYearInput } from '../checks/cross-year-input';
import { runChecks } from '../checks/run-checks';
import { readReportText } from '../read/assemble-record';
import { isPreviousYearOfBatch, previousYearsNeeded, withCrossYearFlags } from './upload-cross-year';

const seed = readFileSync(path.resolve(__dirname, '../../data/seeds/004_7ffb10b0611b3e96.txt'), 'utf8');
/** Seed 004 (临淄区人民政府办公室 2023: 上年结转 6, 结转下年度 2) and the same text titled 2024. */
const y2023 = runChecks(readReportText(seed, '004.txt', 'db5428ea704a808e'));
const y2024 = runChecks(readReportText(seed.replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告'), '2024.txt', 'aaaaaaaaaaaaaaaa'));
const other = runChecks(readReportText(readFileSync(path.resolve(__dirname, '../../data/seeds/002_257bd34ea451c6a3.txt'), 'utf8'), '002.txt', 'bbbbbbbbbbbbbbbb'));

describe('upload cross-year rules', () => {
  it('reads the fixtures as intended', () => {
    expect([y2023.report.agency, y2023.report.year, y2024.report.agency, y2024.report.year]).toEqual(['临淄区人民政府办公室', 2023, '临淄区人民政府办公室', 2024]);
  });

  it('asks for the years before the batch’s years', () => {
    expect(previousYearsNeeded([y2024, other, y2024])).toEqual([2022, 2023]);
    expect(isPreviousYearOfBatch(y2023.report, [y2024])).toBe(true);
    expect(isPreviousYearOfBatch(y2023.report, [other])).toBe(false);
    expect(isPreviousYearOfBatch(y2024.report, [y2024])).toBe(false);
  });

  it('flags an uploaded 2024 report whose 上年结转 (6) differs from the loaded 2023 结转下年度 (2), and its repeated prose', () => {
    const [out] = withCrossYearFlags([y2024], [crossYearInput(y2023)]);
    const carry = out.flags.find((f) => f.rule === 'CARRYOVER_CONTINUITY');
    expect(carry).toMatchObject({ report_id: 'aaaaaaaaaaaaaaaa', expected: 2, actual: 6, severity: 'error' });
    expect(carry?.subject).toContain('db5428ea704a808e:t3.carried_forward.total');
    expect(out.flags.some((f) => f.rule === 'TEXT_REUSE')).toBe(true);
    // The single-report flags are kept, in front.
    expect(out.flags.slice(0, y2024.flags.length)).toEqual(y2024.flags);
  });

  it('compares two reports of the same upload; gives no flags to a loaded report or an unrelated one', () => {
    const [a, b] = withCrossYearFlags([y2023, y2024], []);
    expect(a.flags).toEqual(y2023.flags); // 2023 has no 2022 to compare with
    expect(b.flags.map((f) => f.rule)).toContain('CARRYOVER_CONTINUITY');
    const [c] = withCrossYearFlags([other], [crossYearInput(y2023)]);
    expect(c.flags).toEqual(other.flags);
    // A loaded report with the same id as an upload is not its own partner.
    const [d] = withCrossYearFlags([y2024], [crossYearInput(y2024)]);
    expect(d.flags).toEqual(y2024.flags);
  });
});
