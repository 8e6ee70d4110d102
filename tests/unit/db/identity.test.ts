import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelanceDatabase } from '../../../src/db/database';
import { identitySignature, rejectSuggestion } from '../../../src/db/identity';
import { addProspectFromContact, findMatch, linkContactToProspect } from '../../../src/db/repository';
import type { PageContact } from '../../../src/model';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const gmailJeanne: PageContact = {
  site: 'gmail',
  kind: 'email-thread',
  fullName: 'Jeanne DUPONT',
  email: 'j.dupont@acme-industrie.fr',
  company: 'Acme Industrie',
};

async function seedLinkedinJeanne(db: RelanceDatabase) {
  const { prospect } = await addProspectFromContact(
    db,
    {
      site: 'linkedin',
      kind: 'person',
      fullName: 'Jeanne Dupont',
      company: 'Acme Industrie',
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
    },
    'linkedin',
  );
  return prospect;
}

describe('name-only matches', () => {
  it('are suggestions, never exact, and never merged on a name alone', async () => {
    const db = freshDb();
    const jeanne = await seedLinkedinJeanne(db);
    const match = await findMatch(db, gmailJeanne);
    expect(match).toEqual({ kind: 'suggestions', prospects: [expect.objectContaining({ id: jeanne.id })] });
    expect(await db.prospects.count()).toBe(1);
    expect((await db.prospects.get(jeanne.id))?.emails).toEqual([]);
  });

  it('linking adds the page identity, so the next visit matches exactly', async () => {
    const db = freshDb();
    const jeanne = await seedLinkedinJeanne(db);
    await linkContactToProspect(db, jeanne, gmailJeanne);
    expect(await findMatch(db, gmailJeanne)).toMatchObject({ kind: 'exact', via: 'email', prospect: { id: jeanne.id } });
    expect((await db.prospects.get(jeanne.id))?.emails).toEqual(['j.dupont@acme-industrie.fr']);
  });

  it('linking a renamed LinkedIn profile replaces the old address, so the question does not come back', async () => {
    const db = freshDb();
    const jeanne = await seedLinkedinJeanne(db);
    const renamed: PageContact = {
      site: 'linkedin',
      kind: 'person',
      fullName: 'Jeanne Dupont',
      company: 'Acme Industrie',
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont-acme/',
    };
    expect(await findMatch(db, renamed)).toMatchObject({ kind: 'suggestions' });
    await linkContactToProspect(db, jeanne, renamed);
    expect(await findMatch(db, renamed)).toMatchObject({ kind: 'exact', via: 'linkedin', prospect: { id: jeanne.id } });
    expect((await db.prospects.get(jeanne.id))?.linkedinUrl).toBe('https://www.linkedin.com/in/jeanne-dupont-acme/');
  });

  it('rejecting is remembered for that page identity only', async () => {
    const db = freshDb();
    const jeanne = await seedLinkedinJeanne(db);
    await rejectSuggestion(db, jeanne.id, gmailJeanne);
    expect(await findMatch(db, gmailJeanne)).toEqual({ kind: 'none' });
    // Another address with the same name is still suggested.
    expect(await findMatch(db, { ...gmailJeanne, email: 'jeanne@autre.fr' })).toMatchObject({ kind: 'suggestions' });
  });

  it('signs a page identity by its strongest key', () => {
    expect(identitySignature({ linkedinUrl: 'https://fr.linkedin.com/in/X/', email: 'a@b.fr' })).toBe('https://www.linkedin.com/in/x/');
    expect(identitySignature({ email: 'A@B.fr', fullName: 'A B' })).toBe('a@b.fr');
    expect(identitySignature({ salesNavId: 'ACwAA1' })).toBe('salesnav:ACwAA1');
    expect(identitySignature({})).toBeNull();
  });
});
