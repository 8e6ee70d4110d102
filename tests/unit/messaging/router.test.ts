import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter } from '../../../src/background/router';
import { classifySender, siteForUrl, webmailHostOf } from '../../../src/messaging/senders';
import { sitesAllowedToReport } from '../../../src/sites/site-permissions';

const extension = { id: 'relance-id', origin: 'chrome-extension://relance-id' };
const linkedinTab = { id: 'relance-id', url: 'https://www.linkedin.com/in/jeanne-dupont/', frameId: 0, tab: { id: 7 } };
const goodContact = {
  site: 'linkedin',
  kind: 'person',
  fullName: 'Jeanne Dupont',
  linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
};

const webmailTab = {
  id: 'relance-id',
  url: 'https://webmail.acme-industrie.fr/?_task=mail&_action=show&_uid=42&_mbox=INBOX',
  frameId: 0,
  tab: { id: 9 },
};
const webmailContact = {
  site: 'webmail',
  kind: 'email-thread',
  fullName: 'Sophie Marchand',
  email: 'sophie.marchand@acme-industrie.fr',
  subject: 'Devis transport',
};

function setup(enabledWebmailHosts: string[] = []) {
  const handlers = { onPageContact: vi.fn(async () => {}), onDataChanged: vi.fn(async () => {}), onDropped: vi.fn() };
  const webmail = {
    activeHosts: vi.fn(async () => new Set(enabledWebmailHosts)),
    onDomainChange: vi.fn(async () => {}),
  };
  return { handlers, webmail, route: createMessageRouter(extension, handlers, webmail) };
}

