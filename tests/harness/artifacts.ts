/**
 * Where the browser tests and their servers leave what a person looks at after a run:
 * screenshots, downloads and server logs, in tests/browser/artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './next-server';

/** tests/browser/artifacts/ (absolute). */
export const ARTIFACTS = path.join(ROOT, 'tests', 'browser', 'artifacts');

/** The path of artifact `name` in ARTIFACTS, creating the folder when needed. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
