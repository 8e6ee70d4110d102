import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from '../../../src/import/csv-read';
import { autoMap } from '../../../src/import/mapping';
import { closeDatabases, encodeWindows1252, freshDb, importCsvText } from './support';

afterEach(closeDatabases);

describe("Excel's `sep=` first line", () => {
  it('is skipped, and its delimiter used, with the true line numbers of the rows after it', () => {
    const parsed = parseCsv('sep=;\r\nNom;E-mail\r\nJeanne Dupont;jeanne@acme.example\r\nPaul, Martin;paul@acme.example\r\n');
    expect(parsed.headers).toEqual(['Nom', 'E-mail']);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows).toEqual([
      { line: 3, cells: ['Jeanne Dupont', 'jeanne@acme.example'] },
      { line: 4, cells: ['Paul, Martin', 'paul@acme.example'] },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(autoMap(parsed.headers)).toEqual({ 0: 'fullName', 1: 'email' });
  });

  it('is read after a BOM, in any case, quoted or padded by a spreadsheet, for any delimiter', () => {
    expect(parseCsv('\uFEFFsep=;\nNom;Ville\nA;Lyon\n').headers).toEqual(['Nom', 'Ville']);
    expect(parseCsv('SEP=,\nNom,Ville\nA,Lyon\n').delimiter).toBe(',');
    expect(parseCsv('"sep=,"\nNom,Ville\n"Dupont; Jeanne",Lyon\n').rows[0]?.cells).toEqual(['Dupont; Jeanne', 'Lyon']);
    expect(parseCsv('sep=;;;\nNom;Ville;Tél\nA;Lyon;06\n').headers).toEqual(['Nom', 'Ville', 'Tél']);
    const tabs = parseCsv('sep=\t\nNom\tVille\nA, B\tLyon\n');
    expect(tabs.delimiter).toBe('\t');
    expect(tabs.rows[0]?.cells).toEqual(['A, B', 'Lyon']);
  });

  it('leaves a file without it, or with "sep=" as a real header cell, as it was', () => {
    expect(parseCsv('Nom;E-mail\nA;a@b.example\n').headers).toEqual(['Nom', 'E-mail']);
    expect(parseCsv('sep=x;Nom\n1;A\n').headers).toEqual(['sep=x', 'Nom']);
  });

  it('lets a French Excel file (Windows-1252) import every row', async () => {
    const text = 'sep=;\r\nNom complet;Adresse e-mail;Société\r\nZoé Œuvray;zoe@sge.example;Société Générale\r\n';
    const decoded = decodeCsvBytes(encodeWindows1252(text));
    const db = freshDb();
    const { plan } = await importCsvText(db, decoded.text);
    expect(plan.totals).toEqual({ rows: 1, ok: 1, duplicates: 0, rejected: 0 });
    expect(await db.prospects.toArray()).toEqual([
      expect.objectContaining({ fullName: 'Zoé Œuvray', emails: ['zoe@sge.example'], company: 'Société Générale' }),
    ]);
  });
});
