/**
 * The run-together reader probed on the family, not the file (issue 11): every report of
 * data/seeds and data/corpus whose golden gives every cell (tests/golden/**.expected.json: values
 * read by a person) is rendered as a web-archive text capture in each layout archives produce
 * (run-together-captures.ts: header block, body on one line, each table row's numbers run
 * together; partial spacing, labels glued to the previous row's digits, numbers running into the
 * next sentence, full-width spaces), and read through the real entry point (lib/read readReport).
 *
 * Per cell: never a value shown that differs from the truth (a wrong `reported` number is a
 * false accusation against an agency; `missing` under CELL_AMBIGUOUS is acceptable). A table
 * (variant × right % / wrong % / missing %) is printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReportBytes } from '../../lib/parse/parse-report-bytes';
import { PARSE_OPTIONS } from '../../lib/pipeline/ingest-reports';
import { readReport } from '../../lib/read/read-report';
import { renderCapture, scoreCells, truthCells, VARIANTS, type CaptureSource, type CellScore, type Expected, type Variant } from './run-together-captures';

const root = path.resolve(__dirname, '../..');

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(path.join(dir, e.name)) : e.name.endsWith('.expected.json') ? [path.join(dir, e.name)] : [],
  );
}

/** The reports whose golden gives every cell of the 2021 form as a number (or printed empty), with their text as read. */
async function captureSources(): Promise<CaptureSource[]> {
  const out: CaptureSource[] = [];
  const seen = new Set<string>();
  for (const file of fixtures(__dirname).sort()) {
    const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
    if (expected.report.form_version === '2019') continue; // the capture renders the 2021 form's table 二
    const truth = truthCells(expected);
    if (!truth || truth.every((c) => c.value === null)) continue; // an excerpt, or the unfilled form
    const key = expected.source.replace(/\.[a-z]+$/, '');
    if (seen.has(key)) continue; // the same report in two formats (平潭 .txt and .html)
    seen.add(key);
    const source = expected.source.startsWith('corpus/')
      ? path.join(root, 'data/corpus', expected.source.slice('corpus/'.length))
      : path.join(root, expected.source);
    const parsed = await parseReportBytes(new Uint8Array(readFileSync(source)), path.basename(source), PARSE_OPTIONS);
    if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
    const year = Number(expected.report.year);
    out.push({
      name: path.basename(file, '.expected.json'),
      text: parsed.value.text,
      truth,
      agency: String(expected.report.agency_printed ?? expected.report.agency),
      year,
      publishedOn: (expected.report.published_on as string | null) ?? `${year + 1}-01-20`,
    });
  }
  return out;
}

interface Outcome {
  report: string;
  variant: Variant;
  score: CellScore;
  status: string;
}

