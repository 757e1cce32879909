'use client';

/**
 * The controls and notes under a view's chart (issue 9): how many rows the chart draws (前 10 / 20 /
 * 50 项, lib/charts/chart-display.ts), a 对数坐标 toggle, and what the chart leaves out
 * (「另有 N 项未显示」) and how the log axis draws zeros. Both choices live in the URL (`top=`, `log=1`).
 */
import { logScaleApplies, TOP_N_CHOICES, type ChartDisplay } from '@/lib/charts/chart-display';
import type { ViewId } from '@/lib/query/views';
import { useT } from '../_lib/lang-context';

/** Props of {@link ChartControls}. */
export interface ChartControlsProps {
  view: ViewId;
  display: ChartDisplay;
  onDisplay: (d: ChartDisplay) => void;
  /** 「另有 N 项未显示」, or null when every row is drawn. */
  more: string | null;
  /** The log axis note while it is on, else null. */
  logNote: string | null;
  /** What the rows are sorted by, in words (e.g. `按“本年新收”降序`), or null for the view's own order. */
  sortedBy: string | null;
  /** Rows (合规: flags) the chart draws; also `data-drawn` for the browser tests. */
  drawn: number;
}

/** The chart's toolbar and notes (see the module comment). */
export default function ChartControls({ view, display, onDisplay, more, logNote, sortedBy, drawn }: ChartControlsProps) {
  const logOk = logScaleApplies(view);
  const { t } = useT();
  return (
    <div className="chart-controls" data-testid="chart-controls" data-drawn={drawn} data-log={display.log && logOk ? 'true' : 'false'}>
      <div className="toolbar">
        <label>
          {t('图中显示前')}{' '}
          <select value={display.top} onChange={(e) => onDisplay({ ...display, top: Number(e.target.value) })} data-testid="chart-top">
            {TOP_N_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>{' '}
          {t('项')}
        </label>
        <label title={logOk ? t('数值相差悬殊时，用对数坐标看清较小的值') : t('本视图的图表只有百分比，不用对数坐标')}>
          <input type="checkbox" checked={display.log && logOk} disabled={!logOk} onChange={(e) => onDisplay({ ...display, log: e.target.checked })} data-testid="chart-log" />{' '}
          {t('对数坐标')}
        </label>
      </div>
      <p className="muted small chart-hint" data-testid="chart-note">
        {sortedBy ? t('图中为{{sortedBy}}的前 {{top}} 项（在全部筛选结果中排序）。', { sortedBy, top: display.top }) : t('图中为表格默认顺序的前 {{top}} 项；点击表头可按该列排序。', { top: display.top })}
        {more ? <strong data-testid="chart-more">{more}</strong> : null}
        {more ? t('（见下表）。') : ''}
        {t('点击图中的柱或点，打开那份报告。')}
      </p>
      {logNote ? (
        <p className="muted small chart-hint" data-testid="chart-log-note">
          {logNote}
        </p>
      ) : null}
    </div>
  );
}
