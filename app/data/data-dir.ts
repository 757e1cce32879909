/**
 * Where the data files of `npm run build:data` are read from, shared by the data routes:
 * data/build/ under the working directory, or `DATA_BUILD_DIR` (absolute, or relative to the
 * working directory) for development and tests. Server only.
 */
import path from 'node:path';

/** The folder reports.csv, cells.csv, flags.csv and texts/ are read from. */
export function dataDir(): string {
  const configured = process.env.DATA_BUILD_DIR;
  return configured ? path.resolve(configured) : path.join(process.cwd(), 'data', 'build');
}

/** How a data file is named in messages: `data/build/reports.csv`, or its full path under DATA_BUILD_DIR. */
export function shownPath(relative: string): string {
  return process.env.DATA_BUILD_DIR ? path.join(dataDir(), relative) : `data/build/${relative}`;
}

/** A plain-text response (UTF-8, not cached), for the routes' explanations. */
export function textResponse(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
