// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PageContact, pageContactSchema } from '../../../src/model/page-contact';
import { cleanText, firstText, jsonLdNodes, metaContent, textOf } from '../../../src/sites/dom-text';
import { linkedinAdapter, nameFromLinkedinTitle, SELECTORS } from '../../../src/sites/linkedin';
import { ADAPTERS, recognize } from '../../../src/sites/registry';
import { salesNavAdapter } from '../../../src/sites/salesnav';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/linkedin');

interface Fixture {
  name: string;
  url: string;
  html: string;
  contact: Record<string, string>;
  absent?: string[];
  confidence?: Record<string, string>;
  confirmsIdentity?: boolean;
}

function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const json = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Omit<Fixture, 'name' | 'html'>;
      return { ...json, name, html: readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8') };
    });
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const collapse = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);
const fixture = (name: string): Fixture => {
  const found = loadFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};
const extract = (url: string, html: string): PageContact | null => linkedinAdapter.extract(new URL(url), parse(html));

describe('project fixtures (tests/fixtures/linkedin)', () => {
  const fixtures = loadFixtures();

  it('covers the UI generations and traps it is meant to', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        '2018-pv-top-card',
        '2022-text-heading-xlarge',
        '2024-hashed-classes',
        '2025-sdui-no-h1',
        'french-ui-entreprise-actuelle',
        'guest-top-card-layout-jsonld',
        'counter-in-title',
        'doubled-visually-hidden',
        'hostile-name',
      ]),
    );
  });

  describe.each(fixtures)('$name', (f) => {
    it('is read by the LinkedIn adapter through recognize()', () => {
      expect(linkedinAdapter.matches(new URL(f.url))).toBe(true);
      const contact = recognize(f.url, parse(f.html));
      expect(contact).not.toBeNull();
      for (const [field, expected] of Object.entries(f.contact)) {
        expect({ field, value: collapse(contact?.[field as keyof PageContact]) }).toEqual({ field, value: collapse(expected) });
      }
      for (const field of f.absent ?? []) expect(contact).not.toHaveProperty(field);
      for (const [field, expected] of Object.entries(f.confidence ?? {})) {
        expect({ field, confidence: contact?.confidence?.[field] }).toEqual({ field, confidence: expected });
      }
    });

    it('returns a contact the message schema accepts, with a confidence for each field', () => {
      const contact = recognize(f.url, parse(f.html));
      expect(pageContactSchema.safeParse(contact).success).toBe(true);
      const fields = Object.keys(contact ?? {}).filter((key) => !['site', 'kind', 'confidence'].includes(key));
      expect(Object.keys(contact?.confidence ?? {}).sort()).toEqual(fields.sort());
    });

    it('confirms the identity of its own URL', () => {
      expect(linkedinAdapter.confirmsIdentity(new URL(f.url), parse(f.html))).toBe(f.confirmsIdentity ?? true);
    });
  });
});

describe('nameFromLinkedinTitle', () => {
  it.each([
    ['Jeanne Dupont | LinkedIn', 'Jeanne Dupont'],
    ['(3) Jeanne Dupont | LinkedIn', 'Jeanne Dupont'],
    ['(12) Jeanne Dupont | LinkedIn', 'Jeanne Dupont'],
    ['(99+) Jeanne Dupont | LinkedIn', 'Jeanne Dupont'],
    ['(1) Experience | Jeanne Dupont | LinkedIn', 'Jeanne Dupont'],
    ['Thomas Girard - Ingénieur avant-vente - Dassault Systèmes | LinkedIn', 'Thomas Girard'],
    ['Anne-Sophie Roux – Directrice | LinkedIn', 'Anne-Sophie Roux'],
    ['\u200eJeanne\u00a0 Dupont\u200f | LinkedIn', 'Jeanne Dupont'],
    ['Jeanne <img src=x onerror=alert(1)> | LinkedIn', 'Jeanne <img src=x onerror=alert(1)>'],
  ])('%s → %s', (title, name) => {
    expect(nameFromLinkedinTitle(title)).toBe(name);
  });

  it.each([['LinkedIn'], [''], ['(3) LinkedIn'], [' | LinkedIn'], ['Jeanne Dupont'], ['Jeanne Dupont | Gmail']])(
    'no name in %j',
    (title) => {
      expect(nameFromLinkedinTitle(title)).toBeUndefined();
    },
  );
});

