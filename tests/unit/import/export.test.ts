import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelanceDatabase } from '../../../src/db/database';
import { completeRelance, logInteraction, scheduleRelance } from '../../../src/db/repository';
import { parseCsv } from '../../../src/import/csv-read';
import {
  exportInteractionsCsv,
  exportProspectsCsv,
  exportRelancesCsv,
  RELANCE_PRESET_HEADERS,
  splitFullName,
} from '../../../src/import/export';
import { type ImportedContact, prospectFromContact } from '../../../src/import/plan';
import type { Prospect } from '../../../src/model';
import { closeDatabases, exportedFields, freshDb, importCsvText } from './support';

afterEach(closeDatabases);

const CREATED_AT = new Date(2025, 2, 14, 9, 30).getTime();

function contact(fields: Partial<ImportedContact> & { fullName: string }): ImportedContact {
  return { emails: [], phones: [], source: 'import', stage: 'prospecting', qualification: 'suspect', tags: [], ...fields };
}

/** Prospects with what makes CSV hard: separators, quotes, line breaks, accents, formula-like text. */
const PEOPLE: ImportedContact[] = [
  contact({
    fullName: 'Jeanne Dupont',
    emails: ['Jeanne.Dupont@acme.example', 'jeanne@perso.example'],
    phones: ['+33 4 72 10 20 30', '06 12 34 56 78'],
    company: 'Acme; Industrie',
    jobTitle: 'Directrice "achats"',
    headline: 'Achats | Supply chain, industrie',
    linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
    location: 'Lyon',
    stage: 'discovery',
    qualification: 'prospect',
    tags: ['ETI', 'Industrie'],
    source: 'Salon Global Industrie',
    notes: 'Ligne 1\nLigne 2 ; avec "guillemets", et des virgules',
  }),
  contact({
    fullName: '=HYPERLINK("http://evil.example","clic")',
    emails: ['evil@evil.example'],
    phones: ['-12 34'],
    stage: 'relationship',
    qualification: 'client',
    source: 'linkedin',
    notes: '@SUM(1+1)',
  }),
  contact({ fullName: 'Zoé Œuvray', company: 'Société Générale d’Études', stage: 'closing', tags: ['Client fidèle'] }),
  contact({ fullName: 'contact@shop.example', emails: ['contact@shop.example'], stage: 'proposal' }),
  contact({ fullName: 'Paul Durand', linkedinUrl: 'https://www.linkedin.com/in/paul-durand-%C3%A9/', stage: 'contact', source: 'manual' }),
  contact({ fullName: '-Jean Martin', phones: ['+33 (0)6 11 22 33 44'], stage: 'prospecting' }),
];

async function seed(db: RelanceDatabase): Promise<Prospect[]> {
  const prospects = PEOPLE.map((person, index) => prospectFromContact(person, crypto.randomUUID(), CREATED_AT + index));
  await db.prospects.bulkAdd(prospects);
  return prospects;
}

const byName = (a: { fullName: string }, b: { fullName: string }) => a.fullName.localeCompare(b.fullName);

describe('exportProspectsCsv, relance preset', () => {
  it('writes a BOM, `;`, CRLF and the French headers', async () => {
    const db = freshDb();
    await seed(db);
    const csv = await exportProspectsCsv(db, { preset: 'relance' });
    expect(
      csv.startsWith(
        '\uFEFFNom complet;E-mail;Téléphone;Société;Poste;Accroche;LinkedIn;Ville;Étape;Qualification;Tags;Source;Notes;Créé le;Résultat;Motif du résultat;Date du résultat\r\n',
      ),
    ).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual([...RELANCE_PRESET_HEADERS]);
    expect(parsed.rows[0]?.cells).toEqual([
      'Jeanne Dupont',
      'Jeanne.Dupont@acme.example, jeanne@perso.example',
      '+33 4 72 10 20 30, 06 12 34 56 78',
      'Acme; Industrie',
      'Directrice "achats"',
      'Achats | Supply chain, industrie',
      'https://www.linkedin.com/in/jeanne-dupont/',
      'Lyon',
      'Découverte',
      'Prospect',
      'ETI, Industrie',
      'Salon Global Industrie',
      'Ligne 1\nLigne 2 ; avec "guillemets", et des virgules',
      '2025-03-14 09:30',
      '',
      '',
      '',
    ]);
  });

  it('defuses text a spreadsheet would run as a formula, but leaves phone numbers alone', async () => {
    const db = freshDb();
    await seed(db);
    const rows = parseCsv(await exportProspectsCsv(db, { preset: 'relance' })).rows;
    expect(rows[1]?.cells[0]).toBe('\'=HYPERLINK("http://evil.example","clic")');
    expect(rows[1]?.cells[2]).toBe('-12 34'); // a number, not a formula
    expect(rows[1]?.cells[12]).toBe("'@SUM(1+1)");
    expect(rows[5]?.cells[0]).toBe("'-Jean Martin");
    expect(rows[5]?.cells[2]).toBe('+33 (0)6 11 22 33 44');
  });

  it('round-trips: export then import gives the same prospects, and re-importing into the source creates nothing', async () => {
    const source = freshDb();
    const original = await seed(source);
    const csv = await exportProspectsCsv(source, { preset: 'relance' });

    const target = freshDb();
    const { plan, result } = await importCsvText(target, csv);
    expect(plan.rejected).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(result).toEqual({ created: PEOPLE.length, merged: 0 });
    const imported = await target.prospects.toArray();
    expect(imported.sort(byName).map(exportedFields)).toEqual([...original].sort(byName).map(exportedFields));

    const again = await importCsvText(source, csv, 'merge');
    expect(again.plan.totals).toEqual({ rows: PEOPLE.length, ok: 0, duplicates: PEOPLE.length, rejected: 0 });
    expect(again.result).toEqual({ created: 0, merged: 0 });
  });

  it('exports only the given ids, in their order', async () => {
    const db = freshDb();
    const prospects = await seed(db);
    const ids = [prospects[2]?.id ?? '', prospects[0]?.id ?? '', 'not-an-id'];
    const rows = parseCsv(await exportProspectsCsv(db, { preset: 'relance', ids })).rows;
    expect(rows.map((row) => row.cells[0])).toEqual(['Zoé Œuvray', 'Jeanne Dupont']);
  });
});

