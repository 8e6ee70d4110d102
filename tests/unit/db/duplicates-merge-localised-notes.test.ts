import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeProspects } from '../../../src/db/duplicates';
import type { Prospect } from '../../../src/model';
import { withDerivedKeys } from '../../../src/model/prospect';
import { duplicatesStrings } from '../../../src/ui/options/duplicates/strings';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const T0 = new Date(2026, 0, 5, 10).getTime();

function prospect(n: number, fields: Partial<Prospect> & { fullName: string }): Prospect {
  return withDerivedKeys({
    id: uuid(n),
    phones: [],
    emails: [],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    stage: 'prospecting',
    qualification: 'suspect',
    checklist: {},
    tags: [],
    source: 'manual',
    lockedFields: [],
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  });
}

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
