import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelanceDatabase } from '../../../src/db/database';
import { RecordNotFoundError, ValidationError } from '../../../src/db/errors';
import {
  addProspectFromContact,
  cancelRelance,
  completeRelance,
  countDueRelances,
  dueRelances,
  eraseProspect,
  findMatch,
  getSettings,
  logInteraction,
  moveStage,
  nameFromEmail,
  nameFromLinkedinUrl,
  nextOpenRelance,
  prospectHistory,
  restoreErased,
  saveSettings,
  scheduleRelance,
  seedDemoData,
  setChecklistItem,
  setOutcome,
  snoozeRelance,
  updateInteractionNote,
  updateProspectFields,
} from '../../../src/db/repository';
import type { PageContact } from '../../../src/model';
import { DEFAULT_SETTINGS, STAGES } from '../../../src/model';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const JEANNE: PageContact = {
  site: 'linkedin',
  kind: 'person',
  fullName: 'Jeanne Dupont',
  headline: 'Directrice achats chez Acme Industrie',
  company: 'Acme Industrie',
  location: 'Lyon',
  linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont-12ab34/',
};

async function allRecords(db: RelanceDatabase) {
  const [prospects, interactions, relances, stageEvents] = await Promise.all([
    db.prospects.toArray(),
    db.interactions.toArray(),
    db.relances.toArray(),
    db.stageEvents.toArray(),
  ]);
  return { prospects, interactions, relances, stageEvents };
}

