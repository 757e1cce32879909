/**
 * Cold start (issue 15, target: the first `npm start` on a fresh clone answers within 25 s after
 * `npm install`). Makes a fresh copy of the repository in a temporary folder (os.tmpdir(); the app
 * needs nothing outside it: data/seeds and data/corpus are in the repository, data/build and .next
 * are not), gives it the project's node_modules without installing (`npm install` is outside the
 * target), runs `npm start` there with a free PORT, and times from the spawn until `GET /` answers
 * 200, split into what `npm start` does (lib/pipeline/ensure-next-build.ts runs build:data and
 * `next build` side by side, then app/_server/serve-app.ts starts):
 *
 * - build:data: spawn → data/build/manifest.json written (the data build's last file);
 * - next build: spawn → .next/BUILD_ID written, with the time of each phase line it prints
 *   (Compiled…, Collecting…, Generating…, Finalizing…) and the seconds it reports itself;
 * - server: both builds done (ensure-next-build prints build:data's summary) → the server prints
 *   `ready on`, and → the first 200 on `/`.
 *
 * The copy (BENCH_COLD_START_MODE):
 * - `clone` (default): `git clone` of the repository's HEAD — the committed state; uncommitted
 *   changes are not in it (a warning says so when the working tree differs from HEAD);
 * - `worktree`: the working tree's files as they are on disk — tracked files (`git ls-files`) and
 *   new files not ignored (`git ls-files --others --exclude-standard`), deleted ones skipped.
 *
 * node_modules (BENCH_COLD_START_MODULES): `hardlink` (default: `cp -al`, a real folder whose
 * files are hard links, ~2 s; Turbopack refuses a node_modules symlinked from outside the project
 * root) or `symlink`. Then every process of the run is stopped: `npm start`'s process group and
 * the background writer of the compressed copies it starts detached (found by its working folder
 * being the copy), and the copy is removed (BENCH_COLD_START_KEEP=1 keeps it).
 *
 * Run by `npm run bench` (BENCH_ONLY=cold-start for this alone) or alone:
 * `npx tsx tests/bench/bench-cold-start.ts` — both under `flock /tmp/heavy.lock` on a shared
 * machine: it costs 30–120 s of both cores. Figures, not pass/fail.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from '../harness/bounded-waits';
import { freePort, ROOT } from '../harness/next-server';

/** One line `npm start` printed, with its time after the spawn (s). */
export interface TimedLine {
  atSeconds: number;
  line: string;
}

/** The figures of one cold start; times in seconds after `npm start` was spawned. */
export interface ColdStartFigures {
  /** `clone` (HEAD) or `worktree` (the files on disk). */
  mode: 'clone' | 'worktree';
  /** HEAD's commit, and whether the working tree differed from it (its changes are then not measured in `clone` mode). */
  commit: string;
  dirty: boolean;
  /** How node_modules was provided (`hardlink`: cp -al; `symlink`). */
  modules: 'hardlink' | 'symlink';
  /** Copying the repository and node_modules (not part of the target). */
  prepareSeconds: number;
  /** Load average (1 min) when the run started: the machine is shared. */
  loadAverage: number;
  /** Spawn → `GET /` answered 200: the figure of the target (≤ 25 s). */
  totalSeconds: number;
  /** Spawn → data/build/manifest.json (build:data done); null when not seen. */
  buildDataSeconds: number | null;
  /** Spawn → .next/BUILD_ID (next build done); null when not seen. */
  nextBuildSeconds: number | null;
  /** The seconds `next build` reports for its compile (`Compiled successfully in N s`), when printed. */
  nextCompileReportedSeconds: number | null;
  /** next build's phase lines with their times. */
  nextPhases: TimedLine[];
  /**
   * Spawn → ensure-next-build done (both builds ended: it prints build:data's summary then); null
   * when not seen.
   */
  buildsDoneSeconds: number | null;
  /** Spawn → `ready on …` printed by the server; null when not seen. */
  serverReadySeconds: number | null;
  /** Both builds done → the server's `ready on` (npm, tsx and Next's start); null when not seen. */
  serverStartSeconds: number | null;
  /** `ready on` → the first 200 on `/` (the first render); null when not seen. */
  firstResponseSeconds: number | null;
}

