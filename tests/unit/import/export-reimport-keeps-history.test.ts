import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportProspectsCsv } from '../../../src/import/export';
import { dateFromText } from '../../../src/import/mapping';
import { type ImportedContact, prospectFromContact } from '../../../src/import/plan';
import { computePipelineFigures } from '../../../src/process/kpis';
import { closeDatabases, freshDb, importCsvText, planCsvText } from './support';

afterEach(closeDatabases);

const local = (year: number, month: number, day: number, hours = 0, minutes = 0) =>
  new Date(year, month - 1, day, hours, minutes).getTime();

function contact(fields: Partial<ImportedContact> & { fullName: string }): ImportedContact {
  return { emails: [], phones: [], source: 'import', stage: 'prospecting', qualification: 'suspect', tags: [], ...fields };
}

describe('exporting then re-importing', () => {
  it('keeps the creation date and the won/lost outcome with its reason and date', async () => {
    const source = freshDb();
    const lost = prospectFromContact(
      contact({ fullName: 'Jeanne Dupont', emails: ['jeanne@acme.example'], stage: 'proposal', qualification: 'prospect' }),
      crypto.randomUUID(),
      local(2025, 1, 10, 9, 15),
    );
    lost.outcome = { result: 'lost', reason: 'Budget gelé ; revoir en 2026', date: local(2025, 2, 3, 17, 40) };
    const won = prospectFromContact(
      contact({ fullName: 'Paul Martin', emails: ['paul@acme.example'], stage: 'relationship', qualification: 'client' }),
      crypto.randomUUID(),
      local(2024, 11, 5, 8, 0),
    );
    won.outcome = { result: 'won', date: local(2025, 1, 20, 11, 5) };
    const open = prospectFromContact(contact({ fullName: 'Luc Petit', stage: 'discovery' }), crypto.randomUUID(), local(2025, 3, 1, 10, 0));
    await source.prospects.bulkAdd([lost, won, open]);

    const csv = await exportProspectsCsv(source, { preset: 'relance' });
    const target = freshDb();
    const { plan } = await importCsvText(target, csv);
    expect(plan.warnings).toEqual([]);
    const imported = await target.prospects.toArray();
    const byName = (name: string) => imported.find((p) => p.fullName === name);

    expect(byName('Jeanne Dupont')).toMatchObject({
      stage: 'proposal',
      createdAt: lost.createdAt,
      outcome: { result: 'lost', reason: 'Budget gelé ; revoir en 2026', date: lost.outcome.date },
    });
    expect(byName('Paul Martin')).toMatchObject({
      stage: 'relationship',
      qualification: 'client',
      createdAt: won.createdAt,
      outcome: { result: 'won', date: won.outcome.date },
    });
    expect(byName('Paul Martin')?.outcome?.reason).toBeUndefined();
    expect(byName('Luc Petit')?.createdAt).toBe(open.createdAt);
    expect(byName('Luc Petit')?.outcome).toBeUndefined();

    // The pipeline's entry is dated at the creation, as a prospect created then would have it.
    const events = await target.stageEvents.toArray();
    for (const prospect of imported) {
      expect(events.find((event) => event.prospectId === prospect.id)).toMatchObject({ from: null, date: prospect.createdAt });
    }

    // Old contacts are not new this month on the dashboard.
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const today = `${month}-${String(now.getDate()).padStart(2, '0')}`;
    const figures = computePipelineFigures({ prospects: imported, stageEvents: events, today, period: { from: `${month}-01`, to: today } });
    expect(figures.newProspects).toBe(0);
  });
});

describe('dates and outcomes in any CRM file', () => {
  it('reads French day-first dates, outcome words in the stage column, and dates neither in the future', async () => {
    const db = freshDb();
    const { plan } = await importCsvText(
      db,
      'Nom;Statut;Date de création;Motif de perte;Date du résultat\n' +
        'Jeanne Dupont;Perdu;10/01/2025;Trop cher;03/02/2025 17:40\n' +
        'Paul Martin;Gagné;05/11/2024 08:00;;\n' +
        'Luc Petit;Négociation;31/02/2025;;\n' +
        'Marie Curie;Prospection;01/01/2999;;\n',
    );
    expect(plan.warnings.map(({ line, code, value }) => [line, code, value])).toEqual([[4, 'invalid-creation-date', '31/02/2025']]);
    const stored = await db.prospects.toArray();
    const byName = (name: string) => stored.find((p) => p.fullName === name);
    expect(byName('Jeanne Dupont')).toMatchObject({
      stage: 'prospecting',
      createdAt: local(2025, 1, 10),
      outcome: { result: 'lost', reason: 'Trop cher', date: local(2025, 2, 3, 17, 40) },
    });
    // A won deal is a client at the relationship stage, as the playbook has it.
    expect(byName('Paul Martin')).toMatchObject({
      stage: 'relationship',
      qualification: 'client',
      createdAt: local(2024, 11, 5, 8, 0),
      outcome: { result: 'won' },
    });
    const luc = byName('Luc Petit');
    expect(luc?.stage).toBe('proposal');
    expect(luc?.createdAt).toBeGreaterThan(Date.now() - 60_000);
    expect(byName('Marie Curie')?.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('warns about a result it cannot read and imports the deal as open', async () => {
    const plan = await planCsvText(freshDb(), 'Nom;Étape;Résultat;Date du résultat\nJeanne Dupont;Proposition;En attente;hier\n');
    expect(plan.warnings.map(({ code, value }) => [code, value])).toEqual([['unknown-outcome', 'En attente']]);
    expect(plan.ok[0]?.contact.outcome).toBeUndefined();
  });

  it('parses ISO and French dates, and refuses what is not a real day', () => {
    expect(dateFromText('2025-01-10')).toBe(local(2025, 1, 10));
    expect(dateFromText('2025-01-10 14:30')).toBe(local(2025, 1, 10, 14, 30));
    expect(dateFromText('2025-01-10T14:30:00.000Z')).toBe(Date.UTC(2025, 0, 10, 14, 30));
    expect(dateFromText('2025-01-10T14:30:00+01:00')).toBe(Date.UTC(2025, 0, 10, 13, 30));
    expect(dateFromText('10/01/2025')).toBe(local(2025, 1, 10));
    expect(dateFromText('03/04/2025')).toBe(local(2025, 4, 3));
    expect(dateFromText(' 10/01/2025 9h05 ')).toBe(local(2025, 1, 10, 9, 5));
    expect(dateFromText('10.01.2025')).toBe(local(2025, 1, 10));
    for (const text of ['', '2025-02-29', '31/02/2025', '2025-13-01', '10/01/25', '1969-12-31', 'janvier 2025', '2025-01-10 25:00']) {
      expect(dateFromText(text)).toBeNull();
    }
  });
});
