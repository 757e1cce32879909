/**
 * `npm run fuzz -- --n N [--seed S] [--out DIR] [--text-only] [--max-row K]`: reads N hostile inputs
 * made from the real reports in data/seeds and data/corpus (./mutate-report.ts, drawn by fast-check)
 * through the one read path (lib/read readReport, as the ingest and uploads do) and reports
 * - crashes: readReport threw or rejected (it must never throw: a bad file is a record, not an error);
 * - schema failures: the record fails the zod schema, or readReport had to replace it for failing
 *   (status read_error, 「未通过数据校验」);
 * - unreadable messages: a refused file whose message is empty or looks like JSON or a stack trace;
 * - slow inputs: over 5 s for one file.
 * Each failure is saved to DIR (default: a new folder under the system's temp dir) as the input's
 * bytes plus a .json with its recipe and what went wrong, so it can be replayed. Prints a summary
 * and exits 1 when anything failed. The bounded run in `npm test` is tests/fuzz/fuzz.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { ReportRecord } from '../../lib/model/report-schema';
import { PARSE_OPTIONS } from '../../lib/pipeline/ingest-reports';
import { readReport } from '../../lib/read/read-report';
import { applyRecipe, recipeArbitrary, type BaseReport, type MutationKind, type Recipe } from './mutate-report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One input over a time budget is "slow" (issue 12: no input over 5 s). */
export const SLOW_MS = 5_000;

/** What went wrong with one input. */
export type FuzzProblem = 'crash' | 'schema' | 'message' | 'slow';

/** One failing input: its recipe, the file name it was read under, the problem and a one-line detail. */
export interface FuzzFailure {
  index: number;
  recipe: Recipe;
  name: string;
  problem: FuzzProblem;
  detail: string;
  ms: number;
}

/** The outcome of a run: inputs read, counts per problem, per mutation kind, the slowest input, the failures. */
export interface FuzzSummary {
  inputs: number;
  seed: number;
  problems: Record<FuzzProblem, number>;
  byKind: Partial<Record<MutationKind, number>>;
  /** Milliseconds spent per mutation kind. */
  msByKind: Partial<Record<MutationKind, number>>;
  slowestMs: number;
  slowest: string;
  totalMs: number;
  failures: FuzzFailure[];
}

/**
 * The real reports the mutations start from. `binary: false` leaves the PDFs and DOCX files out
 * (reading one takes 150–750 ms against 10–100 ms for a text; the DOCX bomb is generated anyway).
 */
export function loadBases(options: { binary?: boolean } = {}): BaseReport[] {
  const dirs = [path.join(root, 'data/seeds'), path.join(root, 'data/corpus')];
  const out: BaseReport[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'MANIFEST.tsv' || name.startsWith('.')) continue;
      if (options.binary === false && /\.(pdf|docx)$/i.test(name)) continue;
      out.push({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) });
    }
  }
  return out;
}