describe('linkedinAdapter.extract edge cases', () => {
  const url = 'https://www.linkedin.com/in/paul-martin/';

  it('keeps every selector list in the SELECTORS const, old and new generations together', () => {
    expect(SELECTORS.name).toEqual(expect.arrayContaining(['h1.text-heading-xlarge', 'h1#name']));
    expect(SELECTORS.topCard).toEqual(expect.arrayContaining(['section[data-member-id]', 'section.top-card-layout']));
    expect(SELECTORS.currentCompanyLabelled).toEqual(
      expect.arrayContaining(['[aria-label^="Current company"]', '[aria-label^="Entreprise actuelle"]']),
    );
  });

  it('matches profile URLs only', () => {
    for (const other of ['https://www.linkedin.com/company/acme/', 'https://www.linkedin.com/feed/', 'https://evil-linkedin.com/in/x/']) {
      expect(linkedinAdapter.matches(new URL(other))).toBe(false);
      expect(linkedinAdapter.extract(new URL(other), parse('<title>Acme | LinkedIn</title>'))).toBeNull();
    }
  });

  it('returns null while no name can be found (page still loading)', () => {
    expect(extract(url, '<html><head><title>LinkedIn</title></head><body><main></main></body></html>')).toBeNull();
    expect(extract(url, '')).toBeNull();
  });

  it('falls back to JSON-LD, then og:title, then profile:first/last_name for the name', () => {
    const jsonLd = `<script type="application/ld+json">{"@type":"Person","name":"Paul Martin","url":"https://fr.linkedin.com/in/paul-martin"}</script>`;
    expect(extract(url, `<head>${jsonLd}</head>`)).toMatchObject({ fullName: 'Paul Martin', confidence: { fullName: 'data' } });
    expect(extract(url, '<head><meta property="og:title" content="Paul Martin - CEO | LinkedIn"></head>')).toMatchObject({
      fullName: 'Paul Martin',
    });
    expect(
      extract(url, '<head><meta property="profile:first_name" content="Paul"><meta property="profile:last_name" content="Martin"></head>'),
    ).toMatchObject({ fullName: 'Paul Martin', confidence: { fullName: 'data' } });
  });

  it('reads the company from the aria-label alone when the button has no visible text', () => {
    const page = (label: string) =>
      `<title>Paul Martin | LinkedIn</title><section class="artdeco-card" data-member-id="1"><ul class="pv-text-details__right-panel"><li><button aria-label="${label}"><img alt=""></button></li></ul></section>`;
    expect(extract(url, page('Current company: Acme Corp. Click to skip to experience card'))?.company).toBe('Acme Corp');
    expect(extract(url, page('Entreprise actuelle : Société Générale. Cliquez pour passer à la carte Expérience'))?.company).toBe(
      'Société Générale',
    );
    expect(extract(url, page('Current company: Bounced Inc.. Click to skip to experience card'))?.company).toBe('Bounced Inc.');
  });

  it('guesses company and job title from "Title at/chez/@ Company" only when no company is shown', () => {
    const page = (headline: string, panel = '') =>
      `<title>Paul Martin | LinkedIn</title><section class="artdeco-card" data-member-id="1"><div class="text-body-medium break-words">${headline}</div>${panel}</section>`;
    for (const headline of ['Acheteur chez Bricomarché', 'Acheteur at Bricomarché | Retail', 'Acheteur @ Bricomarché']) {
      expect(extract(url, page(headline))).toMatchObject({
        company: 'Bricomarché',
        jobTitle: 'Acheteur',
        confidence: { company: 'guess', jobTitle: 'guess' },
      });
    }
    const otherCompany = extract(
      url,
      page(
        'Advisor at Foo',
        '<ul class="pv-text-details__right-panel"><li><button aria-label="Current company: Bar. Click">Bar</button></li></ul>',
      ),
    );
    expect(otherCompany).toMatchObject({ company: 'Bar', confidence: { company: 'markup' } });
    expect(otherCompany).not.toHaveProperty('jobTitle');
  });

  it('does not read company or location from outside the top card when the page has one', () => {
    const html = `<title>Paul Martin | LinkedIn</title>
      <section class="artdeco-card" data-member-id="1"><h1 class="text-heading-xlarge">Paul Martin</h1></section>
      <aside><a href="https://www.linkedin.com/company/ad-sponsor/">Ad Sponsor</a><span class="locality">Elsewhere</span></aside>`;
    const contact = extract(url, html);
    expect(contact).not.toHaveProperty('company');
    expect(contact).not.toHaveProperty('location');
  });

  it('never writes into the document', () => {
    const f = fixture('2024-hashed-classes');
    const doc = parse(f.html);
    const before = doc.documentElement.outerHTML;
    linkedinAdapter.extract(new URL(f.url), doc);
    linkedinAdapter.confirmsIdentity(new URL(f.url), doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('linkedinAdapter.confirmsIdentity', () => {
  it('is false when the page still shows person A under person B’s URL (SPA navigation)', () => {
    const sophie = fixture('2024-hashed-classes');
    const marcUrl = new URL('https://www.linkedin.com/in/marc-leroy/');
    const doc = parse(sophie.html);
    expect(linkedinAdapter.confirmsIdentity(marcUrl, doc)).toBe(false);
    // extract alone would happily pair Sophie's name with Marc's URL: that is why callers check.
    expect(linkedinAdapter.extract(marcUrl, doc)).toMatchObject({ fullName: 'Sophie Bernard', linkedinUrl: marcUrl.href });
  });

  it('compares slugs case-insensitively after decoding', () => {
    const elodie = fixture('2025-sdui-no-h1');
    const doc = parse(elodie.html);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/%C3%A9lodie-martin-lef%C3%A8vre-7b3/'), doc)).toBe(true);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://fr.linkedin.com/in/%C3%89LODIE-MARTIN-LEF%C3%88VRE-7B3'), doc)).toBe(true);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/elodie-martin-lefevre-7b3/'), doc)).toBe(false);
  });

  it('uses canonical / og:url / JSON-LD on guest pages', () => {
    const guest = fixture('guest-top-card-layout-jsonld');
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/thomas-girard-93/'), parse(guest.html))).toBe(true);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/thomas-girard-94/'), parse(guest.html))).toBe(false);
    const jsonLdOnly = '<script type="application/ld+json">{"@type":"Person","url":"https://sg.linkedin.com/in/ana-lima"}</script>';
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/ana-lima/'), parse(jsonLdOnly))).toBe(true);
    const ogOnly = '<meta property="og:url" content="https://sg.linkedin.com/in/ana-lima">';
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/ana-lima/'), parse(ogOnly))).toBe(true);
  });

  it('trusts the re-rendered top card over a canonical link left by the first page load', () => {
    const html = `<head><link rel="canonical" href="https://www.linkedin.com/in/first-loaded/"></head>
      <section data-member-id="1"><a href="/in/now-shown/overlay/contact-info/">Contact info</a></section>`;
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/now-shown/'), parse(html))).toBe(true);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/first-loaded/'), parse(html))).toBe(false);
  });

  it('falls back to a data island publicIdentifier', () => {
    const html = '<code style="display:none">{"data":{"publicIdentifier":"ana-lima","firstName":"Ana"}}</code>';
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/Ana-Lima/'), parse(html))).toBe(true);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/bob/'), parse(html))).toBe(false);
  });

  it('is false without any evidence, and for non-profile URLs', () => {
    const html = '<title>Ana Lima | LinkedIn</title><h1 class="text-heading-xlarge">Ana Lima</h1>';
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/in/ana-lima/'), parse(html))).toBe(false);
    expect(linkedinAdapter.confirmsIdentity(new URL('https://www.linkedin.com/feed/'), parse(html))).toBe(false);
  });
});

