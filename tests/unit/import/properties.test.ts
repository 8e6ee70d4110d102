import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { parseCsv } from '../../../src/import/csv-read';
import { autoMap } from '../../../src/import/mapping';
import { type DuplicatePolicy, executeImport, planImport } from '../../../src/import/plan';
import { prospectSchema } from '../../../src/model';
import { snapshot } from './support';

/*
 * Whatever the file, an import either writes exactly what its plan announced or, when a
 * write fails, leaves the database as it was; every data row is counted once; and
 * importing the same file again creates nothing.
 */

const db = openDatabase(`relance-import-properties-${crypto.randomUUID()}`);
afterAll(async () => {
  db.close();
  await db.delete();
});

const NAMES = ['Jeanne Dupont', 'Zoé Œuvray', 'Paul Durand', 'jean martin', 'Émilie Lefèvre', ''];
const EMAILS = [
  'jeanne@acme.example',
  'JEANNE@ACME.EXAMPLE',
  'paul@durand.example',
  'zoe@sge.example',
  'not-an-email',
  '',
  'a@b.example, c@d.example',
];
const LINKEDIN = [
  'https://www.linkedin.com/in/jeanne-dupont/',
  'linkedin.com/in/Jeanne-Dupont?trk=x',
  'https://fr.linkedin.com/in/paul-durand',
  'https://www.linkedin.com/company/acme/',
  '',
];
const COMPANIES = ['Acme', 'ACME SAS', 'Société Générale', '', 'x'.repeat(201)];
const STAGES_TEXT = ['Prospection', 'découverte', 'Closing', 'Suivi', 'inconnue', ''];

const cellFrom = (pool: readonly string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

const row = fc.tuple(
  cellFrom(NAMES),
  cellFrom(EMAILS),
  cellFrom(LINKEDIN),
  cellFrom(COMPANIES),
  cellFrom(['06 12 34 56 78', '+33 6 12 34 56 78', '']),
  cellFrom(STAGES_TEXT),
  cellFrom(['ETI, Industrie', 'Salon', '']),
  cellFrom(['Ligne 1\nLigne 2', 'avec ; et ,', '']),
);

const csvFile = fc.record({
  rows: fc.array(fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 12 }),
  delimiter: fc.constantFrom(';', ','),
  newline: fc.constantFrom('\n', '\r\n'),
});

function csvText({ rows, delimiter, newline }: { rows: (readonly string[] | null)[]; delimiter: string; newline: string }): string {
  const headers = ['Nom', 'E-mail', 'LinkedIn', 'Société', 'Téléphone', 'Étape', 'Tags', 'Notes'];
  // null rows are blank lines: they must not shift the line numbers of the rows after them.
  const lines = rows.map((cells) => (cells === null ? '' : Papa.unparse([[...cells]], { delimiter, newline })));
  return [Papa.unparse([headers], { delimiter }), ...lines].join(newline);
}

describe('importing any CSV', () => {
  it('writes exactly the plan, or nothing when a write fails; counts each row once; a re-import creates nothing (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvFile,
        fc.constantFrom<DuplicatePolicy>('skip', 'merge'),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        fc.boolean(),
        async (file, onDuplicate, failingBatch, keepDatabase) => {
          if (!keepDatabase) await Promise.all([db.prospects.clear(), db.stageEvents.clear()]);
          const text = csvText(file);
          const parsed = parseCsv(text);
          const plan = await planImport(db, parsed, autoMap(parsed.headers), { onDuplicate });

          // Each data row lands in exactly one bucket, at its own line.
          const lines = [...plan.ok, ...plan.duplicates, ...plan.rejected].map((r) => r.line).sort((a, b) => a - b);
          expect(lines).toEqual(parsed.rows.map((r) => r.line));
          expect(plan.totals.rows).toBe(plan.totals.ok + plan.totals.duplicates + plan.totals.rejected);
          expect(plan.totals.rows).toBe(file.rows.filter((cells) => cells?.some((cell) => cell.trim() !== '')).length);

          const before = await snapshot(db);
          // A write that fails in the n-th batch (batches of 1 row, so any row can be the one).
          const realBulkAdd = db.stageEvents.bulkAdd.bind(db.stageEvents);
          let calls = 0;
          db.stageEvents.bulkAdd = ((...args: Parameters<typeof realBulkAdd>) => {
            calls++;
            if (calls === failingBatch) throw new Error('injected failure');
            return realBulkAdd(...args);
          }) as typeof db.stageEvents.bulkAdd;
          let outcome: { created: number; merged: number } | Error;
          try {
            outcome = await executeImport(db, plan, { onDuplicate, batchSize: 1 });
          } catch (error) {
            outcome = error instanceof Error ? error : new Error(String(error));
          } finally {
            db.stageEvents.bulkAdd = realBulkAdd;
          }

          if (outcome instanceof Error) {
            expect(outcome.message).toBe('injected failure');
            expect(failingBatch).toBeLessThanOrEqual(plan.totals.ok);
            expect(await snapshot(db)).toEqual(before);
            return;
          }
          expect(outcome.created).toBe(plan.totals.ok);
          expect(await db.prospects.count()).toBe(before.prospects.length + plan.totals.ok);
          expect(await db.stageEvents.count()).toBe(before.stageEvents.length + plan.totals.ok);
          for (const prospect of await db.prospects.toArray()) expect(prospectSchema.safeParse(prospect).success).toBe(true);

          const again = await planImport(db, parseCsv(text), autoMap(parsed.headers), { onDuplicate });
          expect(again.totals.ok).toBe(0);
          expect(again.totals.rejected).toBe(plan.totals.rejected);
        },
      ),
      { numRuns: 1_000 },
    );
  }, 300_000);
});
