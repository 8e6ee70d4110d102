import type { Site } from '../model/page-contact';

/** The only place that decides who sent a runtime message. */
export type SenderClass =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; site: Site; tabId: number; url: string }
  | { kind: 'rejected'; reason: string };

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

const SITE_BY_HOST: Array<[RegExp, Site]> = [
  [/^([a-z]{2,3}\.|www\.)?linkedin\.com$/, 'linkedin'],
  [/^mail\.google\.com$/, 'gmail'],
  [/^outlook\.(office|office365|live)\.com$|^outlook\.cloud\.microsoft$/, 'outlook'],
  [/^mail\.yahoo\.com$/, 'yahoo'],
  [/^mail\.proton\.me$/, 'proton'],
];

export function siteForUrl(url: string): Site | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return SITE_BY_HOST.find(([host]) => host.test(parsed.hostname))?.[1];
}

export function classifySender(sender: SenderLike, extension: { id: string; origin: string }): SenderClass {
  if (sender.id !== extension.id) return { kind: 'rejected', reason: 'other extension' };
  const url = sender.url ?? '';
  if (url.startsWith(`${extension.origin}/`)) return { kind: 'extension-page', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'rejected', reason: 'no tab' };
  // Only the top frame describes the page the rep is looking at.
  if (sender.frameId !== 0) return { kind: 'rejected', reason: 'sub-frame' };
  const site = siteForUrl(url);
  if (!site) return { kind: 'rejected', reason: 'unknown site' };
  return { kind: 'content-script', site, tabId, url };
}
