import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RelanceDatabase } from '../../../src/db/database';
import { findDuplicateGroups, linkedRecordCounts, markNotDuplicates, mergeProspects, notDuplicateId } from '../../../src/db/duplicates';
import { RecordNotFoundError, ValidationError } from '../../../src/db/errors';
import { rejectedFor, rejectSuggestion } from '../../../src/db/identity';
import type { Interaction, Prospect, Relance, StageEvent } from '../../../src/model';
import { deleteFreshDatabases, freshDb, keepForDeletion } from './fresh-db';
import { numberedProspect, T0, uuid } from './prospect-record';

afterEach(deleteFreshDatabases);

/** Prospect `n`, made `n` seconds after T0. */
function prospect(n: number, fields: Partial<Prospect> & { fullName: string }): Prospect {
  return numberedProspect(n, { createdAt: T0 + n * 1000, updatedAt: T0 + n * 1000, ...fields });
}

let sequence = 0;
const nextId = () => uuid(900_000 + ++sequence);

function interaction(prospectId: string): Interaction {
  return { id: nextId(), prospectId, channel: 'call', date: T0, createdAt: T0 };
}

function relance(prospectId: string): Relance {
  return { id: nextId(), prospectId, dueDate: '2026-01-20', status: 'open', createdAt: T0 };
}

function stageEvent(prospectId: string, to: StageEvent['to'], from: StageEvent['from'] = null): StageEvent {
  return { id: nextId(), prospectId, from, to, date: T0, forced: false, unmet: [] };
}

/** Names keep letters only (digits are dropped from name keys): 0 → 'a', 27 → 'bb'. */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

const idsOf = (groups: Awaited<ReturnType<typeof findDuplicateGroups>>) => groups.map((group) => group.prospects.map((p) => p.id));