describe('classifySender', () => {
  it('recognises extension pages by origin', () => {
    expect(classifySender({ id: 'relance-id', url: 'chrome-extension://relance-id/popup.html' }, extension)).toEqual({
      kind: 'extension-page',
      url: 'chrome-extension://relance-id/popup.html',
    });
  });
  it('recognises a top-frame content script on a supported site', () => {
    expect(classifySender(linkedinTab, extension)).toMatchObject({ kind: 'content-script', site: 'linkedin', tabId: 7 });
  });
  it.each([
    ['another extension', { ...linkedinTab, id: 'evil' }],
    ['a sub-frame', { ...linkedinTab, frameId: 3 }],
    ['no tab', { id: 'relance-id', url: 'https://www.linkedin.com/in/x/', frameId: 0 }],
    ['an unknown site', { ...linkedinTab, url: 'https://linkedin.com.evil.fr/in/x/' }],
    ['plain http', { ...linkedinTab, url: 'http://www.linkedin.com/in/x/' }],
  ])('rejects %s', (_label, sender) => {
    expect(classifySender(sender, extension).kind).toBe('rejected');
  });
  it('accepts a content script on an enabled webmail domain as the webmail site, from any frame', () => {
    const enabled = new Set(['webmail.acme-industrie.fr']);
    expect(classifySender(webmailTab, extension, enabled)).toEqual({
      kind: 'content-script',
      site: 'webmail',
      tabId: 9,
      url: webmailTab.url,
    });
    // Roundcube's preview frame is a sub-frame of the mailbox page.
    expect(classifySender({ ...webmailTab, frameId: 5 }, extension, enabled)).toMatchObject({ kind: 'content-script', site: 'webmail' });
  });
  it.each([
    ['a domain that is not enabled', webmailTab, ['mail.autre.fr']],
    ['no domain enabled at all', webmailTab, []],
    ['a sub-domain of an enabled domain', { ...webmailTab, url: 'https://evil.webmail.acme-industrie.fr/' }, ['webmail.acme-industrie.fr']],
    ['plain http on an enabled domain', { ...webmailTab, url: 'http://webmail.acme-industrie.fr/' }, ['webmail.acme-industrie.fr']],
    ['a built-in site’s sub-frame, even listed as a webmail', { ...linkedinTab, frameId: 2 }, ['www.linkedin.com']],
    ['another extension on an enabled domain', { ...webmailTab, id: 'evil' }, ['webmail.acme-industrie.fr']],
  ])('rejects %s', (_label, sender, hosts) => {
    expect(classifySender(sender, extension, new Set(hosts)).kind).toBe('rejected');
  });
  it('tells which URLs could belong to a webmail domain', () => {
    expect(webmailHostOf('https://webmail.acme-industrie.fr:8443/roundcube/?_task=mail')).toBe('webmail.acme-industrie.fr');
    expect(webmailHostOf('https://mail.google.com/mail/u/0/')).toBeUndefined();
    expect(webmailHostOf('http://webmail.acme-industrie.fr/')).toBeUndefined();
    expect(webmailHostOf('chrome-extension://relance-id/options.html')).toBeUndefined();
    expect(webmailHostOf('')).toBeUndefined();
  });
  it('lets a webmail domain report the sites its any-host adapters read', () => {
    expect(sitesAllowedToReport('webmail')).toEqual(['webmail', 'roundcube', 'zimbra']);
    expect(sitesAllowedToReport('gmail')).toEqual(['gmail']);
  });
  it('maps hosts to sites', () => {
    expect(siteForUrl('https://fr.linkedin.com/in/x')).toBe('linkedin');
    expect(siteForUrl('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(siteForUrl('https://outlook.cloud.microsoft/mail/')).toBe('outlook');
    expect(siteForUrl('https://evil-linkedin.com/in/x')).toBeUndefined();
    expect(siteForUrl('not a url')).toBeUndefined();
  });
});

describe('message router', () => {
  it('hands a valid page contact to the handler', async () => {
    const { handlers, route } = setup();
    await route({ type: 'content:page-contact', url: linkedinTab.url, contact: goodContact }, linkedinTab);
    expect(handlers.onPageContact).toHaveBeenCalledWith(7, linkedinTab.url, goodContact);
    expect(handlers.onDropped).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'content:delete-everything' }],
    ['a malformed contact', { type: 'content:page-contact', url: linkedinTab.url, contact: { site: 'linkedin' } }],
    ['an over-long name', { type: 'content:page-contact', url: linkedinTab.url, contact: { ...goodContact, fullName: 'x'.repeat(5000) } }],
    ['a page message from a content script', { type: 'page:data-changed' }],
    ['another site’s contact', { type: 'content:page-contact', url: linkedinTab.url, contact: { ...goodContact, site: 'gmail' } }],
    ['another origin’s URL', { type: 'content:page-contact', url: 'https://mail.google.com/mail/u/0/', contact: null }],
    ['not an object', 'hello'],
  ])('drops %s from a content script', async (_label, message) => {
    const { handlers, route } = setup();
    await route(message, linkedinTab);
    expect(handlers.onPageContact).not.toHaveBeenCalled();
    expect(handlers.onDataChanged).not.toHaveBeenCalled();
    expect(handlers.onDropped).toHaveBeenCalledTimes(1);
  });

  it('looks at the enabled webmail domains only for a sender that could be on one', async () => {
    const { webmail, route } = setup();
    await route({ type: 'content:page-contact', url: linkedinTab.url, contact: goodContact }, linkedinTab);
    await route({ type: 'page:data-changed' }, { id: 'relance-id', url: 'chrome-extension://relance-id/popup.html' });
    await route({ type: 'content:page-contact', url: webmailTab.url, contact: null }, { ...webmailTab, id: 'evil' });
    expect(webmail.activeHosts).not.toHaveBeenCalled();
  });

  it.each([
    ['the generic webmail', webmailContact],
    ['Roundcube', { ...webmailContact, site: 'roundcube' }],
    ['Zimbra', { ...webmailContact, site: 'zimbra' }],
  ])('hands a contact read by %s on an enabled domain to the handler', async (_label, contact) => {
    const { handlers, route } = setup(['webmail.acme-industrie.fr']);
    await route({ type: 'content:page-contact', url: webmailTab.url, contact }, webmailTab);
    expect(handlers.onPageContact).toHaveBeenCalledWith(9, webmailTab.url, contact);
    expect(handlers.onDropped).not.toHaveBeenCalled();
  });

  it('accepts the contact of a Roundcube preview frame', async () => {
    const { handlers, route } = setup(['webmail.acme-industrie.fr']);
    const preview = 'https://webmail.acme-industrie.fr/?_task=mail&_action=preview&_uid=43&_mbox=INBOX&_framed=1';
    await route({ type: 'content:page-contact', url: preview, contact: webmailContact }, { ...webmailTab, url: preview, frameId: 3 });
    expect(handlers.onPageContact).toHaveBeenCalledWith(9, preview, webmailContact);
  });

  it.each([
    ['a domain no longer enabled', [], { type: 'content:page-contact', url: webmailTab.url, contact: webmailContact }, 'unknown site'],
    [
      'a LinkedIn person from a webmail',
      ['webmail.acme-industrie.fr'],
      { type: 'content:page-contact', url: webmailTab.url, contact: goodContact },
      'site mismatch',
    ],
    [
      'another origin’s URL',
      ['webmail.acme-industrie.fr'],
      { type: 'content:page-contact', url: 'https://webmail.autre.fr/', contact: null },
      'url mismatch',
    ],
    [
      'a domain change from a content script',
      ['webmail.acme-industrie.fr'],
      { type: 'page:webmail-domain', change: 'disable', hostname: 'webmail.acme-industrie.fr' },
      'malformed content message',
    ],
  ])('drops %s', async (_label, hosts, message, reason) => {
    const { handlers, webmail, route } = setup(hosts);
    await route(message, webmailTab);
    expect(handlers.onPageContact).not.toHaveBeenCalled();
    expect(webmail.onDomainChange).not.toHaveBeenCalled();
    expect(handlers.onDropped).toHaveBeenCalledWith(reason);
  });

  it('hands an extension page’s webmail domain change to the webmail domains', async () => {
    const { handlers, webmail, route } = setup();
    const options = { id: 'relance-id', url: 'chrome-extension://relance-id/options.html' };
    await route({ type: 'page:webmail-domain', change: 'enable', hostname: ' WebMail.Acme-Industrie.fr ' }, options);
    expect(webmail.onDomainChange).toHaveBeenCalledWith({
      type: 'page:webmail-domain',
      change: 'enable',
      hostname: 'webmail.acme-industrie.fr',
    });
    for (const hostname of ['', 'localhost', 'acme.fr/roundcube', '*.acme.fr', 'https://acme.fr', 'a'.repeat(300)]) {
      await route({ type: 'page:webmail-domain', change: 'enable', hostname }, options);
    }
    await route({ type: 'page:webmail-domain', change: 'forget', hostname: 'webmail.acme-industrie.fr' }, options);
    expect(webmail.onDomainChange).toHaveBeenCalledTimes(1);
    expect(handlers.onDropped).toHaveBeenCalledTimes(7);
    expect(handlers.onDropped).toHaveBeenCalledWith('malformed page message');
  });

  it('accepts data-changed only from extension pages', async () => {
    const { handlers, route } = setup();
    await route({ type: 'page:data-changed' }, { id: 'relance-id', url: 'chrome-extension://relance-id/sidepanel.html' });
    expect(handlers.onDataChanged).toHaveBeenCalledTimes(1);
    await route(
      { type: 'content:page-contact', url: 'x', contact: null },
      { id: 'relance-id', url: 'chrome-extension://relance-id/x.html' },
    );
    expect(handlers.onDropped).toHaveBeenCalledTimes(1);
  });
});
