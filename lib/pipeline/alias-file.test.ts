/**
 * The alias table in the ingests other than build:data: the parallel ingest applies it exactly as
 * the sequential one (identities and the cross-year rules that follow from them), and
 * `npm run ingest --aliases FILE` applies it, says which rows it applied, copies it next to the
 * data (what the app serves to uploads) and refuses a bad table in one sentence.
 *
 * Real inputs: data/corpus/pingtan-public-security-bureau-2024.txt (平潭综合实验区公安局: 平潭综合实验区
 * is no division of the 民政部 list, so its key is ?:平潭综合实验区公安局; {@link PINGTAN_TABLE} files it
 * under 平潭县 350128, the county the 实验区 administers); seeds 000 (淄博市临淄区科技局
 * 2022, 表三 结转下年度 0) and 004 (淄博市临淄区人民政府办公室 2023, 表三 上年结转 6).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasSummary, readAliasFile, writeAliasCopy } from './alias-file';
import { ingestPaths } from './ingest-reports';
import { ingestPathsParallel } from './ingest-parallel';

const root = path.resolve(__dirname, '../..');
const PINGTAN = path.join(root, 'data', 'corpus', 'pingtan-public-security-bureau-2024.txt');
const SEED_000 = path.join(root, 'data', 'seeds', '000_c5009f74879149c4.txt');
const SEED_004 = path.join(root, 'data', 'seeds', '004_7ffb10b0611b3e96.txt');
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** A table that gives 平潭综合实验区公安局 the key of 平潭县 (350128), the county the 实验区 covers. */
const PINGTAN_TABLE = 'pattern,agency_key,agency_name,note\n/平潭综合实验区公安局$/,350128:公安局,福建省平潭综合实验区公安局,test: 平潭县\n';

/** A table that merges 临淄区人民政府办公室 into 临淄区科技局 (wrongly, on purpose: it makes 000 2022 → 004 2023 one agency's years). */
const MERGE = 'pattern,agency_key,agency_name,note\n临淄区人民政府办公室,370305:科技局,淄博市临淄区科技局,test: merge\n';