describe('findDuplicateGroups', () => {
  it('groups records sharing an email (any case), a Sales Navigator id or a name at the same company', async () => {
    const db = freshDb();
    await db.prospects.bulkPut([
      prospect(1, { fullName: 'Jeanne Dupont', emails: ['jeanne@acme.fr'] }),
      prospect(2, { fullName: 'J. Dupont', emails: ['other@x.fr', 'JEANNE@acme.fr'] }),
      prospect(3, { fullName: 'Paul Martin', salesNavId: 'ACw1' }),
      prospect(4, { fullName: 'Paul M.', salesNavId: 'ACw1' }),
      prospect(5, { fullName: 'Claire Moreau', company: 'Fromagerie SAS' }),
      prospect(6, { fullName: 'MOREAU Claire', company: 'fromagerie' }),
      // Same name, another company: not grouped.
      prospect(7, { fullName: 'Claire Moreau', company: 'Autre' }),
      // Nothing shared.
      prospect(8, { fullName: 'Lucas Petit', emails: ['lucas@nordelec.fr'] }),
    ]);
    const groups = await findDuplicateGroups(db);
    expect(idsOf(groups).sort()).toEqual(
      [
        [uuid(1), uuid(2)],
        [uuid(3), uuid(4)],
        [uuid(5), uuid(6)],
      ].sort(),
    );
    const byFirst = new Map(groups.map((group) => [group.prospects[0]?.id, group]));
    expect(byFirst.get(uuid(1))?.matches).toEqual([{ reason: 'email', key: 'jeanne@acme.fr' }]);
    expect(byFirst.get(uuid(3))?.matches).toEqual([{ reason: 'salesNavId', key: 'ACw1' }]);
    expect(byFirst.get(uuid(5))?.matches).toEqual([{ reason: 'nameCompany', key: 'claire moreau|fromagerie' }]);
  });

  it('joins groups transitively: A = B by email and B = C by name make one group', async () => {
    const db = freshDb();
    await db.prospects.bulkPut([
      prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', emails: ['a@acme.fr'] }),
      prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', emails: ['b@acme.fr'] }),
      prospect(3, { fullName: 'Jeanne D', emails: ['b@acme.fr'] }),
    ]);
    const groups = await findDuplicateGroups(db);
    expect(idsOf(groups)).toEqual([[uuid(1), uuid(2), uuid(3)]]);
    expect(groups[0]?.matches.map((match) => match.reason).sort()).toEqual(['email', 'nameCompany']);
  });

  it('does not group a record with itself, nor records whose name has no letter', async () => {
    const db = freshDb();
    await db.prospects.bulkPut([
      prospect(1, { fullName: 'Jeanne Dupont', emails: ['a@acme.fr', 'A@ACME.FR'] }),
      prospect(2, { fullName: '1234' }),
      prospect(3, { fullName: '5678' }),
    ]);
    expect(await findDuplicateGroups(db)).toEqual([]);
  });

  it('remembers "not duplicates": the pair is no longer grouped, other links still are', async () => {
    const db = freshDb();
    await db.prospects.bulkPut([
      prospect(1, { fullName: 'Jeanne Dupont', emails: ['jeanne@acme.fr'] }),
      prospect(2, { fullName: 'Jeanne Dupont-Martin', emails: ['jeanne@acme.fr'] }),
      prospect(3, { fullName: 'Paul Martin', emails: ['paul@acme.fr'] }),
      prospect(4, { fullName: 'Paul Martin', emails: ['paul@acme.fr'] }),
      prospect(5, { fullName: 'Paul Martin', emails: ['paul@acme.fr'] }),
    ]);
    await markNotDuplicates(db, [uuid(2), uuid(1)]);
    expect(await db.decisions.get(notDuplicateId(uuid(1), uuid(2)))).toMatchObject({
      id: `not-duplicate:${uuid(1)}|${uuid(2)}`,
      kind: 'not-duplicate',
      key: `${uuid(1)}|${uuid(2)}`,
    });
    // 3 ≠ 4, but both still share the address with 5: one group of three remains.
    await markNotDuplicates(db, [uuid(3), uuid(4)]);
    expect(idsOf(await findDuplicateGroups(db))).toEqual([[uuid(3), uuid(4), uuid(5)]]);

    // Declaring the whole group distinct records every pair: nothing left.
    await markNotDuplicates(db, [uuid(3), uuid(4), uuid(5)]);
    expect(await db.decisions.count()).toBe(4);
    expect(await findDuplicateGroups(db)).toEqual([]);

    // Remembered across sessions: a new connection to the same database sees the same.
    const again = openDatabase(db.name);
    keepForDeletion(again);
    expect(await findDuplicateGroups(again)).toEqual([]);
  });

  it('groups 10,000 prospects by index scans in reasonable time', async () => {
    const db = freshDb();
    const records: Prospect[] = [];
    for (let n = 0; n < 10_000; n += 1) {
      // Every 50th record repeats the previous one's email; every 100th (offset) its name+company.
      const email = n % 50 === 1 ? `person${n - 1}@corp${(n - 1) % 97}.fr` : `person${n}@corp${n % 97}.fr`;
      const name = n % 100 === 7 ? `Person ${letters(n - 1)}` : `Person ${letters(n)}`;
      const company = n % 100 === 7 ? `Corp ${(n - 1) % 97}` : `Corp ${n % 97}`;
      records.push(prospect(n + 1, { fullName: name, company, emails: [email] }));
    }
    await db.prospects.bulkPut(records);
    const started = performance.now();
    const groups = await findDuplicateGroups(db);
    const elapsed = performance.now() - started;
    console.log(`findDuplicateGroups: ${records.length} prospects, ${groups.length} groups in ${elapsed.toFixed(0)} ms (fake-indexeddb)`);
    expect(groups).toHaveLength(200 + 100);
    expect(groups.every((group) => group.prospects.length === 2)).toBe(true);
  }, 60_000);
});

