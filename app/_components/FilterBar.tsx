'use client';

/**
 * Filters for 机关, 地区, 机关类型, 层级, 年度 and — once reports were uploaded — 来源; they apply
 * to every view. Agencies, agency types and levels are checkbox lists in drop-downs (several
 * choices are alternatives; an agency with uploaded reports carries a 上传 badge; types and levels
 * show their reports, 份); regions are the division tree (./RegionTreeFilter.tsx); years are a
 * from/to pair.
 */
import { useState } from 'react';
import { type FilterLevel, type FilterState } from '@/lib/query/filters';
import { agencyTypeLabel, levelLabel } from '@/lib/present/labels';
import type { Origin } from '@/lib/store/load';
import type { FilterChoice, FilterOptions } from '@/lib/query/views';
import { closeDropDownOnEscape, placeDropDownOnToggle } from '../_lib/drop-down-keys';
import RegionTreeFilter from './RegionTreeFilter';
import { useT } from '../_lib/lang-context';
import type { Translate } from '@/lib/present/i18n/translate';

/** `n 份` of a choice, for the drop-down's hint (in the UI's language `t`). */
function reportsHint(choices: readonly FilterChoice[], t: Translate): (value: string) => string | undefined {
  const counts = new Map(choices.map((c) => [c.value, c.reports]));
  return (v) => (counts.has(v) ? t('{{count}} 份', { count: counts.get(v) }) : undefined);
}

/** A drop-down's checkbox list (the values of one filter field); see {@link FilterBar}. */

function MultiSelect({
  id,
  label,
  allLabel,
  options,
  selected,
  hint,
  badge,
  display = (v) => v,
  data = false,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  options: readonly string[];
  selected: readonly string[];
  hint?: (value: string) => string | undefined;
  badge?: (value: string) => boolean;
  /** The text shown for a value (the 机关 filter's values are agency_keys, shown by name). */
  display?: (value: string) => string;
  /** The values are data as printed (agency names, their printed regions): marked `translate="no"`. */
  data?: boolean;
  onChange: (values: string[]) => void;
}) {
  const { t } = useT();
  const one = selected.length === 1;
  const summary = selected.length === 0 ? allLabel : one ? display(selected[0]) : t('已选 {{count}} 个', { count: selected.length });
  // The options are rendered once the drop-down was first opened: at national scale there are tens
  // of thousands of agencies, and rendering them on every filter change would cost more than the query.
  const [opened, setOpened] = useState(false);
  return (
    <div className="filter">
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      <details className="multi" data-testid={`filter-${id}`} onToggle={(e) => {
          if (e.currentTarget.open) setOpened(true);
          placeDropDownOnToggle(e);
        }}
        onKeyDown={closeDropDownOnEscape}
      >
        <summary id={`${id}-summary`} aria-labelledby={`${id}-label ${id}-summary`} onClick={() => setOpened(true)}>
          {one && data ? <span translate="no">{summary}</span> : summary}
        </summary>
        {opened ? (
        <div className="multi-options" role="group" aria-labelledby={`${id}-label`}>
          {options.length === 0 ? <span className="muted">{t('（无）')}</span> : null}
          {options.map((o) => {
            const checked = selected.includes(o);
            const h = hint?.(o);
            return (
              <label key={o} className="option">
                <input
                  type="checkbox"
                  checked={checked}
                  data-testid={`filter-${id}-option`}
                  data-value={o}
                  onChange={() => onChange(checked ? selected.filter((s) => s !== o) : [...selected, o])}
                />
                <span translate={data ? 'no' : undefined}>{display(o)}</span>
                {badge?.(o) ? (
                  <span className="badge upload" data-testid="upload-badge" title={t('包含在本浏览器中上传的报告')}>
                    {t('上传')}
                  </span>
                ) : null}
                {h ? <span className="muted small" translate={data ? 'no' : undefined}>{h}</span> : null}
              </label>
            );
          })}
        </div>
        ) : null}
      </details>
    </div>
  );
}