describe('addProspectFromContact', () => {
  it('creates a suspect at prospecting, with its first stage event', async () => {
    const db = freshDb();
    const { prospect, created, added } = await addProspectFromContact(db, JEANNE, 'linkedin');
    expect(created).toBe(true);
    expect(added).toEqual([]);
    expect(prospect).toMatchObject({
      fullName: 'Jeanne Dupont',
      company: 'Acme Industrie',
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont-12ab34/',
      stage: 'prospecting',
      qualification: 'suspect',
      source: 'linkedin',
      nameKey: 'dupont jeanne|acme industrie',
    });
    expect(await db.prospects.get(prospect.id)).toEqual(prospect);
    const events = await db.stageEvents.where('prospectId').equals(prospect.id).toArray();
    expect(events).toMatchObject([{ from: null, to: 'prospecting', forced: false, unmet: [] }]);
  });

  it('recognises the same LinkedIn profile written another way and enriches it', async () => {
    const db = freshDb();
    const first = await addProspectFromContact(db, JEANNE, 'linkedin');
    const again = await addProspectFromContact(
      db,
      {
        site: 'linkedin',
        kind: 'person',
        fullName: 'Jeanne Dupont',
        jobTitle: 'Directrice achats',
        email: 'Jeanne.Dupont@Acme-Industrie.fr',
        linkedinUrl: 'https://fr.linkedin.com/in/Jeanne-Dupont-12AB34/details/experience/?trk=abc',
      },
      'linkedin',
    );
    expect(again.created).toBe(false);
    expect(again.prospect.id).toBe(first.prospect.id);
    expect(again.added.sort()).toEqual(['emails', 'jobTitle']);
    expect(again.prospect.emails).toEqual(['Jeanne.Dupont@Acme-Industrie.fr']);
    expect(again.prospect.emailKeys).toEqual(['jeanne.dupont@acme-industrie.fr']);
    expect(await db.prospects.count()).toBe(1);
    expect(await db.stageEvents.count()).toBe(1);
  });

  it('recognises an email in another case and adds the new address', async () => {
    const db = freshDb();
    const first = await addProspectFromContact(
      db,
      { site: 'gmail', kind: 'email-thread', fullName: 'Jeanne Dupont', email: 'jeanne.dupont@acme.fr' },
      'gmail',
    );
    const match = await findMatch(db, { email: ' JEANNE.DUPONT@ACME.FR ' });
    expect(match).toMatchObject({ kind: 'exact', via: 'email', prospect: { id: first.prospect.id } });

    const again = await addProspectFromContact(
      db,
      { site: 'gmail', kind: 'email-thread', email: 'JEANNE.Dupont@acme.fr', emails: ['j.dupont@perso.fr'] },
      'gmail',
    );
    expect(again).toMatchObject({ created: false, added: ['emails'] });
    expect(again.prospect.emails).toEqual(['jeanne.dupont@acme.fr', 'j.dupont@perso.fr']);
    expect((await findMatch(db, { email: 'J.Dupont@Perso.fr' })).kind).toBe('exact');
    expect(await db.prospects.count()).toBe(1);
  });

  it('finds by Sales Navigator id', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(
      db,
      { site: 'salesnav', kind: 'person', fullName: 'Jeanne Dupont', salesNavId: 'ACwAAA1' },
      'linkedin',
    );
    expect(await findMatch(db, { salesNavId: 'ACwAAA1' })).toMatchObject({ kind: 'exact', via: 'salesnav', prospect: { id: prospect.id } });
  });

  it('only suggests a name-only match, never merges it', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const sameName = { site: 'gmail' as const, kind: 'person' as const, fullName: 'DUPONT Jéanne', company: 'ACME Industrie SAS' };

    expect(await findMatch(db, sameName)).toEqual({ kind: 'suggestions', prospects: [prospect] });
    // Without a company the name alone is compared.
    expect(await findMatch(db, { fullName: 'Jeanne Dupont' })).toEqual({ kind: 'suggestions', prospects: [prospect] });
    expect(await findMatch(db, { fullName: 'Jeanne Dupont', company: 'Other Co' })).toEqual({ kind: 'none' });
    expect(await findMatch(db, { fullName: 'Jeanne Martin', company: 'Acme Industrie' })).toEqual({ kind: 'none' });

    const added = await addProspectFromContact(db, { ...sameName, email: 'jd@other.fr' }, 'gmail');
    expect(added.created).toBe(true);
    expect(await db.prospects.count()).toBe(2);
  });

  it('never overwrites locked fields when enriching', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, { ...JEANNE, company: undefined, headline: undefined }, 'linkedin');
    await updateProspectFields(db, prospect.id, { company: 'Acme', jobTitle: 'Acheteuse' }, { byUser: true });
    await updateProspectFields(db, prospect.id, { jobTitle: null }, { byUser: true });

    const again = await addProspectFromContact(
      db,
      { ...JEANNE, company: 'Acme Industrie', jobTitle: 'Directrice achats', location: 'Paris' },
      'linkedin',
    );
    expect(again.added).toEqual(['headline']);
    expect(again.prospect.company).toBe('Acme');
    expect(again.prospect.jobTitle).toBeUndefined();
    expect(again.prospect.location).toBe('Lyon');
    expect(again.prospect.headline).toBe(JEANNE.headline);
    expect(again.prospect.lockedFields.sort()).toEqual(['company', 'jobTitle']);
  });

  it('derives a name from the email or the LinkedIn slug, else refuses', async () => {
    const db = freshDb();
    const fromEmail = await addProspectFromContact(db, { site: 'gmail', kind: 'email-thread', email: 'jeanne.dupont@x.fr' }, 'gmail');
    expect(fromEmail.prospect.fullName).toBe('Jeanne Dupont');
    const fromSlug = await addProspectFromContact(
      db,
      { site: 'linkedin', kind: 'person', linkedinUrl: 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-martin-12ab34/' },
      'capture-link',
    );
    expect(fromSlug.prospect.fullName).toBe('Jérôme Martin');
    await expect(addProspectFromContact(db, { site: 'gmail', kind: 'person' }, 'manual')).rejects.toBeInstanceOf(ValidationError);
    await expect(addProspectFromContact(db, { site: 'gmail', kind: 'person' }, 'manual')).rejects.toThrow(
      /^Invalid prospect: fullName: Required/,
    );
    expect(await db.prospects.count()).toBe(2);

    expect(nameFromEmail('info@acme.fr')).toBeNull();
    expect(nameFromEmail('j_dupont42@acme.fr')).toBe('J Dupont');
    expect(nameFromLinkedinUrl('https://www.linkedin.com/in/jeanne-dupont-12ab34/')).toBe('Jeanne Dupont');
    expect(nameFromLinkedinUrl('https://www.linkedin.com/company/acme/')).toBeNull();
  });
});

