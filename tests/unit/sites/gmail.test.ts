// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type PageContact, pageContactSchema } from '../../../src/model/page-contact';
import { GMAIL_SELECTORS, gmailAdapter, threadTokenOf, userAddresses } from '../../../src/sites/gmail';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/gmail');
// Same resolution as shared-corpus.test.ts: tests/unit/sites -> project root -> its sibling folder "shared".
const SHARED = path.resolve(here, '../../../../shared/fixtures/gmail');

interface Fixture {
  name: string;
  url: string;
  html: string;
  contact: Record<string, unknown> | null;
  confidence?: Record<string, string>;
  confirmsIdentity?: boolean;
}

function loadFixtures(folder: string): Fixture[] {
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
const extract = (url: string, html: string): PageContact | null => gmailAdapter.extract(new URL(url), parse(html));
const fixture = (name: string): Fixture => {
  const found = loadFixtures(FIXTURES).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};

/** A minimal open thread: one message per [sender, recipients] pair, inside [role=main]. */
function thread(messages: [string, string[]][], head = ''): string {
  const person = (cls: string, spec: string) => {
    const [email, name] = spec.split('|');
    return `<span class="${cls}" email="${email}"${name === undefined ? '' : ` name="${name}"`}>${name ?? email}</span>`;
  };
  const items = messages
    .map(
      ([from, to]) =>
        `<div class="h7" role="listitem"><div class="adn ads"><h3 class="iw">${person('gD', from)}</h3><span class="hb">${to.map((spec) => person('g2', spec)).join(', ')}</span></div></div>`,
    )
    .join('');
  return `<html><head>${head}</head><body><div role="main"><div role="list">${items}</div></div></body></html>`;
}

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt';

describe('project fixtures (tests/fixtures/gmail)', () => {
  const fixtures = loadFixtures(FIXTURES);

  it('covers the UI generations and traps it is meant to', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        '2016-classic-thread-fr',
        '2019-collapsed-messages-en',
        '2025-wrapped-name-en-gb',
        'user-wrote-last-fr',
        'user-wrote-all-en',
        'inbox-list-fr',
        'localised-moi-sender-fr',
        'hostile-subject-and-name',
      ]),
    );
  });

  describe.each(fixtures)('$name', (f) => {
    it('is read by the Gmail adapter as expected', () => {
      expect(gmailAdapter.matches(new URL(f.url))).toBe(true);
      const contact = extract(f.url, f.html);
      if (f.contact === null) {
        expect(contact).toBeNull();
        return;
      }
      expect(contact).not.toBeNull();
      for (const [field, expected] of Object.entries(f.contact)) {
        const got = contact?.[field as keyof PageContact];
        if (Array.isArray(expected)) expect({ field, value: got }).toEqual({ field, value: expected });
        else expect({ field, value: collapse(got) }).toEqual({ field, value: collapse(expected) });
      }
      for (const [field, expected] of Object.entries(f.confidence ?? {})) {
        expect({ field, confidence: contact?.confidence?.[field] }).toEqual({ field, confidence: expected });
      }
    });

    it('returns a contact the message schema accepts, with a confidence for each field', () => {
      const contact = extract(f.url, f.html);
      if (f.contact === null) return;
      expect(pageContactSchema.safeParse(contact).success).toBe(true);
      const fields = Object.keys(contact ?? {}).filter((key) => !['site', 'kind', 'confidence'].includes(key));
      expect(Object.keys(contact?.confidence ?? {}).sort()).toEqual(fields.sort());
    });

    it('confirms the identity of its own URL (when a thread is open)', () => {
      expect(gmailAdapter.confirmsIdentity(new URL(f.url), parse(f.html))).toBe(f.confirmsIdentity ?? true);
    });

    it('never writes into the document', () => {
      const doc = parse(f.html);
      const before = doc.documentElement.outerHTML;
      gmailAdapter.extract(new URL(f.url), doc);
      gmailAdapter.confirmsIdentity(new URL(f.url), doc);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });
});

