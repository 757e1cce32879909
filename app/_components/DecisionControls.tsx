'use client';

/**
 * The review controls of one flag: its status (未审核 / 已确认 / 已驳回 with the note and time),
 * a note field, and 确认 / 驳回 / 撤销. A dismissal needs a note (lib/review makeDecision); the
 * refusal or a storage failure is shown under the buttons.
 */
import { useEffect, useState } from 'react';
import type { Result } from '@/lib/model/result';
import { DECISION_LABELS, REVIEW_STATUS_LABELS, type Decision, type DecisionValue, type FlagContext } from '@/lib/review/decisions';
import type { UseDecisions } from '../_lib/use-decisions';
import { useT } from '../_lib/lang-context';

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Controls for `flag`. `decisions` is the page's {@link UseDecisions}; `compact` lays the controls
 * out on one line for the queue's table.
 */
export default function DecisionControls({ flag, decisions, compact = false }: { flag: FlagContext; decisions: UseDecisions; compact?: boolean }) {
  const { t } = useT();
  const ready = decisions.state.status === 'ready' ? decisions.state : null;
  const current: Decision | undefined = ready?.byFingerprint.get(flag.fingerprint);
  const [note, setNote] = useState(current?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setNote(current?.note ?? '');
  }, [current?.note, current?.decided_at]);

  const status = current?.decision ?? 'open';
  const run = async (p: Promise<Result<unknown>>) => {
    setBusy(true);
    const r = await p;
    setBusy(false);
    setError(r.ok ? null : r.error);
  };
  const decide = (d: DecisionValue) => run(decisions.decide(flag, d, note));

  return (
    <div className={compact ? 'decision compact' : 'decision'} data-testid="decision" data-fingerprint={flag.fingerprint} data-status={status}>
      <div className="decision-status">
        <span className={`badge review-${status}`} data-testid="decision-status">
          {t(REVIEW_STATUS_LABELS[status])}
        </span>
        {current ? (
          <span className="muted small" data-testid="decision-saved-note">
            {current.note ? <span translate="no">“{current.note}”</span> : t('（无备注）')} · {when(current.decided_at)}
          </span>
        ) : null}
      </div>
      <div className="decision-row">
        <input
          type="text"
          className="decision-note"
          aria-label={t('审核备注')}
          placeholder={t('备注（驳回时必填）')}
          value={note}
          maxLength={2000}
          disabled={!ready || busy}
          onChange={(e) => setNote(e.target.value)}
          data-testid="decision-note"
        />
        <button type="button" className="btn confirm" disabled={!ready || busy} onClick={() => void decide('confirmed')} data-testid="decision-confirm">
          {t(DECISION_LABELS.confirmed)}
        </button>
        <button type="button" className="btn dismiss" disabled={!ready || busy} onClick={() => void decide('dismissed')} data-testid="decision-dismiss">
          {t(DECISION_LABELS.dismissed)}
        </button>
        {current ? (
          <button type="button" className="link" disabled={busy} onClick={() => void run(decisions.undo(flag.fingerprint))} data-testid="decision-undo">
            {t('撤销')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="decision-error" role="alert" data-testid="decision-error">
          {error}
        </p>
      ) : null}
      {decisions.state.status === 'error' ? (
        <p className="decision-error" role="alert">
          {decisions.state.error}
        </p>
      ) : null}
    </div>
  );
}
