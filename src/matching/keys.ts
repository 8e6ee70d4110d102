import { canonicalLinkedinUrl } from './linkedin-url';

/*
 * Identity keys: the normalised values a prospect is indexed by, so that recognising a
 * person on a page is a few indexed gets. Pure functions: no Dexie, no DOM.
 */

// Deliberately loose: one @, no spaces, a dot in the domain. Real validation is the
// recipient's server; this only tells an address from a name or a phone number.
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** The lookup key of an address: trimmed and lower-cased (the original is kept for display). */
export function emailKey(email: string | null | undefined): string | null {
  if (typeof email !== 'string') return null;
  const trimmed = email.trim();
  return isEmail(trimmed) ? trimmed.toLowerCase() : null;
}

// NFD splits "é" into "e" + accent but leaves these ligatures whole.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

function foldAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (char) => LIGATURES[char] ?? char);
}

/** Accent- and case-insensitive form of a name: letters only, single spaces. */
export function normalizeName(value: string): string {
  return foldAccents(value)
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

// Civilities a signature or an import may put before a name ("Mme Jeanne Dupont").
const CIVILITIES = new Set(['m', 'mr', 'mrs', 'ms', 'mme', 'mlle', 'mmes', 'dr', 'pr', 'me']);

// Legal forms, so "Acme SAS" and "ACME" are the same company for matching.
const LEGAL_FORMS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scop',
  'selarl',
  'gie',
  'inc',
  'ltd',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'srl',
  'spa',
  'corp',
]);

/** Accent- and case-insensitive form of a company name; digits kept ("3M"), legal forms dropped. */
export function normalizeCompany(value: string): string {
  const tokens = foldAccents(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '');
  const merged = mergeInitials(tokens);
  const meaningful = merged.filter((token) => !LEGAL_FORMS.has(token));
  // A company called only "SA" stays "sa" rather than vanishing.
  return (meaningful.length > 0 ? meaningful : merged).join(' ');
}

/** Runs of one-letter tokens are an abbreviation split by its dots: "s a" → "sa", "b n p" → "bnp". */
function mergeInitials(tokens: readonly string[]): string[] {
  const merged: string[] = [];
  let run = '';
  for (const token of tokens) {
    if ([...token].length === 1) {
      run += token;
      continue;
    }
    if (run) merged.push(run);
    run = '';
    merged.push(token);
  }
  if (run) merged.push(run);
  return merged;
}

/**
 * The name + company key, e.g. `dupont jeanne|acme`. Name tokens are sorted so "Dupont
 * Jeanne" and "Jeanne Dupont" meet. Null when the name holds no letter at all.
 */
export function nameCompanyKey(fullName: string, company?: string | null): string | null {
  const tokens = normalizeName(fullName)
    .split(' ')
    .filter((token) => token !== '');
  const withoutCivility = tokens.length > 1 && CIVILITIES.has(tokens[0] ?? '') ? tokens.slice(1) : tokens;
  if (withoutCivility.length === 0) return null;
  const name = [...withoutCivility].sort().join(' ');
  return `${name}|${company ? normalizeCompany(company) : ''}`;
}

/** The name part of a name + company key (what precedes the `|`). */
export function namePartOfKey(nameKey: string): string {
  const bar = nameKey.indexOf('|');
  return bar === -1 ? nameKey : nameKey.slice(0, bar);
}

export type ContactLike = {
  linkedinUrl?: string | null | undefined;
  salesNavId?: string | null | undefined;
  email?: string | null | undefined;
  emails?: readonly string[] | null | undefined;
  fullName?: string | null | undefined;
  company?: string | null | undefined;
};

export type IdentityKeys = {
  linkedinUrl?: string;
  salesNavId?: string;
  /** Distinct, lower-cased, in the order given. */
  emailKeys: string[];
  nameKey?: string;
};

/** Every key a contact can be matched by; absent or unusable values are simply left out. */
export function identityKeys(contact: ContactLike): IdentityKeys {
  const keys: IdentityKeys = { emailKeys: emailKeysOf([contact.email, ...(contact.emails ?? [])]) };
  const linkedinUrl = contact.linkedinUrl ? canonicalLinkedinUrl(contact.linkedinUrl) : null;
  if (linkedinUrl) keys.linkedinUrl = linkedinUrl;
  const salesNavId = contact.salesNavId?.trim();
  if (salesNavId) keys.salesNavId = salesNavId;
  const nameKey = contact.fullName ? nameCompanyKey(contact.fullName, contact.company) : null;
  if (nameKey) keys.nameKey = nameKey;
  return keys;
}

/** Distinct email keys of a list of addresses, skipping what is not an address. */
export function emailKeysOf(emails: readonly (string | null | undefined)[]): string[] {
  const keys: string[] = [];
  for (const email of emails) {
    const key = emailKey(email);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