describe('updateProspectFields', () => {
  it('recomputes derived keys, locks only changed fields when by the user, bumps updatedAt', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const updated = await updateProspectFields(
      db,
      prospect.id,
      { fullName: 'Jeanne Dupont-Morel', emails: ['JDM@Acme.fr'], location: 'Lyon' },
      { byUser: true },
    );
    expect(updated.nameKey).toBe('dupont jeanne morel|acme industrie');
    expect(updated.emailKeys).toEqual(['jdm@acme.fr']);
    expect(updated.lockedFields.sort()).toEqual(['emails', 'fullName']);
    expect(updated.updatedAt).toBeGreaterThanOrEqual(prospect.updatedAt);

    const byRecognition = await updateProspectFields(db, prospect.id, { headline: 'Achats' }, { byUser: false });
    expect(byRecognition.lockedFields.sort()).toEqual(['emails', 'fullName']);
  });

  it('canonicalises the LinkedIn URL and refuses one owned by another prospect', async () => {
    const db = freshDb();
    const { prospect: jeanne } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const { prospect: paul } = await addProspectFromContact(db, { site: 'gmail', kind: 'person', fullName: 'Paul Roux' }, 'manual');
    const updated = await updateProspectFields(db, paul.id, { linkedinUrl: 'linkedin.com/in/Paul-Roux' }, { byUser: true });
    expect(updated.linkedinUrl).toBe('https://www.linkedin.com/in/paul-roux/');
    await expect(updateProspectFields(db, paul.id, { linkedinUrl: `${jeanne.linkedinUrl}details/` }, { byUser: true })).rejects.toThrow(
      'Invalid prospect: linkedinUrl: Already the profile of Jeanne Dupont',
    );
    await expect(updateProspectFields(db, paul.id, { linkedinUrl: 'https://example.com' }, { byUser: true })).rejects.toThrow(
      'Invalid prospect: linkedinUrl: Not a LinkedIn profile URL',
    );
    const cleared = await updateProspectFields(db, paul.id, { linkedinUrl: null }, { byUser: true });
    expect(cleared.linkedinUrl).toBeUndefined();
    expect('linkedinUrl' in ((await db.prospects.get(paul.id)) ?? {})).toBe(false);
  });

  it('rejects invalid values without writing anything', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    await expect(updateProspectFields(db, prospect.id, { fullName: 'z'.repeat(300) }, { byUser: true })).rejects.toThrow(
      'Invalid prospect: fullName: Too long (max 200)',
    );
    await expect(updateProspectFields(db, prospect.id, { emails: ['ok@x.fr', 'nope'] }, { byUser: true })).rejects.toThrow(
      'Invalid prospect: emails.1: Not an email address',
    );
    expect(await db.prospects.get(prospect.id)).toEqual(prospect);
    await expect(updateProspectFields(db, crypto.randomUUID(), {}, { byUser: true })).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('stages, outcome and checklist', () => {
  it('writes a stage event per move, forced moves with their unmet keys', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    await moveStage(db, prospect.id, 'contact');
    await moveStage(db, prospect.id, 'proposal', { forced: true, unmet: ['contact.first-contact', 'discovery.needs'] });
    const unchanged = await moveStage(db, prospect.id, 'proposal');
    expect(unchanged.stage).toBe('proposal');

    const events = await db.stageEvents.where('[prospectId+date]').between([prospect.id, 0], [prospect.id, Infinity]).toArray();
    expect(events.map(({ from, to, forced, unmet }) => ({ from, to, forced, unmet }))).toEqual([
      { from: null, to: 'prospecting', forced: false, unmet: [] },
      { from: 'prospecting', to: 'contact', forced: false, unmet: [] },
      { from: 'contact', to: 'proposal', forced: true, unmet: ['contact.first-contact', 'discovery.needs'] },
    ]);
    expect((await db.prospects.get(prospect.id))?.stage).toBe('proposal');
  });

  it('makes a client of a won prospect reaching relationship', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    await moveStage(db, prospect.id, 'closing', { forced: true });
    const won = await setOutcome(db, prospect.id, { result: 'won', reason: '  ' });
    expect(won.outcome).toMatchObject({ result: 'won' });
    expect(won.outcome && 'reason' in won.outcome).toBe(false);
    expect(won.qualification).toBe('suspect');
    const client = await moveStage(db, prospect.id, 'relationship');
    expect(client.qualification).toBe('client');

    const cleared = await setOutcome(db, prospect.id, null);
    expect(cleared.outcome).toBeUndefined();
  });

  it('sets checklist items with notes, keeping dotted keys whole', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const ticked = await setChecklistItem(db, prospect.id, 'discovery.budget', { done: true, note: ' 20 k€ ' });
    const entry = ticked.checklist['discovery.budget'];
    expect(entry).toMatchObject({ done: true, note: '20 k€' });
    expect(typeof entry?.doneAt).toBe('number');

    const noted = await setChecklistItem(db, prospect.id, 'discovery.budget', { note: '25 k€' });
    expect(noted.checklist['discovery.budget']).toEqual({ done: true, note: '25 k€', doneAt: entry?.doneAt });

    const unticked = await setChecklistItem(db, prospect.id, 'discovery.budget', { done: false });
    expect(unticked.checklist['discovery.budget']).toEqual({ done: false, note: '25 k€' });

    await expect(setChecklistItem(db, prospect.id, 'discovery.budget', { note: 'n'.repeat(2001) })).rejects.toThrow(
      'Invalid prospect: checklist.discovery.budget.note: Too long (max 2000)',
    );
    expect((await db.prospects.get(prospect.id))?.checklist).toEqual(unticked.checklist);
  });
});

