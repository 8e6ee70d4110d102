import 'fake-indexeddb/auto';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../src/db/instance';
import type { PageContact } from '../../../src/model/page-contact';
import { I18nProvider } from '../../../src/ui/i18n-context';

/*
 * Renders side-panel components against the shared database (they import the `db` singleton)
 * and the fake browser's storage.session, as the extension page would. Every test file using it
 * must declare `// @vitest-environment happy-dom`.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const TAB = 7;

let root: Root | null = null;
let container: HTMLElement | null = null;

/** A clean database, storage and URL (`?tabId=7`), before each test. */
export async function resetPanel(): Promise<void> {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
}

/** Mounts the element inside the real language provider (it follows the settings). */
export async function render(element: ReactElement): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  const mounted = createRoot(container);
  root = mounted;
  await act(async () => mounted.render(createElement(I18nProvider, null, element)));
  return container;
}

export async function unmount(): Promise<void> {
  const mounted = root;
  if (mounted) await act(async () => mounted.unmount());
  container?.remove();
  root = null;
  container = null;
}

export function q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
  return container?.querySelector<T>(selector) ?? null;
}

export function text(): string {
  return container?.textContent ?? '';
}

/** Lets live queries and storage listeners settle until the check holds (or fails with the page's text). */
export async function until(check: () => boolean, label: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  throw new Error(`timed out: ${label}\n${text()}`);
}

/** A few rounds of pending work, for asserting that something did NOT happen. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
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