const env = (k: string, d: string) => process.env[k] ?? d;
const round1 = (x: number) => Math.round(x * 10) / 10;
const git = (args: string[], cwd = ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });

/** Copies the repository into `dir`: a clone of HEAD, or the working tree's tracked and new files. */
function copyRepository(dir: string, mode: 'clone' | 'worktree'): void {
  if (mode === 'clone') {
    execFileSync('git', ['clone', '--quiet', ROOT, dir], { stdio: 'ignore' });
    return;
  }
  mkdirSync(dir, { recursive: true });
  const files = [...git(['ls-files', '-z']).split('\0'), ...git(['ls-files', '-z', '--others', '--exclude-standard']).split('\0')].filter(Boolean);
  for (const f of new Set(files)) {
    const from = path.join(ROOT, f);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(from, path.join(dir, f));
  }
}

/** Gives the copy the project's node_modules: hard-linked files (`cp -al`) or a symlink. */
function provideModules(dir: string, how: 'hardlink' | 'symlink'): void {
  const from = path.join(ROOT, 'node_modules');
  if (how === 'symlink') symlinkSync(from, path.join(dir, 'node_modules'), 'dir');
  else execFileSync('cp', ['-al', from, path.join(dir, 'node_modules')], { stdio: 'ignore' });
}

/** Pids of the processes whose working folder is `dir` or below it (Linux /proc; [] elsewhere). */
function processesIn(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + path.sep)) out.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

