import type { Site } from '../model/page-contact';
import { siteForUrl } from '../sites/hosts';

export { siteForUrl };

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
