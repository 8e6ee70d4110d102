// @vitest-environment happy-dom
/**
 * The webmail adapters (Outlook, Roundcube, Yahoo, Proton, Zimbra, generic fallback) against the
 * project's own fixtures (tests/fixtures/<site>/, written for these tests) and, for Outlook and
 * Roundcube, the shared real-markup corpus (../shared/fixtures, skipped when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type PageContact, pageContactSchema } from '../../../src/model/page-contact';
import type { SiteAdapter } from '../../../src/sites/adapter';
import { addressIn, displayName, genericWebmailAdapter, nameBeforeAddress } from '../../../src/sites/generic-webmail';
import { outlookAdapter } from '../../../src/sites/outlook';
import { protonAdapter } from '../../../src/sites/proton';
import { roundcubeAdapter } from '../../../src/sites/roundcube';
import { yahooAdapter } from '../../../src/sites/yahoo';
import { zimbraAdapter } from '../../../src/sites/zimbra';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures');
// tests/unit/sites -> project root -> its sibling folder "shared" (as in shared-corpus.test.ts).
const CORPUS = path.resolve(here, '../../../../shared/fixtures');

interface Fixture {
  name: string;
  url: string;
  html: string;
  contact: Record<string, unknown> | null;
  confidence?: Record<string, string>;
  confirmsIdentity?: boolean;
}

function loadFixtures(folder: string): Fixture[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json') && existsSync(path.join(folder, file.replace(/\.json$/, '.html'))))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const json = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Omit<Fixture, 'name' | 'html'>;
      return { ...json, name, html: readFileSync(path.join(folder, `${name}.html`), 'utf8') };
    });
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const collapse = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);

/** The contact without its confidence map, strings whitespace-collapsed: what the fixtures list. */
function comparable(contact: PageContact | null): Record<string, unknown> | null {
  if (contact === null) return null;
  const { confidence: _confidence, ...fields } = contact;
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, collapse(value)]));
}

/** Runs the adapter as a content script would: URL predicate first, and checks it never writes into the page. */
function run(adapter: SiteAdapter, fixture: Fixture): { contact: PageContact | null; doc: Document; url: URL } {
  const url = new URL(fixture.url);
  const doc = parse(fixture.html);
  const before = doc.documentElement.outerHTML;
  const contact = adapter.matches(url) ? adapter.extract(url, doc) : null;
  expect(doc.documentElement.outerHTML).toBe(before);
  if (contact) expect(pageContactSchema.safeParse(contact).success).toBe(true);
  return { contact, doc, url };
}

/** One describe block's worth of checks over the project's fixtures of one site. */
function ownFixtures(adapter: SiteAdapter, folder: string, expectedNames: string[]): void {
  const fixtures = loadFixtures(path.join(FIXTURES, folder));

  it('has the fixtures it is meant to', () => {
    expect(fixtures.map((fixture) => fixture.name)).toEqual(expect.arrayContaining(expectedNames));
  });

  describe.each(fixtures)(`tests/fixtures/${folder}/$name`, (fixture) => {
    it('extracts exactly the expected contact', () => {
      const { contact } = run(adapter, fixture);
      expect(comparable(contact)).toEqual(fixture.contact === null ? null : comparable(fixture.contact as PageContact));
      if (fixture.confidence) expect(contact?.confidence).toMatchObject(fixture.confidence);
    });

    if (fixture.contact === null) {
      it('extract returns null even when called without the URL predicate', () => {
        expect(adapter.extract(new URL(fixture.url), parse(fixture.html))).toBeNull();
      });
    }

    if (fixture.confirmsIdentity !== undefined) {
      it(`confirmsIdentity is ${fixture.confirmsIdentity}`, () => {
        const { doc, url } = run(adapter, fixture);
        expect(adapter.confirmsIdentity(url, doc)).toBe(fixture.confirmsIdentity);
      });
    }
  });
}

interface Tally {
  identity: { ok: number; total: number };
  other: { ok: number; total: number };
  misses: string[];
}