describe('exportProspectsCsv, CRM presets', () => {
  it('writes HubSpot headers, comma-separated, with the name split and HubSpot lifecycle stages', async () => {
    const db = freshDb();
    await seed(db);
    const csv = await exportProspectsCsv(db, { preset: 'hubspot' });
    const parsed = parseCsv(csv);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Company Name',
      'Job Title',
      'LinkedIn URL',
      'City',
      'Lifecycle Stage',
    ]);
    expect(parsed.rows[0]?.cells).toEqual([
      'Jeanne',
      'Dupont',
      'Jeanne.Dupont@acme.example',
      '+33 4 72 10 20 30',
      'Acme; Industrie',
      'Directrice "achats"',
      'https://www.linkedin.com/in/jeanne-dupont/',
      'Lyon',
      'opportunity',
    ]);
    expect(parsed.rows[1]?.cells[8]).toBe('customer');

    // Our own import reads it back (names, emails, stages as HubSpot knows them).
    const target = freshDb();
    const { plan } = await importCsvText(target, csv);
    expect(plan.rejected).toEqual([]);
    const jeanne = (await target.prospects.toArray()).find((p) => p.fullName === 'Jeanne Dupont');
    expect(jeanne).toMatchObject({ emails: ['Jeanne.Dupont@acme.example'], company: 'Acme; Industrie', stage: 'proposal' });
  });

  it('writes Pipedrive person headers', async () => {
    const db = freshDb();
    await seed(db);
    const parsed = parseCsv(await exportProspectsCsv(db, { preset: 'pipedrive' }));
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual([
      'Person - Name',
      'Person - Email',
      'Person - Phone',
      'Organization - Name',
      'Person - Job title',
      'Person - Labels',
      'Note - Content',
    ]);
    expect(parsed.rows[2]?.cells).toEqual(['Zoé Œuvray', '', '', 'Société Générale d’Études', '', 'Client fidèle', '']);
  });

  it('splits full names for CRMs', () => {
    expect(splitFullName('Jeanne Marie Dupont')).toEqual({ firstName: 'Jeanne', lastName: 'Marie Dupont' });
    expect(splitFullName('Cher')).toEqual({ firstName: '', lastName: 'Cher' });
  });
});

describe('exportInteractionsCsv and exportRelancesCsv', () => {
  it('carry the prospect name and email on each row', async () => {
    const db = freshDb();
    const [jeanne] = await seed(db);
    if (!jeanne) throw new Error('no seed');
    await logInteraction(db, jeanne.id, 'call', { note: 'Appel ; rappeler', date: new Date(2025, 2, 15, 10, 0).getTime() });
    await logInteraction(db, jeanne.id, 'email', { subject: 'Devis', date: new Date(2025, 2, 14, 8, 5).getTime() });
    const done = await scheduleRelance(db, jeanne.id, '2025-03-20', 'Relancer le devis');
    await completeRelance(db, done.id);
    await scheduleRelance(db, jeanne.id, '2025-03-18');

    const interactions = parseCsv(await exportInteractionsCsv(db));
    expect(interactions.headers).toEqual(['Date', 'Canal', 'Prospect', 'E-mail', 'Société', 'Objet', 'Note']);
    expect(interactions.rows.map((row) => row.cells)).toEqual([
      ['2025-03-14 08:05', 'E-mail', 'Jeanne Dupont', 'Jeanne.Dupont@acme.example', 'Acme; Industrie', 'Devis', ''],
      ['2025-03-15 10:00', 'Appel', 'Jeanne Dupont', 'Jeanne.Dupont@acme.example', 'Acme; Industrie', '', 'Appel ; rappeler'],
    ]);

    const relances = parseCsv(await exportRelancesCsv(db));
    expect(relances.headers).toEqual(['Échéance', 'Statut', 'Prospect', 'E-mail', 'Société', 'Note', 'Faite le']);
    expect(relances.rows.map((row) => row.cells.slice(0, 6))).toEqual([
      ['2025-03-18', 'À faire', 'Jeanne Dupont', 'Jeanne.Dupont@acme.example', 'Acme; Industrie', ''],
      ['2025-03-20', 'Faite', 'Jeanne Dupont', 'Jeanne.Dupont@acme.example', 'Acme; Industrie', 'Relancer le devis'],
    ]);
    expect(relances.rows[1]?.cells[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