describe('relances', () => {
  const TODAY = '2026-03-10';

  async function withRelances(db: RelanceDatabase) {
    const { prospect: jeanne } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const { prospect: paul } = await addProspectFromContact(db, { site: 'gmail', kind: 'person', fullName: 'Paul Roux' }, 'manual');
    const at = (prospectId: string, dueDate: string, note: string) => scheduleRelance(db, prospectId, dueDate, note);
    return {
      jeanne,
      paul,
      relances: {
        longOverdue: await at(jeanne.id, '2025-12-31', 'long overdue'),
        overdue: await at(paul.id, '2026-03-09', 'overdue'),
        today: await at(jeanne.id, TODAY, 'today'),
        todayDone: await at(paul.id, TODAY, 'today done'),
        tomorrow: await at(paul.id, '2026-03-11', 'tomorrow'),
        horizon: await at(jeanne.id, '2026-03-17', 'horizon'),
        beyond: await at(jeanne.id, '2026-03-18', 'beyond horizon'),
        cancelled: await at(jeanne.id, '2026-03-09', 'cancelled'),
      },
    };
  }

  it('buckets open relances into overdue, today and upcoming within the horizon', async () => {
    const db = freshDb();
    const { jeanne, paul, relances } = await withRelances(db);
    await completeRelance(db, relances.todayDone.id);
    await cancelRelance(db, relances.cancelled.id);

    const due = await dueRelances(db, TODAY);
    const notes = (rows: typeof due.overdue) => rows.map((row) => row.relance.note);
    expect(notes(due.overdue)).toEqual(['long overdue', 'overdue']);
    expect(notes(due.today)).toEqual(['today']);
    expect(notes(due.upcoming)).toEqual(['tomorrow', 'horizon']);
    expect(due.overdue.map((row) => row.prospect.id)).toEqual([jeanne.id, paul.id]);
    expect(due.today[0]?.prospect.fullName).toBe('Jeanne Dupont');

    expect((await dueRelances(db, TODAY, 1)).upcoming.map((row) => row.relance.note)).toEqual(['tomorrow']);
    expect((await dueRelances(db, TODAY, 7, { limitPerSection: 1 })).overdue.map((row) => row.relance.note)).toEqual(['long overdue']);
    // Per-section limits (the popup's "show more") cap one section and leave the others whole.
    const capped = await dueRelances(db, TODAY, 7, { limits: { upcoming: 1 } });
    expect(notes(capped.overdue)).toEqual(['long overdue', 'overdue']);
    expect(notes(capped.upcoming)).toEqual(['tomorrow']);
    expect(await countDueRelances(db, TODAY)).toEqual({ due: 3, overdue: 2 });
  });

  it('keeps the day an overdue relance was missed when it is put off, the first one if put off again', async () => {
    const db = freshDb();
    const { relances } = await withRelances(db);
    const once = await snoozeRelance(db, relances.overdue.id, '2026-03-12', TODAY);
    expect(once).toMatchObject({ dueDate: '2026-03-12', missedDueDate: '2026-03-09' });
    // Overdue again on the 13th, put off again: still missed on the 9th.
    const twice = await snoozeRelance(db, relances.overdue.id, '2026-03-16', '2026-03-13');
    expect(twice).toMatchObject({ dueDate: '2026-03-16', missedDueDate: '2026-03-09' });
    // Moved before its day: nothing was missed.
    expect((await snoozeRelance(db, relances.tomorrow.id, '2026-03-13', TODAY)).missedDueDate).toBeUndefined();
    expect((await db.relances.get(relances.overdue.id))?.missedDueDate).toBe('2026-03-09');
  });

  it('completes, snoozes and cancels; the next open one is the earliest', async () => {
    const db = freshDb();
    const { jeanne, relances } = await withRelances(db);
    expect((await nextOpenRelance(db, jeanne.id))?.id).toBe(relances.longOverdue.id);

    const done = await completeRelance(db, relances.longOverdue.id);
    expect(done.status).toBe('done');
    expect(typeof done.doneAt).toBe('number');
    expect((await completeRelance(db, relances.longOverdue.id)).doneAt).toBe(done.doneAt);

    await cancelRelance(db, relances.cancelled.id);
    expect((await nextOpenRelance(db, jeanne.id))?.id).toBe(relances.today.id);

    const snoozed = await snoozeRelance(db, relances.today.id, '2026-03-20', TODAY);
    expect(snoozed).toMatchObject({ status: 'open', dueDate: '2026-03-20' });
    expect((await nextOpenRelance(db, jeanne.id))?.id).toBe(relances.horizon.id);

    expect(snoozed.missedDueDate).toBeUndefined();

    await expect(snoozeRelance(db, relances.today.id, '2026-02-30')).rejects.toThrow(
      'Invalid relance: dueDate: Not a valid date (YYYY-MM-DD expected)',
    );
    await expect(scheduleRelance(db, jeanne.id, '2026-13-45')).rejects.toBeInstanceOf(ValidationError);
    await expect(scheduleRelance(db, crypto.randomUUID(), '2026-03-12')).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('history, erase and restore', () => {
  it('lists interactions, stage moves and done relances newest first', async () => {
    const db = freshDb();
    const { prospect } = await addProspectFromContact(db, JEANNE, 'linkedin');
    const base = Date.now();
    await logInteraction(db, prospect.id, 'call', { note: 'Premier appel', date: base + 1_000 });
    await logInteraction(db, prospect.id, 'email', { subject: 'Proposition', note: ' ', date: base + 3_000 });
    const relance = await scheduleRelance(db, prospect.id, '2026-03-12', 'Rappeler');
    await completeRelance(db, relance.id);
    await db.relances.update(relance.id, { doneAt: base + 2_000 });

    const called = await logInteraction(db, prospect.id, 'video', { date: base + 500 });
    expect(await updateInteractionNote(db, called.id, '  Visio courte ')).toMatchObject({ note: 'Visio courte' });
    expect('note' in (await updateInteractionNote(db, called.id, ''))).toBe(false);
    await db.interactions.delete(called.id);

    const history = await prospectHistory(db, prospect.id);
    expect(history.map((entry) => entry.kind)).toEqual(['interaction', 'relance-done', 'interaction', 'stage']);
    expect(history[0]).toEqual({
      kind: 'interaction',
      id: expect.any(String),
      date: base + 3_000,
      channel: 'email',
      subject: 'Proposition',
    });
    expect(history[1]).toMatchObject({ kind: 'relance-done', id: relance.id, note: 'Rappeler', dueDate: '2026-03-12' });
    expect(history[3]).toMatchObject({ kind: 'stage', from: null, to: 'prospecting', forced: false });
  });

  it('erases a prospect with all its records and restores them exactly', async () => {
    const db = freshDb();
    await seedDemoData(db, '2026-03-10');
    const { prospect: added } = await addProspectFromContact(db, JEANNE, 'linkedin');
    await logInteraction(db, added.id, 'meeting', { note: 'RDV' });
    await scheduleRelance(db, added.id, '2026-03-12');
    const prospect = await moveStage(db, added.id, 'contact');
    const before = await allRecords(db);

    const snapshot = await eraseProspect(db, prospect.id);
    expect(snapshot?.prospect).toEqual(prospect);
    expect(snapshot?.interactions).toHaveLength(1);
    expect(snapshot?.relances).toHaveLength(1);
    expect(snapshot?.stageEvents).toHaveLength(2);
    expect(await db.prospects.get(prospect.id)).toBeUndefined();
    expect(await db.interactions.where('prospectId').equals(prospect.id).count()).toBe(0);
    expect(await db.relances.where('prospectId').equals(prospect.id).count()).toBe(0);
    expect(await db.stageEvents.where('prospectId').equals(prospect.id).count()).toBe(0);
    expect(await eraseProspect(db, prospect.id)).toBeNull();

    if (!snapshot) throw new Error('no snapshot');
    await restoreErased(db, snapshot);
    const after = await allRecords(db);
    const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.prospects)).toEqual(byId(before.prospects));
    expect(byId(after.interactions)).toEqual(byId(before.interactions));
    expect(byId(after.relances)).toEqual(byId(before.relances));
    expect(byId(after.stageEvents)).toEqual(byId(before.stageEvents));
  });
});

describe('settings', () => {
  it('gives defaults when absent and saves a patch', async () => {
    const db = freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    const saved = await saveSettings(db, { language: 'fr', noContactDays: 21 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, language: 'fr', noContactDays: 21 });
    expect(await getSettings(db)).toEqual(saved);
    await expect(saveSettings(db, { noContactDays: 0 })).rejects.toThrow('Invalid settings: noContactDays: At least 1 day');
    expect(await getSettings(db)).toEqual(saved);
  });
});

describe('seedDemoData', () => {
  it('covers every stage, with 2 overdue, 2 today and 3 upcoming relances, idempotently', async () => {
    const db = freshDb();
    const summary = await seedDemoData(db, '2026-03-10');
    expect(summary.prospects).toBeGreaterThanOrEqual(6);
    expect(summary.prospects).toBeLessThanOrEqual(8);
    expect(summary.offers).toBe(1);

    const prospects = await db.prospects.toArray();
    expect(new Set(prospects.map((p) => p.stage))).toEqual(new Set(STAGES));
    const jeanne = await findMatch(db, { linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont-demo/' });
    expect(jeanne).toMatchObject({ kind: 'exact', prospect: { fullName: 'Jeanne Dupont', company: 'Acme Industrie', location: 'Lyon' } });
    expect(prospects.some((p) => Object.values(p.checklist).some((entry) => entry.done && entry.note))).toBe(true);
    expect(prospects.find((p) => p.stage === 'relationship')?.qualification).toBe('client');

    const due = await dueRelances(db, '2026-03-10');
    expect([due.overdue.length, due.today.length, due.upcoming.length]).toEqual([2, 2, 3]);
    expect(await countDueRelances(db, '2026-03-10')).toEqual({ due: 4, overdue: 2 });

    const [offer] = await db.offers.toArray();
    expect(offer?.benefits.length).toBeGreaterThan(0);
    expect(offer?.limits.length).toBeGreaterThan(0);
    expect(offer?.objections.length).toBeGreaterThan(0);

    await seedDemoData(db, '2026-03-10');
    expect(await db.prospects.count()).toBe(summary.prospects);
    expect(await db.relances.count()).toBe(summary.relances);
  });
});
