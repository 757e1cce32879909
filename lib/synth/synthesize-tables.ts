/**
 * Synthetic table values for one agency over consecutive years, for scale tests only (never
 * shown as real data). Distributions follow what real reports show: most departments receive
 * no or few applications, people's governments and land/housing/police agencies receive many,
 * with a long tail in the thousands; outcomes are dominated by 予以公开 and 无法提供·不掌握.
 * Consecutive years carry over correctly: carried_over(Y) = carried_forward(Y−1).
 */
import { T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../model/form-layout';

/** A random source in [0, 1). */
export type Random = () => number;

/** All cell values of one report: table → row → column → value (件; fees in 万元). */
export type TableValues = Record<'t2' | 't3' | 't4', Record<string, Record<string, number>>>;

/** How busy an agency is: the median of its yearly new applications (件). */
export function applicationScale(agencyType: string, level: '省' | '市' | '县', rnd: Random): number {
  const busy = /人民政府$|自然资源|住房|公安|市场监督|人力资源|生态环境|交通运输/.test(agencyType);
  const levelFactor = level === '省' ? 8 : level === '市' ? 3 : 1;
  if (!busy && rnd() < 0.55) return 0; // most departments: nothing at all
  const base = busy ? 40 : 3;
  // Log-normal long tail.
  const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Math.max(0, Math.round(base * levelFactor * Math.exp(1.1 * z)));
}

function poisson(lambda: number, rnd: Random): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd())));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}

/** Splits n into parts by weights (multinomial draw). */
function split(n: number, weights: readonly number[], rnd: Random): number[] {
  const out = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    let r = rnd() * total;
    let k = 0;
    while (r >= weights[k] && k < weights.length - 1) r -= weights[k++];
    out[k]++;
  }
  return out;
}

const APPLICANT_WEIGHTS = [0.9, 0.05, 0.003, 0.007, 0.025, 0.015];
/** Weights of outcome rows 3–23 (granted … other_other). */
const OUTCOME_WEIGHTS = [
  0.42, 0.09, 0.003, 0.006, 0.004, 0.01, 0.02, 0.025, 0.008, 0.02, 0.2, 0.03, 0.02, 0.03, 0.02, 0.004, 0.005, 0.006, 0.02, 0.002, 0.03,
];

/**
 * Table values for `years` consecutive years of one agency. `scale` is the median yearly
 * applications; the first year's carried_over is drawn small.
 */
export function synthesizeSeries(scale: number, years: number, rnd: Random): TableValues[] {
  const series: TableValues[] = [];
  let carried = scale > 0 ? poisson(scale * 0.05, rnd) : 0;
  const inForce = { regulations: rnd() < 0.05 ? poisson(8, rnd) : 0, normative_documents: poisson(4, rnd) };
  for (let y = 0; y < years; y++) {
    const t3: Record<string, Record<string, number>> = {};
    const put = (row: string, parts: number[]) => {
      t3[row] = Object.fromEntries(T3_COLUMNS.map((c, i) => [c.key, i < 6 ? parts[i] : parts.reduce((a, b) => a + b, 0)]));
    };
    const fresh = scale > 0 ? poisson(scale, rnd) : rnd() < 0.1 ? 1 : 0;
    const newParts = split(fresh, APPLICANT_WEIGHTS, rnd);
    const carriedParts = split(carried, APPLICANT_WEIGHTS, rnd);
    put('new_received', newParts);
    put('carried_over', carriedParts);
    // Per applicant column: some are carried forward, the rest get an outcome.
    const forwardParts = newParts.map((n, i) => {
      const open = n + carriedParts[i];
      return Math.min(open, poisson(open * 0.04, rnd));
    });
    const outcomeByRow: number[][] = OUTCOME_WEIGHTS.map(() => [0, 0, 0, 0, 0, 0]);
    for (let c = 0; c < 6; c++) {
      const done = newParts[c] + carriedParts[c] - forwardParts[c];
      split(done, OUTCOME_WEIGHTS, rnd).forEach((n, r) => (outcomeByRow[r][c] = n));
    }
    T3_ROWS.slice(2, 23).forEach((row, r) => put(row.key, outcomeByRow[r]));
    put('total_processed', [0, 1, 2, 3, 4, 5].map((c) => outcomeByRow.reduce((a, row) => a + row[c], 0)));
    put('carried_forward', forwardParts);
    carried = forwardParts.reduce((a, b) => a + b, 0);

    const t4: Record<string, Record<string, number>> = {};
    for (const row of T4_ROWS) {
      const n = poisson((fresh * (row.key === 'review' ? 0.04 : 0.015)) / (row.key === 'litigation_after_review' ? 2 : 1), rnd);
      const [upheld, corrected, other, pending] = split(n, [0.6, 0.12, 0.13, 0.15], rnd);
      t4[row.key] = { upheld, corrected, other, pending, total: n };
    }
    void T4_COLUMNS;

    const t2: Record<string, Record<string, number>> = {};
    for (const row of T2_ROWS) {
      if (row.key === 'regulations' || row.key === 'normative_documents') {
        const key = row.key;
        const issued = key === 'regulations' ? (inForce.regulations > 0 && rnd() < 0.3 ? 1 : 0) : poisson(1.2, rnd);
        const repealed = Math.min(inForce[key], poisson(key === 'regulations' ? 0.1 : 0.6, rnd));
        inForce[key] = inForce[key] + issued - repealed;
        t2[key] = { issued, repealed, in_force: inForce[key] };
      } else if (row.key === 'fees') {
        t2.fees = { amount: rnd() < 0.8 ? 0 : Math.round(rnd() * 50000) / 100 };
      } else {
        t2[row.key] = { decisions: rnd() < 0.5 ? 0 : poisson(scale * 20 + 5, rnd) };
      }
    }
    series.push({ t2, t3, t4 });
  }
  return series;
}
