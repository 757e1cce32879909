'use client';

/**
 * The report's text as the ingest read it (/data/texts/REPORT_ID.txt), with the passages flags
 * point at (`text:START-END`, or their quoted evidence found in the text) marked in their
 * severity colour, and the printed table rows of the cells they name underlined (found by the
 * row's label); the selected flag's passages are emphasised and scrolled into view.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ReportFlag } from '@/lib/query/report-detail';
import { textSegments, type TextMark } from '@/lib/present/report-layout';
import { ruleLabel } from '@/lib/present/labels';
import { worstSeverity } from './FormTables';
import ErrorBox from './ErrorBox';
import { useT } from '../_lib/lang-context';

/** State of the text fetch. */
export type TextState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; text: string };

/** The source text pane. */
export default function SourceText({
  state,
  marks,
  flagsByFp,
  selected,
  onSelect,
}: {
  state: TextState;
  marks: readonly TextMark[];
  flagsByFp: ReadonlyMap<string, ReportFlag>;
  selected: string | null;
  onSelect: (fp: string) => void;
}) {
  const { t } = useT();
  const pane = useRef<HTMLPreElement>(null);
  const segments = useMemo(() => (state.status === 'ready' ? textSegments(state.text, marks) : []), [state, marks]);

  // Scroll the selected flag's first passage into the middle of the pane (the pane only).
  useEffect(() => {
    const el = pane.current;
    if (!el || !selected) return;
    const mark = el.querySelector<HTMLElement>(`mark[data-flags~="${selected}"]`);
    if (mark) el.scrollTop = Math.max(0, mark.offsetTop - el.clientHeight / 3);
  }, [selected, segments]);

  return (
    <section className="source" aria-label={t('报告原文')}>
      <h2>
        {t('报告原文')} <span className="muted small">{t('（解析时读到的文字；表格为制表符分隔的行）')}</span>
      </h2>
      <p className="legend source-legend">
        <span className="legend-item">
          <mark className="hl sev-warning">{t('底色')}</mark>
          {t('检查结果涉及的原文')}
        </span>
        <span className="legend-item">
          <mark className="hl sev-warning row">{t('虚线')}</mark>
          {t('所涉单元格在原文表格中的行（按行名查找，供对照）')}
        </span>
      </p>
      {state.status === 'loading' ? (
        <div className="status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('正在读取原文…')}
        </div>
      ) : null}
      {state.status === 'error' ? (
        <ErrorBox message={state.error} testId="text-error" />
      ) : null}
      {state.status === 'ready' ? (
        state.text === '' ? (
          <p className="empty">{t('这份文件没有读到任何文字（例如扫描件或无法解码的文件）。')}</p>
        ) : (
          <pre className="source-text" ref={pane} tabIndex={0} data-testid="source-text" data-marks={marks.length} translate="no">
            {segments.map((s) =>
              s.flags.length === 0 ? (
                <span key={s.start}>{s.text}</span>
              ) : (
                <mark
                  key={s.start}
                  className={`hl sev-${worstSeverity(s.flags, flagsByFp)}${s.kinds.every((k) => k === 'row') ? ' row' : ''}${selected && s.flags.includes(selected) ? ' sel' : ''}`}
                  data-flags={s.flags.join(' ')}
                  data-testid="text-mark"
                  title={s.flags.map((fp) => t(ruleLabel(flagsByFp.get(fp)?.rule ?? ''))).join('\n')}
                  onClick={() => onSelect(s.flags[0])}
                >
                  {s.text}
                </mark>
              ),
            )}
          </pre>
        )
      ) : null}
    </section>
  );
}
