import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { db } from '../../db/instance';
import type { Prospect } from '../../model';
import { checklistKey } from '../../process';
import { matchBenefitsToNeeds, searchObjections } from '../../process/offer-match';
import { buttonClass, inputClass, Section } from '../components';
import { useI18n } from '../i18n-context';

const NEED_POINTS = ['needs', 'levers', 'situation', 'budget', 'timing', 'alternatives'];

/** At proposal and closing: the offer's benefits matched to the noted needs, its limits, and objection answers. */
export function OfferGuide({ prospect }: { prospect: Prospect }) {
  const { t } = useI18n();
  const offers = useLiveQuery(() => db.offers.orderBy('id').toArray(), []);
  const [offerId, setOfferId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  if (!offers) return null;

  if (offers.length === 0) {
    return (
      <Section title={t.offer}>
        <p className="text-slate-600 dark:text-slate-300">{t.noOffer}</p>
        <button type="button" className={`${buttonClass.secondary} mt-1`} onClick={() => void browser.runtime.openOptionsPage()}>
          {t.openOptions}
        </button>
      </Section>
    );
  }

  const offer = offers.find((candidate) => candidate.id === offerId) ?? offers[0];
  if (!offer) return null;
  const needs = NEED_POINTS.map((point) => prospect.checklist[checklistKey('discovery', point)]?.note).filter((note): note is string =>
    Boolean(note),
  );
  const benefits = matchBenefitsToNeeds(offer.benefits, needs);
  const objections = searchObjections(offer.objections, query);

  return (
    <Section title={`${t.offer} — ${offer.name}`}>
      {offers.length > 1 && (
        <label className="mb-2 block">
          <span className="sr-only">{t.offerPick}</span>
          <select className={inputClass} value={offer.id} onChange={(event) => setOfferId(event.target.value)}>
            {offers.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <h3 className="text-xs font-semibold text-slate-600 dark:text-slate-300">{needs.length > 0 ? t.benefitsForNeeds : t.benefits}</h3>
      <ul className="mb-2 space-y-1" data-testid="offer-benefits">
        {benefits.map((match) => (
          <li key={match.benefit} className={match.score > 0 ? 'rounded bg-emerald-50 px-1.5 py-1 dark:bg-emerald-950' : 'px-1.5'}>
            <span className={match.score > 0 ? 'font-medium' : ''}>{match.benefit}</span>
            {match.needs[0] && <span className="block text-xs text-emerald-800 dark:text-emerald-200">↔ {match.needs[0]}</span>}
          </li>
        ))}
      </ul>
      {offer.limits.length > 0 && (
        <>
          <h3 className="text-xs font-semibold text-slate-600 dark:text-slate-300">{t.limits}</h3>
          <ul className="mb-2 ml-4 list-disc text-slate-700 dark:text-slate-200">
            {offer.limits.map((limit) => (
              <li key={limit}>{limit}</li>
            ))}
          </ul>
        </>
      )}
      <h3 className="text-xs font-semibold text-slate-600 dark:text-slate-300">{t.objections}</h3>
      <input
        type="search"
        className={`${inputClass} my-1`}
        aria-label={t.searchObjections}
        placeholder={t.searchObjections}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <dl className="space-y-1.5" data-testid="offer-objections">
        {objections.map((item) => (
          <div key={item.objection} data-testid="offer-objection">
            <dt className="font-medium">« {item.objection} »</dt>
            <dd className="text-slate-700 dark:text-slate-200">{item.answer}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
