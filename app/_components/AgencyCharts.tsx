'use client';

/**
 * The agency page's charts over its years (options from lib/charts/agency-charts.ts): 本年新收
 * (line), the outcome composition (100 % stacked bars), 实质公开率 and the correction rates
 * (lines, %), and 表二's counts (lines). A year without a report is a gap, never 0. The charts
 * sit in a grid that is one column wide on a phone.
 */
import { useMemo } from 'react';
import type { AgencyYears } from '@/lib/query/agency-years';
import { newApplicationsChart, outcomeShareChart, ratesChart, t2DecisionsChart, t2DocumentsChart } from '@/lib/charts/agency-charts';
import EChart from './EChart';
import { useT } from '../_lib/lang-context';

/** The five charts of one agency's years. */
export default function AgencyCharts({ years }: { years: AgencyYears }) {
  const { t } = useT();
  const charts = useMemo(
    () => [
      { id: 'new', label: t('本年新收申请的历年变化'), option: newApplicationsChart(years, t) },
      { id: 'outcomes', label: t('办理结果构成的历年变化'), option: outcomeShareChart(years, t) },
      { id: 'rates', label: t('实质公开率、复议纠错率、诉讼纠错率的历年变化'), option: ratesChart(years, t) },
      { id: 't2-docs', label: t('表二规章与行政规范性文件的历年变化'), option: t2DocumentsChart(years, t) },
      { id: 't2-decisions', label: t('表二许可、处罚、强制决定的历年变化'), option: t2DecisionsChart(years, t) },
    ],
    [years, t],
  );
  return (
    <section aria-label={t('历年图表')} data-testid="agency-charts">
      <h2>{t('历年变化')}</h2>
      <p className="muted small">{t('没有报告的年度、报告没有给出的数在线上断开，不画成 0。')}</p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))', gap: 12 }}>
        {charts.map((c) => (
          <div key={c.id} data-chart={c.id} style={{ minWidth: 0 }}>
            <EChart option={c.option} label={c.label} height={300} />
          </div>
        ))}
      </div>
    </section>
  );
}
