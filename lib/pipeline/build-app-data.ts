/**
 * `npm run build:data`: ingests the embedded reports — data/seeds and data/corpus (public
 * documents) — into data/build, which the dashboard serves to DuckDB-WASM in the browser, then
 * the browser's data build (./build-browser-data.ts: per-year facts as Arrow IPC, the cells index,
 * manifest.json). The alias table data/agency-aliases.csv (lib/parse/agency-alias-table.ts) is
 * applied to the agency identities and copied to data/build/agency-aliases.csv (the app serves it
 * to apply the same rows to uploads); a bad table is reported in one sentence and the build goes
 * on without it. The corrections data/corrections.csv (lib/correct; ships absent or header-only), when
 * present, are applied to the records and checked again before the browser's build (./corrections-file.ts);
 * a bad file is reported in one sentence and the build goes on without it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCY_ALIAS_FILE } from '../parse/agency-alias-table';
import { aliasSummary, readAliasFile, writeAliasCopy } from './alias-file';
import { buildBrowserData } from './build-browser-data';
import { applyCorrectionsToRecords, CORRECTIONS_FILE, correctionsSummaryText, readCorrectionsFile, rewriteRecordsCsv } from './corrections-file';
import { ingestPaths } from './ingest-reports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.join(root, 'data');
const sources = ['seeds', 'corpus'].map((d) => path.join(data, d)).filter((d) => existsSync(d));
const out = path.join(data, 'build');

/** The alias table (./alias-file.ts); null (with a message on stderr) when it is absent or bad. */
const aliasFile = readAliasFile(path.join(data, AGENCY_ALIAS_FILE), { label: `data/${AGENCY_ALIAS_FILE}`, optional: true });
if (!aliasFile.ok) console.error(`build:data: ${aliasFile.error}`);
const aliases = aliasFile.ok ? aliasFile.value : null;
const ingested = await ingestPaths(sources, out, data, aliases?.rows ?? []);
let records = ingested.records;
const corrections = readCorrectionsFile(path.join(data, CORRECTIONS_FILE), { optional: true });
if (!corrections.ok) console.error(`build:data: ${corrections.error}`);
else if (corrections.value.length) {
  const applied = applyCorrectionsToRecords(records, corrections.value);
  records = applied.records;
  rewriteRecordsCsv(out, records);
  console.log(correctionsSummaryText(applied, `build:data: data/${CORRECTIONS_FILE}`));
}
writeAliasCopy(out, aliases); // served at /data/agency-aliases.csv: uploads get the same identities
const manifest = await buildBrowserData(out);
if (aliases) console.log(`build:data: ${aliasSummary(aliases, records.map((r) => r.report))}`);
console.log(
  `build:data: ${records.length} reports from ${sources.map((s) => path.relative(root, s)).join(' + ')} → data/build (reports.csv, cells.csv, flags.csv; ` +
    `facts/ in ${manifest.facts.length} year partitions, cells-index.json, manifest.json)`,
);
