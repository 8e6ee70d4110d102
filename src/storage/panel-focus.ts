import { browser } from 'wxt/browser';
import { z } from '../model/zod';

/**
 * "Show this prospect in the side panel", asked from the popup: the panel shows that
 * prospect instead of the page's person until the rep goes back to the page.
 */
const KEY = 'panel:focus';
const focusSchema = z.object({ prospectId: z.string().check(z.minLength(1), z.maxLength(100)), at: z.number() });
export type PanelFocus = z.infer<typeof focusSchema>;

export async function requestPanelFocus(prospectId: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: { prospectId, at: Date.now() } });
}

export async function clearPanelFocus(): Promise<void> {
  await browser.storage.session.remove(KEY);
}

export async function readPanelFocus(): Promise<PanelFocus | null> {
  const parsed = focusSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return parsed.success ? parsed.data : null;
}

export function watchPanelFocus(onChange: (focus: PanelFocus | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(KEY in changes)) return;
    const parsed = focusSchema.safeParse(changes[KEY]?.newValue);
    onChange(parsed.success ? parsed.data : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
