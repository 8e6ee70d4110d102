// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}
/**
 * WXT reports LinkedIn's SPA navigations before LinkedIn re-renders: the first look at the new
 * URL sees the previous page's title ("(4) Feed | LinkedIn"). That title must never name the
 * new person, whoever the previous page showed; the right name arrives with LinkedIn's update.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../../../src/content/watch-page';
import type { PageContactMessage } from '../../../src/messaging/protocol';
import { firstMatching } from '../../../src/sites/compose';
import { linkedinAdapter } from '../../../src/sites/linkedin';
import { linkedinCompanyAdapter } from '../../../src/sites/linkedin-company';
import { salesNavAdapter } from '../../../src/sites/salesnav';

const FEED_TITLE = '(4) Feed | LinkedIn';
let listeners = new AbortController();

afterEach(() => {
  listeners.abort();
  listeners = new AbortController();
});

/** Starts the page watcher on the current page, as the LinkedIn content script does; returns what it sent. */
function watch(): PageContactMessage[] {
  const sent: PageContactMessage[] = [];
  const ctx = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    addEventListener: (target: EventTarget, type: string, callback: (event: Event) => void) =>
      target.addEventListener(type, callback, { signal: listeners.signal }),
    onInvalidated: () => undefined,
  } as unknown as ContentScriptContext;
  watchPage(ctx, firstMatching('linkedin', [linkedinAdapter, salesNavAdapter, linkedinCompanyAdapter]), async (message) => {
    sent.push(message);
  });
  return sent;
}

/** An SPA navigation as WXT reports it: the URL has changed, the page not yet. */
function navigate(to: string): void {
  const oldUrl = new URL(location.href);
  const newUrl = new URL(to);
  history.pushState(null, '', newUrl.href);
  window.dispatchEvent(Object.assign(new Event('wxt:locationchange'), { newUrl, oldUrl }));
}

/** Appends markup written for this test, parsed apart as a page's own script would render it. */
function append(target: Element | null | undefined, html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  target?.append(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

function open(url: string, title: string, body: string): void {
  history.replaceState(null, '', url);
  document.title = title;
  document.body.replaceChildren();
  append(document.body, body);
}

const topCard = (slug: string, name: string) => `<section class="artdeco-card pv-top-card" data-member-id="42">
  <h1 class="text-heading-xlarge">${name}</h1><div class="text-body-medium break-words">Acheteur chez Vitalis</div>
  <a href="/in/${slug}/overlay/contact-info/">Coordonnées</a></section>`;

const names = (sent: PageContactMessage[]) => sent.map((message) => message.contact?.fullName ?? message.contact?.company ?? null);
const settled = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('the title the page had before an SPA navigation', () => {
  it('never names the person opened from the feed; LinkedIn’s update does', async () => {
    open('https://www.linkedin.com/feed/', FEED_TITLE, '<main><div class="scaffold-finite-scroll">feed items</div></main>');
    const sent = watch();
    navigate('https://www.linkedin.com/in/bruno-petit-42/');
    expect(names(sent)).not.toContain('Feed');

    // LinkedIn re-renders: the feed goes first, then the profile and its title.
    document.querySelector('main')?.replaceChildren();
    await settled();
    expect(names(sent)).not.toContain('Feed');
    document.title = '(4) Bruno Petit | LinkedIn';
    append(document.querySelector('main'), topCard('bruno-petit-42', 'Bruno Petit'));
    await settled();
    expect(names(sent)).not.toContain('Feed');
    expect(sent.at(-1)?.contact).toMatchObject({ fullName: 'Bruno Petit', linkedinUrl: 'https://www.linkedin.com/in/bruno-petit-42/' });
  });

  it('lets the top card name the person when LinkedIn renders it before the title', async () => {
    open('https://www.linkedin.com/feed/', FEED_TITLE, '<main></main>');
    const sent = watch();
    navigate('https://www.linkedin.com/in/bruno-petit-42/');
    append(document.querySelector('main'), topCard('bruno-petit-42', 'Bruno Petit'));
    await settled();
    expect(names(sent)).not.toContain('Feed');
    expect(sent.at(-1)?.contact).toMatchObject({ fullName: 'Bruno Petit', confidence: { fullName: 'markup' } });
  });

  it('never names a company opened from the feed', async () => {
    open('https://www.linkedin.com/feed/', FEED_TITLE, '<main></main>');
    const sent = watch();
    navigate('https://www.linkedin.com/company/groupe-vitalis/');
    await settled();
    expect(names(sent)).not.toContain('Feed');
  });

  it('keeps the previous person out of the next profile, even where their card and title spell the name differently', async () => {
    open(
      'https://www.linkedin.com/in/camille-laurent-4b2a19/',
      'Camille Laurent | LinkedIn',
      `<main>${topCard('camille-laurent-4b2a19', 'Camille Laurent, MBA')}</main>`,
    );
    const sent = watch();
    expect(sent.at(-1)?.contact?.fullName).toBe('Camille Laurent');
    navigate('https://www.linkedin.com/in/bruno-petit-42/');
    expect(sent.at(-1)?.contact).toBeNull();
    // Something else on the page changes; the top card and the title still show Camille.
    append(document.body, '<div class="toast">Nouveau message</div>');
    await settled();
    expect(sent.at(-1)?.contact).toBeNull();
  });

  it('still names the same person on their own sub-page, whose title is not replaced yet', async () => {
    open(
      'https://www.linkedin.com/in/camille-laurent-4b2a19/',
      'Camille Laurent | LinkedIn',
      `<main>${topCard('camille-laurent-4b2a19', 'Camille Laurent')}</main>`,
    );
    const sent = watch();
    navigate('https://www.linkedin.com/in/camille-laurent-4b2a19/recent-activity/all/');
    document.querySelector('main')?.replaceChildren();
    await settled();
    expect(new Set(names(sent))).toEqual(new Set(['Camille Laurent']));
  });
});