/** The shared corpus of one site: every expected field must match (identity and others alike). */
function sharedCorpus(adapter: SiteAdapter, site: string): void {
  const corpus = loadFixtures(path.join(CORPUS, site));
  const tally: Tally = { identity: { ok: 0, total: 0 }, other: { ok: 0, total: 0 }, misses: [] };

  describe.skipIf(!existsSync(CORPUS))(`shared corpus ${site}/ (real and reconstructed markup)`, () => {
    afterAll(() => {
      const rate = (bucket: { ok: number; total: number }) => `${bucket.ok}/${bucket.total}`;
      console.log(`${site}: ${corpus.length} shared fixtures, identity ${rate(tally.identity)}, other fields ${rate(tally.other)}`);
      for (const miss of tally.misses) console.log(`  miss ${miss}`);
    });

    it('has shared fixtures to measure', () => {
      expect(corpus.length).toBeGreaterThan(0);
    });

    describe.each(corpus)('$name', (fixture) => {
      it('matches every expected field', () => {
        const { contact } = run(adapter, fixture);
        for (const [field, expected] of Object.entries(fixture.contact ?? {})) {
          const got = collapse(contact?.[field as keyof PageContact]);
          const bucket = field === 'email' ? tally.identity : tally.other;
          bucket.total += 1;
          if (got === collapse(expected)) bucket.ok += 1;
          else tally.misses.push(`${fixture.name}.${field}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
          expect({ field, value: got }).toEqual({ field, value: collapse(expected) });
        }
      });
    });
  });
}

function urlPredicate(adapter: SiteAdapter, accepted: string[], rejected: string[]): void {
  it.each(accepted)('matches %s', (url) => expect(adapter.matches(new URL(url))).toBe(true));
  it.each(rejected)('does not match %s', (url) => expect(adapter.matches(new URL(url))).toBe(false));
}

describe('address helpers (generic-webmail.ts)', () => {
  it('finds the address in "Name<address>", "Name <address>", labels and mailto-like strings', () => {
    expect(addressIn('Claire Martin<claire@vignobles.fr>')).toBe('claire@vignobles.fr');
    expect(addressIn('Von: j.weiss@weiss.de')).toBe('j.weiss@weiss.de');
    expect(addressIn('jane@acme.fr?subject=Hello')).toBe('jane@acme.fr');
    expect(addressIn('write to jane@acme.fr.')).toBe('jane@acme.fr');
    expect(addressIn('no address here')).toBeUndefined();
  });

  it('reads the name before the address, without a localised label or quotes', () => {
    expect(nameBeforeAddress('Claire Martin<claire@vignobles.fr>')).toBe('Claire Martin');
    expect(nameBeforeAddress('À : "Dupont, Jeanne" <jeanne@acme.fr>')).toBe('Dupont, Jeanne');
    expect(nameBeforeAddress('Hélène Moreau <h@m.fr>. Press the Enter key to open the contact card.')).toBe('Hélène Moreau');
    expect(nameBeforeAddress('claire@vignobles.fr')).toBeUndefined();
  });

  it('never takes an address for a name', () => {
    expect(displayName('sender@example.com')).toBeUndefined();
    expect(displayName(' "Jeanne Dupont" ')).toBe('Jeanne Dupont');
  });
});

describe('outlookAdapter', () => {
  ownFixtures(outlookAdapter, 'outlook', ['new-owa-title-attribute', 'new-owa-german-ui', 'owa-2016-autoid', 'list-view-no-message']);
  sharedCorpus(outlookAdapter, 'outlook');
  urlPredicate(
    outlookAdapter,
    [
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2',
      'https://outlook.office365.com/mail/',
      'https://outlook.live.com/mail/0/inbox',
      'https://outlook.cloud.microsoft/mail/inbox',
      'https://outlook.office365.com/owa/?realm=acme.fr#path=/mail',
    ],
    [
      'http://outlook.office.com/mail/',
      'https://outlook.office.com.evil.net/mail/',
      'https://evil-outlook.live.com/mail/',
      'https://outlook.live.com.attacker.example/mail/0/',
      'https://notoutlook.office.com/mail/',
      'https://evil.net/outlook.office.com/mail/',
      'https://mail.google.com/mail/u/0/',
    ],
  );
});

describe('roundcubeAdapter', () => {
  ownFixtures(roundcubeAdapter, 'roundcube', [
    'elastic-full-view',
    'elastic-preview-frame',
    'larry-full-view',
    'larry-preview-frame',
    'elastic-message-list',
    'not-roundcube-same-query',
    'hostile-name-subject',
  ]);
  sharedCorpus(roundcubeAdapter, 'roundcube');
  urlPredicate(
    roundcubeAdapter,
    [
      'https://webmail.acme.fr/?_task=mail&_mbox=INBOX&_uid=12&_action=show',
      'https://acme.fr/roundcube/?_task=mail&_action=preview&_uid=3&_mbox=INBOX&_framed=1',
      'http://mail.intranet.local/?_task=mail&_action=show&_uid=9',
      'https://webmail.acme.fr/?_uid=12&_mbox=Sent',
    ],
    [
      'https://webmail.acme.fr/?_task=mail&_mbox=INBOX',
      'https://webmail.acme.fr/?_task=mail&_action=compose',
      'https://webmail.acme.fr/?_task=addressbook&_action=show',
      'ftp://webmail.acme.fr/?_task=mail&_action=show&_uid=1',
    ],
  );

  it('is the Roundcube adapter, but files its contacts under the generic "webmail" site as the shared corpus does', () => {
    expect(roundcubeAdapter.site).toBe('roundcube');
  });

  it('needs Roundcube markup even when the URL looks right', () => {
    const url = new URL('https://webmail.acme.fr/?_task=mail&_action=show&_uid=4');
    expect(roundcubeAdapter.extract(url, parse('<main><a href="mailto:a@b.fr">A</a></main>'))).toBeNull();
  });
});

describe('yahooAdapter', () => {
  ownFixtures(yahooAdapter, 'yahoo', ['conversation-open', 'inbox-no-message']);
  urlPredicate(
    yahooAdapter,
    ['https://mail.yahoo.com/d/folders/1/messages/AH3kZ9', 'https://fr.mail.yahoo.com/d/folders/1'],
    [
      'http://mail.yahoo.com/d/folders/1',
      'https://mail.yahoo.com.evil.net/d/',
      'https://evilmail.yahoo.com/d/',
      'https://www.yahoo.com/mail/',
    ],
  );
});

describe('protonAdapter', () => {
  ownFixtures(protonAdapter, 'proton', ['conversation-open', 'inbox-no-message']);
  urlPredicate(
    protonAdapter,
    ['https://mail.proton.me/u/0/inbox/Xq9w==', 'https://mail.proton.me/u/3/all-mail'],
    [
      'http://mail.proton.me/u/0/inbox',
      'https://mail.proton.me.evil.net/u/0/inbox',
      'https://evil-mail.proton.me/u/0/',
      'https://proton.me/mail',
    ],
  );

  it('reads no conversation id from a folder URL', () => {
    const fixture = loadFixtures(path.join(FIXTURES, 'proton')).find((candidate) => candidate.name === 'conversation-open');
    if (!fixture) throw new Error('missing proton/conversation-open');
    expect(protonAdapter.extract(new URL('https://mail.proton.me/u/0/inbox'), parse(fixture.html))).toBeNull();
  });
});

describe('zimbraAdapter', () => {
  ownFixtures(zimbraAdapter, 'zimbra', ['classic-message-view', 'modern-ui-message', 'classic-inbox-no-message']);
  urlPredicate(
    zimbraAdapter,
    ['https://mail.cabinet-roussel.fr/#1', 'https://zimbra.acme.fr/modern/email/Inbox'],
    ['http://mail.acme.fr/'],
  );

  it('reads nothing from a page that is not Zimbra', () => {
    const fixture = loadFixtures(path.join(FIXTURES, 'webmail')).find((candidate) => candidate.name === 'mailto-link');
    if (!fixture) throw new Error('missing webmail/mailto-link');
    expect(zimbraAdapter.extract(new URL(fixture.url), parse(fixture.html))).toBeNull();
  });
});

describe('genericWebmailAdapter', () => {
  ownFixtures(genericWebmailAdapter, 'webmail', ['mailto-link', 'plain-address-text', 'nothing-found']);
  urlPredicate(genericWebmailAdapter, ['https://courriel.acme.fr/lecture'], ['http://courriel.acme.fr/lecture', 'file:///tmp/mail.html']);
});