describe.skipIf(!existsSync(SHARED))('shared real-markup corpus, Gmail (../shared/fixtures/gmail)', () => {
  const corpus = existsSync(SHARED) ? loadFixtures(SHARED) : [];
  const tally = { identity: { ok: 0, total: 0 }, other: { ok: 0, total: 0 }, misses: [] as string[] };

  afterAll(() => {
    const rate = (t: { ok: number; total: number }) => `${t.ok}/${t.total}`;
    console.log(`Gmail shared corpus: identity ${rate(tally.identity)}, other fields ${rate(tally.other)}`, tally.misses);
  });

  it('has Gmail fixtures', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });

  describe.each(corpus)('$name', (f) => {
    it('matches every expected contact field (email without tolerance)', () => {
      const contact = extract(f.url, f.html);
      for (const [field, expected] of Object.entries(f.contact ?? {})) {
        const got = contact?.[field as keyof PageContact];
        const bucket = field === 'email' ? tally.identity : tally.other;
        bucket.total += 1;
        if (collapse(got) === collapse(expected)) bucket.ok += 1;
        else tally.misses.push(`${f.name}.${field}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
      }
      expect(tally.misses).toEqual([]);
      expect(pageContactSchema.safeParse(contact).success).toBe(true);
    });

    it('confirms its identity and leaves the document untouched', () => {
      const doc = parse(f.html);
      const before = doc.documentElement.outerHTML;
      expect(gmailAdapter.confirmsIdentity(new URL(f.url), doc)).toBe(true);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });
});

describe('gmailAdapter.matches', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
    'https://mail.google.com/mail/u/3/#label/Clients+VIP/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
    'https://mail.google.com/mail/u/0/#search/from%3Ajeanne%40acme.fr/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/#sent/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/#all/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/#starred/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/#category/promotions/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/#imp/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
    'https://mail.google.com/mail/#inbox/1956b0e4a7c2d9f3',
    'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
  ])('reads %s', (url) => {
    expect(gmailAdapter.matches(new URL(url))).toBe(true);
  });

  it.each([
    'http://mail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://mail.google.com.evil.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://mail.google.com@evil.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://evil.com/mail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://evilmail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://mail.google.com:8443/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://mail.google.com/chat/u/0/#chat/home',
    'https://mail.google.com/',
    'https://calendar.google.com/calendar/u/0/r',
    'https://www.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3',
    'https://accounts.google.com/SignOutOptions?continue=https://mail.google.com/mail/',
    'https://inbox.google.com/u/0/',
  ])('ignores %s, even with a thread in the page', (url) => {
    expect(gmailAdapter.matches(new URL(url))).toBe(false);
    const html = fixture('2025-wrapped-name-en-gb').html;
    expect(gmailAdapter.extract(new URL(url), parse(html))).toBeNull();
    expect(gmailAdapter.confirmsIdentity(new URL(url), parse(html))).toBe(false);
  });
});

describe('threadTokenOf', () => {
  it.each([
    ['#inbox/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#inbox/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt', 'FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt'],
    ['#label/Clients+VIP/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt', 'FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt'],
    ['#label/Clients%2FVIP/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#search/devis+toiture/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#category/social/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#sent/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#all/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#starred/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#imp/1956b0e4a7c2d9f3', '1956b0e4a7c2d9f3'],
    ['#inbox/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt?compose=new', 'FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt'],
  ])('%s → %s', (hash, token) => {
    expect(threadTokenOf(new URL(`https://mail.google.com/mail/u/0/${hash}`))).toBe(token);
  });

  it.each([
    '',
    '#inbox',
    '#inbox/p2',
    '#label/Clients',
    '#label/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
    '#search/FMfcgzQXJbWdTrKpMnHgLsVcZfRqBxYt',
    '#category/promotions',
    '#settings/general',
    '#inbox?compose=new',
  ])('no thread token in %j', (hash) => {
    expect(threadTokenOf(new URL(`https://mail.google.com/mail/u/0/${hash}`))).toBeUndefined();
  });
});

describe('userAddresses (who the account owner is)', () => {
  const addresses = (head: string, body = '') => [...userAddresses(parse(`<html><head>${head}</head><body>${body}</body></html>`))];

  it.each([
    ['Inbox (3) - jeanne@acme.fr - Gmail', 'jeanne@acme.fr'],
    ['Boîte de réception (12) - Jeanne.Dupont@Acme.fr - Gmail', 'jeanne.dupont@acme.fr'],
    ['Devis toiture - jeanne@acme.fr - Gmail', 'jeanne@acme.fr'],
    ['Re: contact - bob@decoy.example - jeanne@acme.fr - Acme SAS Mail', 'jeanne@acme.fr'],
  ])('reads the address from the title %j', (title, address) => {
    expect(addresses(`<title>${title}</title>`)).toEqual([address]);
  });

  it('reads the Google bar account button, whatever its language', () => {
    const button = (label: string) =>
      `<header id="gb"><a aria-label="${label}" href="https://accounts.google.com/SignOutOptions?hl=fr&amp;continue=https://mail.google.com/mail/" role="button"></a></header>`;
    expect(addresses('<title>Gmail</title>', button('Google Account: Jeanne Dupont &#10;(jeanne@acme.fr)'))).toEqual(['jeanne@acme.fr']);
    expect(addresses('', button('Compte Google : Jeanne Dupont (Jeanne@Acme.fr)'))).toEqual(['jeanne@acme.fr']);
    // Other labelled links mention addresses too (a "mailto" helper, a contact chip): only the account button counts.
    expect(addresses('', '<a aria-label="Write to (bob@decoy.example)" href="mailto:bob@decoy.example">Bob</a>')).toEqual([]);
  });

  it('reads the classic reply stub avatar (2016)', () => {
    expect(addresses('', '<table><tr><td class="amq"><img class="ajn" jid="camille@orion.fr"></td></tr></table>')).toEqual([
      'camille@orion.fr',
    ]);
  });

  it('takes an address Gmail labels "me" (localised) in the thread', () => {
    const page = (label: string) => parse(thread([['bob@client.example|Bob Client', [`owner@acme.fr|${label}`]]]));
    for (const label of ['me', 'Me', 'moi', '我', 'ich', 'я']) expect([...userAddresses(page(label))]).toEqual(['owner@acme.fr']);
    expect([...userAddresses(page('Jeanne'))]).toEqual([]);
  });

  it('is empty when nothing tells who the owner is', () => {
    expect(addresses('<title>Gmail</title>')).toEqual([]);
    expect(addresses('')).toEqual([]);
    expect(addresses('<title>Inbox (3) - not an address - Gmail</title>')).toEqual([]);
  });
});

describe('gmailAdapter.extract edge cases', () => {
  const owner = '<title>Prospect - owner@acme.fr - Gmail</title>';

  it('returns null on list views and pages without a conversation', () => {
    expect(extract('https://mail.google.com/mail/u/0/#inbox', fixture('inbox-list-fr').html)).toBeNull();
    // A thread URL is not enough: the DOM decides (the thread may still be loading).
    expect(extract(THREAD_URL, fixture('inbox-list-fr').html)).toBeNull();
    expect(extract(THREAD_URL, '')).toBeNull();
    expect(extract(THREAD_URL, '<div role="main"><h2 class="hP">Loading…</h2></div>')).toBeNull();
  });

  it('ignores message items outside [role=main]', () => {
    const html = thread([['bob@client.example|Bob', []]]).replace('role="main"', 'role="complementary"');
    expect(extract(THREAD_URL, html)).toBeNull();
  });

  it('treats nobody as the owner when unknown: the latest sender is shown', () => {
    const html = thread([
      ['bob@client.example|Bob Client', ['owner@acme.fr|Owner Name']],
      ['owner@acme.fr|Owner Name', ['bob@client.example|Bob Client']],
    ]);
    expect(extract(THREAD_URL, html)).toMatchObject({ fullName: 'Owner Name', email: 'owner@acme.fr' });
    expect(extract(THREAD_URL, html.replace('<head>', `<head>${owner}`))).toMatchObject({
      fullName: 'Bob Client',
      email: 'bob@client.example',
    });
  });

  it('compares the owner address case-insensitively and keeps the original case for display', () => {
    const html = thread([['Bob@Client.example|Bob', ['OWNER@acme.fr|Owner']]], owner);
    expect(extract(THREAD_URL, html)).toMatchObject({
      email: 'Bob@Client.example',
      participants: [{ name: 'Bob', email: 'Bob@Client.example' }],
    });
  });

  it('returns null when the owner wrote only to themselves', () => {
    expect(extract(THREAD_URL, thread([['owner@acme.fr|Owner', ['owner@acme.fr|me']]], owner))).toBeNull();
  });

  it('lists each participant once, without the owner, and reads addresses from data-hovercard-id too', () => {
    const html = `<html><head>${owner}</head><body><div role="main">
      <div class="adf ads"><span class="gD" data-hovercard-id="ana@client.example" name="Ana Lima">Ana</span></div>
      <div class="adn ads"><h3 class="iw"><span class="gD" email="ANA@client.example" name="Ana L.">Ana</span></h3>
        <span class="hb"><span class="g2" email="owner@acme.fr" name="me">me</span>, <span class="g2" data-hovercard-id="raj@client.example" name="Raj">Raj</span>,
        <span class="g2" data-hovercard-id="1234567890" name="Not an address">x</span></span></div>
      </div></body></html>`;
    expect(extract(THREAD_URL, html)).toMatchObject({
      fullName: 'Ana L.',
      email: 'ANA@client.example',
      participants: [
        { name: 'Ana Lima', email: 'ana@client.example' },
        { name: 'Raj', email: 'raj@client.example' },
      ],
    });
  });

  it('never reads addresses or names from text, and drops a name that is only an address', () => {
    const textOnly =
      '<div role="main"><div class="adn ads"><h3 class="iw"><span class="gD">Bob</span> <span class="go">&lt;bob@client.example&gt;</span></h3></div></div>';
    expect(extract(THREAD_URL, textOnly)).toBeNull();
    const contact = extract(THREAD_URL, thread([['bob@client.example|bob@client.example', []]]));
    expect(contact).toMatchObject({ email: 'bob@client.example', participants: [{ email: 'bob@client.example' }] });
    expect(contact).not.toHaveProperty('fullName');
    expect(extract(THREAD_URL, thread([['bob@client.example', []]]))).not.toHaveProperty('fullName');
  });

  it('omits subject and threadId when neither the DOM nor the URL has them', () => {
    const contact = extract('https://mail.google.com/mail/u/0/#inbox', thread([['bob@client.example|Bob', []]]));
    expect(contact).toEqual({
      site: 'gmail',
      kind: 'email-thread',
      fullName: 'Bob',
      email: 'bob@client.example',
      participants: [{ name: 'Bob', email: 'bob@client.example' }],
      confidence: { fullName: 'markup', email: 'markup', participants: 'markup' },
    });
  });

  it('stays within the message schema on oversized pages', () => {
    const crowd = Array.from({ length: 150 }, (_, i) => `guest${i}@client.example|Guest ${i}`);
    const long = `${'x'.repeat(320)}@client.example`;
    const html = thread(
      [
        [`${long}|Too Long`, []],
        [`bob@client.example|${'B'.repeat(300)}`, crowd],
      ],
      `<title>${'S'.repeat(900)}</title>`,
    );
    const contact = extract(
      THREAD_URL,
      html.replace(
        '<div role="list">',
        `<h2 class="hP" data-legacy-thread-id="${'a'.repeat(500)}">${'S'.repeat(900)}</h2><div role="list">`,
      ),
    );
    expect(contact?.participants).toHaveLength(100);
    expect(contact?.participants?.some((p) => p.email === long)).toBe(false);
    expect(pageContactSchema.safeParse(contact).success).toBe(true);
  });

  it('keeps every hook in the GMAIL_SELECTORS const', () => {
    expect(GMAIL_SELECTORS.message).toContain('.adn');
    expect(GMAIL_SELECTORS.message).toContain('.adf');
    expect(GMAIL_SELECTORS.subject).toContain('h2.hP');
    expect(GMAIL_SELECTORS.sender).toContain('.gD');
    expect(GMAIL_SELECTORS.recipient).toContain('.g2');
  });
});

describe('gmailAdapter.confirmsIdentity', () => {
  const legacy = fixture('2025-wrapped-name-en-gb');

  it('compares a legacy hex token with the legacy thread id on h2.hP, case-insensitively', () => {
    const doc = parse(legacy.html);
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#inbox/19A4D2E7C3F08B16'), doc)).toBe(true);
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#label/X/19a4d2e7c3f08b16'), doc)).toBe(true);
    // SPA navigation to another thread while the previous one is still rendered.
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3'), doc)).toBe(false);
    // extract alone would still read the previous thread: that is why callers check.
    expect(gmailAdapter.extract(new URL('https://mail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3'), doc)).toMatchObject({
      threadId: '19a4d2e7c3f08b16',
    });
  });

  it("accepts a hex token naming one of the thread's messages (links to a message)", () => {
    const doc = parse(legacy.html);
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#inbox/19a50f9b2c7d4e19'), doc)).toBe(true);
  });

  it('trusts an open thread when the token is opaque or there is no legacy id to compare', () => {
    expect(gmailAdapter.confirmsIdentity(new URL(THREAD_URL), parse(legacy.html))).toBe(true);
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#inbox'), parse(legacy.html))).toBe(true);
    const noIds = fixture('user-wrote-all-en');
    expect(gmailAdapter.confirmsIdentity(new URL('https://mail.google.com/mail/u/0/#inbox/1956b0e4a7c2d9f3'), parse(noIds.html))).toBe(
      true,
    );
  });

  it('is false when no thread is open', () => {
    expect(gmailAdapter.confirmsIdentity(new URL(THREAD_URL), parse(fixture('inbox-list-fr').html))).toBe(false);
    expect(gmailAdapter.confirmsIdentity(new URL(THREAD_URL), parse(''))).toBe(false);
  });
});

describe('gmailAdapter.watchRegion (what the content script observes after a navigation)', () => {
  const region = (url: string, html: string) => {
    const doc = parse(html);
    return { doc, region: gmailAdapter.watchRegion?.(new URL(url), doc) ?? null };
  };

  it('on every project thread fixture, is the view pane and holds every message extract reads', () => {
    const threads = loadFixtures(FIXTURES).filter((candidate) => candidate.contact !== null);
    expect(threads.length).toBeGreaterThan(0);
    for (const thread of threads) {
      const { doc, region: pane } = region(thread.url, thread.html);
      expect(pane, thread.name).toBe(doc.querySelector('[role="main"]'));
      const messages = [...doc.querySelectorAll(GMAIL_SELECTORS.message)];
      expect(messages.length, thread.name).toBeGreaterThan(0);
      expect(
        messages.every((message) => pane?.contains(message)),
        thread.name,
      ).toBe(true);
    }
  });

  it('is null on list views (nothing to watch: they show no one), whatever the page holds', () => {
    const html = '<div role="main"><div class="adn"><span class="gD" email="a@b.fr"></span></div></div>';
    for (const url of [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#label/Clients',
      'https://mail.google.com/mail/u/0/#inbox/p2',
    ]) {
      expect(region(url, html).region, url).toBeNull();
    }
    expect(region('https://mail.google.com/calendar/#inbox/FMfcgzQZTMbqJgPhQwmVrDLhCvvPVrHb', html).region).toBeNull();
  });

  it('is the whole page while Gmail has not drawn its view pane yet', () => {
    const { doc, region: watched } = region(
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMbqJgPhQwmVrDLhCvvPVrHb',
      '<div id="loading"></div>',
    );
    expect(watched).toBe(doc.documentElement);
  });
});
