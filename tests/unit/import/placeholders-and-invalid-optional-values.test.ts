import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../../src/import/plan';
import { dataStrings } from '../../../src/ui/options/data/strings';
import { closeDatabases, freshDb, importCsvText, planCsvText } from './support';

afterEach(closeDatabases);

const SALES_NAV_LINK = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH';

describe('placeholders French files write in empty cells', () => {
  it('are read as empty in every column, so the row keeps its name, company and phone', async () => {
    const db = freshDb();
    const { plan } = await importCsvText(
      db,
      'Nom;E-mail;Téléphone;Société;LinkedIn;Étape;Ville\n' +
        'Jeanne Dupont;-;06 12 34 56 78;Acme;N/A;—;néant\n' +
        'Paul Martin;NC;06 11 11 11 11;N/C;?;Découverte;Inconnu\n' +
        'Marie Curie; n.c. ;NULL;none;#N/A;  -  ;AUCUN\n' +
        'NC;luc@acme.example;;;;;\n',
    );
    expect(plan.totals).toEqual({ rows: 4, ok: 4, duplicates: 0, rejected: 0 });
    // Empty is not a value: no warning either.
    expect(plan.warnings).toEqual([]);
    const stored = await db.prospects.toArray();
    expect(stored.find((p) => p.fullName === 'Jeanne Dupont')).toMatchObject({
      emails: [],
      phones: ['06 12 34 56 78'],
      company: 'Acme',
      stage: 'prospecting',
    });
    expect(stored.find((p) => p.fullName === 'Jeanne Dupont')?.location).toBeUndefined();
    const paul = stored.find((p) => p.fullName === 'Paul Martin');
    expect(paul).toMatchObject({ emails: [], phones: ['06 11 11 11 11'], stage: 'discovery' });
    expect(paul?.company).toBeUndefined();
    expect(paul?.linkedinUrl).toBeUndefined();
    const marie = stored.find((p) => p.fullName === 'Marie Curie');
    expect(marie).toMatchObject({ emails: [], phones: [] });
    expect(marie?.company).toBeUndefined();
    // "NC" in the name column names nobody: the name comes from the email instead.
    expect(stored.find((p) => p.emails[0] === 'luc@acme.example')?.fullName).not.toBe('NC');
  });

  it('are dropped from lists too', async () => {
    const db = freshDb();
    await importCsvText(db, 'Nom;E-mail;Tags\nJeanne Dupont;"NC, jeanne@acme.example";"ETI, n/a"\n');
    expect(await db.prospects.toArray()).toEqual([expect.objectContaining({ emails: ['jeanne@acme.example'], tags: ['ETI'] })]);
  });
});

describe('an invalid optional value on a row that names someone', () => {
  it('is left out with a warning instead of rejecting the row (placeholder e-mails, Sales Navigator link)', async () => {
    const db = freshDb();
    const plan = await planCsvText(
      db,
      'Nom;E-mail;Téléphone;LinkedIn\n' +
        'Jeanne Dupont;-;06 12 34 56 78;\n' +
        'Paul Martin;NC;06 11 11 11 11;\n' +
        `Luc Petit;luc@acme.example;;${SALES_NAV_LINK}\n`,
    );
    expect(plan.totals).toEqual({ rows: 3, ok: 3, duplicates: 0, rejected: 0 });
    expect(plan.warnings).toEqual([
      {
        line: 4,
        code: 'sales-navigator-link',
        value: SALES_NAV_LINK,
        message: `line 4: Sales Navigator link "${SALES_NAV_LINK}" kept as the lead's Sales Navigator id, not as a LinkedIn profile`,
      },
    ]);
  });

  it('keeps the valid emails of the cell and the Sales Navigator lead id, and drops the rest', async () => {
    const db = freshDb();
    const { plan } = await importCsvText(
      db,
      'Nom;E-mail;LinkedIn;Société\n' +
        'Jeanne Dupont;"jeanne@acme.example, jeanne(at)perso";linkedin.com/sales/lead/ACwAAB456,NAME_SEARCH,x1y2;Acme\n' +
        'Paul Martin;paul@acme.example;https://www.linkedin.com/company/acme/;Acme\n',
    );
    expect(plan.warnings.map(({ line, code, value }) => [line, code, value])).toEqual([
      [2, 'invalid-email-dropped', 'jeanne(at)perso'],
      [2, 'sales-navigator-link', 'linkedin.com/sales/lead/ACwAAB456,NAME_SEARCH,x1y2'],
      [3, 'invalid-linkedin-url-dropped', 'https://www.linkedin.com/company/acme/'],
    ]);
    const stored = await db.prospects.toArray();
    const jeanne = stored.find((p) => p.fullName === 'Jeanne Dupont');
    expect(jeanne).toMatchObject({ emails: ['jeanne@acme.example'], salesNavId: 'ACwAAB456', company: 'Acme' });
    expect(jeanne?.linkedinUrl).toBeUndefined();
    expect(stored.find((p) => p.fullName === 'Paul Martin')).toMatchObject({ emails: ['paul@acme.example'], company: 'Acme' });
  });

  it('a valid email keeps a row whose name column is empty', async () => {
    const db = freshDb();
    const plan = await planCsvText(db, 'Nom;E-mail;LinkedIn\n;jeanne.dupont@acme.example;https://example.com/jeanne\n');
    expect(plan.totals.ok).toBe(1);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['invalid-linkedin-url-dropped']);
  });
});

describe('a row whose only identity is invalid', () => {
  it('is still rejected, with that value as the reason', async () => {
    const db = freshDb();
    const plan = await planCsvText(
      db,
      'Nom;E-mail;LinkedIn;Société\n' +
        ';paul(at)durand.example;;Durand SA\n' +
        `;;${SALES_NAV_LINK};Acme\n` +
        '-;NC;https://www.linkedin.com/company/acme/;Acme\n' +
        'NC;-;n/a;Acme\n',
    );
    expect(plan.totals).toEqual({ rows: 4, ok: 0, duplicates: 0, rejected: 4 });
    expect(plan.rejected.map(({ line, reason, value }) => [line, reason, value])).toEqual([
      [2, 'invalid-email', 'paul(at)durand.example'],
      [3, 'invalid-linkedin-url', SALES_NAV_LINK],
      [4, 'invalid-linkedin-url', 'https://www.linkedin.com/company/acme/'],
      [5, 'no-identity', undefined],
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('import warnings', () => {
  it('are all worded in French and in English', () => {
    for (const code of WARNING_CODES) {
      for (const strings of [dataStrings.fr, dataStrings.en]) {
        const wording = strings.warnings[code];
        const text = typeof wording === 'function' ? wording('x@y') : wording;
        expect(text.length).toBeGreaterThan(10);
      }
    }
    expect(dataStrings.fr.warnings['sales-navigator-link']('L')).not.toBe(dataStrings.en.warnings['sales-navigator-link']('L'));
  });
});
