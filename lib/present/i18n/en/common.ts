/**
 * English texts of the UI (common: the app's name, the language switch, words used on every page),
 * keyed by their Chinese (lib/present/i18n/translate.ts). Plurals: '<key>_one' / '<key>_other'.
 * Keep the spec's standard English names (../shared/spec/annual-report-format.md, "Standard English names").
 */
import type { Dictionary } from '../translate';

export const EN_COMMON: Dictionary = {
  '政府信息公开工作年度报告 · 对比看板': 'Government Information Disclosure Annual Reports · Comparison dashboard',
  '把各机关的政府信息公开工作年度报告变成可比较的数据：主动公开、依申请公开、复议诉讼与合规检查。':
    "Government agencies' information-disclosure annual reports as comparable data: proactive disclosure, disclosure on request, administrative review and litigation, and compliance checks.",
  '切换界面语言': 'Switch the interface language',
  '怎么办：': 'What to do: ',
};
