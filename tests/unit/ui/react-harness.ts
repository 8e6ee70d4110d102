import 'fake-indexeddb/auto';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../src/db/instance';
import { I18nProvider } from '../../../src/ui/i18n-context';

/*
 * Renders extension-page components against the shared database (they import the `db` singleton),
 * as the extension page would. The popup and side-panel harnesses build on it. Every test file
 * using it must declare `// @vitest-environment happy-dom`.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

/** A clean database and fake browser. */
export async function resetDatabase(): Promise<void> {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
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

/** The element rendered into, while mounted. */
export function mounted(): HTMLElement | null {
  return container;
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
