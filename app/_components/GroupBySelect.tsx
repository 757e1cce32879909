'use client';

/**
 * The 分组 control (issue 9, "group by"): 不分组 (one row per report, the default) or totals per
 * 机关 / 县 / 市 / 省 / 全部 and year (lib/query/group-totals.ts). A native select: keyboard and
 * phone friendly; the choice is kept in the URL (`group=`).
 */
import { GROUP_BY_CHOICES, NO_GROUP_LABEL, groupFromParam, type GroupBy } from '@/lib/query/group-totals';
import { useT } from '../_lib/lang-context';

/** The select; `group` null is 不分组. `disabled` (with its reason in the tooltip) on a tab that cannot be grouped. */
export default function GroupBySelect({ group, onChange, disabled }: { group: GroupBy | null; onChange: (g: GroupBy | null) => void; disabled?: string }) {
  const { t } = useT();
  return (
    <div className="filter group-by">
      <label className="filter-label" htmlFor="group-by-select">
        {t('分组')}
      </label>
      <select
        id="group-by-select"
        data-testid="group-by"
        value={group ?? ''}
        disabled={Boolean(disabled)}
        title={disabled ?? t('按机关、县、市、省或全部汇总每个年度：计数相加，比率由相加后的分子、分母重新计算。')}
        onChange={(e) => onChange(groupFromParam(e.currentTarget.value))}
      >
        <option value="">{t(NO_GROUP_LABEL)}</option>
        {GROUP_BY_CHOICES.map((c) => (
          <option key={c.key} value={c.key}>
            {t(`按${c.label}汇总`)}
          </option>
        ))}
      </select>
    </div>
  );
}
