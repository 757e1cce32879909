/**
 * The views' fixed Chinese labels in the UI's language (issue 10, "English"): a view column's label
 * and unit (lib/query/views.ts ViewColumn), labels composed of form parts joined by `·`
 * (`行政复议·结果维持`, `实质公开率·同类同级同年排名`), the 单元格说明 column's notes
 * (`予以公开：空白；…`, written by the facts' SQL, lib/store/facts.ts) and the 指标 view's peer group
 * (`县级科技局·2022年`, lib/query/indicator-peers.ts). The labels themselves stay Chinese in lib/
 * (they are the report's own words and the SQL's); they are translated where shown.
 *
 * Every function takes `t` last (default {@link zhT}) and returns the Chinese text unchanged for
 * Chinese, byte for byte.
 */
import type { ViewColumn } from '../query/views';
import { INDICATORS, type Indicator } from './indicators';
import { MIN_CASES, MIN_PEERS } from '../model/rank-threshold';
import { agencyTypeLabel } from './labels';
import { zhT, type Translate, type TranslateVars } from './i18n/translate';

/**
 * A label in the UI's language: its own dictionary entry when it has one, else each `·`-separated
 * part translated and joined with ` · ` (`行政复议·结果维持` → `Administrative review · upheld`);
 * the label itself when no part has an entry (Chinese, or an unknown label).
 */
export function labelText(label: string, t: Translate = zhT): string {
  const whole = t(label);
  if (whole !== label || !label.includes('·')) return whole;
  const parts = label.split('·');
  const shown = parts.map((p) => t(p));
  return shown.every((s, i) => s === parts[i]) ? label : shown.join(' · ');
}

/** A view column's label in the UI's language ({@link labelText} of `c.label`), starting with a capital letter (a header). */
export function viewColumnLabel(c: Pick<ViewColumn, 'label'>, t: Translate = zhT): string {
  const s = labelText(c.label, t);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A unit as a header prints it inside parentheses, in the UI's language: 件 → cases, 万元 → 10,000
 * yuan, 份 → reports, 个 → cells, % as is; '' for none. Looked up as `单位：<unit>` (the bare `万元`
 * of other areas carries its own parentheses); the unit itself when that has no entry (Chinese).
 */
export function unitText(unit: string | undefined, t: Translate = zhT): string {
  if (!unit) return '';
  const key = `单位：${unit}`;
  const shown = t(key);
  return shown === key ? unit : shown;
}

/**
 * A label with its unit, as a header prints it: `本年新收政府信息公开申请数量（件）` in Chinese (the
 * form's full-width parentheses), `New applications received this year (cases)` in English; the
 * label alone without a unit.
 */
export function labelWithUnitText(label: string, unit: string | undefined, t: Translate = zhT): string {
  return unit ? t('{{label}}（{{unit}}）', { label, unit: unitText(unit, t) }) : label;
}

/** A view column's header text with its unit ({@link labelWithUnitText} of its label and unit). */
export function viewColumnHeader(c: Pick<ViewColumn, 'label' | 'unit'>, t: Translate = zhT): string {
  return labelWithUnitText(viewColumnLabel(c, t), c.unit, t);
}

/** One note `label：status` (status may end in the printed placeholder in quotes, `占位符“/”`). */
function noteText(note: string, t: Translate): string {
  const i = note.lastIndexOf('：');
  if (i < 0) return labelText(note, t);
  const m = /^([^“]*)(“.*”)?$/.exec(note.slice(i + 1));
  const status = m ? (m[2] ? t('{{status}}{{raw}}', { status: t(m[1]), raw: m[2] }) : t(m[1])) : note.slice(i + 1);
  return t('{{label}}：{{status}}', { label: labelText(note.slice(0, i), t), status });
}

/**
 * The 单元格说明 of a row (`予以公开：空白；不予公开·属于国家秘密：空白`) in the UI's language; a
 * note that is one sentence (the 2019 form's 表二 note) is translated whole. Chinese: as is.
 */
export function cellNotesText(notes: string, t: Translate = zhT): string {
  const whole = t(notes);
  if (whole !== notes || !notes.includes('：')) return whole;
  return notes
    .split('；')
    .map((n) => noteText(n, t))
    .join(t('；'));
}

/**
 * The 指标 view's peer group (`县级科技局·2022年`, `未识别层级或类型`) in the UI's language: the
 * level, the agency type and the year (the level as the 层级 filter's 县级, the type as its 机关类型; each kept in Chinese when it has no entry).
 */
export function peerGroupText(group: string, t: Translate = zhT): string {
  const m = /^(.级)(.+)·(\d{4})年$/.exec(group);
  if (!m) return t(group);
  return t('{{level}}{{type}}·{{year}}年', { level: t(m[1]), type: agencyTypeText(m[2], t), year: m[3] });
}

/** An agency type (`政府办公室`) in the UI's language: its own entry, else its 机关类型 filter label's (`人民政府办公室（厅）`); the type itself otherwise (Chinese). */
function agencyTypeText(type: string, t: Translate): string {
  const own = t(type);
  if (own !== type) return own;
  const label = agencyTypeLabel(type);
  const shown = t(label);
  return shown !== label ? shown : type;
}

/**
 * A view's title in the UI's language: `依申请公开` → `Disclosure on request`; a grouped view's
 * `依申请公开（按省汇总）` → `Disclosure on request (totals by province)` (lib/query/group-totals.ts
 * groupedView). Chinese: as is.
 */
export function viewTitleText(title: string, t: Translate = zhT): string {
  const m = /^(.+)（按(.+)汇总）$/.exec(title);
  if (!m) return t(title);
  return t('{{view}}（{{group}}）', { view: t(m[1]), group: t(`按${m[2]}汇总`) });
}

/**
 * A view's summary in the UI's language, sentence by sentence: a grouped view's summary is the
 * view's own followed by the grouping's sentence after a space (lib/query/group-totals.ts
 * groupedView), each translated on its own. Chinese: as is.
 */
export function viewSummaryText(summary: string, t: Translate = zhT): string {
  return summary
    .split(/(?<=。) /)
    .map((s) => t(s))
    .join(' ');
}

/** The notes a grouped view adds after a column's description (lib/query/group-totals.ts groupedColumns). */
const GROUP_NOTES: readonly string[] = [
  '本组已给出此数的报告之和；未给出的报告不按 0 计，另计缺失份数。',
  '由本组相加后的分子、分母重新计算（不是各报告比率的平均）；缺少任一项的报告不计入。',
];

/** The description templates of the 指标 view's columns by key suffix (lib/query/views.ts indicatorColumns). */
const INDICATOR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  rate: '{{label}} = {{formula}}。{{reading}}',
  base: '{{label}}的分母：{{base}}（件）。少于 {{min}} 件不排名。',
  rank: '在同类同级同年的报告中按{{label}}从高到低排名；分母少于 {{min}} 件、无法计算或层级/类型未识别的不排名。',
  pct: '同类同级同年中{{label}}低于本报告的其他报告所占比例（percent_rank，P0–P100）；同类少于 {{peers}} 家时不计算。',
  p25: '同类同级同年（同一机关类型、同一层级、同一年度）的报告中，分母不少于 {{min}} 件的{{label}}的{{name}}；同类少于 {{peers}} 家时不计算。',
  peers: '同类同级同年中{{label}}参与排名（分母不少于 {{min}} 件）的报告数，含本报告；层级或类型未识别时为空。',
};

