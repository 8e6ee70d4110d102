import { describe, expect, it } from 'vitest';
import { canonicalLinkedinUrl, isLinkedinProfileUrl, linkedinSlugFromUrl } from '../../../src/matching/linkedin-url';

describe('canonicalLinkedinUrl: every spelling of one profile gives one URL', () => {
  const canonical = 'https://www.linkedin.com/in/jeanne-dupont/';
  it.each([
    'https://www.linkedin.com/in/jeanne-dupont/',
    'https://www.linkedin.com/in/jeanne-dupont',
    'http://www.linkedin.com/in/jeanne-dupont/',
    'https://linkedin.com/in/jeanne-dupont/',
    'https://fr.linkedin.com/in/jeanne-dupont',
    'https://sg.linkedin.com/in/jeanne-dupont?originalSubdomain=sg',
    'https://uk.linkedin.com/in/jeanne-dupont/',
    'https://WWW.LinkedIn.com/in/Jeanne-Dupont/',
    'https://www.linkedin.com/in/JEANNE-DUPONT/',
    'https://www.linkedin.com/in/jeanne-dupont/overlay/contact-info/',
    'https://www.linkedin.com/in/jeanne-dupont/overlay/about-this-profile/',
    'https://www.linkedin.com/in/jeanne-dupont/details/experience/',
    'https://www.linkedin.com/in/jeanne-dupont/recent-activity/all/',
    'https://www.linkedin.com/in/jeanne-dupont/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB#experience',
    'https://www.linkedin.com/in/jeanne-dupont#top',
    'linkedin.com/in/jeanne-dupont',
    'www.linkedin.com/in/jeanne-dupont/',
    'fr.linkedin.com/in/jeanne-dupont/',
    '  https://www.linkedin.com/in/jeanne-dupont/  ',
    'https://www.linkedin.com/in/jeanne%2Ddupont/',
  ])('%s', (input) => {
    expect(canonicalLinkedinUrl(input)).toBe(canonical);
    expect(linkedinSlugFromUrl(input)).toBe('jeanne-dupont');
    expect(isLinkedinProfileUrl(input)).toBe(true);
  });

  it('accepts URL objects as well as strings', () => {
    expect(canonicalLinkedinUrl(new URL('https://www.linkedin.com/in/jeanne-dupont/overlay/contact-info/'))).toBe(canonical);
  });

  it('decodes, lower-cases and re-encodes non-ASCII slugs so that both spellings agree', () => {
    const encoded = 'https://www.linkedin.com/in/%C3%A9lodie-martin-lef%C3%A8vre/';
    expect(linkedinSlugFromUrl(encoded)).toBe('élodie-martin-lefèvre');
    expect(canonicalLinkedinUrl(encoded)).toBe(encoded);
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/Élodie-Martin-Lefèvre')).toBe(encoded);
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/%C3%89LODIE-MARTIN-LEF%C3%88VRE/')).toBe(encoded);
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/%E7%8E%8B%E4%BC%9F/')).toBe('https://www.linkedin.com/in/%E7%8E%8B%E4%BC%9F/');
  });

  it('keeps digits, underscores and the numeric suffix of generated slugs', () => {
    expect(linkedinSlugFromUrl('https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/')).toBe('sri-lalitha-jeevanige-35520a61');
    expect(linkedinSlugFromUrl('https://www.linkedin.com/in/john_doe_42')).toBe('john_doe_42');
  });
});

describe('gotchas: not a person profile, so null (never an exception)', () => {
  it.each([
    ['empty slug', 'https://www.linkedin.com/in/'],
    ['empty slug, no slash', 'https://www.linkedin.com/in'],
    ['double slash', 'https://www.linkedin.com/in//jeanne'],
    ['company page', 'https://www.linkedin.com/company/acme/'],
    ['school page', 'https://www.linkedin.com/school/audencia/'],
    ['feed', 'https://www.linkedin.com/feed/'],
    ['home', 'https://www.linkedin.com/'],
    ['Sales Navigator lead', 'https://www.linkedin.com/sales/lead/ACwAAAzkTNAB,NAME_SEARCH,kFrw'],
    ['Sales Navigator people', 'https://www.linkedin.com/sales/people/ACwAAAzkTNAB,NAME_SEARCH,kFrw'],
    ['public directory', 'https://www.linkedin.com/pub/dir/Jeanne/Dupont'],
    ['search', 'https://www.linkedin.com/search/results/people/?keywords=jeanne'],
    ['slug in the query only', 'https://www.linkedin.com/feed/?u=/in/jeanne-dupont/'],
    ['lookalike: suffix domain', 'https://linkedin.com.evil.fr/in/jeanne-dupont/'],
    ['lookalike: hyphen prefix', 'https://evil-linkedin.com/in/jeanne-dupont/'],
    ['lookalike: glued prefix', 'https://notlinkedin.com/in/jeanne-dupont/'],
    ['lookalike: deep subdomain', 'https://www.evil.linkedin.com.example/in/jeanne-dupont/'],
    ['lookalike: long subdomain', 'https://mail.linkedin.com/in/jeanne-dupont/'],
    ['lookalike: other TLD', 'https://www.linkedin.fr/in/jeanne-dupont/'],
    ['bare lookalike', 'linkedin.com.evil.fr/in/jeanne-dupont'],
    ['non-default port', 'https://www.linkedin.com:8443/in/jeanne-dupont/'],
    ['javascript: URL', 'javascript:alert(1)//https://www.linkedin.com/in/jeanne-dupont/'],
    ['javascript: with host-like text', 'javascript://www.linkedin.com/in/jeanne-dupont/%0aalert(1)'],
    ['data: URL', 'data:text/html,https://www.linkedin.com/in/jeanne-dupont/'],
    ['ftp', 'ftp://www.linkedin.com/in/jeanne-dupont/'],
    ['invalid percent-encoding', 'https://www.linkedin.com/in/jeanne%E0%A4%A/'],
    ['truncated escape', 'https://www.linkedin.com/in/jeanne%/'],
    ['encoded slash', 'https://www.linkedin.com/in/jeanne%2Fdupont/'],
    ['encoded space', 'https://www.linkedin.com/in/jeanne%20dupont/'],
    ['encoded markup', 'https://www.linkedin.com/in/%3Cscript%3E/'],
    ['relative path', '/in/jeanne-dupont/'],
    ['plain words', 'Jeanne Dupont'],
    ['empty string', ''],
  ])('%s: %s', (_label, input) => {
    expect(linkedinSlugFromUrl(input)).toBeNull();
    expect(canonicalLinkedinUrl(input)).toBeNull();
    expect(isLinkedinProfileUrl(input)).toBe(false);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { path: '/in/jeanne' }],
    ['an array', ['https://www.linkedin.com/in/jeanne-dupont/']],
    ['an object with a non-string href', { href: 12 }],
  ])('non-string garbage (%s)', (_label, input) => {
    // The type says string | URL; callers at runtime (messages, storage) may still hand anything.
    expect(linkedinSlugFromUrl(input as unknown as string)).toBeNull();
    expect(canonicalLinkedinUrl(input as unknown as string)).toBeNull();
    expect(isLinkedinProfileUrl(input as unknown as string)).toBe(false);
  });
});
