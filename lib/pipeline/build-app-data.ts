/**
 * `npm run build:data`: ingests the embedded reports in data/seeds into data/build, which the
 * dashboard serves to DuckDB-WASM in the browser, then the browser's data build (./build-browser-data.ts:
 * per-year facts as Arrow IPC, the cells index, manifest.json).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserData } from './build-browser-data';
import { ingestPaths } from './ingest-reports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.join(root, 'data', 'seeds');
const out = path.join(root, 'data', 'build');
const { records } = await ingestPaths([seeds], out, seeds);
const manifest = await buildBrowserData(out);
console.log(
  `build:data: ${records.length} reports from data/seeds → data/build (reports.csv, cells.csv, flags.csv; ` +
    `facts/ in ${manifest.facts.length} year partitions, cells-index.json, manifest.json)`,
);
