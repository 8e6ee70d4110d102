import { browser } from 'wxt/browser';
import { pageContactSchema } from '../model/page-contact';
import { z } from '../model/zod';

/**
 * A lead parsed from a selection or a page, waiting for the rep to check it in the side
 * panel. Kept per tab in storage.session until saved or dismissed, so the panel shows it
 * even when opened after the click, and a worker restart loses nothing.
 */
export const pendingCaptureSchema = z.object({
  tabId: z.number().check(z.int()),
  source: z.enum(['capture-selection', 'capture-page']),
  contact: pageContactSchema,
  emails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(20)),
  phones: z.array(z.string().check(z.maxLength(50))).check(z.maxLength(20)),
  website: z.optional(z.string().check(z.maxLength(400))),
  at: z.number(),
});
export type PendingCapture = z.infer<typeof pendingCaptureSchema>;

const key = (tabId: number) => `capture:${tabId}`;

export async function savePendingCapture(capture: PendingCapture): Promise<void> {
  await browser.storage.session.set({ [key(capture.tabId)]: pendingCaptureSchema.parse(capture) });
}

export async function readPendingCapture(tabId: number): Promise<PendingCapture | null> {
  const parsed = pendingCaptureSchema.safeParse((await browser.storage.session.get(key(tabId)))[key(tabId)]);
  return parsed.success ? parsed.data : null;
}

export async function clearPendingCapture(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

export function watchPendingCapture(tabId: number, onChange: (capture: PendingCapture | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key(tabId) in changes)) return;
    const parsed = pendingCaptureSchema.safeParse(changes[key(tabId)]?.newValue);
    onChange(parsed.success ? parsed.data : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
