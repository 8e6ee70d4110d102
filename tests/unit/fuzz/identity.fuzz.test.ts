import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey, isEmail } from '../../../src/matching/keys';
import { canonicalLinkedinUrl, linkedinSlugFromUrl } from '../../../src/matching/linkedin-url';

/*
 * Property tests of the identity keys: a page, a CSV file or a message can hand them any
 * string. They must never throw, and what they return must be one stable spelling.
 */

const RUNS = 10_000;
const CANONICAL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/;

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 120 }),
);

// Characters that make URL parsing and percent-decoding interesting.
const URL_SPICE = fc.constantFrom(
  '/',
  '%',
  '%2F',
  '%25',
  '%E0%A4%A',
  '%C3%A9',
  '%2e',
  '..',
  '.',
  '?',
  '#',
  '@',
  ':',
  '\\',
  ' ',
  '\t',
  '\n',
  'İ',
  'Σ',
  '\u200b',
  '\ud800',
);
const slugPart = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9_-]{1,30}$/),
  fc.array(fc.oneof(URL_SPICE, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const GOOD_HOSTS = ['www.linkedin.com', 'linkedin.com', 'fr.linkedin.com', 'uk.linkedin.com', 'WWW.LinkedIn.COM'];
// Lookalikes and neighbours that must never be read as LinkedIn.
const GOTCHA_HOSTS = [
  'linkedin.com.evil.fr',
  'evil-linkedin.com',
  'notlinkedin.com',
  'www.evil.linkedin.com.example',
  'mail.linkedin.com',
  'www.linkedin.fr',
  'www.linkedin.co',
  'linkedin.com.',
  'www.linkedin.com.',
  'a.b.linkedin.com',
  'xn--linkedin-9za.com',
  'www.linkedin.com@evil.fr',
  'www.linked1n.com',
  'lnkd.in',
];
const gotchaHost = fc.oneof(
  fc.constantFrom(...GOTCHA_HOSTS),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((label) => `linkedin.com.${label}`),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((label) => `${label}-linkedin.com`),
  fc.stringMatching(/^[a-z0-9]{1,12}$/).map((label) => `${label}linkedin.com`),
  // A country host is two or three letters: anything longer, or not only letters, is not one.
  fc.stringMatching(/^(?:[a-z]{4,10}|[a-z]*[0-9_-][a-z0-9_-]*)$/).map((label) => `${label}.linkedin.com`),
  fc.stringMatching(/^[a-z]{2,6}$/).map((tld) => `www.linkedin.${tld === 'com' ? 'co' : tld}`),
);

const scheme = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  '',
  'ftp://',
  'javascript://',
  'data:text/html,https://',
  'file://',
  '//',
);
const port = fc.constantFrom('', '', '', ':443', ':80', ':8443', ':0', ':');
const tail = fc.oneof(
  fc.constant(''),
  fc.constant('/'),
  slugPart.map((part) => `/${part}`),
  slugPart.map((part) => `/overlay/${part}/`),
  slugPart.map((part) => `?${part}`),
  slugPart.map((part) => `#${part}`),
);
const pathStart = fc.constantFrom(
  '/in/',
  '/IN/',
  '/in//',
  '/in',
  '/pub/',
  '/company/',
  '/sales/lead/',
  '/in/%2F',
  '/feed/?u=/in/',
  '\\in\\',
);

/** `<scheme><host><port><path><slug><tail>`: URLs close enough to a profile link to reach every check. */
const urlFromParts = (host: fc.Arbitrary<string>) =>
  fc
    .tuple(scheme, host, port, pathStart, slugPart, tail, fc.constantFrom('', ' ', '  \n'))
    .map(([s, h, p, path, slug, rest, pad]) => `${pad}${s}${h}${p}${path}${slug}${rest}${pad}`);

const anyUrlish = fc.oneof(
  anyText,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  urlFromParts(fc.oneof(fc.constantFrom(...GOOD_HOSTS), gotchaHost)),
);

describe('canonicalLinkedinUrl / linkedinSlugFromUrl on arbitrary input', () => {
  it(`never throw, give null or the canonical spelling, and are idempotent (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyUrlish, (input) => {
        const slug = linkedinSlugFromUrl(input);
        const canonical = canonicalLinkedinUrl(input);
        expect(slug === null).toBe(canonical === null);
        if (canonical === null) return;
        expect(canonical).toMatch(CANONICAL);
        expect(canonicalLinkedinUrl(canonical)).toBe(canonical);
        expect(linkedinSlugFromUrl(canonical)).toBe(slug);
        // The slug is lower-cased and free of separators, white space and markup.
        expect(slug).toBe(slug?.toLowerCase());
        expect(slug).not.toMatch(/[\s/\\?#<>"'`]/u);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`accept every well-formed profile link on a LinkedIn host, in one spelling (${RUNS} runs)`, () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,40}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...GOOD_HOSTS),
        fc.constantFrom('https://', 'http://', ''),
        slug,
        fc.boolean(),
        fc.constantFrom('', '/', '/overlay/contact-info/', '?trk=people', '#experience', '/details/experience/'),
        (host, s, value, upper, rest) => {
          const input = `${s}${host}/in/${upper ? value.toUpperCase() : value}${rest}`;
          expect(canonicalLinkedinUrl(input)).toBe(`https://www.linkedin.com/in/${value}/`);
          expect(linkedinSlugFromUrl(input)).toBe(value);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never accept a lookalike host, another scheme or a port (${RUNS} runs)`, () => {
    const gotcha = fc.oneof(
      urlFromParts(gotchaHost),
      fc
        .tuple(fc.constantFrom('ftp://', 'javascript://', 'file://', 'data:text/html,', 'chrome-extension://'), slugPart)
        .map(([s, slug]) => `${s}www.linkedin.com/in/${slug}/`),
      fc
        .tuple(fc.constantFrom(':8443', ':444', ':1', ':65535'), fc.stringMatching(/^[a-z0-9-]{1,20}$/))
        .map(([p, slug]) => `https://www.linkedin.com${p}/in/${slug}/`),
    );
    fc.assert(
      fc.property(gotcha, (input) => {
        expect(linkedinSlugFromUrl(input)).toBeNull();
        expect(canonicalLinkedinUrl(input)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never throw on non-string input (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withBigInt: true, withDate: true }), (input) => {
        const canonical = canonicalLinkedinUrl(input);
        expect(canonical === null || CANONICAL.test(canonical)).toBe(true);
        linkedinSlugFromUrl({ href: typeof input === 'string' ? input : String(canonical) });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

// Local parts and domains close to real addresses, with what makes them fail or pass.
const localPart = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._%+'-]{1,20}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }));
const domain = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9-]{1,15}(\.[A-Za-z0-9-]{1,10}){1,3}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((label) => `${label}.fr`),
);
const padding = fc.constantFrom('', ' ', '\t', '\n ', '\u00a0', '\ufeff');
const emailish = fc.oneof(
  anyText,
  fc.tuple(padding, localPart, fc.constantFrom('@', '@@', ' @', ''), domain, padding).map((parts) => parts.join('')),
);

/** The same address with the case of its ASCII letters flipped at random. */
const asciiCaseVariant = (value: string, flips: readonly boolean[]): string =>
  [...value]
    .map((char, index) => {
      if (!/[A-Za-z]/.test(char) || !flips[index % Math.max(flips.length, 1)]) return char;
      return char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
    })
    .join('');

describe('emailKey / isEmail on arbitrary input', () => {
  it(`never throw; a key is trimmed, lower-case, an address, and idempotent (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(emailish, (input) => {
        const valid = isEmail(input);
        const key = emailKey(input);
        expect(key !== null).toBe(valid);
        if (key === null) return;
        expect(key).toBe(key.trim());
        expect(key).toBe(key.toLowerCase());
        expect(isEmail(key)).toBe(true);
        expect(emailKey(key)).toBe(key);
        expect(key).toBe(input.trim().toLowerCase());
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`gives case variants of an address the same key (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(emailish, fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (input, flips) => {
        const variant = asciiCaseVariant(input, flips);
        expect(emailKey(variant)).toBe(emailKey(input));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never throw on non-string input (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(emailKey(input as string | null | undefined)).toBe(typeof input === 'string' ? emailKey(input) : null);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
