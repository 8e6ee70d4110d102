import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RelanceDatabase } from '../../../src/db/database';
import { decodeCsvBytes, parseCsv } from '../../../src/import/csv-read';
import { autoMap } from '../../../src/import/mapping';
import { type DuplicatePolicy, executeImport, type ImportPlan, planImport } from '../../../src/import/plan';
import type { Prospect } from '../../../src/model';
import { freshDb as freshDatabase } from '../db/fresh-db';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url))));
}

// The Windows-1252 characters outside Latin-1 that French text uses (€, ’, œ, …).
const WINDOWS_1252_EXTRAS: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  Œ: 0x8c,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  œ: 0x9c,
  Ÿ: 0x9f,
};

/** What French Excel's "CSV (séparateur : point-virgule)" writes: one byte per character. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const extra = WINDOWS_1252_EXTRAS[char];
    if (extra !== undefined) bytes.push(extra);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`not encodable in Windows-1252: ${char}`);
  }
  return new Uint8Array(bytes);
}

export const freshDb = (): RelanceDatabase => freshDatabase('import');
export { deleteFreshDatabases as closeDatabases } from '../db/fresh-db';

/** Parse, map automatically and plan, as the options page does. */
export async function planCsvText(db: RelanceDatabase, text: string, onDuplicate: DuplicatePolicy = 'skip'): Promise<ImportPlan> {
  const parsed = parseCsv(text);
  return planImport(db, parsed, autoMap(parsed.headers), { onDuplicate });
}

export async function importCsvText(db: RelanceDatabase, text: string, onDuplicate: DuplicatePolicy = 'skip') {
  const plan = await planCsvText(db, text, onDuplicate);
  const result = await executeImport(db, plan, { onDuplicate });
  return { plan, result };
}

export function fixtureText(name: string): string {
  return decodeCsvBytes(fixtureBytes(name)).text;
}

/** Everything stored, for "nothing changed" comparisons. */
export async function snapshot(db: RelanceDatabase) {
  const [prospects, stageEvents] = await Promise.all([db.prospects.orderBy('id').toArray(), db.stageEvents.orderBy('id').toArray()]);
  return { prospects, stageEvents };
}

/** The fields an export carries, to compare prospects across an export and a re-import. */
export function exportedFields(prospect: Prospect) {
  return {
    fullName: prospect.fullName,
    emails: prospect.emails,
    phones: prospect.phones,
    company: prospect.company,
    jobTitle: prospect.jobTitle,
    headline: prospect.headline,
    linkedinUrl: prospect.linkedinUrl,
    location: prospect.location,
    stage: prospect.stage,
    qualification: prospect.qualification,
    tags: prospect.tags,
    source: prospect.source,
    notes: prospect.notes,
  };
}
