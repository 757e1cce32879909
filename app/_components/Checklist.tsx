'use client';

/**
 * A multi-select as a disclosure of checkboxes, each with its count (条): the rule and severity
 * filters of 审核 and the rule filter of 合规. Nothing chosen means all.
 */

import { closeDropDownOnEscape, placeDropDownOnToggle } from '../_lib/drop-down-keys';
import { useT } from '../_lib/lang-context';

/** One choice: its value (e.g. a rule id), its Chinese text and how many flags it has (0 is listed too). */
export interface ChecklistOption {
  value: string;
  text: string;
  n: number;
}

/**
 * The checklist: `id` names its test ids (`filter-<id>`, `filter-<id>-option` with `data-value`
 * and `data-count`), `label` its Chinese name, `allLabel` the summary when nothing is chosen.
 * A choice with 0 flags reads `0 条` (checked, nothing found) and stays choosable.
 */
export default function Checklist({
  id,
  label,
  allLabel,
  options,
  selected,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  options: readonly ChecklistOption[];
  selected: readonly string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useT();
  const summary =
    selected.length === 0 ? allLabel : selected.length === 1 ? options.find((o) => o.value === selected[0])?.text ?? selected[0] : t('已选 {{count}} 项', { count: selected.length });
  return (
    <div className="filter">
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      <details className="multi" data-testid={`filter-${id}`} onKeyDown={closeDropDownOnEscape} onToggle={placeDropDownOnToggle}>
        <summary id={`${id}-summary`} aria-labelledby={`${id}-label ${id}-summary`}>
          {summary}
        </summary>
        <div className="multi-options" role="group" aria-labelledby={`${id}-label`}>
          {options.length === 0 ? <span className="muted">{t('（无）')}</span> : null}
          {options.map((o) => {
            const checked = selected.includes(o.value);
            return (
              <label key={o.value} className="option" data-testid={`filter-${id}-choice`} data-value={o.value} data-count={o.n}>
                <input
                  type="checkbox"
                  checked={checked}
                  data-testid={`filter-${id}-option`}
                  data-value={o.value}
                  onChange={() => onChange(checked ? selected.filter((s) => s !== o.value) : [...selected, o.value])}
                />
                <span>{o.text}</span>
                <span className={o.n === 0 ? 'muted small zero-count' : 'muted small'} title={o.n === 0 ? t('已检查，没有发现问题') : undefined}>
                  {t('{{count}} 条', { count: o.n })}
                </span>
              </label>
            );
          })}
        </div>
      </details>
    </div>
  );
}
