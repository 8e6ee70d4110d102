import { browser } from 'wxt/browser';
import { pageContactSchema } from '../model/page-contact';
import { z } from '../model/zod';

/**
 * What each tab shows, kept in storage.session so it survives service-worker restarts
 * and is readable only by the extension's own pages (not by content scripts).
 */
export const tabContextSchema = z.object({
  tabId: z.number().check(z.int()),
  url: z.string(),
  contact: z.nullable(pageContactSchema),
  at: z.number(),
});
export type TabContext = z.infer<typeof tabContextSchema>;

const PREFIX = 'ctx:';
export const tabContextKey = (tabId: number) => `${PREFIX}${tabId}`;

export async function readTabContext(tabId: number): Promise<TabContext | null> {
  const key = tabContextKey(tabId);
  const stored = await browser.storage.session.get(key);
  const parsed = tabContextSchema.safeParse(stored[key]);
  return parsed.success ? parsed.data : null;
}

export async function writeTabContext(context: TabContext): Promise<void> {
  await browser.storage.session.set({ [tabContextKey(context.tabId)]: context });
}

export async function clearTabContext(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabContextKey(tabId));
}

/** Calls back with the tab's context whenever the background rewrites it. */
export function watchTabContext(tabId: number, onChange: (context: TabContext | null) => void): () => void {
  const key = tabContextKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    const parsed = tabContextSchema.safeParse(changes[key]?.newValue);
    onChange(parsed.success ? parsed.data : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
