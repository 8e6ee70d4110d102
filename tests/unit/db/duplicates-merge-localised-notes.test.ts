import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeProspects } from '../../../src/db/duplicates';
import { duplicatesStrings } from '../../../src/ui/options/duplicates/strings';
import { deleteFreshDatabases, freshDb } from './fresh-db';
import { numberedProspect as prospect, T0 } from './prospect-record';

afterEach(deleteFreshDatabases);

async function mergeOutcomes(lang: 'fr' | 'en'): Promise<string | undefined> {
  const db = freshDb();
  const a = prospect(1, { fullName: 'Jeanne Dupont', company: 'Acme', outcome: { result: 'won', date: T0 } });
  const b = prospect(2, { fullName: 'Jeanne Dupont', company: 'Acme', outcome: { result: 'lost', reason: 'Budget', date: T0 } });
  await db.prospects.bulkPut([a, b]);
  const merged = await mergeProspects(db, a.id, [b.id], { labels: duplicatesStrings[lang].mergeLabels });
  return merged.notes;
}

describe('mergeProspects: the notes keep a differing outcome in the user’s language', () => {
  it('writes the outcome in French', async () => {
    const notes = await mergeOutcomes('fr');
    expect(notes).toContain('Fusionné depuis Jeanne Dupont');
    expect(notes).toContain('Issue: Perdu (Budget)');
    expect(notes).not.toContain('lost');
  });

  it('writes the outcome in English', async () => {
    expect(await mergeOutcomes('en')).toContain('Outcome: Lost (Budget)');
  });
});
