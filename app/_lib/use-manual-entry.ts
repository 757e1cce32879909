'use client';

/**
 * The state of the 手工录入 form (issue 13): agency, year, publication date and the three tables'
 * typed cells; the live identities of what is typed (lib/correct/live-identities.ts, the checks' own
 * instances, every typed cell `manual`); and 保存 — the record built through the read path and the
 * checks (lib/correct/manual-report.ts buildManualReport), then added like an upload
 * (lib/upload/add-uploads.ts: the alias table, duplicates, the cross-year rules against the loaded
 * reports of the agency, `origin = 'upload'`) and kept for this tab (./upload-store.ts).
 */
import { useMemo, useState } from 'react';
import { parseTypedNumber } from '@/lib/correct/correction';
import { liveIdentities, type LiveIdentity } from '@/lib/correct/live-identities';
import { buildManualReport, manualEntryProblem, MANUAL_SOURCE_PREFIX, type ManualReportInput } from '@/lib/correct/manual-report';
import { errorDetailInParens } from '@/lib/model/error-detail';
import type { Cell } from '@/lib/model/report-schema';
import { describeCellRef } from '@/lib/present/labels';
import type { UploadFileResult } from '@/lib/upload/add-uploads';
import type { Translate } from '@/lib/present/i18n/translate';
import type { BrowserDb } from './duckdb-browser';
import { useT } from './lang-context';

/** The form's fields as typed (text), and what they give. */
export interface UseManualEntry {
  agency: string;
  setAgency: (v: string) => void;
  year: string;
  setYear: (v: string) => void;
  publishedOn: string;
  setPublishedOn: (v: string) => void;
  /** Typed text per cell ref (`t3.granted.total`). */
  edits: ReadonlyMap<string, string>;
  setCell: (ref: string, text: string) => void;
  /** The typed numbers (ref → 件; 万元 for t2 fees.amount); unreadable text is not in it. */
  values: ReadonlyMap<string, number>;
  identities: LiveIdentity[];
  /** Cell ref → the broken identities it is part of. */
  broken: ReadonlyMap<string, LiveIdentity[]>;
  /** Why the last 保存 did not add the report (one Chinese sentence), or null. */
  problem: string | null;
  /** The result of the last 保存 that reached the database (added, or already there). */
  result: UploadFileResult | null;
  saving: boolean;
  save: () => Promise<void>;
}

/** The typed numbers and the refs whose text is no number. */
function typedValues(edits: ReadonlyMap<string, string>): { values: Map<string, number>; unreadable: string[] } {
  const values = new Map<string, number>();
  const unreadable: string[] = [];
  for (const [ref, text] of edits) {
    if (!text.trim()) continue;
    const n = parseTypedNumber(text);
    if (n === null) unreadable.push(ref);
    else values.set(ref, n);
  }
  return { values, unreadable };
}

/** The typed numbers as `manual` cells, for the live identities. */
function typedCells(values: ReadonlyMap<string, number>): Cell[] {
  return [...values].map(([ref, value]) => {
    const [table, row, column] = ref.split('.');
    return { report_id: 'manual', table: table as Cell['table'], row, column, value, status: 'manual', raw: null, note: null };
  });
}

/**
 * Builds the record and adds it to the page's database like an upload; keeps it for this tab.
 * @returns the add's result, or a sentence (in the language of `t`) saying what to fill in or what went wrong.
 */
async function addManualReport(db: BrowserDb, input: ManualReportInput, t: Translate): Promise<UploadFileResult | string> {
  const built = await buildManualReport(input, undefined, t);
  if (!built.ok) return built.error;
  const [{ addUploadedReports }, browser, store] = await Promise.all([import('@/lib/upload/add-uploads'), import('./upload-browser'), import('./upload-store')]);
  const aliases = await browser.loadAliasTable();
  const file = built.value.report.source_file;
  const [r] = await addUploadedReports(
    { exec: db.exec, registerCsv: db.registerCsv, ensureCells: db.ensureCells, reportText: browser.loadedReportText },
    [{ ok: true, file, record: built.value }],
    `manual-${Date.now()}`,
    aliases.rows,
  );
  if (r.outcome === 'rejected') return r.message;
  if (r.outcome === 'added' && !store.keepUpload(r.record)) return { ...r, message: `${r.message}${t('。注意：本标签页的存储空间不足，这份报告只在当前页面中，刷新页面后不会保留。')}` };
  return r;
}

/** The 手工录入 form's state for the page's database `db`; `onChanged` is awaited after a report was added. */
export function useManualEntry(db: BrowserDb, onChanged: () => Promise<void>): UseManualEntry {
  const { t } = useT();
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [edits, setEdits] = useState<Map<string, string>>(() => new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<UploadFileResult | null>(null);
  const [saving, setSaving] = useState(false);
  const { values, unreadable } = useMemo(() => typedValues(edits), [edits]);
  const identities = useMemo(() => liveIdentities(typedCells(values), t), [values, t]);
  const broken = useMemo(() => {
    const m = new Map<string, LiveIdentity[]>();
    for (const id of identities) if (id.difference !== null && id.difference !== 0) for (const ref of id.cells) m.set(ref, [...(m.get(ref) ?? []), id]);
    return m;
  }, [identities]);

  async function save() {
    setProblem(null);
    setResult(null);
    const y = year.trim() ? Number(year.trim()) : null;
    const input: ManualReportInput = { agency: agency.trim(), year: y, publishedOn: publishedOn.trim() || null, values };
    const first = manualEntryProblem(input, undefined, t);
    if (first) return setProblem(first);
    if (unreadable.length) return setProblem(t('{{cell}} 填的不是数字：请输入阿拉伯数字或留空后再保存。', { cell: describeCellRef(unreadable[0], t) }));
    setSaving(true);
    try {
      const r = await addManualReport(db, input, t);
      if (typeof r === 'string') setProblem(r);
      else {
        setResult(r);
        if (r.outcome === 'added') {
          setEdits(new Map());
          await onChanged();
        }
      }
    } catch (e) {
      setProblem(t('{{what}}的报告没能保存{{detail}}。请刷新页面后重试。', { what: t(MANUAL_SOURCE_PREFIX), detail: errorDetailInParens(e) }));
    } finally {
      setSaving(false);
    }
  }

  return {
    agency,
    setAgency,
    year,
    setYear,
    publishedOn,
    setPublishedOn,
    edits,
    setCell: (ref, text) => setEdits((prev) => new Map(prev).set(ref, text)),
    values,
    identities,
    broken,
    problem,
    result,
    saving,
    save,
  };
}
