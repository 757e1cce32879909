/**
 * Test helper: the parsed record of a seed report in data/seeds (read through the real ingest),
 * so tests start from real values.
 */
import path from 'node:path';
import { ingestFile } from '../lib/pipeline/ingest-reports';
import type { ReportRecord } from '../lib/model/report-schema';

/** Seed file names by their short number. */
export const SEEDS = {
  linziScience2022: '000_c5009f74879149c4.txt',
  wendeng2022: '001_8a13ebfd976f8452.txt',
  erqi2023: '002_257bd34ea451c6a3.txt',
  yuncheng2022: '003_6424f50ad3d5c809.txt',
  linziOffice2023: '004_7ffb10b0611b3e96.txt',
} as const;

/** Path of a seed report in this repository. */
export function seedPath(name: string): string {
  return path.resolve(__dirname, '..', 'data', 'seeds', name);
}

/** Reads, parses and checks a seed report. */
export function seedRecord(name: string): Promise<ReportRecord> {
  return ingestFile(seedPath(name), name);
}
