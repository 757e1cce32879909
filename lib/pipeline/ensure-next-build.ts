/**
 * Used by `npm start`: runs `next build` when there is no build yet or when app/, lib/ or the
 * config changed since the last one, so that a fresh clone serves with one command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...['app', 'lib', 'next.config.js', 'package.json'].map((p) => newest(path.join(root, p))));
if (builtAt < sourcesAt) {
  console.log(builtAt ? 'start: sources changed since the last build; running next build…' : 'start: no build yet; running next build…');
  const r = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) {
    console.error('start: next build failed (see above). Fix the error, or run `npm run build` to see it again.');
    process.exit(r.status ?? 1);
  }
}