describe('the alias table in the parallel ingest and the ingest CLI', () => {
  let dir: string;
  let inputs: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aliases-'));
    inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    for (const f of [PINGTAN, SEED_000, SEED_004]) copyFileSync(f, path.join(inputs, path.basename(f)));
    writeFileSync(path.join(dir, 'merge.csv'), MERGE);
    writeFileSync(path.join(dir, 'pingtan.csv'), PINGTAN_TABLE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the parallel ingest applies an alias table as the sequential one does', async () => {
    const table = readAliasFile(path.join(dir, 'pingtan.csv'));
    if (!table.ok || !table.value) throw new Error(table.ok ? 'no table' : table.error);
    const rows = table.value.rows;
    const [plain, seq, par] = ['plain', 'seq', 'par'].map((n) => path.join(dir, n));
    await ingestPathsParallel([inputs], plain, { workers: 2, relativeTo: inputs });
    await ingestPaths([inputs], seq, inputs, rows);
    await ingestPathsParallel([inputs], par, { workers: 2, relativeTo: inputs, aliases: rows });
    const pingtan = (d: string) => csv(path.join(d, 'reports.csv')).find((r) => r.source_file.startsWith('pingtan'))!;
    expect(pingtan(plain)).toMatchObject({ agency_key: '?:平潭综合实验区公安局', agency_alias: '' });
    expect(pingtan(par)).toMatchObject({ agency_key: '350128:公安局', agency_name: '福建省平潭综合实验区公安局', agency_alias: 'agency-aliases.csv:2 /平潭综合实验区公安局$/' });
    for (const f of ['reports.csv', 'cells.csv', 'flags.csv']) expect(readFileSync(path.join(par, f), 'utf8'), f).toBe(readFileSync(path.join(seq, f), 'utf8'));
  });

  it('a merge in the table reaches the cross-year rules of the parallel ingest (000 2022 结转 0 → 004 2023 上年结转 6)', async () => {
    const table = readAliasFile(path.join(dir, 'merge.csv'));
    if (!table.ok || !table.value) throw new Error('merge table');
    const [plain, par] = ['plain-merge', 'par-merge'].map((n) => path.join(dir, n));
    await ingestPathsParallel([inputs], plain, { workers: 2, relativeTo: inputs });
    await ingestPathsParallel([inputs], par, { workers: 2, relativeTo: inputs, aliases: table.value.rows });
    const id004 = csv(path.join(par, 'reports.csv')).find((r) => r.source_file.startsWith('004'))!;
    // agency_alias names the row by the table's standard file name (applyAgencyAliases), whatever the file was called.
    expect(id004).toMatchObject({ agency_key: '370305:科技局', agency_alias: 'agency-aliases.csv:2 临淄区人民政府办公室' });
    const carry = (d: string) => csv(path.join(d, 'flags.csv')).filter((f) => f.rule === 'CARRYOVER_CONTINUITY' && f.report_id === id004.report_id);
    expect(carry(plain)).toHaveLength(0); // two agencies: nothing to compare
    expect(carry(par)).toHaveLength(1);
    expect(carry(par)[0]).toMatchObject({ expected: '0', actual: '6' });
    expect(aliasSummary(table.value, csv(path.join(par, 'reports.csv')) as never)).toBe(
      `agency aliases: 1 rows in ${path.join(dir, 'merge.csv')}, agency-aliases.csv:2 临淄区人民政府办公室 → 1 report(s)`,
    );
  });

  it('npm run ingest --aliases FILE applies the table, says so and copies it next to the data; --no-aliases does not', () => {
    const out = path.join(dir, 'cli');
    const stdout = execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', '--out', out, '--aliases', path.join(dir, 'merge.csv'), inputs], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(stdout).toContain('agency-aliases.csv:2 临淄区人民政府办公室 → 1 report(s)');
    expect(readFileSync(path.join(out, 'agency-aliases.csv'), 'utf8')).toBe(MERGE);
    expect(csv(path.join(out, 'reports.csv')).find((r) => r.source_file.includes('004'))).toMatchObject({ agency_key: '370305:科技局' });
    execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', '--out', out, '--no-aliases', inputs], { cwd: root, stdio: 'ignore' });
    expect(existsSync(path.join(out, 'agency-aliases.csv'))).toBe(false);
    expect(csv(path.join(out, 'reports.csv')).find((r) => r.source_file.includes('004'))).toMatchObject({ agency_key: '370305:政府办公室', agency_alias: '' });
  });

  it('npm run ingest refuses a bad or missing --aliases table in one sentence (exit 2)', () => {
    writeFileSync(path.join(dir, 'bad.csv'), 'pattern,agency_key\n/[/,x\n');
    for (const [file, says] of [
      [path.join(dir, 'bad.csv'), '第 2 行的正则表达式 /[/ 无效'],
      [path.join(dir, 'none.csv'), '找不到别名表'],
    ]) {
      let stderr = '';
      let status = 0;
      try {
        execFileSync('npx', ['tsx', 'lib/pipeline/ingest-cli.ts', '--out', path.join(dir, 'x'), '--aliases', file, inputs], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        stderr = String((e as { stderr: string }).stderr);
        status = (e as { status: number }).status;
      }
      expect(status, file).toBe(2);
      expect(stderr).toContain(says);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('writeAliasCopy writes the table as read and removes a stale copy', () => {
    const out = path.join(dir, 'copy');
    mkdirSync(out);
    const t = readAliasFile(path.join(dir, 'merge.csv'));
    if (!t.ok || !t.value) throw new Error('merge table');
    writeAliasCopy(out, t.value);
    expect(readFileSync(path.join(out, 'agency-aliases.csv'), 'utf8')).toBe(MERGE);
    writeAliasCopy(out, null);
    expect(existsSync(path.join(out, 'agency-aliases.csv'))).toBe(false);
    expect(readAliasFile(path.join(dir, 'absent.csv'), { optional: true })).toEqual({ ok: true, value: null });
  });
});
