'use client';

/**
 * The rule filter of 合规: every registered rule with its flag count for the reports of the
 * filter — a rule with no flag is listed with 0 条, so a supervisor sees that e.g. 发布期限
 * (DEADLINE, 条例第四十九条) was checked and nothing was late. The choice narrows the 合规 rows
 * (lib/query/views.ts complianceView) and is the same `rule=` of the URL as 审核's rule filter.
 */
import type { FilterState } from '@/lib/query/filters';
import { ruleLabel } from '@/lib/present/labels';
import type { BrowserDb } from '../_lib/duckdb-browser';
import { useRuleCounts } from '../_lib/use-rule-counts';
import Checklist from './Checklist';
import { useT } from '../_lib/lang-context';
import type { Translate } from '@/lib/present/i18n/translate';

/** The rules as `“A”、“B”或“C”` (English: `“A”, “B” or “C”`), names in the language of `t`. */
function alternatives(rules: readonly string[], t: Translate): string {
  const q = rules.map((r) => `“${t(ruleLabel(r))}”`);
  return q.length <= 1 ? q.join('') : t('{{first}}或{{last}}', { first: q.slice(0, -1).join(t('、')), last: q[q.length - 1] });
}

/** The filter and a sentence saying which rules are shown and how many rules found nothing. */
export default function ComplianceRules({ db, filter, rules, onChange }: { db: BrowserDb; filter: FilterState; rules: readonly string[]; onChange: (rules: string[]) => void }) {
  const counts = useRuleCounts(db, filter);
  const { t } = useT();
  const clean = counts.rules.filter((r) => r.n === 0);
  return (
    <div className="filters compliance-rules" data-testid="compliance-rules" data-loaded={counts.loaded ? 'true' : 'false'}>
      <Checklist id="rule" label={t('规则')} allLabel={t('全部规则')} options={counts.rules.map((r) => ({ value: r.rule, text: t(r.label), n: r.n }))} selected={rules} onChange={onChange} />
      <p className="muted small" data-testid="compliance-rule-sentence">
        {rules.length ? t('只显示规则为{{rules}}的检查结果。', { rules: alternatives(rules, t) }) : t('显示全部规则的检查结果。')}
        {counts.loaded ? t('共检查 {{count}} 条规则，其中 {{clean}} 条在所选报告中没有发现问题（列为 0 条）。', { count: counts.rules.length, clean: clean.length }) : ''}
      </p>
    </div>
  );
}
