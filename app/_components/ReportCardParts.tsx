'use client';

/**
 * Parts shared by the two 体检单 (report cards, issue 10): the toolbar with 打印 / 导出 PDF (the
 * browser's own print dialog, `window.print()`; 另存为 PDF is one of its destinations), the flags
 * table (severity, rule, message with its numbers, review status and note), the rules' sources and
 * the footer (data source, date printed). The arrangement is lib/present/report-card.ts; the print
 * layout (A4, no buttons) is app/print.css.
 */
import Link from 'next/link';
import type { CardFlag, CardFooter, CardVocabulary } from '@/lib/present/report-card';
import { CARD_FIGURE_KEYS } from '@/lib/present/report-card';
import { agencyMetric } from '@/lib/query/agency-years';
import { REVIEW_STATUS_LABELS } from '@/lib/review/decisions';
import type { DecisionsState } from '../_lib/use-decisions';
import { useT } from '../_lib/lang-context';
import LangSwitch from './LangSwitch';

/** The card's words from lib/query and lib/review: the key figures' definitions and the review labels. */
export const CARD_VOCABULARY: CardVocabulary = { metrics: CARD_FIGURE_KEYS.map(agencyMetric), reviewLabels: REVIEW_STATUS_LABELS };

/** The browser's decisions for a card: by fingerprint when read, null when they could not be read. */
export function cardDecisions(state: DecisionsState) {
  return state.status === 'ready' ? state.byFingerprint : null;
}

/** 返回 (to the page the card summarizes), 打印 / 导出 PDF and the language switch; not printed. `backLabel` is in the UI's language. */
export function CardToolbar({ backHref, backLabel }: { backHref: string; backLabel: string }) {
  const { t } = useT();
  return (
    <nav className="card-toolbar" aria-label={t('体检单操作')}>
      <Link href={backHref} data-testid="card-back">
        ← {backLabel}
      </Link>
      <button type="button" className="primary" onClick={() => window.print()} data-testid="card-print" title={t('用浏览器的打印功能打印；在打印对话框中选择“另存为 PDF”即可导出 PDF')}>
        {t('打印 / 导出 PDF')}
      </button>
      <span className="muted small">{t('A4 纵向，一至两页；导出 PDF 请在打印对话框中选择“另存为 PDF”。')}</span>
      <LangSwitch />
    </nav>
  );
}

/** The flags as a table: severity, rule, message with its numbers and cells, review status with date and note. */
export function CardFlagTable({ flags }: { flags: readonly CardFlag[] }) {
  const { t } = useT();
  if (flags.length === 0) return <p className="muted small">{t('没有触发任何检查规则。')}</p>;
  return (
    <table className="card-table card-flags" data-testid="card-flags">
      <thead>
        <tr>
          {/* Fixed widths on paper; on a phone (min) they leave the 说明 column room. */}
          <th style={{ width: 'min(5.5em, 16%)' }}>{t('严重程度')}</th>
          <th style={{ width: 'min(11em, 22%)' }}>{t('规则')}</th>
          <th>{t('说明')}</th>
          <th style={{ width: 'min(11em, 22%)' }}>{t('审核', { context: 'card' })}</th>
        </tr>
      </thead>
      <tbody>
        {flags.map((f) => (
          <tr key={f.fingerprint} data-testid="card-flag" data-rule={f.rule} data-review={f.review ?? 'unknown'}>
            <td>
              <span className={`badge sev-${f.severity}`}>{f.severityLabel}</span>
            </td>
            <td>{f.ruleName}</td>
            <td>
              {f.message}
              {f.values ? <div className="small muted">{f.values}</div> : null}
              {f.concerns ? (
                <div className="small muted">
                  {t('涉及：')}
                  {f.concerns}
                </div>
              ) : null}
            </td>
            <td>
              <span className={`badge review-${f.review ?? 'open'}`} data-testid="card-flag-review">
                {f.reviewLabel}
              </span>
              {f.decidedOn ? <span className="small muted"> {f.decidedOn}</span> : null}
              {f.note ? (
                <div className="small" data-testid="card-flag-note">
                  {t('备注：')}
                  <span translate="no">{f.note}</span>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `text` with each of `data` (file names, kept as printed) inside `translate="no"`. */
function WithData({ text, data }: { text: string; data: readonly string[] }) {
  const file = data.find((d) => d !== '' && text.includes(d));
  if (!file) return <>{text}</>;
  const i = text.indexOf(file);
  return (
    <>
      {text.slice(0, i)}
      <span translate="no">{file}</span>
      {text.slice(i + file.length)}
    </>
  );
}

/** 规则依据 (each rule cited once, with its source) and the footer: data source, date printed. */
export function CardFooterView({ footer }: { footer: CardFooter }) {
  const { t } = useT();
  return (
    <>
      {footer.sources.length ? (
        <section className="card-section" aria-label={t('规则依据')}>
          <h2>{t('规则依据')}</h2>
          <ul className="card-sources" data-testid="card-sources">
            {footer.sources.map((s) => (
              <li key={s.rule} data-rule={s.rule}>
                <strong>{s.name}</strong>
                {t('：')}
                {s.source}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer className="card-footer small">
        <p data-testid="card-data-source">
          <WithData text={footer.dataSource} data={footer.dataSourceFiles} />
        </p>
        <p>
          {t('审核状态与备注取自本浏览器中保存的审核结果。打印时间：')}
          <span data-testid="card-printed-on">{footer.printedOn}</span>
        </p>
      </footer>
    </>
  );
}