describe('mergeProspects', () => {
  async function seedPair(db: RelanceDatabase) {
    const kept = prospect(1, {
      fullName: 'Jeanne Dupont',
      company: 'Acme',
      emails: ['jeanne@acme.fr'],
      phones: ['+33 1 23 45 67 89'],
      tags: ['ETI'],
      stage: 'discovery',
      notes: 'Appeler le matin.',
      checklist: {
        'prospecting.source': { done: true, doneAt: T0 + 5000, note: 'Salon' },
        'contact.channel': { done: false, note: 'Téléphone' },
      },
      // The rep emptied the job title on purpose: a merge must not fill it back.
      lockedFields: ['jobTitle'],
    });
    const other = prospect(2, {
      fullName: 'Jeanne Dupont',
      company: 'Acme Industrie',
      jobTitle: 'Directrice achats',
      location: 'Lyon',
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
      emails: ['j.dupont@perso.fr', 'JEANNE@acme.fr'],
      phones: ['+33123456789', '06 11 22 33 44'],
      tags: ['eti', 'Industrie'],
      qualification: 'prospect',
      notes: 'Rencontrée au salon.',
      checklist: {
        'prospecting.source': { done: true, doneAt: T0 + 1000 },
        'contact.channel': { done: true, doneAt: T0 + 2000, note: 'LinkedIn' },
        'discovery.budget': { done: true, doneAt: T0 + 3000, note: '20 k€' },
      },
      createdAt: T0 - 86_400_000,
    });
    await db.prospects.bulkPut([kept, other]);
    await db.interactions.bulkPut([interaction(kept.id), interaction(other.id), interaction(other.id)]);
    await db.relances.bulkPut([relance(kept.id), relance(other.id)]);
    await db.stageEvents.bulkPut([stageEvent(kept.id, 'prospecting'), stageEvent(other.id, 'prospecting')]);
    return { kept, other };
  }

  it('keeps every email, phone, tag, tick and note, fills empty fields and moves every record', async () => {
    const db = freshDb();
    const { kept, other } = await seedPair(db);
    const before = {
      interactions: await db.interactions.count(),
      relances: await db.relances.count(),
      events: await db.stageEvents.count(),
    };

    const merged = await mergeProspects(db, kept.id, [other.id], { labels: { company: 'Société', from: 'Fusionné depuis' } });

    expect(merged.id).toBe(kept.id);
    expect(merged.emails).toEqual(['jeanne@acme.fr', 'j.dupont@perso.fr']);
    expect(merged.emailKeys).toEqual(['jeanne@acme.fr', 'j.dupont@perso.fr']);
    expect(merged.phones).toEqual(['+33 1 23 45 67 89', '06 11 22 33 44']);
    expect(merged.tags).toEqual(['ETI', 'Industrie']);
    expect(merged.stage).toBe('discovery');
    expect(merged.qualification).toBe('prospect');
    expect(merged.createdAt).toBe(other.createdAt);
    // Empty fields filled, the locked one left empty, the kept company kept.
    expect(merged.location).toBe('Lyon');
    expect(merged.linkedinUrl).toBe('https://www.linkedin.com/in/jeanne-dupont/');
    expect(merged.jobTitle).toBeUndefined();
    expect(merged.company).toBe('Acme');
    // Both notes, and the differing company and the locked-out job title recorded, not lost.
    expect(merged.notes).toContain('Appeler le matin.');
    expect(merged.notes).toContain('Rencontrée au salon.');
    expect(merged.notes).toContain('Société: Acme Industrie');
    expect(merged.notes).toContain('jobTitle: Directrice achats');
    expect(merged.notes).toContain('Fusionné depuis Jeanne Dupont');
    expect(merged.checklist).toEqual({
      'prospecting.source': { done: true, doneAt: T0 + 1000, note: 'Salon' },
      'contact.channel': { done: true, doneAt: T0 + 2000, note: 'Téléphone\n\nLinkedIn' },
      'discovery.budget': { done: true, doneAt: T0 + 3000, note: '20 k€' },
    });

    expect(await db.prospects.get(other.id)).toBeUndefined();
    expect(await db.prospects.get(kept.id)).toEqual(merged);
    expect(await db.prospects.count()).toBe(1);
    expect(await db.interactions.count()).toBe(before.interactions);
    expect(await db.relances.count()).toBe(before.relances);
    expect(await db.stageEvents.count()).toBe(before.events);
    expect(await db.interactions.where('prospectId').equals(kept.id).count()).toBe(3);
    expect(await db.relances.where('prospectId').equals(kept.id).count()).toBe(2);
    expect(await db.stageEvents.where('prospectId').equals(kept.id).count()).toBe(2);
    expect(await linkedRecordCounts(db, [kept.id, other.id])).toEqual(
      new Map([
        [kept.id, { interactions: 3, relances: 2, stageEvents: 2 }],
        [other.id, { interactions: 0, relances: 0, stageEvents: 0 }],
      ]),
    );
    expect(await findDuplicateGroups(db)).toEqual([]);
  });

  it('merges several records at once and carries the remembered decisions over', async () => {
    const db = freshDb();
    await db.prospects.bulkPut([
      prospect(1, { fullName: 'Paul Martin', emails: ['paul@acme.fr'] }),
      prospect(2, { fullName: 'Paul Martin', emails: ['paul@acme.fr', 'p.martin@x.fr'] }),
      prospect(3, { fullName: 'Paul Martin', emails: ['paul@acme.fr', 'pm@y.fr'], notes: 'VIP' }),
      prospect(4, { fullName: 'Paul Martin-Durand', emails: ['pm@y.fr'] }),
    ]);
    await db.interactions.bulkPut([interaction(uuid(2)), interaction(uuid(3)), interaction(uuid(4))]);
    await markNotDuplicates(db, [uuid(3), uuid(4)]);
    await rejectSuggestion(db, uuid(2), { linkedinUrl: 'https://www.linkedin.com/in/someone-else/' });

    const merged = await mergeProspects(db, uuid(1), [uuid(2), uuid(3), uuid(1)]);
    expect(merged.emails).toEqual(['paul@acme.fr', 'p.martin@x.fr', 'pm@y.fr']);
    expect(merged.notes).toBe('VIP');
    expect(await db.prospects.count()).toBe(2);
    expect(await db.interactions.where('prospectId').equals(uuid(1)).count()).toBe(2);
    // "3 is not 4" now reads "1 is not 4": the shared pm@y.fr does not group them.
    expect(await db.decisions.get(notDuplicateId(uuid(1), uuid(4)))).toBeDefined();
    expect(await db.decisions.get(notDuplicateId(uuid(3), uuid(4)))).toBeUndefined();
    expect(await findDuplicateGroups(db)).toEqual([]);
    expect(await rejectedFor(db, { linkedinUrl: 'https://www.linkedin.com/in/someone-else/' }, [uuid(1)])).toEqual(new Set([uuid(1)]));
  });

  it('changes nothing when it fails', async () => {
    const db = freshDb();
    const { kept, other } = await seedPair(db);
    await expect(mergeProspects(db, kept.id, [other.id, uuid(77)])).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await db.prospects.count()).toBe(2);
    expect(await db.interactions.where('prospectId').equals(other.id).count()).toBe(2);

    // More than 20 addresses cannot be stored: refused as a whole.
    const many = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i}@x.fr`);
    await db.prospects.bulkPut([
      prospect(10, { fullName: 'A B', emails: many('a') }),
      prospect(11, { fullName: 'A B', emails: many('b') }),
    ]);
    await db.interactions.bulkPut([interaction(uuid(11))]);
    await expect(mergeProspects(db, uuid(10), [uuid(11)])).rejects.toBeInstanceOf(ValidationError);
    expect(await db.prospects.get(uuid(11))).toBeDefined();
    expect(await db.interactions.where('prospectId').equals(uuid(11)).count()).toBe(1);
  });
});
