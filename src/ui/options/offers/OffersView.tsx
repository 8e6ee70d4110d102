import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { db } from '../../../db/instance';
import { deleteOffer, listOffers, restoreOffer, seedExampleOffer } from '../../../db/offers';
import type { Offer } from '../../../model/offer';
import { buttonClass } from '../../components';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { ConfirmDialog } from './ConfirmDialog';
import { OfferForm } from './OfferForm';
import { offersStrings } from './strings';

const deleteButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:border-slate-600 dark:bg-slate-800 dark:text-red-300 dark:hover:bg-red-950';

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: string };

/** The offer knowledge base: list, create, edit, delete (with confirmation and undo). */
export function OffersView() {
  const s = useStrings(offersStrings);
  const toast = useToast();
  const offers = useLiveQuery(() => listOffers(db), []);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [pendingDelete, setPendingDelete] = useState<Offer | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    // A new user starts from an example (once: deleting it is for good).
    void seedExampleOffer(db).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (mode.kind === 'list' && returnFocus.current) {
      returnFocus.current = false;
      listHeading.current?.focus();
    }
  }, [mode]);

  const backToList = () => {
    returnFocus.current = true;
    setMode({ kind: 'list' });
  };

  const confirmDelete = async (offer: Offer) => {
    setPendingDelete(null);
    const deleted = await deleteOffer(db, offer.id);
    if (!deleted) return;
    toast({
      message: s.deleted(deleted.name),
      action: {
        label: s.undo,
        run: async () => {
          await restoreOffer(db, deleted);
        },
      },
    });
    listHeading.current?.focus();
  };

  if (mode.kind !== 'list') {
    const editing = mode.kind === 'edit' ? offers?.find((offer) => offer.id === mode.id) : undefined;
    if (mode.kind === 'edit' && offers && !editing) {
      return (
        <div className="max-w-3xl space-y-3">
          <p role="alert">{s.gone}</p>
          <button type="button" className={buttonClass.secondary} onClick={backToList}>
            {s.cancel}
          </button>
        </div>
      );
    }
    if (mode.kind === 'edit' && !editing) return null;
    return (
      <OfferForm
        key={editing?.id ?? 'new'}
        offer={editing}
        onSaved={(saved) => {
          toast({ message: s.saved(saved.name) });
          backToList();
        }}
        onCancel={backToList}
      />
    );
  }

  return (
    <div className="max-w-3xl space-y-4" data-testid="offers-view">
      <p className="text-slate-600 dark:text-slate-300">{s.intro}</p>
      <div className="flex items-center justify-between gap-3">
        <h2 ref={listHeading} tabIndex={-1} className="text-base font-semibold">
          {s.listLabel}
        </h2>
        <button type="button" data-testid="offer-new" className={buttonClass.primary} onClick={() => setMode({ kind: 'new' })}>
          <span aria-hidden="true">+</span> {s.newOffer}
        </button>
      </div>
      {offers && offers.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600 dark:border-slate-600 dark:text-slate-300">
          {s.empty}
        </p>
      )}
      <ul className="space-y-2" aria-label={s.listLabel}>
        {offers?.map((offer) => (
          <li
            key={offer.id}
            data-testid="offer-row"
            data-offer-name={offer.name}
            className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-700 dark:bg-slate-800/60"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 flex-1">
                <h3 className="font-semibold text-slate-900 dark:text-slate-100">{offer.name}</h3>
                <p className="mt-0.5 line-clamp-2 text-slate-600 dark:text-slate-300">{offer.pitch || s.noPitch}</p>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {s.counts(offer.benefits.length, offer.objections.length)}
                </p>
              </div>
              <div className="flex shrink-0 gap-1">
                <button
                  type="button"
                  data-testid="offer-edit"
                  aria-label={s.editOffer(offer.name)}
                  className={buttonClass.secondary}
                  onClick={() => setMode({ kind: 'edit', id: offer.id })}
                >
                  {s.edit}
                </button>
                <button
                  type="button"
                  data-testid="offer-delete"
                  aria-label={s.deleteOffer(offer.name)}
                  className={deleteButtonClass}
                  onClick={() => setPendingDelete(offer)}
                >
                  {s.delete}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {pendingDelete && (
        <ConfirmDialog
          title={s.confirmTitle}
          body={s.confirmBody(pendingDelete.name)}
          confirmLabel={s.confirmDelete}
          cancelLabel={s.cancel}
          onConfirm={() => void confirmDelete(pendingDelete)}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </div>
  );
}
