/**
 * `npm run build:data`: ingests the embedded reports — data/seeds and data/corpus (public
 * documents) — into data/build, which the dashboard serves to DuckDB-WASM in the browser, then
 * the browser's data build (./build-browser-data.ts: per-year facts as Arrow IPC, the cells index,
 * manifest.json). The alias table data/agency-aliases.csv (lib/parse/agency-alias-table.ts) is
 * applied to the agency identities; a bad table is reported in one sentence and the build goes on
 * without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_ALIAS_FILE, parseAgencyAliases, type AgencyAlias } from '../parse/agency-alias-table';
import { buildBrowserData } from './build-browser-data';
import { ingestPaths } from './ingest-reports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.join(root, 'data');
const sources = ['seeds', 'corpus'].map((d) => path.join(data, d)).filter((d) => existsSync(d));
const out = path.join(data, 'build');

/** The alias table's rows; [] (with a message on stderr) when it is absent or bad. */
function readAliases(): AgencyAlias[] {
  const file = path.join(data, AGENCY_ALIAS_FILE);
  if (!existsSync(file)) return [];
  const parsed = parseAgencyAliases(readFileSync(file, 'utf8'), `data/${AGENCY_ALIAS_FILE}`);
  if (parsed.ok) return parsed.value;
  console.error(`build:data: ${parsed.error}`);
  return [];
}

const aliases = readAliases();
const { records } = await ingestPaths(sources, out, data, aliases);
const manifest = await buildBrowserData(out);
const applied = new Map<string, number>();
for (const r of records) if (r.report.agency_alias) applied.set(r.report.agency_alias, (applied.get(r.report.agency_alias) ?? 0) + 1);
console.log(
  `build:data: agency aliases: ${aliases.length} rows in data/${AGENCY_ALIAS_FILE}, ` +
    (applied.size ? [...applied].map(([row, n]) => `${row} → ${n} report(s)`).join('; ') : 'none applied'),
);
console.log(
  `build:data: ${records.length} reports from ${sources.map((s) => path.relative(root, s)).join(' + ')} → data/build (reports.csv, cells.csv, flags.csv; ` +
    `facts/ in ${manifest.facts.length} year partitions, cells-index.json, manifest.json)`,
);
