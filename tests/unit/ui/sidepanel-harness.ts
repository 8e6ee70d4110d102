import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContact } from '../../../src/model/page-contact';
import { resetDatabase, text } from './react-harness';

/*
 * Renders side-panel components against the shared database (they import the `db` singleton)
 * and the fake browser's storage.session, as the extension page would. Every test file using it
 * must declare `// @vitest-environment happy-dom`.
 */

export { q, render, settle, text, unmount, until } from './react-harness';

export const TAB = 7;

/** A clean database, storage and URL (`?tabId=7`), before each test. */
export async function resetPanel(): Promise<void> {
  await resetDatabase();
  history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
}

/** What the background records when the followed tab shows a page with this contact. */
export async function showPage(contact: PageContact): Promise<void> {
  await act(async () => {
    await fakeBrowser.storage.session.set({
      [`ctx:${TAB}`]: { tabId: TAB, url: 'https://outlook.office.com/mail/', contact, at: Date.now() },
    });
  });
}

/** What the popup's "show in the panel" writes. */
export async function focusProspect(prospectId: string): Promise<void> {
  await act(async () => {
    await fakeBrowser.storage.session.set({ 'panel:focus': { prospectId, at: Date.now() } });
  });
}

export async function click(element: HTMLElement | null, label: string): Promise<void> {
  if (!element) throw new Error(`nothing to click: ${label}\n${text()}`);
  await act(async () => element.click());
}

/** Types into a controlled input the way React listens for it (the native setter, then an input event). */
export async function type(element: HTMLInputElement | HTMLTextAreaElement | null, value: string, label: string): Promise<void> {
  if (!element) throw new Error(`nothing to type into: ${label}\n${text()}`);
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
