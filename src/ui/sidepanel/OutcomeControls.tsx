import { Trophy } from 'lucide-react';
import { useState } from 'react';
import { db } from '../../db/instance';
import { moveStage, setOutcome } from '../../db/repository';
import type { Prospect } from '../../model';
import { buttonClass, inputClass } from '../components';
import { useI18n } from '../i18n-context';

/** Won or lost at closing (a win opens the follow-up stage as a client); a lost deal can be reopened. */
export function OutcomeControls({ prospect }: { prospect: Prospect }) {
  const { t } = useI18n();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState('');
  const outcome = prospect.outcome;

  if (outcome?.result === 'lost') {
    return (
      <div
        className="mt-2 flex items-center justify-between gap-2 rounded-md bg-red-50 p-2 dark:bg-red-950"
        data-testid="outcome"
        data-outcome="lost"
      >
        <span className="text-red-900 dark:text-red-100">{t.outcomeLost(outcome.reason ?? '')}</span>
        <button
          type="button"
          data-testid="outcome-reopen"
          className={buttonClass.secondary}
          onClick={() => void setOutcome(db, prospect.id, null)}
        >
          {t.reopen}
        </button>
      </div>
    );
  }
  if (outcome?.result === 'won') {
    return (
      <p className="mt-2 flex items-center gap-1.5 text-emerald-800 dark:text-emerald-200" data-testid="outcome" data-outcome="won">
        <Trophy aria-hidden="true" className="h-4 w-4" />
        {t.outcomeWon}
      </p>
    );
  }
  if (prospect.stage !== 'closing') return null;

  const win = async () => {
    await setOutcome(db, prospect.id, { result: 'won' });
    await moveStage(db, prospect.id, 'relationship');
  };

  return (
    <div className="mt-2">
      <div className="flex items-center gap-2">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{t.outcome}</span>
        <button
          type="button"
          data-testid="outcome-won"
          className={`${buttonClass.secondary} text-emerald-800 dark:text-emerald-200`}
          onClick={() => void win()}
        >
          {t.markWon}
        </button>
        <button
          type="button"
          data-testid="outcome-lost"
          className={`${buttonClass.secondary} text-red-800 dark:text-red-200`}
          onClick={() => setAskingReason(true)}
        >
          {t.markLost}
        </button>
      </div>
      {askingReason && (
        <form
          className="mt-2 flex gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            void setOutcome(db, prospect.id, { result: 'lost', reason: reason.trim() || undefined });
            setAskingReason(false);
          }}
        >
          <input
            className={inputClass}
            aria-label={t.lostReason}
            placeholder={t.lostReason}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" data-testid="outcome-lost-confirm" className={buttonClass.primary}>
            {t.confirmLost}
          </button>
        </form>
      )}
    </div>
  );
}
