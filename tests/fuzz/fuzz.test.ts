/**
 * The bounded fuzz run of `npm test` (issue 12): 2,000 hostile inputs made from the real reports of
 * data/seeds and data/corpus (PDF and DOCX files left out: each costs 150–750 ms; `npm run fuzz` includes them; the DOCX bomb
 * is generated),
 * drawn by fast-check from a fixed seed so a failure here is the same failure on every machine,
 * read through lib/read readReport. Every input must come back as a record that passes the schema,
 * a refused file must say why in a sentence, and none may take over 5 s. A failure prints the
 * recipe; `npm run fuzz -- --n 2000 --seed 20261130 --text-only` saves its bytes.
 */
import { describe, expect, it } from 'vitest';
import { MUTATION_KINDS } from './mutate-report';
import { formatSummary, loadBases, runFuzz } from './run-fuzz';

const SEED = 20261130;
const INPUTS = 2000;

describe('fuzz: 2,000 mutated real reports through readReport', () => {
  it('no crash, no schema failure, no unreadable message, none over 5 s', async () => {
    const bases = loadBases({ binary: false });
    expect(bases.length).toBeGreaterThanOrEqual(10);
    const summary = await runFuzz({ n: INPUTS, seed: SEED, bases });
    console.log(formatSummary(summary));
    expect(summary.inputs).toBe(INPUTS);
    // Every mutation class was drawn, so a class that stops being generated is noticed.
    for (const kind of MUTATION_KINDS) expect(summary.byKind[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(summary.failures.map((f) => `#${f.index} ${f.problem} ${f.recipe.kind} ${f.name}: ${f.detail} ${JSON.stringify(f.recipe)}`)).toEqual([]);
  }, 300_000);
});
