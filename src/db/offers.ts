import type { Offer } from '../model/offer';
import { type RelanceDatabase, storedForm } from './database';
import { RecordNotFoundError } from './errors';
import { getSettings, saveSettings } from './repository';

/*
 * The offer knowledge base (playbook step 1, "know the offer"). Every write goes through the
 * offer schema (in the database itself): an invalid draft is refused with a ValidationError
 * whose issues name the fields (`name`, `objections.1.objection`…), for the form to show.
 */

/** What the offer form edits: an offer without its bookkeeping; with an id, an update. */
export type OfferDraft = Omit<Offer, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/** Offers by name (French collation, case- and accent-insensitive), then by creation. */
export async function listOffers(db: RelanceDatabase): Promise<Offer[]> {
  const offers = await db.offers.toArray();
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return offers.sort((a, b) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt);
}

export function getOffer(db: RelanceDatabase, id: string): Promise<Offer | undefined> {
  return db.offers.get(id);
}

/**
 * Creates the offer (no id) or replaces the one with this id, keeping its createdAt.
 * Returns the offer as stored (trimmed). Throws ValidationError on an invalid draft and
 * RecordNotFoundError when the id is unknown (deleted meanwhile).
 */
export function saveOffer(db: RelanceDatabase, draft: OfferDraft, now: number = Date.now()): Promise<Offer> {
  return db.transaction('rw', db.offers, async () => {
    const { id, ...fields } = draft;
    let createdAt = now;
    if (id !== undefined) {
      const existing = await db.offers.get(id);
      if (!existing) throw new RecordNotFoundError('offer', id);
      createdAt = existing.createdAt;
    }
    const offer = storedForm('offers', { ...fields, id: id ?? crypto.randomUUID(), createdAt, updatedAt: now });
    await db.offers.put(offer);
    return offer;
  });
}

/** Deletes the offer; returns what was deleted (for an undo), undefined when it was already gone. */
export function deleteOffer(db: RelanceDatabase, id: string): Promise<Offer | undefined> {
  return db.transaction('rw', db.offers, async () => {
    const existing = await db.offers.get(id);
    if (existing) await db.offers.delete(id);
    return existing;
  });
}

/** Puts a deleted offer back as it was (undo). */
export async function restoreOffer(db: RelanceDatabase, offer: Offer): Promise<Offer> {
  const stored = storedForm('offers', offer);
  await db.offers.put(stored);
  return stored;
}

/** The example a new user starts from: realistic, in French, meant to be edited or deleted. */
export function exampleOffer(now: number = Date.now()): Offer {
  return {
    id: crypto.randomUUID(),
    name: 'Exemple — Connecteur CRM pour équipes commerciales',
    pitch:
      'Nous relions votre CRM à votre messagerie, à votre agenda et à votre outil de devis : chaque échange, rendez-vous et devis arrive tout seul dans la fiche du client, et vos commerciaux passent leur temps à vendre plutôt qu’à saisir.',
    benefits: [
      'Plus de saisie manuelle des e-mails et rendez-vous : 3 à 5 heures gagnées par commercial et par semaine',
      'Fiches prospects complètes et à jour : moins d’impairs pendant la vente',
      'Devis suivis de bout en bout : aucune relance oubliée, des propositions qui se transforment plus vite en commandes',
      'Un tableau de bord fiable pour le directeur commercial, sans tableur à reconstruire chaque lundi',
      'Déploiement en 4 semaines, sans changer d’outils',
    ],
    limits: [
      'Ne remplace pas votre CRM : il le complète (Salesforce, HubSpot, Pipedrive, Sellsy, Axonaut)',
      'Les messageries sans accès IMAP ou API (certaines installations internes) demandent une étude préalable',
      'Pas d’historique repris au-delà de 24 mois',
      'Pas d’application mobile dédiée : les données sont visibles dans l’application mobile de votre CRM',
    ],
    proofPoints: [
      'Cabinet Dumas & Associés : taux de relance des devis passé de 40 % à 95 % en trois mois',
      'Plus de 120 équipes commerciales équipées en France et en Belgique',
      'Hébergement en France, conforme au RGPD, contrat de sous-traitance fourni',
      'Note de 4,7/5 sur 86 avis clients vérifiés',
    ],
    objections: [
      {
        objection: 'C’est trop cher pour une équipe de notre taille.',
        answer:
          'Comptons ensemble : à 4 heures gagnées par commercial et par semaine, l’abonnement est remboursé dès le premier mois. Nous pouvons commencer avec une seule équipe pour valider le gain.',
      },
      {
        objection: 'Nos commerciaux n’utiliseront pas un outil de plus.',
        answer:
          'Justement, il n’y a rien de nouveau à ouvrir : tout se passe dans le CRM et la messagerie qu’ils utilisent déjà. La prise en main dure une heure, formation comprise.',
      },
      {
        objection: 'Nous avons déjà une intégration maison.',
        answer:
          'Très bien : qui la maintient quand le CRM change son API ? Nous reprenons vos règles actuelles et assurons la maintenance, ce qui libère votre équipe technique.',
      },
      {
        objection: 'Et la confidentialité de nos e-mails ?',
        answer:
          'Seuls les échanges avec les contacts du CRM sont synchronisés, jamais les e-mails personnels. Données hébergées en France, chiffrées, et supprimées à la résiliation.',
      },
    ],
    terms:
      'Abonnement de 29 € HT par utilisateur et par mois, engagement 12 mois ; mise en service forfaitaire de 1 500 € HT. Paiement à 30 jours. Remise de 10 % à partir de 20 utilisateurs.',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Writes the example offer for a new user: only when there is no offer yet and the example was
 * never offered before. Either way the settings remember it was considered, so a user who
 * deletes the example (or started with offers of their own) never gets it back. Returns the
 * example when written, null otherwise.
 */
export function seedExampleOffer(db: RelanceDatabase, now: number = Date.now()): Promise<Offer | null> {
  return db.transaction('rw', [db.offers, db.settings], async () => {
    const settings = await getSettings(db);
    if (settings.exampleOfferSeeded) return null;
    const empty = (await db.offers.count()) === 0;
    const offer = empty ? storedForm('offers', exampleOffer(now)) : null;
    if (offer) await db.offers.add(offer);
    await saveSettings(db, { exampleOfferSeeded: true });
    return offer;
  });
}
