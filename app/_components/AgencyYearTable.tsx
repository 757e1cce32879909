'use client';

/**
 * The agency page's year-on-year table: one row per metric (表三's 总计 column, 实质公开率 and the
 * correction rates, 表四's totals, 表二's cells), one column per year, each cell the year's value
 * and its change from the year before in 件 (万元 for 收费; 百分点 for rates) and in %
 * (lib/query/agency-years.ts yearOnYear). A change that cannot be computed shows `—` with the
 * reason in its tooltip (no report, a number not given, a base of 0).
 */
import { Fragment, useMemo } from 'react';
import { AGENCY_METRICS, yearOnYear, type AgencyMetric, type AgencyYears, type YearChange } from '@/lib/query/agency-years';
import { MISSING_TITLE } from '@/lib/present/format';
import type { Translate } from '@/lib/present/i18n/translate';
import { useT } from '../_lib/lang-context';

const GROUPS: Record<AgencyMetric['group'], string> = {
  t3: '依申请公开（表三，总计列，件）',
  rate: '比率',
  t4: '行政复议、行政诉讼（表四，件）',
  t2: '主动公开（表二，件；收费为万元）',
};

const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const signed = (v: number, text: string) => (v > 0 ? `+${text}` : v < 0 ? `−${text.replace(/^-/, '')}` : '±0');

/** The value of a metric as shown: `1,234`, `12.5`, `25.8%`. */
function valueText(m: AgencyMetric, v: number): string {
  return m.format === 'rate' ? `${(v * 100).toFixed(1)}%` : NUM.format(v);
}

/** The change line of a cell: `+74 件 · +352.4%`, `+3.2 个百分点`, or `—` with its reason (in `t`'s language). */
function changeText(m: AgencyMetric, c: YearChange, t: Translate): { text: string; title: string } {
  if (c.change === null) return { text: '—', title: c.why ?? '' };
  const unit = t(m.format === 'rate' ? '个百分点' : m.format === 'amount' ? '万元' : '件');
  const amount = m.format === 'rate' ? signed(c.change, (c.change * 100).toFixed(1)) : signed(c.change, NUM.format(c.change));
  const pct = c.pct === null ? '—' : signed(c.pct, `${(c.pct * 100).toFixed(1)}%`);
  return {
    text: m.format === 'rate' ? `${amount} ${unit}` : `${amount} ${unit} · ${pct}`,
    title:
      t('较 {{year}} 年变化 {{amount}} {{unit}}', { year: c.year - 1, amount, unit }) +
      (m.format === 'rate' ? '' : `${t('，')}${c.pct === null ? t('百分比无法计算：{{why}}', { why: c.why }) : pct}`),
  };
}

/** One table cell: value, then the change from the year before (not for the first year). */
function YearCell({ m, c, first, hasReport }: { m: AgencyMetric; c: YearChange; first: boolean; hasReport: boolean }) {
  const { t } = useT();
  const ch = first ? null : changeText(m, c, t);
  return (
    <td className={c.value === null ? 'missing' : undefined} data-year={c.year} style={{ textAlign: 'right' }}>
      <span title={c.value === null ? (hasReport ? t(MISSING_TITLE) : t('{{year}} 年没有报告', { year: c.year })) : undefined} style={{ whiteSpace: 'nowrap' }}>
        {c.value === null ? '—' : valueText(m, c.value)}
      </span>
      {ch ? (
        <div className="small muted" title={ch.title} data-testid="yoy-change">
          {/* 件 and % may wrap onto two lines on a phone; each stays whole. */}
          {ch.text.split(' · ').map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? ' · ' : null}
              <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
            </Fragment>
          ))}
        </div>
      ) : null}
    </td>
  );
}

/** The year-on-year table of one agency. */
export default function AgencyYearTable({ years }: { years: AgencyYears }) {
  const { t } = useT();
  const rows = useMemo(() => AGENCY_METRICS.map((m) => ({ m, changes: yearOnYear(years, m, t) })), [years, t]);
  const groups = Object.keys(GROUPS) as Array<AgencyMetric['group']>;
  return (
    <section aria-label={t('逐年比较')} data-testid="agency-yoy">
      <h2>{t('逐年比较')}</h2>
      <p className="muted small">{t('每格为当年的数，下面是较上一年的变化（件 · %）；无法比较时为 —，原因见提示。比率的变化以百分点表示。')}</p>
      <div className="table-wrap" style={{ maxWidth: '100%', maxHeight: 'none', overflowX: 'auto' }}>
        {/* width auto (not the tables' max-content): on a phone the columns narrow and the changes wrap before the table scrolls. */}
        <table data-testid="agency-yoy-table" style={{ width: 'auto' }}>
          <thead>
            <tr>
              <th>{t('项目')}</th>
              {years.years.map((y) => (
                <th key={y} style={{ textAlign: 'right' }}>
                  {y}
                  {years.shown[years.years.indexOf(y)] === null ? <div className="small muted">{t('无报告')}</div> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <Fragment key={g}>
                <tr>
                  <th colSpan={years.years.length + 1} style={{ textAlign: 'left', background: '#eef2f7' }}>
                    {t(GROUPS[g])}
                  </th>
                </tr>
                {rows
                  .filter((r) => r.m.group === g)
                  .map(({ m, changes }) => (
                    <tr key={m.key} data-metric={m.key}>
                      <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', minWidth: '8em' }}>
                        {t(m.label)}
                      </th>
                      {changes.map((c, i) => (
                        <YearCell key={c.year} m={m} c={c} first={i === 0} hasReport={years.shown[i] !== null} />
                      ))}
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
