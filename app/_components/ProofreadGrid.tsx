'use client';

/**
 * 校对 mode's editable grid (issue 13): the report's three tables as the form prints them, every
 * cell an input (inputmode numeric), and beside them the form's identities (lib/correct/live-identities.ts:
 * row totals, column balance, outcome sums, 表四 totals) recomputed as a number is typed — a
 * broken identity is highlighted in its cells and listed with its difference (件). 保存 needs a
 * note and stores one correction per changed cell (lib/correct/correction.ts makeCorrection); an
 * OCR reading typed again as it is is saved as its confirmation (same value, status `corrected`),
 * so a reading held for a person (OCR_UNCERTAIN, 待核（OCR）) counts again.
 */
import { useMemo, useState } from 'react';
import { confirmsReading, makeCorrection, parseTypedNumber, type Correction } from '@/lib/correct/correction';
import { liveIdentities, withEdits, type LiveIdentity } from '@/lib/correct/live-identities';
import { describeCellRef } from '@/lib/present/labels';
import type { FormGroupView, FormTableView } from '@/lib/present/report-layout';
import type { Cell } from '@/lib/model/report-schema';
import type { ReportCell } from '@/lib/query/report-detail';
import { useT } from '../_lib/lang-context';
import { FormLabel } from './FormTables';

/** The text an input starts with: the cell's number, '' when it holds none. */
function initialText(cell: ReportCell | null): string {
  return cell && cell.value !== null ? String(cell.value) : '';
}

/** The typed numbers that differ from the cells' values, or confirm an `ocr` cell's reading (ref → number); unreadable text is left out and listed. */
function typedChanges(edits: ReadonlyMap<string, string>, byRef: ReadonlyMap<string, ReportCell>): { changes: Map<string, number>; unreadable: string[] } {
  const changes = new Map<string, number>();
  const unreadable: string[] = [];
  for (const [ref, text] of edits) {
    const cell = byRef.get(ref) ?? null;
    // An OCR reading typed again as it is confirms it (lib/correct/correction.ts confirmsReading).
    if (text.trim() === initialText(cell) && cell?.status !== 'ocr') continue;
    if (text.trim() === '') continue;
    const n = parseTypedNumber(text);
    if (n === null) unreadable.push(ref);
    else if (!cell || cell.value !== n || confirmsReading(cell, n)) changes.set(ref, n);
  }
  return { changes, unreadable };
}

