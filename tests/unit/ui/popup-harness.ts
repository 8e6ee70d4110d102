import { act } from 'react';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, scheduleRelance } from '../../../src/db/repository';
import type { Prospect, Relance } from '../../../src/model';
import type { Stage } from '../../../src/process';
import { mounted, resetDatabase, text } from './react-harness';

/*
 * Renders the popup against the shared database (it imports the `db` singleton), as the
 * extension page would. Every test file using it must declare `// @vitest-environment happy-dom`.
 */

export { q, render, settle, text, unmount, until } from './react-harness';

/** A clean database and fake browser, before each test. */
export const resetPopup = resetDatabase;

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

/** The rows shown, in order, by prospect name. */
export function rowNames(): string[] {
  return [...(mounted()?.querySelectorAll<HTMLElement>('[data-testid="relance-item"]') ?? [])].map((row) => row.dataset.prospectName ?? '');
}

/** A control of the row of that prospect. */
export function control(name: string, testId: string): HTMLElement | null {
  const row = [...(mounted()?.querySelectorAll<HTMLElement>('[data-testid="relance-item"]') ?? [])].find(
    (item) => item.dataset.prospectName === name,
  );
  return row?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
}

/** Focuses the control and presses it, as a keyboard user would (Enter fires a click). */
export async function press(element: HTMLElement | null, label: string): Promise<void> {
  if (!element) throw new Error(`nothing to press: ${label}\n${text()}`);
  element.focus();
  await act(async () => element.click());
}