/** Stops `npm start`'s process group, then any process still working in `dir` (the detached precompress writer). */
async function stopAll(proc: ChildProcess, dir: string): Promise<void> {
  try {
    if (proc.pid && proc.exitCode === null) process.kill(-proc.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await sleep(500);
  for (const pid of processesIn(dir)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await sleep(500);
  for (const pid of processesIn(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Phase lines of `next build` worth a time (compile, page data, static pages, finalizing). */
const PHASE = /Creating an optimized|Compiled|Collecting|Generating|Finalizing|Running TypeScript|Linting|Skipping/;

/**
 * Runs `npm start` in `dir` on `port` and watches it: lines with their times, the two build
 * outputs appearing, and `GET /` until it answers 200 (or `timeoutS` pass, or the process exits).
 */
async function watchStart(dir: string, port: number, timeoutS: number): Promise<Omit<ColdStartFigures, 'mode' | 'commit' | 'dirty' | 'modules' | 'prepareSeconds' | 'loadAverage'>> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' };
  delete childEnv.DATA_BUILD_DIR; // the copy's own data/build, as a fresh clone
  const t0 = performance.now();
  const at = () => (performance.now() - t0) / 1000;
  const proc = spawn('npm', ['start'], { cwd: dir, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  let tail = '';
  const onData = (chunk: Buffer) => {
    const parts = (tail + chunk.toString('utf8')).split('\n');
    tail = parts.pop() ?? '';
    for (const l of parts) if (l.trim()) lines.push({ atSeconds: round1(at()), line: l.trim() });
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  let dataAt: number | null = null;
  let buildAt: number | null = null;
  let okAt: number | null = null;
  const url = `http://127.0.0.1:${port}/`;
  try {
    while (at() < timeoutS && okAt === null) {
      if (dataAt === null && existsSync(path.join(dir, 'data', 'build', 'manifest.json'))) dataAt = round1(at());
      if (buildAt === null && existsSync(path.join(dir, '.next', 'BUILD_ID'))) buildAt = round1(at());
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}: ${lines.slice(-5).map((l) => l.line).join(' | ')}`);
      const ok = await fetch(url, { signal: AbortSignal.timeout(60_000) }).then((r) => r.status === 200, () => false);
      if (ok) okAt = round1(at());
      else await sleep(200);
    }
  } finally {
    await stopAll(proc, dir);
  }
  if (okAt === null) throw new Error(`npm start did not answer 200 on / within ${timeoutS} s (BENCH_COLD_START_TIMEOUT_S): ${lines.slice(-5).map((l) => l.line).join(' | ')}`);
  const ready = lines.find((l) => /ready on http/i.test(l.line))?.atSeconds ?? null;
  const compiled = lines.map((l) => /Compiled successfully in ([\d.]+)\s*(ms|s)/.exec(l.line)).find(Boolean);
  // ensure-next-build prints build:data's summary once both builds have ended (else: the later of the two files).
  const summary = lines.filter((l) => /^build:data: \d+ reports/.test(l.line)).pop()?.atSeconds ?? null;
  const builtAt = summary ?? (dataAt !== null && buildAt !== null ? Math.max(dataAt, buildAt) : null);
  return {
    totalSeconds: okAt,
    buildDataSeconds: dataAt,
    nextBuildSeconds: buildAt,
    nextCompileReportedSeconds: compiled ? round1(Number(compiled[1]) / (compiled[2] === 'ms' ? 1000 : 1)) : null,
    nextPhases: lines.filter((l) => PHASE.test(l.line)),
    buildsDoneSeconds: builtAt,
    serverReadySeconds: ready,
    serverStartSeconds: ready !== null && builtAt !== null ? round1(ready - builtAt) : null,
    firstResponseSeconds: ready !== null ? round1(okAt - ready) : null,
  };
}

const s = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`);

/**
 * Measures one cold start (see the module comment); prints the figures and returns them, or
 * `{ error }` (one sentence) when the copy, the build or the server failed.
 */
export async function benchColdStart(): Promise<ColdStartFigures | { error: string }> {
  const mode = env('BENCH_COLD_START_MODE', 'clone') === 'worktree' ? 'worktree' : 'clone';
  const modules = env('BENCH_COLD_START_MODULES', 'hardlink') === 'symlink' ? 'symlink' : 'hardlink';
  const timeoutS = Number(env('BENCH_COLD_START_TIMEOUT_S', '600'));
  const commit = git(['rev-parse', '--short', 'HEAD']).trim();
  const dirty = git(['status', '--porcelain', '--untracked-files=normal']).trim() !== '';
  if (mode === 'clone' && dirty) console.log(`bench-cold-start: the working tree differs from HEAD ${commit}; a clone measures HEAD (BENCH_COLD_START_MODE=worktree measures the files on disk)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cold-start-'));
  const repo = path.join(dir, 'repo');
  try {
    const p0 = performance.now();
    copyRepository(repo, mode);
    provideModules(repo, modules);
    const prepareSeconds = round1((performance.now() - p0) / 1000);
    const loadAverage = Math.round(os.loadavg()[0] * 100) / 100;
    console.log(`bench-cold-start: ${mode === 'clone' ? `clone of ${commit}` : `working tree (HEAD ${commit}${dirty ? ' + changes' : ''})`}, node_modules by ${modules}, ready in ${prepareSeconds} s; npm start (load average ${loadAverage}) …`);
    const watched = await watchStart(repo, await freePort(), timeoutS);
    const f: ColdStartFigures = { mode, commit, dirty, modules, prepareSeconds, loadAverage, ...watched };
    console.log(
      `bench-cold-start: first npm start answered after ${s(f.totalSeconds)} (target 25 s): build:data done ${s(f.buildDataSeconds)}, next build done ${s(f.nextBuildSeconds)}` +
        `${f.nextCompileReportedSeconds !== null ? ` (its compile ${s(f.nextCompileReportedSeconds)})` : ''}, both done ${s(f.buildsDoneSeconds)}, server ready ${s(f.serverReadySeconds)} (start ${s(f.serverStartSeconds)}), first answer ${s(f.firstResponseSeconds)} later`,
    );
    for (const p of f.nextPhases) console.log(`bench-cold-start:   ${p.atSeconds.toFixed(1).padStart(6)} s  ${p.line}`);
    return f;
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    console.error(`bench-cold-start: not measured: ${error}`);
    return { error };
  } finally {
    if (process.env.BENCH_COLD_START_KEEP === '1') console.log(`bench-cold-start: kept ${repo}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchColdStart();
  if ('error' in r) process.exitCode = 1;
}
