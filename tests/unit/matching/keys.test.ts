import { describe, expect, it } from 'vitest';
import { emailKey, emailKeysOf, identityKeys, isEmail, nameCompanyKey, normalizeCompany, normalizeName } from '../../../src/matching/keys';

describe('emailKey / isEmail', () => {
  it('trims and lower-cases an address', () => {
    expect(emailKey('  Jeanne.Dupont@ACME.fr ')).toBe('jeanne.dupont@acme.fr');
  });

  it('is null for what is not an address', () => {
    for (const notEmail of ['', 'Jeanne Dupont', 'jeanne@', '@acme.fr', 'jeanne@acme', 'a b@acme.fr', '+33 6 12 34 56 78']) {
      expect(isEmail(notEmail)).toBe(false);
      expect(emailKey(notEmail)).toBeNull();
    }
    expect(emailKey(undefined)).toBeNull();
    expect(emailKey(null)).toBeNull();
  });

  it('accepts usual address forms', () => {
    for (const email of ['a@b.co', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie"]) {
      expect(isEmail(email)).toBe(true);
    }
  });

  it('dedupes a list case-insensitively and skips junk', () => {
    expect(emailKeysOf(['A@x.fr', 'a@X.fr', 'nope', undefined, 'b@x.fr'])).toEqual(['a@x.fr', 'b@x.fr']);
  });
});

describe('normalizeName', () => {
  it('strips accents, case and punctuation', () => {
    expect(normalizeName('  Émilie  LEFÈVRE-Ñúñez ')).toBe('emilie lefevre nunez');
    expect(normalizeName("Jean-François d'Aubigné")).toBe('jean francois d aubigne');
  });

  it('unfolds ligatures NFD leaves whole', () => {
    expect(normalizeName('Cœur Læticia Straße')).toBe('coeur laeticia strasse');
  });

  it('turns digits and symbols into spaces', () => {
    expect(normalizeName('Jeanne2 Dupont (ACME)')).toBe('jeanne dupont acme');
  });
});

describe('nameCompanyKey', () => {
  it('does not depend on name order, case or accents', () => {
    const key = nameCompanyKey('Jeanne Dupont', 'Acme');
    expect(key).toBe('dupont jeanne|acme');
    expect(nameCompanyKey('DUPONT Jeanne', 'ACME')).toBe(key);
    expect(nameCompanyKey('Jéanne  Dupont', ' acme ')).toBe(key);
  });

  it('keeps the company part, empty when unknown', () => {
    expect(nameCompanyKey('Jeanne Dupont')).toBe('dupont jeanne|');
    expect(nameCompanyKey('Jeanne Dupont', null)).toBe('dupont jeanne|');
    expect(nameCompanyKey('Jeanne Dupont', 'Acme Industrie')).not.toBe(nameCompanyKey('Jeanne Dupont', 'Acme'));
  });

  it('normalises the company: accents, legal forms, digits kept', () => {
    expect(nameCompanyKey('Jeanne Dupont', 'Acme SAS')).toBe('dupont jeanne|acme');
    expect(nameCompanyKey('Jeanne Dupont', 'Société Générale')).toBe('dupont jeanne|societe generale');
    expect(normalizeCompany('3M France S.A.')).toBe('3m france');
    expect(normalizeCompany('SA')).toBe('sa');
    expect(normalizeCompany('B.N.P. Paribas S.A.R.L.')).toBe('bnp paribas');
  });

  it('drops a leading civility', () => {
    expect(nameCompanyKey('Mme Jeanne Dupont', 'Acme')).toBe('dupont jeanne|acme');
  });

  it('is null for a name without letters', () => {
    expect(nameCompanyKey('  123 ', 'Acme')).toBeNull();
  });
});

describe('identityKeys', () => {
  it('collects every usable key', () => {
    expect(
      identityKeys({
        fullName: 'Jeanne Dupont',
        company: 'Acme',
        email: 'Jeanne@Acme.fr',
        emails: ['jeanne@acme.fr', 'j.dupont@perso.fr'],
        linkedinUrl: 'https://fr.linkedin.com/in/Jeanne-Dupont/details/experience/?trk=x',
        salesNavId: ' ACwAAB123 ',
      }),
    ).toEqual({
      linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
      salesNavId: 'ACwAAB123',
      emailKeys: ['jeanne@acme.fr', 'j.dupont@perso.fr'],
      nameKey: 'dupont jeanne|acme',
    });
  });

  it('leaves out what is missing or unusable', () => {
    expect(identityKeys({ linkedinUrl: 'https://www.linkedin.com/company/acme/', email: 'nope' })).toEqual({ emailKeys: [] });
  });
});
