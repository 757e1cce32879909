'use client';

/**
 * 比较 (issue 9): 2–5 agencies side by side for one year — the agency page's metrics (表三's 总计
 * column, 实质公开率 and the 纠错率, 表四's totals, 表二), each agency's value and its difference with
 * the first agency (the base): in 件 / 万元 and in %, for a rate in 百分点. Agencies are picked with
 * the 比较 checkboxes of the table or from the 机关 filter; they, and the year, are in the URL
 * (`compare=KEY1,KEY2&cyear=2024`). When the agencies' years differ the panel says so and offers the
 * year (比较年度). Missing stays missing: `—`, never 0.
 */
import Link from 'next/link';
import { formatCell } from '@/lib/present/format';
import { agencyHref } from '@/lib/present/links';
import { COMPARE_MAX, COMPARE_MIN, type Comparison, type CompareDiff, type CompareMetricRow } from '@/lib/query/compare';
import type { CompareState } from '../_lib/use-compare';
import ErrorBox, { QUERY_FAILED_WHAT } from './ErrorBox';
import { labelText } from '@/lib/present/view-labels';
import type { Translate } from '@/lib/present/i18n/translate';
import { useT } from '../_lib/lang-context';

/** Props of {@link ComparePanel}. */
export interface ComparePanelProps {
  state: CompareState;
  /** agency_keys compared, in order (the first is the base). */
  keys: readonly string[];
  /** agency_key → name (the 机关 filter's choices), for agencies not yet read. */
  names: Record<string, string>;
  /** The 机关 filter's agencies: with 2–5 of them, a button compares them. */
  filterAgencies: readonly string[];
  onChange: (keys: string[], year: number | null) => void;
  /** The dashboard's URL parameters (the `back` of agency links). */
  back: URLSearchParams;
}