/** The grid, the live identities, the note and 保存 for one report. `onSave` stores the corrections (a Chinese error, or null when saved). */
export default function ProofreadGrid({
  reportId,
  cells,
  tables,
  onSave,
}: {
  reportId: string;
  cells: readonly ReportCell[];
  tables: readonly FormTableView[];
  onSave: (corrections: Correction[]) => Promise<string | null>;
}) {
  const { t } = useT();
  const [edits, setEdits] = useState<Map<string, string>>(() => new Map());
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const byRef = useMemo(() => new Map(cells.map((c) => [`${c.table}.${c.row}.${c.column}`, c])), [cells]);
  const { changes, unreadable } = useMemo(() => typedChanges(edits, byRef), [edits, byRef]);
  const identities = useMemo(() => {
    const full: Cell[] = cells.map((c) => ({ ...c, report_id: reportId, status: c.status as Cell['status'] }));
    return liveIdentities(withEdits(full, reportId, changes), t);
  }, [cells, reportId, changes, t]);
  const broken = useMemo(() => {
    const m = new Map<string, LiveIdentity[]>();
    for (const id of identities) if (id.difference !== null && id.difference !== 0) for (const ref of id.cells) m.set(ref, [...(m.get(ref) ?? []), id]);
    return m;
  }, [identities]);

  const setText = (ref: string, text: string) => setEdits((prev) => new Map(prev).set(ref, text));

  async function save() {
    setProblem(null);
    if (unreadable.length) return setProblem(t('{{cell}} 填的不是数字：请输入阿拉伯数字后再保存。', { cell: describeCellRef(unreadable[0], t) }));
    if (changes.size === 0) return setProblem(t('没有改动任何一格：先在表格中改正数字，再保存。'));
    if (!note.trim()) return setProblem(t('请填写校对说明（为什么改、依据是什么），再保存。'));
    const made: Correction[] = [];
    for (const [ref, value] of changes) {
      const r = makeCorrection({ report_id: reportId, cell: ref, value_before: byRef.get(ref)?.value ?? null, value_after: value, note }, undefined, t);
      if (!r.ok) return setProblem(`${describeCellRef(ref, t)}${t('：')}${r.error}`);
      made.push(r.value);
    }
    setSaving(true);
    const error = await onSave(made);
    setSaving(false);
    if (error) setProblem(error);
    else {
      setEdits(new Map());
      setNote('');
    }
  }

  return (
    <div className="proofread" data-testid="proofread-grid">
      <div className="proofread-tables">
        {tables.map((view) => (
          <section key={view.table} className="form-table" data-testid={`proofread-table-${view.table}`}>
            <h3>{t(view.title)}</h3>
            {view.groups.map((g, gi) => (
              <GridGroup key={gi} g={g} edits={edits} broken={broken} changed={changes} onText={setText} />
            ))}
          </section>
        ))}
      </div>
      <IdentityList identities={identities} changed={changes} />
      <div className="proofread-save">
        <label>
          {t('校对说明（必填）：')}
          <textarea data-testid="proofread-note" value={note} rows={2} onChange={(e) => setNote(e.target.value)} placeholder={t('例如：原表总计印为 0，按各栏之和应为 11')} />
        </label>
        {cells.some((c) => c.status === 'ocr') ? (
          <p className="muted small" data-testid="proofread-confirm-hint">
            {t('文字识别（OCR）读出的数字无误时，在该格重新输入同一数字并写明说明，保存即为确认；未确认的待核读数不计入统计。')}
          </p>
        ) : null}
        <p className="muted small" data-testid="proofread-changes" data-count={changes.size}>
          {t('已改动 {{count}} 格', { count: changes.size })}
          {changes.size ? `${t('：')}${[...changes].map(([ref, v]) => `${describeCellRef(ref, t)} → ${v}`).join(t('；'))}` : ''}
        </p>
        <button type="button" data-testid="proofread-save" onClick={() => void save()} disabled={saving}>
          {saving ? t('正在保存…') : t('保存')}
        </button>
        {problem ? (
          <p className="error-text" role="alert" data-testid="proofread-problem">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** One printed block of a table as inputs; a cell in a broken identity is marked with the differences (also the 手工录入 form's, ./ManualEntry.tsx). */
export function GridGroup({
  g,
  edits,
  broken,
  changed,
  onText,
}: {
  g: FormGroupView;
  edits: ReadonlyMap<string, string>;
  broken: ReadonlyMap<string, LiveIdentity[]>;
  changed: ReadonlyMap<string, number>;
  onText: (ref: string, text: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="table-wrap form">
      <table className="form proofread-form">
        <thead>
          {g.heading ? (
            <tr>
              <th colSpan={g.columns.length + 1} className="group-heading">
                {t(g.heading)}
              </th>
            </tr>
          ) : null}
          <tr>
            <th className="row-label-head" />
            {g.columns.map((c) => (
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
              {r.cells.map((slot) => {
                const ids = broken.get(slot.ref) ?? [];
                const cls = ['proofread-cell', ids.length ? 'id-broken' : '', changed.has(slot.ref) ? 'edited' : '', slot.cell?.status === 'corrected' ? 'st-corrected' : ''].filter(Boolean).join(' ');
                const name = describeCellRef(slot.ref, t);
                const title = [name, ...ids.map((x) => t('{{identity}}：相差 {{difference}}', { identity: x.label, difference: x.difference }))].join('\n');
                return (
                  <td key={slot.ref} className={cls}>
                    <input
                      inputMode={slot.ref === 't2.fees.amount' ? 'decimal' : 'numeric'}
                      aria-label={name}
                      title={title}
                      data-ref={slot.ref}
                      data-broken={ids.length ? 'true' : 'false'}
                      value={edits.get(slot.ref) ?? initialText(slot.cell)}
                      onChange={(e) => onText(slot.ref, e.target.value)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The identities: every broken one and every one an edit touches, with its two sums and difference (件); a count of those that hold (also in ./ManualEntry.tsx). */
export function IdentityList({ identities, changed }: { identities: readonly LiveIdentity[]; changed: ReadonlyMap<string, number> }) {
  const shown = identities.filter((x) => (x.difference !== null && x.difference !== 0) || x.cells.some((c) => changed.has(c)));
  const holding = identities.filter((x) => x.difference === 0).length;
  const notEvaluable = identities.filter((x) => !x.evaluable).length;
  const brokenCount = identities.filter((x) => x.difference !== null && x.difference !== 0).length;
  const { t } = useT();
  return (
    <section className="proofread-identities" aria-label={t('勾稽关系')} aria-live="polite" data-testid="proofread-identities">
      <h3>{t('勾稽关系（随输入更新）')}</h3>
      <p className="muted small">
        {t('成立 {{holding}} 条；不成立 {{broken}} 条', { holding, broken: brokenCount })}
        {notEvaluable ? t('；有格缺失、无法核对 {{count}} 条', { count: notEvaluable }) : ''}
        {t('。')}
      </p>
      <ul>
        {shown.map((x) => {
          const ok = x.difference === 0;
          return (
            <li key={`${x.rule}-${x.scope}`} className={ok ? 'id-ok' : x.evaluable ? 'id-broken' : 'id-unknown'} data-testid={`identity-${x.rule}-${x.scope}`} data-difference={x.difference ?? ''}>
              {x.label}
              {t('：')}
              {x.evaluable ? t('{{total}} 与 {{parts}}，', { total: x.totalSum, parts: x.partsSum }) + (ok ? t('成立') : t('相差 {{difference}}', { difference: x.difference })) : t('有格缺失，无法核对')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