/** An indicator column's description in the language of `t`, or null when `key`/`description` is not one of them. */
function indicatorDescription(key: string, description: string, t: Translate): string | null {
  const ind = INDICATORS.find((i) => key.startsWith(`${i.key}_`));
  const suffix = ind ? key.slice(ind.key.length + 1) : '';
  const name = { p25: 'P25', p50: '中位数', p75: 'P75' }[suffix];
  const template = INDICATOR_DESCRIPTIONS[name ? 'p25' : suffix];
  if (!ind || !template) return null;
  const vars = (tr: Translate, i: Indicator): TranslateVars => ({
    label: tr(i.label),
    formula: tr(i.formula),
    reading: tr(i.reading),
    base: tr(i.base),
    name: name ? tr(name) : '',
    min: MIN_CASES,
    peers: MIN_PEERS,
  });
  // Only when the template gives exactly the Chinese description (else the description changed).
  return zhT(template, vars(zhT, ind)) === description ? t(template, vars(t, ind)) : null;
}

/**
 * A view column's description (its header's tooltip) in the UI's language: the 指标 columns' from
 * their templates, a grouped column's as its own description and the group's note, any other as
 * one text. Chinese: as is.
 */
export function columnDescriptionText(c: Pick<ViewColumn, 'key' | 'description'>, t: Translate = zhT): string {
  const d = c.description ?? '';
  const note = GROUP_NOTES.find((n) => d === n || d.endsWith(` ${n}`));
  if (note) {
    const own = d.slice(0, d.length - note.length).trimEnd();
    return own ? `${columnDescriptionText({ key: c.key, description: own }, t)} ${t(note)}` : t(note);
  }
  return indicatorDescription(c.key, d, t) ?? t(d);
}