/** A refused file's message must be a sentence for a person, not JSON or a stack trace. */
function unreadableMessage(message: string): boolean {
  return message.trim() === '' || /^\s*[[{]|"\w+"\s*:|\n\s+at\s|Error:/.test(message);
}

/** Reads one input and names its problem, or null when it was handled as the rules require. */
async function check(input: BaseReport): Promise<{ problem: FuzzProblem | null; detail: string; ms: number }> {
  const started = performance.now();
  try {
    const outcome = await readReport(input.bytes, input.name, PARSE_OPTIONS);
    const ms = performance.now() - started;
    const record = outcome.ok ? outcome.value : outcome.error.record;
    const valid = ReportRecord.safeParse(record);
    if (!valid.success) return { problem: 'schema', detail: valid.error.issues[0]?.message ?? 'schema', ms };
    if (record.report.status === 'read_error' && record.report.status_message.includes('未通过数据校验')) return { problem: 'schema', detail: record.report.status_message, ms };
    if (!outcome.ok && unreadableMessage(outcome.error.message)) return { problem: 'message', detail: outcome.error.message.slice(0, 200), ms };
    if (ms > SLOW_MS) return { problem: 'slow', detail: `${(ms / 1000).toFixed(1)} s`, ms };
    return { problem: null, detail: '', ms };
  } catch (e) {
    const ms = performance.now() - started;
    return { problem: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e), ms };
  }
}

/**
 * Runs `n` inputs drawn with fast-check from `seed` over `bases` (recipes drawn in batches of 100, so
 * memory stays small at any n); `maxRow` caps the long-row mutation (30,000 numbers in issue 12).
 * Calls `onFailure` for each failing input (the CLI saves it). Never throws for a failing input.
 */
export async function runFuzz(options: {
  n: number;
  seed: number;
  bases: readonly BaseReport[];
  maxRow?: number;
  onFailure?: (failure: FuzzFailure, input: BaseReport) => void;
}): Promise<FuzzSummary> {
  const { n, seed, bases } = options;
  const arbitrary = recipeArbitrary(bases.length, options.maxRow ?? 30_000);
  const summary: FuzzSummary = { inputs: 0, seed, problems: { crash: 0, schema: 0, message: 0, slow: 0 }, byKind: {}, msByKind: {}, slowestMs: 0, slowest: '', totalMs: 0, failures: [] };
  const started = performance.now();
  for (let batch = 0; summary.inputs < n; batch++) {
    const recipes = fc.sample(arbitrary, { numRuns: Math.min(100, n - summary.inputs), seed: seed + batch });
    for (const recipe of recipes) {
      const index = summary.inputs++;
      const input = applyRecipe(recipe, bases);
      const result = await check(input);
      summary.byKind[recipe.kind] = (summary.byKind[recipe.kind] ?? 0) + 1;
      summary.msByKind[recipe.kind] = (summary.msByKind[recipe.kind] ?? 0) + result.ms;
      if (result.ms > summary.slowestMs) {
        summary.slowestMs = result.ms;
        summary.slowest = `${recipe.kind} of ${bases[recipe.base].name} (n=${recipe.n})`;
      }
      if (!result.problem) continue;
      summary.problems[result.problem]++;
      const failure: FuzzFailure = { index, recipe, name: input.name, problem: result.problem, detail: result.detail, ms: Math.round(result.ms) };
      summary.failures.push(failure);
      options.onFailure?.(failure, input);
    }
  }
  summary.totalMs = performance.now() - started;
  return summary;
}

/** The summary as lines for a terminal. */
export function formatSummary(s: FuzzSummary): string {
  const kinds = Object.entries(s.byKind)
    .map(([k, v]) => `${k} ${v} (${((s.msByKind[k as MutationKind] ?? 0) / 1000).toFixed(1)} s)`)
    .join(', ');
  return [
    `fuzz: ${s.inputs} inputs (seed ${s.seed}) in ${(s.totalMs / 1000).toFixed(1)} s — ${s.problems.crash} crashes, ${s.problems.schema} schema failures, ${s.problems.message} unreadable messages, ${s.problems.slow} inputs over ${SLOW_MS / 1000} s`,
    `fuzz: slowest input ${(s.slowestMs / 1000).toFixed(2)} s (${s.slowest})`,
    `fuzz: by mutation: ${kinds}`,
    ...s.failures.slice(0, 20).map((f) => `  #${f.index} ${f.problem} ${f.recipe.kind} ${f.name}: ${f.detail}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(key, next);
      i++;
    } else args.set(key, 'true');
  }
  const n = Number(args.get('n') ?? 2000);
  const seed = Number(args.get('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const maxRow = Number(args.get('max-row') ?? 30_000);
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed) || !Number.isInteger(maxRow) || maxRow <= 0) {
    console.error('fuzz: --n, --seed and --max-row must be positive whole numbers, e.g. npm run fuzz -- --n 20000 --seed 7');
    return 2;
  }
  const out = args.get('out') ? path.resolve(args.get('out') as string) : mkdtempSync(path.join(tmpdir(), 'fuzz-failures-'));
  const bases = loadBases({ binary: args.get('text-only') !== 'true' });
  const summary = await runFuzz({
    n,
    seed,
    bases,
    maxRow,
    onFailure: (f, input) => {
      mkdirSync(out, { recursive: true });
      const stem = path.join(out, `${f.index}-${f.problem}-${f.recipe.kind}`);
      writeFileSync(`${stem}-${input.name}`, input.bytes);
      writeFileSync(`${stem}.json`, JSON.stringify({ ...f, base: bases[f.recipe.base].name, replay: `applyRecipe(${JSON.stringify(f.recipe)}, loadBases(${args.get('text-only') === 'true' ? '{ binary: false }' : ''}))` }, null, 2));
    },
  });
  console.log(formatSummary(summary));
  if (summary.failures.length) console.log(`fuzz: reproducers saved in ${out}`);
  return summary.failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`fuzz: the harness itself failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 2;
    },
  );
}
