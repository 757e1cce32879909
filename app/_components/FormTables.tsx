'use client';

/**
 * The report's tables as the form prints them (表二 in its article blocks, 表三 25 × 7, 表四),
 * with the form's labels, every cell styled by its status (印出 / 空白 / 占位符 / 缺失 / 推算 / 无效 / 未读到)
 * and outlined in its flags' severity colour; the cells of the selected flag are emphasised.
 */
import type { FlagHighlights, FormCellSlot, FormGroupView, FormTableView } from '@/lib/present/report-layout';
import type { ReportCell } from '@/lib/query/report-detail';
import { CELL_STATUS_LABELS, describeCellRef, itemLabel, ruleLabel } from '@/lib/present/labels';
import { shownCellStatus } from '@/lib/store/facts';
import type { ReportFlag } from '@/lib/query/report-detail';
import type { Translate } from '@/lib/present/i18n/translate';
import { FORM_TERMS_SHOWN_WITH_CHINESE } from '@/lib/present/i18n/en/form';
import { useT } from '../_lib/lang-context';

/** Number format of a cell value (件, or 万元 up to 4 decimals), made once. */
const VALUE_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** The most serious severity among the flags, e.g. `error`. */
export function worstSeverity(fps: readonly string[], flagsByFp: ReadonlyMap<string, ReportFlag>): string {
  let best = 'info';
  for (const fp of fps) {
    const s = flagsByFp.get(fp)?.severity ?? 'info';
    if ((SEVERITY_RANK[s] ?? 3) < (SEVERITY_RANK[best] ?? 3)) best = s;
  }
  return best;
}

/** What a cell shows: its number, 空 (blank), the placeholder as printed, 缺 (missing), `·` when not read (`t`: the UI's language). */
function valueText(cell: ReportCell | null, t: Translate): string {
  if (!cell) return '·';
  switch (cell.status) {
    case 'reported':
    case 'inferred':
    case 'corrected':
    case 'ocr':
    case 'manual':
      return cell.value === null ? '?' : VALUE_FORMAT.format(cell.value);
    case 'blank':
      return t('空');
    case 'placeholder':
      return cell.raw && cell.raw.trim() ? cell.raw : '—';
    case 'missing':
      return t('缺');
    default:
      return cell.raw ?? '?';
  }
}

/** The legend of cell statuses and flag outlines, shown above the tables. */
export function CellLegend() {
  const { t } = useT();
  const st = (status: string, what: string) => `${t(CELL_STATUS_LABELS[status])}${t('：')}${what}`;
  const items: Array<[string, string, string]> = [
    ['reported', '12', st('reported', t('报告印出的数字'))],
    ['inferred', '1', st('inferred', t('原文未印出，按勾稽关系推算'))],
    ['blank', t('空'), st('blank', t('原文此格为空'))],
    ['placeholder', '/', st('placeholder', t('原文印“/”“—”“无”等'))],
    ['missing', t('缺'), st('missing', t('版面丢失，无法推算'))],
    ['corrected', '5', st('corrected', t('按校对记录改正的数字（原文印出的保留在说明里）'))],
    ['ocr', '7', st('ocr', t('从表格图片文字识别读出的数字（置信度见单元格说明），须经勾稽关系核对'))],
    ['manual', '9', st('manual', t('手工录入的报告中由人填入的数字（未填的格为缺失，不是零）'))],
    ['invalid', '1e20', st('invalid', t('印出的不是表格能容纳的件数（超过 12 位、小数、负数等），按原样显示'))],
    ['none', '·', t('未读到：数据中没有此格')],
  ];
  return (
    <div className="legend" data-testid="cell-legend">
      <span className="legend-title">{t('单元格：')}</span>
      {items.map(([status, sample, label]) => (
        <span key={status} className="legend-item">
          <span className={`cell-sample st-${status}`}>{sample}</span>
          {label}
        </span>
      ))}
      <span className="legend-title">{t('检查结果涉及的格：')}</span>
      <span className="legend-item">
        <span className="cell-sample flag sev-error">3</span>
        {t('错误')}
      </span>
      <span className="legend-item">
        <span className="cell-sample flag sev-warning">3</span>
        {t('警告')}
      </span>
      <span className="legend-item">
        <span className="cell-sample flag sev-info">3</span>
        {t('提示')}
      </span>
      <span className="legend-item">
        <span className="cell-sample flag sev-error sel">3</span>
        {t('当前选中的检查结果')}
      </span>
    </div>
  );
}