describe('recognize()', () => {
  it('registers the LinkedIn and Sales Navigator adapters', () => {
    expect(ADAPTERS).toContain(linkedinAdapter);
    expect(ADAPTERS).toContain(salesNavAdapter);
  });

  it('returns null for invalid URLs and for sites without an adapter', () => {
    const doc = parse('<title>Ana Lima | LinkedIn</title>');
    expect(recognize('not a url', doc)).toBeNull();
    expect(recognize('', doc)).toBeNull();
    expect(recognize('https://example.com/in/ana-lima/', doc)).toBeNull();
  });
});

describe('Sales Navigator adapter', () => {
  const lead2021 = `<html><body><main>
    <section class="_header_sqh8tm"><h1 class="_headingText_e3b563" data-x--lead--name data-anonymize="person-name">
      Inès Fabre
    </h1>
    <div data-anonymize="headline">Responsable achats IT chez Groupe Vauban</div>
    <div class="_bodyText_1e5nen"><span data-anonymize="job-title">Responsable achats IT</span>
      <a data-anonymize="company-name" href="/sales/company/1234567">Groupe Vauban</a></div>
    <div data-anonymize="location">Marseille, Provence-Alpes-Côte d’Azur, France</div>
    <a href="/sales/search/people/list/shared-connections/ACwAABCdEf123,NAME_SEARCH,xY1z">3 shared connections</a>
    </section></main></body></html>`;
  const leadUrl = 'https://www.linkedin.com/sales/lead/ACwAABCdEf123,NAME_SEARCH,xY1z?_ntb=abc';

  it('matches /sales/lead/<id>,… and /sales/people/<id>,… only', () => {
    expect(salesNavAdapter.matches(new URL(leadUrl))).toBe(true);
    expect(salesNavAdapter.matches(new URL('https://www.linkedin.com/sales/people/ACwAABCdEf123,NAME_SEARCH,xY1z'))).toBe(true);
    for (const other of [
      'https://www.linkedin.com/sales/lead/',
      'https://www.linkedin.com/sales/home',
      'https://www.linkedin.com/in/ines-fabre/',
      'https://linkedin.com.evil.fr/sales/lead/ACwAABCdEf123,NAME_SEARCH,xY1z',
    ]) {
      expect(salesNavAdapter.matches(new URL(other))).toBe(false);
    }
  });

  it('reads the data-anonymize hooks; no linkedinUrl without the data island', () => {
    const contact = recognize(leadUrl, parse(lead2021));
    expect(contact).toEqual({
      site: 'linkedin',
      kind: 'person',
      salesNavId: 'ACwAABCdEf123',
      fullName: 'Inès Fabre',
      headline: 'Responsable achats IT chez Groupe Vauban',
      jobTitle: 'Responsable achats IT',
      company: 'Groupe Vauban',
      location: 'Marseille, Provence-Alpes-Côte d’Azur, France',
      confidence: { salesNavId: 'url', fullName: 'markup', headline: 'markup', jobTitle: 'markup', company: 'markup', location: 'markup' },
    });
    expect(pageContactSchema.safeParse(contact).success).toBe(true);
    expect(salesNavAdapter.confirmsIdentity(new URL(leadUrl), parse(lead2021))).toBe(true);
    expect(
      salesNavAdapter.confirmsIdentity(new URL('https://www.linkedin.com/sales/lead/ACwAAOther9,NAME_SEARCH,q'), parse(lead2021)),
    ).toBe(false);
  });

  it('links the lead to its profile through the data island, which also fills missing fields', () => {
    const island = `<code id="bpr-guid-42" style="display:none">{"entityUrn":"urn:li:fs_salesProfile:(ACwAABCdEf123,NAME_SEARCH,xY1z)","fullName":"Inès Fabre","headline":"Acheteuse","location":"Marseille","defaultPosition":{"title":"Acheteuse","companyName":"Groupe Vauban"},"flagshipProfileUrl":"https://www.linkedin.com/in/In%C3%A8s-Fabre-42"}</code>
      <code id="bpr-guid-43" style="display:none">{"entityUrn":"urn:li:fs_salesProfile:(ACwAAOther9,NAME_SEARCH,q)","fullName":"Someone Else","flagshipProfileUrl":"https://www.linkedin.com/in/someone-else"}</code>
      <code id="bpr-guid-44">{ broken json "flagshipProfileUrl"</code>`;
    const contact = recognize(leadUrl, parse(`<body>${island}</body>`));
    expect(contact).toMatchObject({
      fullName: 'Inès Fabre',
      jobTitle: 'Acheteuse',
      company: 'Groupe Vauban',
      location: 'Marseille',
      linkedinUrl: 'https://www.linkedin.com/in/in%C3%A8s-fabre-42/',
      confidence: { fullName: 'data', linkedinUrl: 'data' },
    });
    expect(salesNavAdapter.confirmsIdentity(new URL(leadUrl), parse(`<body>${island}</body>`))).toBe(true);
  });

  it('returns null when the lead is not rendered yet', () => {
    expect(recognize(leadUrl, parse('<body><main></main></body>'))).toBeNull();
  });
});

