/**
 * The layout benchmark's corpus (issue 11): report number i has one set of tables (an agency drawn
 * from the real divisions, values from synthesize-tables.ts, in a share of reports one real-world
 * arithmetic fault) and is rendered in every family asked for, so each family prints the same
 * tables. Deterministic: report i's tables depend only on (seed, i), its rendering in a family
 * only on (seed, i, family) — picking fewer families or fewer reports does not change the others.
 * Synthetic data for benchmarks only, never shown as real.
 */
import seedrandom from 'seedrandom';
import { drawAgency } from './generate-synthetic-corpus';
import type { LayoutFamily } from './layout-families';
import { ARITHMETIC_FAULTS, injectArithmeticFault, truthCells, type ArithmeticFault, type LayoutTruthCell } from './layout-truth';
import { renderLayoutReport, type LayoutReportInput } from './render-layout-report';
import { proseParagraph } from './render-report-text';
import { applicationScale, synthesizeSeries, type Random } from './synthesize-tables';

/** Options: which families, how many reports per family, the seed, the share of reports with an arithmetic fault (0–1, default 0.1). */
export interface LayoutCorpusOptions {
  families: readonly LayoutFamily[];
  perFamily: number;
  seed: string;
  faultRate?: number;
}

/** One rendered report and its truth. */
export interface LayoutReport {
  /** File name: `<family>/l000123.<ext>`. */
  name: string;
  family: LayoutFamily;
  /** Index of the tables (the same index prints the same tables in every family). */
  index: number;
  text: string;
  agency: string;
  year: number;
  fault: ArithmeticFault | null;
  /** Every cell as printed (the fault included). */
  truth: LayoutTruthCell[];
}

/** The tables and prose of report `index` (independent of the family). */
export function layoutReportInput(seed: string, index: number, faultRate = 0.1): { input: LayoutReportInput; fault: ArithmeticFault | null } {
  const rnd: Random = seedrandom(`${seed}:${index}`);
  const agency = drawAgency(rnd);
  // A third of the reports are busy (hundreds to thousands of applications): long digit runs.
  const scale = rnd() < 0.3 ? Math.round(50 + rnd() * 3000) : applicationScale(agency.type, agency.level, rnd);
  let values = synthesizeSeries(scale, 1, rnd)[0];
  const fault = rnd() < faultRate ? ARITHMETIC_FAULTS[Math.floor(rnd() * ARITHMETIC_FAULTS.length)] : null;
  if (fault) values = injectArithmeticFault(values, fault, rnd);
  const year = 2021 + Math.floor(rnd() * 5);
  const month = 1 + Math.floor(rnd() * 3);
  const publishedOn = `${year + 1}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const prose = { 1: proseParagraph(4, rnd), 5: proseParagraph(3, rnd), 6: proseParagraph(2, rnd) } as Record<1 | 5 | 6, string>;
  return { input: { agency: agency.name, year, values, prose, publishedOn, serial: 10000 + index }, fault };
}

/** Report `index` rendered in `family`. */
export function layoutReport(family: LayoutFamily, seed: string, index: number, faultRate = 0.1): LayoutReport {
  const { input, fault } = layoutReportInput(seed, index, faultRate);
  const { text, ext } = renderLayoutReport(family, input, seedrandom(`${seed}:${index}:${family}`));
  return {
    name: `${family}/l${String(index).padStart(6, '0')}.${ext}`,
    family,
    index,
    text,
    agency: input.agency,
    year: input.year,
    fault,
    truth: truthCells(input.values),
  };
}

/** The corpus, family by family (`perFamily` reports each), lazily. */
export function* generateLayoutCorpus(opts: LayoutCorpusOptions): Generator<LayoutReport> {
  for (const family of opts.families) for (let i = 0; i < opts.perFamily; i++) yield layoutReport(family, opts.seed, i, opts.faultRate);
}
