'use client';

/**
 * The orphaned review decisions (孤立): decisions whose flag is no longer in the data (the report
 * was replaced or the rule's version changed). They are kept in this browser and exported with the
 * others, never dropped; this lists them, {@link ORPHAN_PAGE} at a time (an import of another data
 * build's decisions can make 100,000 of them: the page stays responsive).
 */
import { useState } from 'react';
import { describeCellRef, ruleLabel } from '@/lib/present/labels';
import { parseSubject } from '@/lib/present/subject-ref';
import { REVIEW_STATUS_LABELS, type Decision } from '@/lib/review/decisions';

/** Rows listed at first and added by each 再显示. */
export const ORPHAN_PAGE = 200;

/** The list, closed by default; nothing when there is no orphan. */
export default function OrphanList({ orphans }: { orphans: readonly Decision[] }) {
  const [shown, setShown] = useState(ORPHAN_PAGE);
  if (orphans.length === 0) return null;
  return (
    <details className="orphans" data-testid="orphans">
      <summary>
        孤立的审核结果 {orphans.length} 条：它们对应的检查结果已不在当前数据中（报告被替换或规则版本变化）。这些记录保留在本机，并随“导出审核结果”一起导出。
      </summary>
      <table>
        <thead>
          <tr>
            <th>机关 · 年度</th>
            <th>规则</th>
            <th>涉及</th>
            <th>审核</th>
            <th>备注</th>
            <th>指纹</th>
          </tr>
        </thead>
        <tbody>
          {orphans.slice(0, shown).map((d) => (
            <tr key={d.fingerprint} data-testid="orphan-row">
              <td>
                {d.agency ?? '—'} {d.year ?? ''}
              </td>
              <td>{d.rule ? ruleLabel(d.rule) : '—'}</td>
              <td>{d.subject ? parseSubject(d.subject).map((x) => describeCellRef(x.ref)).join('；') : '—'}</td>
              <td>{REVIEW_STATUS_LABELS[d.decision]}</td>
              <td>{d.note || '—'}</td>
              <td className="mono small">{d.fingerprint}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {orphans.length > shown ? (
        <p className="small">
          已列出 {shown} 条，另有 {orphans.length - shown} 条。{' '}
          <button type="button" className="link" onClick={() => setShown((n) => n + ORPHAN_PAGE)} data-testid="orphans-more">
            再显示 {Math.min(ORPHAN_PAGE, orphans.length - shown)} 条
          </button>
        </p>
      ) : null}
    </details>
  );
}