describe('dom-text helpers', () => {
  it('cleanText collapses white space, drops invisible characters, keeps emoji joiners', () => {
    expect(cleanText('  Jeanne\u00a0\n\t Dupont  ')).toBe('Jeanne Dupont');
    expect(cleanText('\u200bJe\u2060anne\ufeff \u202aDupont\u202c\u200e\u2066x\u2069')).toBe('Jeanne Dupontx');
    expect(cleanText('dev 🧑🏼‍💻')).toBe('dev 🧑🏼‍💻');
    expect(cleanText('   ')).toBeUndefined();
    expect(cleanText('\u200b')).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
  });

  it('textOf folds the aria-hidden / visually-hidden pair into one copy', () => {
    const doc = parse(`
      <div id="pair"><span aria-hidden="true">Account Executive</span><span class="visually-hidden">Account Executive</span></div>
      <div id="label"><span class="visually-hidden">Company Name</span><span>Acme</span></div>
      <div id="lone"><span class="visually-hidden">Only for readers</span><li-icon aria-hidden="true"></li-icon></div>
      <div id="differs"><span class="visually-hidden">1st degree connection</span><span aria-hidden="true">1st</span></div>
      <div id="script">Name<script>var x = 1;</script><br>Next</div>`);
    expect(textOf(doc.getElementById('pair'))).toBe('Account Executive');
    expect(textOf(doc.getElementById('label'))).toBe('Company NameAcme');
    expect(textOf(doc.getElementById('lone'))).toBe('Only for readers');
    expect(textOf(doc.getElementById('differs'))).toBe('1st degree connection1st');
    expect(textOf(doc.getElementById('script'))).toBe('Name Next');
    expect(textOf(null)).toBeUndefined();
  });

  it('firstText tries selectors in order, skips empty matches and unsupported selectors', () => {
    const doc = parse('<h1 class="new"> </h1><h1 class="old">Old name</h1><p class="older">Older</p>');
    expect(firstText(doc, ['h1.new', 'h1.old', 'p.older'])).toBe('Old name');
    expect(firstText(doc, ['[broken', 'p.older'])).toBe('Older');
    expect(firstText(doc, ['h2'])).toBeUndefined();
  });

  it('metaContent reads name= and property= metas', () => {
    const doc = parse(
      '<head><meta property="og:url" content=" https://x "><meta name="pageKey" content="public_profile_v3_desktop"></head>',
    );
    expect(metaContent(doc, 'og:url')).toBe('https://x');
    expect(metaContent(doc, 'pageKey')).toBe('public_profile_v3_desktop');
    expect(metaContent(doc, 'og:title')).toBeUndefined();
  });

  it('jsonLdNodes flattens @graph and arrays and skips broken scripts', () => {
    const doc = parse(`<head>
      <script type="application/ld+json">{"@graph":[{"@type":"Person","name":"A"},{"@type":"WebPage"}]}</script>
      <script type="application/ld+json">[{"@type":"Organization"}, 3, null]</script>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json"></script>
      <script>{"@type":"NotJsonLd"}</script></head>`);
    expect(jsonLdNodes(doc).map((node) => node['@type'])).toEqual(['Person', 'WebPage', 'Organization']);
  });
});
