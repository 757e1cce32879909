/**
 * The synthetic corpus is realistic enough for the parser and the checks: every report parses
 * with all three tables (except injected missing tables), consecutive years carry over, and the
 * checks find exactly the injected defects.
 */
import { describe, expect, it } from 'vitest';
import { runChecks, runCrossReportChecks } from '../checks/run-checks';
import { CellGrid } from '../model/cell-grid';
import { readReportText } from '../read/assemble-record';
import { generateSyntheticCorpus } from './generate-synthetic-corpus';
import { scoreChecks } from './score-checks';

const reports = [...generateSyntheticCorpus({ reports: 300, years: 5, seed: 'test', defectRate: 0.2 })];
const records = runCrossReportChecks(reports.map((r, i) => runChecks(readReportText(r.text, r.name, `s${i}`))));

describe('synthetic corpus', () => {
  it('is deterministic for a seed and varies with it', () => {
    const again = [...generateSyntheticCorpus({ reports: 5, years: 5, seed: 'test', defectRate: 0.2 })];
    expect(again.map((r) => r.text)).toEqual(reports.slice(0, 5).map((r) => r.text));
    const other = [...generateSyntheticCorpus({ reports: 5, years: 5, seed: 'other' })];
    expect(other[0].text).not.toEqual(reports[0].text);
  });

  it('reads agency, year and every table of each report', () => {
    records.forEach((rec, i) => {
      expect(rec.report.agency).toBe(reports[i].agency);
      expect(rec.report.year).toBe(reports[i].year);
      const missing = reports[i].defect === 'missing_table' ? ['t2', 't4'] : ['t2', 't3', 't4'];
      expect(rec.report.tables_found).toEqual(missing);
    });
  });

  it('carries over between consecutive years of an agency', () => {
    let pairs = 0;
    for (let i = 1; i < records.length; i++) {
      const [a, b] = [records[i - 1], records[i]];
      if (a.report.agency !== b.report.agency || !a.report.tables_found.includes('t3') || !b.report.tables_found.includes('t3')) continue;
      expect(new CellGrid(b.cells).value('t3', 'carried_over', 'total')).toBe(new CellGrid(a.cells).value('t3', 'carried_forward', 'total'));
      pairs++;
    }
    expect(pairs).toBeGreaterThan(150);
  });

  it('the checks find exactly the injected defects (precision and recall 1, no other error)', () => {
    const truth = new Map(reports.map((r) => [r.name, r.expectedRules as string[]]));
    const flagged = new Map(records.map((r) => [r.report.source_file, new Set(r.flags.map((f) => f.rule as string))]));
    const injected = ['DEADLINE', 'T3_BALANCE', 'TABLE_MISSING', 'TEXT_REUSE', 'CELL_INFERRED'];
    for (const s of scoreChecks(truth, flagged, injected)) {
      expect(s.truePositives, s.rule).toBeGreaterThan(0);
      expect([s.rule, s.precision, s.recall]).toEqual([s.rule, 1, 1]);
    }
    const silent = ['T3_OUTCOME_SUM', 'T3_ROW_TOTAL', 'T4_TOTAL', 'CARRYOVER_CONTINUITY', 'NARRATIVE_MATCH', 'CELL_MISSING', 'SECTION_MISSING', 'T2_VALUES'];
    for (const s of scoreChecks(truth, flagged, silent)) expect([s.rule, s.falsePositives]).toEqual([s.rule, 0]);
  });
});