/**
 * The filter controls. `options` are the values present in reports.csv; `onChange` receives the
 * whole new filter state (not normalized). 清除筛选 resets to the empty filter.
 */
export default function FilterBar({
  options,
  filter,
  onChange,
}: {
  options: FilterOptions;
  filter: FilterState;
  onChange: (f: FilterState) => void;
}) {
  const { t } = useT();
  const year = (v: string): number | undefined => (v === '' ? undefined : Number(v));
  const setYears = (yearFrom: number | undefined, yearTo: number | undefined) => {
    const { yearFrom: _from, yearTo: _to, ...rest } = filter;
    const f: FilterState = { ...rest };
    if (yearFrom !== undefined) f.yearFrom = yearFrom;
    if (yearTo !== undefined) f.yearTo = yearTo;
    onChange(f);
  };
  const setOrigin = (v: string) => {
    const { origin: _drop, ...rest } = filter;
    onChange(v === 'upload' || v === 'embedded' ? { ...rest, origin: v as Origin } : rest);
  };
  const dirty =
    filter.agencies.length > 0 ||
    filter.regions.length > 0 ||
    (filter.types?.length ?? 0) > 0 ||
    (filter.levels?.length ?? 0) > 0 ||
    filter.yearFrom !== undefined || filter.yearTo !== undefined || filter.origin !== undefined;
  const uploaded = new Set(options.uploadedAgencies);
  return (
    <div className="filters" data-testid="filters">
      <MultiSelect
        id="agency"
        label={t('机关')}
        allLabel={t('全部机关')}
        options={options.agencies}
        selected={filter.agencies}
        hint={(a) => options.agencyRegions[a]?.join('、')}
        badge={(a) => uploaded.has(a)}
        display={(a) => options.agencyNames[a] ?? a}
        data
        onChange={(agencies) => onChange({ ...filter, agencies })}
      />
      <RegionTreeFilter tree={options.regionTree} selected={filter.regions} onChange={(regions) => onChange({ ...filter, regions })} />
      <MultiSelect
        id="type"
        label={t('机关类型')}
        allLabel={t('全部类型')}
        options={options.types.map((x) => x.value)}
        selected={filter.types ?? []}
        hint={reportsHint(options.types, t)}
        display={(x) => t(agencyTypeLabel(x))}
        onChange={(types) => onChange({ ...filter, types })}
      />
      <MultiSelect
        id="level"
        label={t('层级')}
        allLabel={t('全部层级')}
        options={options.levels.map((l) => l.value)}
        selected={filter.levels ?? []}
        hint={reportsHint(options.levels, t)}
        display={(x) => t(levelLabel(x))}
        onChange={(levels) => onChange({ ...filter, levels: levels as FilterLevel[] })}
      />
      <div className="filter">
        <span className="filter-label">{t('年度')}</span>
        <select
          aria-label={t('起始年度')}
          data-testid="filter-year-from"
          value={filter.yearFrom ?? ''}
          onChange={(e) => setYears(year(e.target.value), filter.yearTo)}
        >
          <option value="">{t('不限')}</option>
          {options.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <span className="muted">{t('至')}</span>
        <select
          aria-label={t('截止年度')}
          data-testid="filter-year-to"
          value={filter.yearTo ?? ''}
          onChange={(e) => setYears(filter.yearFrom, year(e.target.value))}
        >
          <option value="">{t('不限')}</option>
          {options.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {options.hasUploads || filter.origin ? (
        <div className="filter">
          <span className="filter-label">{t('来源')}</span>
          <select aria-label={t('来源')} data-testid="filter-origin" value={filter.origin ?? ''} onChange={(e) => setOrigin(e.target.value)}>
            <option value="">{t('全部')}</option>
            <option value="upload">{t('仅上传的')}</option>
            <option value="embedded">{t('仅内置数据')}</option>
          </select>
        </div>
      ) : null}
      <button type="button" className="link" data-testid="filter-clear" disabled={!dirty} onClick={() => onChange({ agencies: [], regions: [] })}>
        {t('清除筛选')}
      </button>
    </div>
  );
}
