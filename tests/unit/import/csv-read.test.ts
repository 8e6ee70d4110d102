import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from '../../../src/import/csv-read';
import { autoMap, MAPPABLE_FIELDS } from '../../../src/import/mapping';
import { encodeWindows1252, fixtureBytes } from './support';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const { text, encoding } = decodeCsvBytes(fixtureBytes('french-excel-utf8-bom.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('Prénom;Nom;Société')).toBe(true);
    expect(text).toContain('Œuvray');
    expect(text).toContain('Société Générale d’Études');
  });

  it('reads the same file saved as Windows-1252 to the same text', () => {
    const utf8 = decodeCsvBytes(fixtureBytes('french-excel-utf8-bom.csv')).text;
    const { text, encoding } = decodeCsvBytes(encodeWindows1252(utf8));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe(utf8);
    expect(text).toContain('15 k€');
  });

  it('reads UTF-8 without a BOM', () => {
    const { text, encoding } = decodeCsvBytes(new TextEncoder().encode('Nom;Société\nZoé;Acmé\n'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Nom;Société\nZoé;Acmé\n');
  });

  it('reads UTF-16 little-endian with its BOM (Excel "Unicode text")', () => {
    const text = 'Nom\tSociété\nZoé\tAcme\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('decodes an empty file', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('parseCsv', () => {
  it('reads a French Excel export: `;`, CRLF, emptied rows, trailing empty columns, multi-line cells', () => {
    const parsed = parseCsv(decodeCsvBytes(fixtureBytes('french-excel-utf8-bom.csv')).text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual([
      'Prénom',
      'Nom',
      'Société',
      'Fonction',
      'Adresse e-mail',
      'Téléphone',
      'Ville',
      'Étape',
      'Segment',
      'Commentaire',
    ]);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 3, 5, 7, 8, 9]);
    expect(parsed.rows[2]?.cells[9]).toBe('Budget 15 k€ ; à rappeler\nen janvier');
    expect(parsed.problems).toEqual([]);
  });

  it('reads a comma CSV with quotes, doubled quotes, multi-line cells and empty lines, keeping true line numbers', () => {
    const parsed = parseCsv(decodeCsvBytes(fixtureBytes('english-crm-comma.csv')).text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual(['Full name', 'Email', 'Company', 'Job title', 'LinkedIn', 'Stage', 'Notes']);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 4, 7, 10]);
    expect(parsed.rows[0]?.cells).toEqual([
      'Doe, John',
      'john.doe@example.com',
      'Acme, Inc.',
      'CTO',
      'https://www.linkedin.com/in/john-doe-123/',
      'Discovery',
      'Said "call me" next week',
    ]);
    expect(parsed.rows[1]?.cells[6]).toBe('Line one\nLine two\nLine three');
  });

  it('detects tabs', () => {
    const parsed = parseCsv('Name\tEmail\nJane\tjane@example.com\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows).toEqual([{ line: 2, cells: ['Jane', 'jane@example.com'] }]);
  });

  it('prefers `;` when French values contain commas', () => {
    const parsed = parseCsv('Nom;Tags\nDupont, Jeanne;ETI, Industrie\nMartin, Paul;BTP\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]?.cells).toEqual(['Dupont, Jeanne', 'ETI, Industrie']);
  });

  it('counts leading blank lines and old Mac line endings', () => {
    expect(parseCsv('\n\nNom;E-mail\rJeanne;j@x.fr\r').rows).toEqual([{ line: 4, cells: ['Jeanne', 'j@x.fr'] }]);
  });

  it('reads a header-only or empty file as no rows', () => {
    expect(parseCsv('')).toEqual({ headers: [], rows: [], delimiter: ',', problems: [] });
    expect(parseCsv('Nom;E-mail\r\n').rows).toEqual([]);
  });

  it('reports an unclosed quote with its line instead of throwing', () => {
    const parsed = parseCsv('Nom;Notes\nJeanne;"never closed\nPaul;ok\n');
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]?.line).toBe(2);
  });

  it('never throws, whatever the text (10,000 runs)', () => {
    const csvAlphabet = fc.constantFrom(';', ',', '\t', '"', '\n', '\r', ' ', 'a', 'é', '\uFEFF', "'", '=');
    const csvLike = fc.array(fc.oneof(csvAlphabet, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(csvLike, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const parsed = parseCsv(text);
        const mapping = autoMap(parsed.headers);
        expect(Object.keys(mapping)).toHaveLength(parsed.headers.length);
        for (const field of Object.values(mapping)) expect(field === null || MAPPABLE_FIELDS.includes(field)).toBe(true);
        for (const row of parsed.rows) expect(row.line).toBeGreaterThan(1);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('reads back any table papaparse writes, cell for cell and line for line (10,000 runs)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', ' ', 'a;b', 'a,b', 'say "hi"', 'two\nlines', 'three\n\nlines', 'x\r\ny', 'Émilie', '\t'),
    );
    const header = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{0,10}[A-Za-zÀ-ÿ]$/);
    const table = fc.integer({ min: 2, max: 5 }).chain((columns) =>
      fc.record({
        headers: fc.array(header, { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
        delimiter: fc.constantFrom(';', ',', '\t'),
        newline: fc.constantFrom('\n', '\r\n'),
      }),
    );
    fc.assert(
      fc.property(table, ({ headers, rows, delimiter, newline }) => {
        const text = Papa.unparse({ fields: headers, data: rows }, { delimiter, newline });
        const parsed = parseCsv(text);
        expect(parsed.delimiter).toBe(delimiter);
        expect(parsed.headers).toEqual(headers.map((h) => h.trim()));

        // Lines a row takes in the file: its own, plus the line breaks inside its cells.
        const expected: { line: number; cells: string[] }[] = [];
        let line = 2;
        for (const cells of rows) {
          const normalized = cells.map((c) => c.replace(/\r\n?/g, '\n'));
          if (normalized.some((c) => c.trim() !== '')) expected.push({ line, cells: normalized });
          line += 1 + normalized.join('').split('\n').length - 1;
        }
        expect(parsed.rows).toEqual(expected);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