/**
 * A label of the form (lib/model/form-layout.ts) in the UI's language: the Chinese label in
 * Chinese; in English its English name (lib/present/i18n/en/form.ts), with the Chinese beside it
 * (without its numbering) in `<span lang="zh-CN">` for the terms that have no exact English
 * (FORM_TERMS_SHOWN_WITH_CHINESE).
 */
export function FormLabel({ zh }: { zh: string }) {
  const { t, lang } = useT();
  const en = lang === 'en' ? t(zh) : zh;
  if (en === zh || !FORM_TERMS_SHOWN_WITH_CHINESE.has(zh)) return <>{en}</>;
  return (
    <>
      {en} <span lang="zh-CN">（{itemLabel(zh)}）</span>
    </>
  );
}

/** What every part of the tables needs to outline flagged cells and select a flag. */
interface FlagProps {
  highlights: FlagHighlights;
  flagsByFp: ReadonlyMap<string, ReportFlag>;
  selected: string | null;
  onSelect: (fp: string) => void;
}

/** `flag sev-…` and `sel` classes for the flags `fps` (empty strings when none). */
function flagClasses(fps: readonly string[], { flagsByFp, selected }: Pick<FlagProps, 'flagsByFp' | 'selected'>): string[] {
  return [fps.length ? `flag sev-${worstSeverity(fps, flagsByFp)}` : '', selected && fps.includes(selected) ? 'sel' : ''];
}

/**
 * The three tables. `highlights` and `flagsByFp` say which cells and tables each flag concerns;
 * `selected` is the fingerprint of the selected flag; clicking a flagged cell selects its first flag.
 */
export default function FormTables({ tables, ...flags }: { tables: readonly FormTableView[] } & FlagProps) {
  return (
    <div className="form-tables">
      {tables.map((t) => (
        <FormTable key={t.table} t={t} {...flags} />
      ))}
    </div>
  );
}

/** One table of the form: its title, a 未读到此表 note when it was not found, its groups and any cells outside the form. */
function FormTable({ t: view, ...flags }: { t: FormTableView } & FlagProps) {
  const { t } = useT();
  const tableFlags = flags.highlights.tables.get(view.table) ?? [];
  const tableCls = ['form-table', ...flagClasses(tableFlags, flags)].filter(Boolean).join(' ');
  return (
    <section className={tableCls} data-testid={`form-table-${view.table}`} data-found={view.found ? 'true' : 'false'} data-flags={tableFlags.join(' ')}>
      <h3>{t(view.title)}</h3>
      {!view.found ? (
        <p className="table-missing" data-testid={`table-missing-${view.table}`}>
          {t('未读到此表：报告中没有可读的表格数据（可能以图片发布）。下面是表格的格式，各格均无数据。')}
          {tableFlags.length ? (
            <button type="button" className="link" onClick={() => flags.onSelect(tableFlags[0])}>
              {t('查看检查结果')}
            </button>
          ) : null}
        </p>
      ) : null}
      {view.groups.map((g, gi) => (
        <FormGroup key={gi} table={view.table} g={g} {...flags} />
      ))}
      {view.extra.length ? (
        <p className="muted small">
          {t('表格格式之外的单元格：')}
          {view.extra.map((c) => `${c.row}.${c.column} = ${valueText(c, t)}${t('（{{status}}）', { status: CELL_STATUS_LABELS[c.status] ? t(CELL_STATUS_LABELS[c.status]) : c.status })}`).join(t('；'))}
        </p>
      ) : null}
    </section>
  );
}

