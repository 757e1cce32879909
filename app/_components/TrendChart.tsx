'use client';

/**
 * The trend chart beside a view's chart (issue 9): the selection's totals per report year
 * (lib/charts/trend-chart.ts), shown only when the selection spans several years. A year without
 * a report is a gap in the lines, not 0.
 */
import { useMemo } from 'react';
import { trendChart } from '@/lib/charts/trend-chart';
import type { ChartRow } from '@/lib/charts';
import type { ViewDef } from '@/lib/query/views';
import type { Row } from '@/lib/store/executor';
import EChart from './EChart';
import { viewTitleText } from '@/lib/present/view-labels';
import { useT } from '../_lib/lang-context';

/**
 * The chart of `rows` (trendView's rows for the filter), or nothing when they span fewer than two
 * years. `stale`: the rows are of the previous filter while the new totals are queried — faded,
 * with `aria-busy` and `data-stale`, until they are replaced.
 */
export default function TrendChart({ def, rows, stale = false }: { def: ViewDef; rows: readonly Row[]; stale?: boolean }) {
  const { t } = useT();
  const option = useMemo(() => trendChart(def, rows as readonly ChartRow[], t), [def, rows, t]);
  if (!option) return null;
  const label = t('{{title}}每年合计趋势图', { title: viewTitleText(def.title.replace(/（按.*汇总）$/, ''), t) });
  return (
    <div className={stale ? 'trend-chart stale' : 'trend-chart'} data-testid="trend-chart" data-stale={stale ? 'true' : undefined} aria-busy={stale || undefined} data-years={new Set(rows.map((r) => r.year)).size}>
      <EChart option={option} height={380} label={label} />
      <p className="muted small chart-hint">{t('所选报告每年的合计：计数相加，比率由相加后的分子、分母计算；没有报告的年度线断开。')}</p>
    </div>
  );
}
