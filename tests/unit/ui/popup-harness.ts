import 'fake-indexeddb/auto';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, scheduleRelance } from '../../../src/db/repository';
import type { Prospect, Relance } from '../../../src/model';
import type { Stage } from '../../../src/process';
import { I18nProvider } from '../../../src/ui/i18n-context';

/*
 * Renders the popup against the shared database (it imports the `db` singleton), as the
 * extension page would. Every test file using it must declare `// @vitest-environment happy-dom`.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

/** A clean database and fake browser, before each test. */
export async function resetPopup(): Promise<void> {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
}

/** A prospect at that stage with an open relance on each of `dues` ([day, time?]). */
export async function prospectWithRelances(
  fullName: string,
  stage: Stage,
  dues: [day: string, time?: string][],
): Promise<{ prospect: Prospect; relances: Relance[] }> {
  const { prospect: added } = await addProspectFromContact(
    db,
    { fullName, email: `${fullName.split(' ')[0]?.toLowerCase()}@acme.fr` },
    'manual',
  );
  const prospect = await moveStage(db, added.id, stage);
  const relances: Relance[] = [];
  for (const [day, time] of dues) relances.push(await scheduleRelance(db, prospect.id, day, undefined, time));
  return { prospect, relances };
}

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

export function text(): string {
  return container?.textContent ?? '';
}

/** The rows shown, in order, by prospect name. */
export function rowNames(): string[] {
  return [...(container?.querySelectorAll<HTMLElement>('[data-testid="relance-item"]') ?? [])].map((row) => row.dataset.prospectName ?? '');
}

/** A control of the row of that prospect. */
export function control(name: string, testId: string): HTMLElement | null {
  const row = [...(container?.querySelectorAll<HTMLElement>('[data-testid="relance-item"]') ?? [])].find(
    (item) => item.dataset.prospectName === name,
  );
  return row?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
}

export function q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
  return container?.querySelector<T>(selector) ?? null;
}

/** Lets live queries settle until the check holds (or fails with the page's text). */
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

/** Focuses the control and presses it, as a keyboard user would (Enter fires a click). */
export async function press(element: HTMLElement | null, label: string): Promise<void> {
  if (!element) throw new Error(`nothing to press: ${label}\n${text()}`);
  element.focus();
  await act(async () => element.click());
}
