/**
 * Used by `npm start`: runs `npm run build:data` (./build-app-data.ts) and, at the same time (they
 * share nothing, and the 2 cores of a small machine are then both busy), `next build` when there
 * is no build yet or when app/, lib/ or the config changed since the last one, so that a fresh
 * clone serves with one command; exits with the failing step's status, saying which. Then starts,
 * in the background, the writing of the `.br`/`.gz` copies of the static and data files that are
 * missing or older than their file (./precompress-cli.ts, log in .next/precompress.log): about 15 s
 * of CPU after a build, which the first `npm start` does not wait for (the server sends a file as
 * is until its copies are there); nothing to do when they are current.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildId = path.join(root, '.next', 'BUILD_ID');

/** Latest modification time (ms) of the files below `p`, skipping tests. */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).filter((n) => !n.endsWith('.test.ts')).map((n) => newest(path.join(p, n))));
}

/** Runs `cmd args` in the repository; resolves to its exit status (null when it could not run) and, with `quiet`, its output. */
function run(cmd: string, args: string[], quiet: boolean): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(cmd, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) => resolve({ status: null, output: String(e) }));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...['app', 'lib', 'next.config.js', 'package.json'].map((p) => newest(path.join(root, p))));
const needsBuild = builtAt < sourcesAt;
if (needsBuild) console.log(builtAt ? 'start: sources changed since the last build; running next build beside build:data…' : 'start: no build yet; running next build beside build:data…');
// build:data's few lines are shown when it ends, so that they do not cut into next build's output.
const [data, build] = await Promise.all([
  run(bin('tsx'), [path.join(root, 'lib', 'pipeline', 'build-app-data.ts')], needsBuild),
  needsBuild ? run(bin('next'), ['build'], false) : Promise.resolve({ status: 0, output: '' }),
]);
if (data.output) process.stdout.write(data.output);
if (data.status !== 0) {
  console.error('start: npm run build:data failed (see above). Fix the error, or run `npm run build:data` to see it again.');
  process.exit(data.status ?? 1);
}
if (build.status !== 0) {
  console.error('start: next build failed (see above). Fix the error, or run `npm run build` to see it again.');
  process.exit(build.status ?? 1);
}

// The compressed copies (issue 15), written while the server starts: detached, so `npm start` goes on at once.
if (existsSync(path.join(root, '.next'))) {
  const log = openSync(path.join(root, '.next', 'precompress.log'), 'w');
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(root, 'lib', 'pipeline', 'precompress-cli.ts')], { cwd: root, detached: true, stdio: ['ignore', log, log], env: process.env });
  child.on('error', (e) => console.error(`start: the compressed copies are not written (${e.message}); files are served uncompressed.`));
  child.unref();
}
