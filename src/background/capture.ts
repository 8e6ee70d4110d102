import { browser } from 'wxt/browser';
import { companyFromHostname, leadFromJsonLd } from '../capture/page-lead';
import { contactFromLink } from '../capture/parse-click';
import { leadToPageContact, parseSignature } from '../capture/signature';
import type { RelanceDatabase } from '../db/database';
import { addProspectFromContact, getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';
import { isLinkedinProfileUrl } from '../matching/linkedin-url';
import type { PageContact } from '../model/page-contact';
import { requestPanelFocus } from '../storage/panel-focus';
import { savePendingCapture } from '../storage/pending-capture';
import { readTabContext } from '../storage/tab-context';

export const CAPTURE_MENU_ID = 'capture-lead';

/** The parts of a context-menu click capture reads (Chrome's OnClickData). */
export interface CaptureClick {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  srcUrl?: string;
  pageUrl?: string;
  frameId?: number;
  mediaType?: string;
}

export type CaptureOutcome =
  | { kind: 'created' | 'existing'; prospectId: string; name: string; added: string[] }
  | { kind: 'pending'; tabId: number }
  | { kind: 'nothing' };

/**
 * "Capture as lead": links and profile photos name someone exactly, so they are saved at
 * once (deduplicated through matching). A selection or a whole page is parsed and kept as a
 * pending capture for the rep to check in the panel first. Nothing here depends on the
 * panel opening.
 */
export async function captureFromClick(db: RelanceDatabase, click: CaptureClick, tab?: { id?: number }): Promise<CaptureOutcome> {
  const t = messages(resolveLang((await getSettings(db)).language, browser.i18n.getUILanguage()));
  const tabId = tab?.id;

  const linked = exactContact(click);
  if (linked) {
    const { prospect, created, added } = await addProspectFromContact(db, linked.contact, linked.source);
    await requestPanelFocus(prospect.id);
    const name = prospect.fullName;
    await notify(
      t.appName,
      created ? t.captureCreated(name) : added.length > 0 ? t.captureEnriched(name, added.join(', ')) : t.captureExisting(name),
    );
    return { kind: created ? 'created' : 'existing', prospectId: prospect.id, name, added };
  }

  if (click.selectionText !== undefined && tabId !== undefined) {
    const text = (await readSelection(tabId, click.frameId)) || click.selectionText;
    const lead = parseSignature(text);
    const contact = leadToPageContact(lead);
    if (!contact) {
      await notify(t.appName, t.captureNothing);
      return { kind: 'nothing' };
    }
    await savePendingCapture({
      tabId,
      source: 'capture-selection',
      contact,
      emails: lead.emails,
      phones: lead.phones,
      ...(lead.website ? { website: lead.website } : {}),
      at: Date.now(),
    });
    await notify(t.appName, t.captureCheck);
    return { kind: 'pending', tabId };
  }

  if (tabId !== undefined) {
    // The context is the last person a content script saw in this tab: it speaks for this page only.
    const context = await readTabContext(tabId);
    if (context?.contact && context.contact.kind !== 'company' && samePage(context.url, click.pageUrl)) {
      const { prospect, created, added } = await addProspectFromContact(db, context.contact, context.contact.site);
      await requestPanelFocus(prospect.id);
      await notify(t.appName, created ? t.captureCreated(prospect.fullName) : t.captureExisting(prospect.fullName));
      return { kind: created ? 'created' : 'existing', prospectId: prospect.id, name: prospect.fullName, added };
    }
    const contact = (await pageLead(tabId)) ?? domainLead(click.pageUrl);
    if (contact) {
      await savePendingCapture({
        tabId,
        source: 'capture-page',
        contact,
        emails: contact.email ? [contact.email] : [],
        phones: [],
        at: Date.now(),
      });
      await notify(t.appName, t.captureCheck);
      return { kind: 'pending', tabId };
    }
  }
  await notify(t.appName, t.captureNothing);
  return { kind: 'nothing' };
}

/** A link (or a photo inside one, or a photo on a profile page) that names one person. */
function exactContact(click: CaptureClick): { contact: PageContact; source: string } | null {
  if (click.linkUrl) {
    const contact = contactFromLink(click.linkUrl, click.linkText);
    if (contact) return { contact, source: 'capture-link' };
  }
  if (click.mediaType === 'image' && click.pageUrl && isLinkedinProfileUrl(click.pageUrl)) {
    const contact = contactFromLink(click.pageUrl);
    if (contact) return { contact, source: 'capture-link' };
  }
  return null;
}

/** The selection as the page holds it, line breaks included (Chromium flattens selectionText). */
async function readSelection(tabId: number, frameId = 0): Promise<string> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => window.getSelection()?.toString() ?? '',
    });
    return typeof result?.result === 'string' ? result.result.slice(0, 100_000) : '';
  } catch {
    // No activeTab grant (e.g. a replayed click): the menu's flattened text is parsed instead.
    return '';
  }
}

async function pageLead(tabId: number): Promise<PageContact | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () =>
        Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (script) =>
          (script.textContent ?? '').slice(0, 200_000),
        ).slice(0, 20),
    });
    const blocks = Array.isArray(result?.result) ? result.result.filter((block): block is string => typeof block === 'string') : [];
    return leadFromJsonLd(blocks);
  } catch {
    return null;
  }
}

/**
 * Same origin and path. Query and fragment are left out: tracking parameters vary for one
 * page, and moves within a page (Gmail's #inbox/…) are the content script's to report.
 */
function samePage(contextUrl: string, pageUrl: string | undefined): boolean {
  if (!pageUrl) return false;
  try {
    const a = new URL(contextUrl);
    const b = new URL(pageUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function domainLead(pageUrl: string | undefined): PageContact | null {
  if (!pageUrl) return null;
  let hostname: string;
  try {
    hostname = new URL(pageUrl).hostname;
  } catch {
    return null;
  }
  const company = companyFromHostname(hostname);
  return company ? { site: 'webmail', kind: 'company', company, confidence: { company: 'guess' } } : null;
}

async function notify(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  } catch {
    // Notifications can be disabled by the user or the OS; the capture itself is saved.
  }
}