/** One printed block of a table (表三 whole; 表二 one article block; 表四 one group): its header rows and its rows. */
function FormGroup({ table, g, ...flags }: { table: FormTableView['table']; g: FormGroupView } & FlagProps) {
  const { t } = useT();
  return (
    <div className="table-wrap form" tabIndex={0} role="region" aria-label={t('表格（可在框内滚动）')}>
      <table className={`form t-${table}`}>
        <thead>
          {g.heading ? (
            <tr>
              <th colSpan={g.columns.length + 1} className="group-heading">
                {t(g.heading)}
              </th>
            </tr>
          ) : null}
          {g.superHeader ? (
            <tr>
              <th rowSpan={2} className="row-label-head">
                {table === 't3' ? t('申请人情况') : t('信息内容')}
              </th>
              {g.superHeader.map((h, i) => (
                <th key={i} colSpan={h.span} rowSpan={h.span === 1 ? 2 : 1} className="num">
                  {t(h.label)}
                </th>
              ))}
            </tr>
          ) : null}
          <tr>
            {g.superHeader ? null : <th className="row-label-head">{table === 't4' ? '' : t('信息内容')}</th>}
            {(g.superHeader ? g.columns.slice(1, -1) : g.columns).map((c) => (
              <th key={c.key} className="num" title={c.key}>
                <FormLabel zh={c.label} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {g.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="row-label" title={r.key}>
                <FormLabel zh={r.label} />
              </th>
              {r.cells.map((slot) => (
                <FormCell key={slot.ref} slot={slot} {...flags} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One cell: its value by status, its flags' outline, a tooltip (status, raw text, note, rules); a click selects its first flag. */
function FormCell({ slot, highlights, flagsByFp, selected, onSelect }: { slot: FormCellSlot } & FlagProps) {
  const { t } = useT();
  const fps = highlights.cells.get(slot.ref) ?? [];
  const status = slot.cell?.status ?? 'none';
  // An OCR reading held for a person (OCR_UNCERTAIN) is labelled 待核（OCR）: shown, not counted (lib/store/facts.ts).
  const shown = shownCellStatus(status, fps.map((fp) => flagsByFp.get(fp)?.rule ?? ''));
  const cls = ['cell', 'num', `st-${status}`, ...flagClasses(fps, { flagsByFp, selected })].filter(Boolean).join(' ');
  const title = [
    `${describeCellRef(slot.ref, t)}${t('：')}${slot.cell ? (CELL_STATUS_LABELS[shown] ? t(CELL_STATUS_LABELS[shown]) : shown) : t('未读到')}`,
    slot.cell?.raw && slot.cell.status !== 'reported' ? t('原文：“{{raw}}”', { raw: slot.cell.raw }) : '',
    slot.cell?.note ? t('注：{{note}}', { note: t(slot.cell.note) }) : '', // a note the parser wrote (原文以元为单位…) is in the dictionary; a printed footnote stays as printed
    typeof slot.cell?.confidence === 'number' ? t('识别置信度：{{percent}}%', { percent: Math.round(slot.cell.confidence * 100) }) : '',
    ...fps.map((fp) => t('检查：{{rule}}', { rule: t(ruleLabel(flagsByFp.get(fp)?.rule ?? '')) })),
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td
      className={cls}
      title={title}
      data-ref={slot.ref}
      data-status={status}
      data-flagged={fps.length ? 'true' : 'false'}
      data-flags={fps.join(' ')}
      onClick={fps.length ? () => onSelect(fps[0]) : undefined}
    >
      {valueText(slot.cell, t)}
      {slot.cell?.note ? <sup className="cell-note">{t('注')}</sup> : null}
    </td>
  );
}
