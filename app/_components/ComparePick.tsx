'use client';

/**
 * The 比较 column of the view table: a checkbox per row that adds the row's agency (its agency_key,
 * the views' trailing link column) to the comparison or removes it (issue 9, "Compare: pick 2–5
 * agencies"). Every row of the same agency shows the same state; once 5 agencies are picked the
 * others' boxes are disabled and say why.
 */
import type { Row } from '@/lib/store/executor';
import { COMPARE_MAX } from '@/lib/query/compare';
import { useT } from '../_lib/lang-context';
import type { Translate } from '@/lib/present/i18n/translate';

/** The agencies picked for 比较 and how to change them. */
export interface RowPick {
  /** agency_keys picked, in the order chosen. */
  picked: readonly string[];
  /** Adds the agency when not picked, removes it when picked. */
  onToggle: (agencyKey: string, agencyName: string) => void;
}

/** The header cell of the 比较 column. */
export function ComparePickHeader() {
  const { t } = useT();
  return (
    <th scope="col" className="col-pick" title={t('勾选 2–{{max}} 个机关，在表格上方并排比较同一年度的数字', { max: COMPARE_MAX })}>
      {t('比较')}
    </th>
  );
}

/**
 * The row's checkbox (empty cell when the row names no agency). `t` is the table's translator,
 * passed down rather than taken from the context here: a hook per row cost ~7 ms a filter change
 * at 25 rows (issue 15).
 */
export function ComparePickCell({ row, pick, t }: { row: Row; pick: RowPick; t: Translate }) {
  const key = typeof row.agency_key === 'string' && row.agency_key ? row.agency_key : null;
  if (!key) return <td className="col-pick" />;
  const name = typeof row.agency === 'string' ? row.agency : key;
  const checked = pick.picked.includes(key);
  const full = !checked && pick.picked.length >= COMPARE_MAX;
  return (
    <td className="col-pick">
      <input
        type="checkbox"
        checked={checked}
        disabled={full}
        onChange={() => pick.onToggle(key, name)}
        aria-label={t('比较 {{name}}', { name })}
        title={full ? t('最多比较 {{max}} 个机关；请先取消一个', { max: COMPARE_MAX }) : t('把 {{name}} 加入比较', { name })}
        translate="no"
        data-testid="compare-pick"
        data-agency-key={key}
      />
    </td>
  );
}
