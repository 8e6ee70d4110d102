import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stageEventsOf } from '../../../src/db/database';
import { mergeProspects } from '../../../src/db/duplicates';
import type { StageEvent } from '../../../src/model';
import { computePipelineFigures } from '../../../src/process/kpis';
import { deleteFreshDatabases, freshDb } from './fresh-db';
import { numberedProspect as prospect, T0, uuid } from './prospect-record';

afterEach(async () => {
  vi.useRealTimers();
  await deleteFreshDatabases();
});

const DAY = 86_400_000;
const FRENCH = {
  labels: { fullName: 'Nom', outcome: 'Issue', won: 'Gagné', lost: 'Perdu', stageBefore: 'Étape avant la fusion', from: 'Fusionné depuis' },
  stageNames: { prospecting: 'Prospection', contact: 'Prise de contact', proposal: 'Proposition', relationship: 'Suivi' },
};

const move = (n: number, prospectId: string, from: StageEvent['from'], to: StageEvent['to'], date: number): StageEvent => ({
  id: uuid(500 + n),
  prospectId,
  from,
  to,
  date,
  forced: false,
  unmet: [],
});

/** Where the trail says the prospect is now: the `to` of its latest event. */
async function trailStage(db: ReturnType<typeof freshDb>, id: string): Promise<StageEvent['to'] | undefined> {
  const trail = await stageEventsOf(db, [id]).toArray();
  return trail.at(-1)?.to;
}

const isoDay = (ms: number) => {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

describe('mergeProspects: the stage', () => {
  it('keeps the furthest stage even when the kept record is behind, and notes the stage it had', async () => {
    const db = freshDb();
    const gmail = prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', emails: ['jeanne@acme.example'], stage: 'contact' });
    const linkedin = prospect(2, {
      fullName: 'Jeanne Dupont',
      company: 'Acme',
      stage: 'relationship',
      qualification: 'client',
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
      outcome: { result: 'won', date: T0 + 20 * DAY },
    });
    await db.prospects.bulkPut([gmail, linkedin]);
    await db.stageEvents.bulkPut([
      move(1, gmail.id, null, 'prospecting', T0),
      move(2, gmail.id, 'prospecting', 'contact', T0 + DAY),
      move(3, linkedin.id, null, 'prospecting', T0),
      move(4, linkedin.id, 'prospecting', 'proposal', T0 + 5 * DAY),
      move(5, linkedin.id, 'proposal', 'relationship', T0 + 20 * DAY),
    ]);

    const merged = await mergeProspects(db, gmail.id, [linkedin.id], FRENCH);

    expect(merged.stage).toBe('relationship');
    expect(merged.qualification).toBe('client');
    expect(merged.outcome).toEqual({ result: 'won', date: T0 + 20 * DAY });
    expect(merged.notes).toContain('Étape avant la fusion: Prise de contact');
    expect(await db.prospects.get(gmail.id)).toEqual(merged);
    // The merged trail already ends in "Suivi": nothing to add.
    expect(await db.stageEvents.count()).toBe(5);
    expect(await trailStage(db, gmail.id)).toBe(merged.stage);
  });

  it('keeps the kept stage when it is the furthest, without a note', async () => {
    const db = freshDb();
    const kept = prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'proposal' });
    const other = prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'contact' });
    await db.prospects.bulkPut([kept, other]);
    const merged = await mergeProspects(db, kept.id, [other.id], FRENCH);
    expect(merged.stage).toBe('proposal');
    expect(merged.notes).toBeUndefined();
    // Neither had a trail: none is made up.
    expect(await db.stageEvents.count()).toBe(0);
  });

  it('makes a won deal raised to the relationship stage a client, as moving there would', async () => {
    const db = freshDb();
    const kept = prospect(1, {
      fullName: 'Jeanne Dupont',
      company: 'Acme',
      stage: 'closing',
      qualification: 'prospect',
      outcome: { result: 'won', date: T0 },
    });
    const other = prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'relationship', qualification: 'prospect' });
    await db.prospects.bulkPut([kept, other]);
    const merged = await mergeProspects(db, kept.id, [other.id], FRENCH);
    expect(merged.stage).toBe('relationship');
    expect(merged.qualification).toBe('client');
  });

  it('ends the merged trail with a move to the merged stage when a merged record moved last', async () => {
    const db = freshDb();
    const kept = prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'proposal' });
    const other = prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'contact' });
    await db.prospects.bulkPut([kept, other]);
    await db.stageEvents.bulkPut([
      move(1, kept.id, null, 'prospecting', T0),
      move(2, kept.id, 'prospecting', 'proposal', T0 + 5 * DAY),
      move(3, other.id, null, 'prospecting', T0),
      move(4, other.id, 'prospecting', 'contact', T0 + 10 * DAY),
    ]);
    const mergedAt = T0 + 30 * DAY;
    vi.useFakeTimers({ toFake: ['Date'], now: mergedAt });

    const merged = await mergeProspects(db, kept.id, [other.id], FRENCH);

    expect(merged.stage).toBe('proposal');
    const trail = await stageEventsOf(db, [kept.id]).toArray();
    expect(trail).toHaveLength(5);
    expect(trail.at(-1)).toMatchObject({ prospectId: kept.id, from: 'contact', to: 'proposal', date: mergedAt, forced: false, unmet: [] });

    // Ten days later, the current stay is counted in "Proposition", not in a "contact" stay growing until today.
    const figures = computePipelineFigures({
      prospects: [merged],
      stageEvents: trail,
      period: { from: isoDay(T0), to: isoDay(mergedAt + 10 * DAY) },
      today: isoDay(mergedAt + 10 * DAY),
    });
    expect(figures.avgDaysInStage.contact).toEqual({ meanDays: 20, stays: 1 });
    expect(figures.avgDaysInStage.proposal).toEqual({ meanDays: 7.5, stays: 2 });
  });

  it('moves the trail on when the merge raises the stage past where every trail ends', async () => {
    const db = freshDb();
    const kept = prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'contact' });
    // An older record, from before the trail was kept: a stage without any event.
    const other = prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', stage: 'closing' });
    await db.prospects.bulkPut([kept, other]);
    await db.stageEvents.bulkPut([move(1, kept.id, null, 'prospecting', T0), move(2, kept.id, 'prospecting', 'contact', T0 + DAY)]);

    const merged = await mergeProspects(db, kept.id, [other.id], FRENCH);

    expect(merged.stage).toBe('closing');
    expect(await trailStage(db, kept.id)).toBe('closing');
    expect((await stageEventsOf(db, [kept.id]).toArray()).at(-1)).toMatchObject({ from: 'contact', to: 'closing' });
  });
});
