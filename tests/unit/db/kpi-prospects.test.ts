import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readDashboardTables } from '../../../src/db/dashboard-read';
import { kpiProspectRow, type RelanceDatabase } from '../../../src/db/database';
import { mergeProspects } from '../../../src/db/duplicates';
import {
  addProspectFromContact,
  eraseProspect,
  moveStage,
  restoreErased,
  seedDemoData,
  setOutcome,
  updateProspectFields,
} from '../../../src/db/repository';
import { STAGES } from '../../../src/model/enums';
import type { Prospect } from '../../../src/model/prospect';
import { addDays, computePipelineFigures, todayIso } from '../../../src/process';
import { deleteFreshDatabases, freshDb } from './fresh-db';
import { prospectRecord, uuid } from './prospect-record';

afterEach(deleteFreshDatabases);

/** What kpiProspects must hold: one row per prospect, its own four fields. */
async function expectInStep(db: RelanceDatabase): Promise<void> {
  const [rows, prospects] = await Promise.all([db.kpiProspects.toArray(), db.prospects.toArray()]);
  expect(rows).toEqual(prospects.map(kpiProspectRow));
}

const prospectOf = (n: number, fields: Partial<Prospect> = {}) =>
  prospectRecord({
    id: uuid(n),
    fullName: `Prospect ${n}`,
    source: 'test',
    createdAt: 1_700_000_000_000 + n,
    updatedAt: 1_700_000_000_000 + n,
    ...fields,
  });

type Operation =
  | { kind: 'put'; n: number; stage: number; won: boolean }
  | { kind: 'bulkPut'; ns: number[] }
  | { kind: 'update'; n: number; stage: number }
  | { kind: 'modify'; stage: number }
  | { kind: 'delete'; n: number }
  | { kind: 'bulkDelete'; ns: number[] }
  | { kind: 'clear' }
  | { kind: 'failedAdd'; n: number }
  | { kind: 'abortedTransaction'; n: number };

const n = fc.integer({ min: 0, max: 7 });
const stage = fc.integer({ min: 0, max: STAGES.length - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), n, stage, won: fc.boolean() }),
  fc.record({ kind: fc.constant('bulkPut' as const), ns: fc.array(n, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('update' as const), n, stage }),
  fc.record({ kind: fc.constant('modify' as const), stage }),
  fc.record({ kind: fc.constant('delete' as const), n }),
  fc.record({ kind: fc.constant('bulkDelete' as const), ns: fc.array(n, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('failedAdd' as const), n }),
  fc.record({ kind: fc.constant('abortedTransaction' as const), n }),
);

async function apply(db: RelanceDatabase, op: Operation): Promise<void> {
  const id = (k: number) => prospectOf(k).id;
  switch (op.kind) {
    case 'put':
      await db.prospects.put(
        prospectOf(op.n, { stage: STAGES[op.stage], ...(op.won ? { outcome: { result: 'won', date: 1_700_000_100_000 } } : {}) }),
      );
      return;
    case 'bulkPut':
      await db.prospects.bulkPut(op.ns.map((k) => prospectOf(k, { stage: STAGES[(k + 1) % STAGES.length] })));
      return;
    case 'update':
      await db.prospects.update(id(op.n), { stage: STAGES[op.stage] });
      return;
    case 'modify':
      await db.prospects.toCollection().modify({ stage: STAGES[op.stage] });
      return;
    case 'delete':
      await db.prospects.delete(id(op.n));
      return;
    case 'bulkDelete':
      await db.prospects.bulkDelete(op.ns.map(id));
      return;
    case 'clear':
      await db.prospects.clear();
      return;
    case 'failedAdd':
      // Adding a prospect that is already there fails: no row may change for it.
      await db.prospects.put(prospectOf(op.n));
      await db.prospects.add(prospectOf(op.n, { stage: 'closing' })).catch(() => undefined);
      return;
    case 'abortedTransaction':
      // A transaction that fails after writing: its row goes with it.
      await db
        .transaction('rw', db.prospects, async () => {
          await db.prospects.put(prospectOf(op.n, { stage: 'proposal' }));
          throw new Error('abort');
        })
        .catch(() => undefined);
      return;
  }
}

describe('kpiProspects, the dashboard’s copy of each prospect', () => {
  it('stays equal to the prospects through every kind of write, failed and aborted ones included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        const db = freshDb('kpi');
        for (const op of operations) await apply(db, op);
        await expectInStep(db);
        await db.delete();
      }),
      { numRuns: 150 },
    );
  });

  it("follows the app's own flows: creation, moves, outcomes, edits, merges, erase and undo", async () => {
    const db = freshDb();
    const { prospect: jeanne } = await addProspectFromContact(db, { fullName: 'Jeanne Dupont', email: 'j@acme.example' }, 'manual');
    const { prospect: paul } = await addProspectFromContact(db, { fullName: 'Paul Roux', email: 'p@acme.example' }, 'manual');
    await moveStage(db, jeanne.id, 'proposal', { forced: true });
    await setOutcome(db, jeanne.id, { result: 'lost', reason: 'Budget' });
    await updateProspectFields(db, paul.id, { fullName: 'Paul Roux-Martin' }, { byUser: true });
    await expectInStep(db);
    const erased = await eraseProspect(db, paul.id);
    await expectInStep(db);
    if (erased) await restoreErased(db, erased);
    await expectInStep(db);
    await mergeProspects(db, jeanne.id, [paul.id]);
    await expectInStep(db);
    expect(await db.kpiProspects.count()).toBe(1);
  });
});

describe("the dashboard's reads", () => {
  it('give the figures that every prospect and its whole stage trail give', async () => {
    const db = freshDb();
    const today = todayIso();
    await seedDemoData(db, today);
    // More trails: a prospect moved forward, back and on, one lost, one created and left.
    const { prospect: a } = await addProspectFromContact(db, { fullName: 'Alice Martin', email: 'a@acme.example' }, 'manual');
    await moveStage(db, a.id, 'discovery', { forced: true });
    await moveStage(db, a.id, 'contact');
    await moveStage(db, a.id, 'closing', { forced: true });
    const { prospect: b } = await addProspectFromContact(db, { fullName: 'Bruno Petit', email: 'b@acme.example' }, 'manual');
    await moveStage(db, b.id, 'proposal', { forced: true });
    await setOutcome(db, b.id, { result: 'lost', reason: 'Prix' });
    await addProspectFromContact(db, { fullName: 'Chloé Roux', email: 'c@acme.example' }, 'manual');

    const [prospects, stageEvents] = await Promise.all([db.prospects.toArray(), db.stageEvents.toArray()]);
    for (const period of [
      { from: addDays(today, -6), to: today },
      { from: addDays(today, -90), to: addDays(today, -30) },
      { from: addDays(today, -400), to: today },
    ]) {
      const reads = await readDashboardTables(db, period, ['prospects', 'stageEvents']);
      const [rows, moves] = await Promise.all([reads.prospects, reads.stageEvents]);
      expect(moves?.length).toBeLessThan(stageEvents.length);
      expect(computePipelineFigures({ prospects: rows ?? [], stageEvents: moves ?? [], period, today })).toEqual(
        computePipelineFigures({ prospects, stageEvents, period, today }),
      );
    }
  });
});
