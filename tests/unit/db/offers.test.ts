import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordNotFoundError, ValidationError } from '../../../src/db/errors';
import { deleteOffer, exampleOffer, listOffers, type OfferDraft, restoreOffer, saveOffer, seedExampleOffer } from '../../../src/db/offers';
import { getSettings } from '../../../src/db/repository';
import { offerSchema } from '../../../src/model';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

function draft(overrides: Partial<OfferDraft> = {}): OfferDraft {
  return {
    name: 'Audit de flotte',
    pitch: 'Un audit de votre parc de véhicules en deux jours.',
    benefits: ['Moins de pannes', 'Coûts maîtrisés'],
    limits: ['Pas les poids lourds'],
    proofPoints: ['Transports Giraud : -18 % de coûts'],
    objections: [
      { objection: 'Trop cher', answer: 'Rentabilisé en 6 mois' },
      { objection: 'Pas le temps', answer: 'Deux jours sur site, nous faisons tout' },
    ],
    terms: 'Forfait 3 000 € HT',
    ...overrides,
  };
}

describe('offers CRUD', () => {
  it('creates, lists by name, updates keeping createdAt, and deletes', async () => {
    const db = freshDb();
    const b = await saveOffer(db, draft({ name: '  Formation  ' }), 1000);
    const a = await saveOffer(db, draft(), 2000);
    expect(b.name).toBe('Formation');
    expect(b.createdAt).toBe(1000);
    expect(offerSchema.parse(a)).toEqual(a);
    expect((await listOffers(db)).map((offer) => offer.name)).toEqual(['Audit de flotte', 'Formation']);

    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = a;
    const edited = await saveOffer(db, { ...fields, id: a.id, objections: [{ objection: 'Trop cher', answer: '' }] }, 5000);
    expect(edited).toMatchObject({ id: a.id, createdAt: 2000, updatedAt: 5000, objections: [{ objection: 'Trop cher', answer: '' }] });
    expect(await db.offers.get(a.id)).toEqual(edited);
    expect(await db.offers.count()).toBe(2);

    const deleted = await deleteOffer(db, a.id);
    expect(deleted).toEqual(edited);
    expect(await listOffers(db)).toEqual([b]);
    expect(await deleteOffer(db, a.id)).toBeUndefined();
    if (deleted) await restoreOffer(db, deleted);
    expect(await db.offers.count()).toBe(2);
  });

  it('refuses an invalid draft with field paths, writing nothing', async () => {
    const db = freshDb();
    const error = await saveOffer(db, draft({ name: '   ', benefits: ['ok', ''], objections: [{ objection: '', answer: 'x' }] })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'benefits.1', 'objections.0.objection']));
    expect((error as ValidationError).issues.find((issue) => issue.path === 'name')?.message).toBe('Required');
    expect(await db.offers.count()).toBe(0);
  });

  it('refuses to update an offer that no longer exists', async () => {
    const db = freshDb();
    await expect(saveOffer(db, draft({ id: crypto.randomUUID() }))).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await db.offers.count()).toBe(0);
  });
});

describe('seedExampleOffer', () => {
  it('writes a valid, complete French example once', async () => {
    const db = freshDb();
    const seeded = await seedExampleOffer(db);
    expect(seeded).not.toBeNull();
    expect(offerSchema.safeParse(seeded).success).toBe(true);
    expect(seeded?.objections.length).toBeGreaterThanOrEqual(2);
    expect(seeded?.benefits.length).toBeGreaterThan(0);
    expect(seeded?.limits.length).toBeGreaterThan(0);
    expect(seeded?.proofPoints.length).toBeGreaterThan(0);
    expect(seeded?.terms).toBeTruthy();
    expect(await db.offers.count()).toBe(1);
    expect((await getSettings(db)).exampleOfferSeeded).toBe(true);

    expect(await seedExampleOffer(db)).toBeNull();
    expect(await db.offers.count()).toBe(1);
  });

  it('does not bring the example back once deleted', async () => {
    const db = freshDb();
    const seeded = await seedExampleOffer(db);
    if (seeded) await deleteOffer(db, seeded.id);
    expect(await seedExampleOffer(db)).toBeNull();
    expect(await db.offers.count()).toBe(0);
  });

  it('does not seed over the user own offers, nor later', async () => {
    const db = freshDb();
    const own = await saveOffer(db, draft());
    expect(await seedExampleOffer(db)).toBeNull();
    await deleteOffer(db, own.id);
    expect(await seedExampleOffer(db)).toBeNull();
    expect(await db.offers.count()).toBe(0);
  });

  it('keeps the other settings when it marks the seed', async () => {
    const db = freshDb();
    await db.settings.put({ ...(await getSettings(db)), language: 'en', noContactDays: 9 });
    await seedExampleOffer(db);
    expect(await getSettings(db)).toMatchObject({ language: 'en', noContactDays: 9, exampleOfferSeeded: true });
  });

  it('seeding twice at once writes one example', async () => {
    const db = freshDb();
    await Promise.all([seedExampleOffer(db), seedExampleOffer(db)]);
    expect(await db.offers.count()).toBe(1);
  });

  it('builds a fresh example each time', () => {
    expect(exampleOffer(1).id).not.toBe(exampleOffer(1).id);
  });
});
