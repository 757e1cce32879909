/**
 * `npm run synth -- --reports N --years Y --seed S --out DIR`: writes a synthetic corpus (for
 * scale tests only) as DIR/reports/NNN/*.txt plus DIR/truth.csv (file, agency, year, defect,
 * expected_rules). Refuses to write inside data/, where the real reports live.
 *
 * `npm run synth -- --layouts all|tabs,html_spans,… --reports N --out DIR [--seed S]
 * [--fault-rate 0.1]`: the layout benchmark's corpus instead (issue 11): N reports per family,
 * the same tables in every family, DIR/<family>/l000000.<ext> and DIR/truth.csv with every cell
 * (lib/synth/layout-families.ts lists the families; write-synthetic-corpus.ts writeLayoutCorpus).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLayoutList } from '../synth/layout-families';
import { writeLayoutCorpus, writeSyntheticCorpus } from './write-synthetic-corpus';

const USAGE =
  'usage: npm run synth -- --reports N --years Y --seed S --out DIR [--defect-rate 0.1]\n' +
  '       npm run synth -- --layouts all|FAMILY,FAMILY… --reports N --out DIR [--seed S] [--fault-rate 0.1]';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function main(argv: string[]): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i].replace(/^--/, ''), argv[i + 1]);
  const reports = Number(args.get('reports'));
  const years = Number(args.get('years') ?? 5);
  const seed = args.get('seed') ?? '1';
  const out = args.get('out');
  const defectRate = Number(args.get('defect-rate') ?? 0.1);
  if (!out || !Number.isInteger(reports) || reports <= 0 || !Number.isInteger(years) || years <= 0) {
    console.error(`synth: need --reports N (>0), --years Y (>0) and --out DIR\n${USAGE}`);
    return 2;
  }
  const outAbs = path.resolve(out);
  if (outAbs === path.join(root, 'data') || outAbs.startsWith(path.join(root, 'data') + path.sep)) {
    console.error('synth: refusing to write synthetic reports inside data/ (real data only). Choose another --out.');
    return 2;
  }
  const t0 = Date.now();
  if (args.has('layouts')) return layouts(args, reports, outAbs, t0);
  const { reports: n, defects } = writeSyntheticCorpus(outAbs, { reports, years, seed, defectRate });
  console.log(`synth: ${n} synthetic reports (${years} years per agency, seed ${seed}) → ${outAbs} in ${((Date.now() - t0) / 1000).toFixed(1)} s; truth.csv lists ${defects} injected defects`);
  return 0;
}

/** The layout benchmark's corpus: N reports per family (see the file's docstring). */
function layouts(args: Map<string, string>, perFamily: number, out: string, t0: number): number {
  const families = parseLayoutList(args.get('layouts') ?? '');
  const faultRate = Number(args.get('fault-rate') ?? 0.1);
  if (!families.ok || !(faultRate >= 0 && faultRate <= 1)) {
    console.error(`synth: ${families.ok ? '--fault-rate takes a share between 0 and 1' : families.error}\n${USAGE}`);
    return 2;
  }
  const seed = args.get('seed') ?? 'layouts';
  const { reports, faults } = writeLayoutCorpus(out, { families: families.value, perFamily, seed, faultRate });
  console.log(
    `synth: ${reports} layout reports (${families.value.length} families × ${perFamily}, seed ${seed}) → ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s; truth.csv gives every cell, ${faults} reports carry an arithmetic fault`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