const GROUP_LABELS: Record<string, string> = { t3: '依申请公开（表三，总计列）', rate: '比率', t4: '复议诉讼（表四）', t2: '主动公开（表二）' };
const UNITS: Record<string, string> = { count: '件', amount: '万元', rate: '百分点' };
const signed = (n: number, digits: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString('zh-CN', { maximumFractionDigits: digits })}`;

/** `−3,024 件（−97.0%）`, `+3.2 百分点`, or `—` when either value is missing; words in the language of `t`. */
function diffText(m: CompareMetricRow, d: CompareDiff, t: Translate): string {
  if (d.abs === null) return '—';
  const abs = `${signed(d.abs, m.metric.format === 'count' ? 0 : m.metric.format === 'amount' ? 4 : 1)} ${t(UNITS[m.metric.format])}`;
  return d.pct === null ? abs : t('{{abs}}（{{pct}}%）', { abs, pct: signed(d.pct, 1) });
}

/**
 * The note when the agencies' years differ: lib/query/compare.ts's Chinese `yearNote` as is, or in
 * English the same facts (each agency's years; those without the compared year), the agency names
 * as printed (`translate="no"`).
 */
function YearNote({ c }: { c: Comparison }) {
  const { t, lang } = useT();
  if (!c.yearNote) return null;
  if (lang === 'zh') {
    return (
      <p className="notice" data-testid="compare-year-note">
        {c.yearNote}
      </p>
    );
  }
  const name = (a: { key: string; name: string }, sep: string, i: number) => (
    <span key={a.key}>
      {i ? sep : ''}
      <span translate="no">{a.name}</span>
    </span>
  );
  const lacking = c.agencies.filter((a) => !a.row);
  return (
    <p className="notice" data-testid="compare-year-note">
      {t('比较的年度不同：')}
      {c.agencies.map((a, i) => (
        <span key={a.key}>
          {name(a, '; ', i)} {a.years.length ? a.years.join(', ') : t('无年度')}
        </span>
      ))}
      {t('。')}{' '}
      {c.year !== null && lacking.length ? (
        <>
          {lacking.map((a, i) => name(a, ', ', i))}
          {t('没有 {{year}} 年的报告，其数值显示为“—”。', { year: c.year })}{' '}
        </>
      ) : null}
      {t('可在“比较年度”中选择其他年度。')}
    </p>
  );
}

/** The panel (see the module comment); nothing when no agency is picked and the filter offers none. */
export default function ComparePanel({ state, keys, names, filterAgencies, onChange, back }: ComparePanelProps) {
  const { t } = useT();
  const offer = keys.length === 0 && filterAgencies.length >= COMPARE_MIN && filterAgencies.length <= COMPARE_MAX;
  if (keys.length === 0 && !offer) return null;
  const c = state.status === 'ready' ? state.comparison : null;
  const nameOf = (k: string) => c?.agencies.find((a) => a.key === k)?.name ?? names[k] ?? k;
  return (
    <section className="panel compare" aria-label={t('比较机关')} data-testid="compare-panel">
      <h2>{t('比较机关')}</h2>
      {offer ? (
        <button type="button" onClick={() => onChange([...filterAgencies], null)} data-testid="compare-from-filter">
          {t('比较筛选中的 {{count}} 个机关', { count: filterAgencies.length })}
        </button>
      ) : (
        <div className="toolbar">
          {keys.map((k, i) => (
            <span key={k} className="chip" data-testid="compare-chip" data-agency-key={k}>
              <span translate="no">{nameOf(k)}</span>
              {i === 0 ? <span className="muted small">{t('（基准）')}</span> : null}
              <button type="button" className="link" onClick={() => onChange(keys.filter((x) => x !== k), c?.year ?? null)} aria-label={t('不再比较 {{name}}', { name: nameOf(k) })} translate="no">
                ×
              </button>
            </span>
          ))}
          {c && c.years.length > 0 ? (
            <label>
              {t('比较年度')}{' '}
              <select value={c.year ?? ''} onChange={(e) => onChange([...keys], Number(e.target.value))} data-testid="compare-year">
                {c.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                    {c.commonYears.includes(y) ? '' : t('（部分机关无报告）')}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" onClick={() => onChange([], null)} data-testid="compare-clear">
            {t('清除比较')}
          </button>
        </div>
      )}
      {keys.length === 1 ? (
        <p className="muted" data-testid="compare-hint">
          {t('再勾选至少 1 个机关（表格“比较”一栏）即可并排比较；最多 {{max}} 个。', { max: COMPARE_MAX })}
        </p>
      ) : null}
      {state.status === 'loading' ? <p className="muted" role="status">{t('正在读取所选机关的报告…')}</p> : null}
      {state.status === 'error' ? <ErrorBox message={state.error} what={QUERY_FAILED_WHAT} testId="compare-error" /> : null}
      {c ? <YearNote c={c} /> : null}
      {c ? <CompareTable c={c} back={back} /> : null}
    </section>
  );
}

/** The side-by-side table: one row per metric, one column per agency (values and differences with the base). */
function CompareTable({ c, back }: { c: Comparison; back: URLSearchParams }) {
  const { t } = useT();
  let group = '';
  return (
    <>
    <p className="muted small" id="compare-caption">
      {t('{{year}} 年度；差值 = 该机关 − ', { year: c.year ?? t('（无年度）') })}
      <span translate="no">{c.agencies[0]?.name}</span>
      {t('（基准），百分比为相对基准的变化，比率的差值以百分点计。“—”表示报告没有给出或该年度无报告，不是 0。')}
    </p>
    <div className="table-wrap">
      <table data-testid="compare-table" data-year={c.year ?? ''} aria-describedby="compare-caption">
        <thead>
          <tr>
            <th scope="col">{t('项目')}</th>
            {c.agencies.map((a, i) => (
              <th scope="col" key={a.key} data-agency-key={a.key}>
                <span translate="no">{agencyHref(a.key, back) ? <Link href={agencyHref(a.key, back)!}>{a.name}</Link> : a.name}</span>
                {i === 0 ? <span className="muted small">{t('（基准）')}</span> : null}
                {!a.row ? <div className="muted small">{t('{{year}} 年无报告', { year: c.year })}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.metrics.flatMap((m) => {
            const head =
              m.metric.group !== group ? (
                <tr key={`g-${m.metric.group}`} className="group-row">
                  <th scope="rowgroup" colSpan={c.agencies.length + 1}>
                    {GROUP_LABELS[m.metric.group] ? t(GROUP_LABELS[m.metric.group]) : m.metric.group}
                  </th>
                </tr>
              ) : null;
            group = m.metric.group;
            const row = (
              <tr key={m.metric.key} data-testid="compare-row" data-metric={m.metric.key}>
                <th scope="row">
                  {labelText(m.metric.label, t)}
                  {m.metric.format === 'count' ? <span className="unit">{t('（件）')}</span> : m.metric.format === 'amount' ? <span className="unit">{t('（万元）')}</span> : null}
                </th>
                {m.values.map((v, i) => {
                  const f = formatCell(v, m.metric.format, t);
                  const d = m.diffs[i];
                  return (
                    <td key={c.agencies[i].key} className={f.missing ? 'missing' : undefined} title={f.title} data-value={v ?? ''}>
                      {f.text}
                      {d ? (
                        <div className="muted small" data-testid="compare-diff" data-abs={d.abs ?? ''}>
                          {diffText(m, d, t)}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
            return head ? [head, row] : [row];
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
