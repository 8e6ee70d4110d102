import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { db } from '../../db/instance';
import { eraseProspect, restoreErased } from '../../db/repository';
import type { Prospect } from '../../model';
import { buttonClass } from '../components';
import { useI18n } from '../i18n-context';
import { useToast } from '../toast';

/** GDPR erasure: confirm, erase everything attached in one transaction, undo for a few seconds. */
export function EraseProspect({ prospect }: { prospect: Prospect }) {
  const { t } = useI18n();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  const erase = async () => {
    const snapshot = await eraseProspect(db, prospect.id);
    setConfirming(false);
    if (!snapshot) return;
    toast({ message: t.erased(prospect.fullName), action: { label: t.undo, run: () => restoreErased(db, snapshot) } });
  };

  return (
    <div className="border-t border-slate-200 px-4 py-3 dark:border-slate-700">
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={t.erase}
          className="rounded-md border border-red-300 bg-red-50 p-2 dark:border-red-800 dark:bg-red-950"
        >
          <p className="text-red-900 dark:text-red-100">{t.eraseConfirm(prospect.fullName)}</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              data-testid="erase-confirm"
              className={`${buttonClass.primary} bg-red-700 hover:bg-red-800`}
              onClick={() => void erase()}
            >
              {t.eraseYes}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          data-testid="erase-prospect"
          className={`${buttonClass.ghost} text-red-700 dark:text-red-300`}
          onClick={() => setConfirming(true)}
        >
          <Trash2 aria-hidden="true" className="h-3.5 w-3.5" />
          {t.erase}
        </button>
      )}
    </div>
  );
}
