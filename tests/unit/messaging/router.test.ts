import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter } from '../../../src/background/router';
import { classifySender, siteForUrl } from '../../../src/messaging/senders';

const extension = { id: 'relance-id', origin: 'chrome-extension://relance-id' };
const linkedinTab = { id: 'relance-id', url: 'https://www.linkedin.com/in/jeanne-dupont/', frameId: 0, tab: { id: 7 } };
const goodContact = {
  site: 'linkedin',
  kind: 'person',
  fullName: 'Jeanne Dupont',
  linkedinUrl: 'https://www.linkedin.com/in/jeanne-dupont/',
};

function setup() {
  const handlers = { onPageContact: vi.fn(async () => {}), onDataChanged: vi.fn(async () => {}), onDropped: vi.fn() };
  return { handlers, route: createMessageRouter(extension, handlers) };
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