async function readCapture(source: CaptureSource, variant: Variant, seed: number): Promise<Outcome> {
  const text = renderCapture(source, variant, seed);
  const read = await readReport(new TextEncoder().encode(text), `${source.name}-${variant}.txt`);
  const record = read.ok ? read.value : read.error.record;
  const ambiguous = new Set(record.flags.filter((f) => f.rule === 'CELL_AMBIGUOUS').flatMap((f) => f.subject));
  return { report: source.name, variant, score: scoreCells(record.cells, source.truth, ambiguous), status: record.report.status };
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`.padStart(8);

/** Seeds for the variants with random spacing: each report is rendered with each seed. */
const SEEDS = [1, 2, 3];

/** Totals of a set of outcomes. */
function totals(of: readonly Outcome[]) {
  const sum = (k: 'right' | 'wrong' | 'missing' | 'ambiguous' | 'inferredForEmpty') => of.reduce((n, o) => n + o.score[k], 0);
  const cells = sum('right') + sum('wrong') + sum('missing') + sum('inferredForEmpty');
  return { cells, right: sum('right'), wrong: sum('wrong'), missing: sum('missing'), ambiguous: sum('ambiguous'), inferred: sum('inferredForEmpty') };
}

/** The table printed to the test output: variant × right / wrong / missing (ambiguous), then the captures that lost cells. */
function summary(outcomes: readonly Outcome[]): string {
  const lines = ['variant          cells    right    wrong  missing (ambiguous)  empty→inferred'];
  for (const variant of VARIANTS) {
    const t = totals(outcomes.filter((o) => o.variant === variant));
    lines.push(
      `${variant.padEnd(16)}${String(t.cells).padStart(6)}${pct(t.right, t.cells)}${pct(t.wrong, t.cells)}${pct(t.missing, t.cells)} (${pct(t.ambiguous, t.cells).trim()})${String(t.inferred).padStart(8)}`,
    );
  }
  for (const o of outcomes) {
    if (!o.score.wrong && !o.score.missing) continue;
    lines.push(`  ${o.variant} ${o.report}: ${o.score.right} right, ${o.score.wrong} wrong, ${o.score.missing} missing (${o.status})`);
    for (const c of o.score.wrongCells.slice(0, 6)) lines.push(`    WRONG ${c}`);
  }
  return lines.join('\n');
}

/**
 * The share of cells that must be read right in each variant. Below 100 % because some cells
 * cannot be read from running text by anyone: a row of table 二 has no identity to check a split
 * (`1011` under 规章 is 1 0 11 or 10 1 1), table 四's 15 cells run together leave several splits
 * that satisfy all its totals (淮安 2024: 72 64 178 37 351 13 4 8 1 26 then 12 1 1 6 20 or 1 2 1 16 20),
 * a run with a cell printed empty (seed 004's 0 _ 16 → `016`) has readings that leave a cell empty,
 * and a table whose own arithmetic is wrong (洪泽区 2023's 行政复议 10 1 0 0 0) cannot be confirmed.
 * These are left missing under CELL_AMBIGUOUS. Measured after the fixes of issue 11's probe: 96.4 %
 * for fully run-together rows, 97.7 % with partial spacing, 99.8 % spaced; the threshold leaves a
 * point of margin so that a regression of a few rows fails.
 */
const MIN_RIGHT: Record<Variant, number> = {
  spaced: 0.99,
  'run-together': 0.95,
  'numeral-glued': 0.95,
  'partial-spacing': 0.96,
  'sentence-glued': 0.95,
  'full-width': 0.96,
};

describe('run-together captures of the real reports (issue 11)', () => {
  const outcomes: Outcome[] = [];
  let sources: CaptureSource[] = [];
  beforeAll(async () => {
    sources = await captureSources();
    for (const variant of VARIANTS) {
      const seeds = variant === 'partial-spacing' || variant === 'full-width' ? SEEDS : [1];
      for (const s of sources) for (const seed of seeds) outcomes.push(await readCapture(s, variant, seed));
    }
    console.log(summary(outcomes));
  }, 120_000);

  it('renders captures of several real reports', () => {
    expect(sources.length).toBeGreaterThanOrEqual(10);
  });

  it('never shows a value that differs from the truth', () => {
    const wrong = outcomes.flatMap((o) => o.score.wrongCells.map((c) => `${o.variant} ${o.report} ${c}`));
    expect(wrong).toEqual([]);
  });

  it('reads at least the justified share of cells right in every variant', () => {
    for (const variant of VARIANTS) {
      const t = totals(outcomes.filter((o) => o.variant === variant));
      expect(t.right / t.cells, variant).toBeGreaterThanOrEqual(MIN_RIGHT[variant]);
    }
  });

  it('reads every cell of the spaced captures but those of a row with a cell printed empty (the control)', () => {
    for (const o of outcomes.filter((x) => x.variant === 'spaced')) {
      const source = sources.find((s) => s.name === o.report) as CaptureSource;
      const rowsWithEmpty = new Set(source.truth.filter((c) => c.value === null).map((c) => `${c.table}.${c.row}.`));
      const lost = o.score.missingCells.filter((ref) => ![...rowsWithEmpty].some((r) => ref.startsWith(r)));
      expect(`${o.report}: ${lost.join(' ')}`).toBe(`${o.report}: `);
    }
  });
});
