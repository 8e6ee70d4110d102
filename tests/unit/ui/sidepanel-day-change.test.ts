// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, saveSettings } from '../../../src/db/repository';
import type { Prospect } from '../../../src/model';
import type { PageContact } from '../../../src/model/page-contact';
import { SidePanelApp } from '../../../src/ui/sidepanel/SidePanelApp';
import { click, q, render, resetPanel, settle, showPage, unmount, until } from './sidepanel-harness';

// Tuesday 10 March 2026, Wednesday the 11th, Thursday the 12th (local time).
const TUESDAY_EVENING = new Date(2026, 2, 10, 18, 30);
const WEDNESDAY_MORNING = new Date(2026, 2, 11, 8, 45);
const THURSDAY_MORNING = new Date(2026, 2, 12, 9, 0);

const contact: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Alice Martin', email: 'alice@acme.fr', subject: 'Devis' };
let alice: Prospect;

async function openPanel(): Promise<void> {
  await showPage(contact);
  await render(createElement(SidePanelApp));
  await until(() => q('[data-testid="prospect-name"]')?.textContent === 'Alice Martin', 'Alice shown');
}

async function dueDates(): Promise<string[]> {
  const relances = await db.relances.where('prospectId').equals(alice.id).toArray();
  return relances.map((relance) => relance.dueDate).sort();
}

async function pressAltShiftJ(): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyJ', key: 'J', altKey: true, shiftKey: true, bubbles: true }));
  });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_EVENING);
  await resetPanel();
  alice = (await addProspectFromContact(db, contact, 'outlook')).prospect;
  await moveStage(db, alice.id, 'contact');
});

afterEach(async () => {
  await unmount();
  vi.useRealTimers();
});

describe('a panel left open past midnight', () => {
  it('schedules "Today" and "+2 days" from the day of the click, not the day it was drawn', async () => {
    await openPanel();
    vi.setSystemTime(WEDNESDAY_MORNING);

    await click(q('[data-testid="relance-preset"][data-days="0"]'), 'Today');
    await until(() => q('[role="status"]') !== null, 'scheduled');
    await click(q('[data-testid="relance-preset"][data-days="2"]'), '+2 days');
    await settle();
    expect(await dueDates()).toEqual(['2026-03-11', '2026-03-13']);
  });

  it('schedules Alt+Shift+J two days after the day of the key press', async () => {
    await openPanel();
    vi.setSystemTime(WEDNESDAY_MORNING);

    await pressAltShiftJ();
    await settle();
    expect(await dueDates()).toEqual(['2026-03-13']);
  });

  it('moves the date picker minimum and the preset hints to the new day when the panel comes back into view', async () => {
    await openPanel();
    await settle();
    vi.setSystemTime(WEDNESDAY_MORNING);
    await settle();
    // Nothing redrew the panel overnight…
    expect(q<HTMLInputElement>('input[type="date"]')?.min).toBe('2026-03-10');

    // …until the rep looks at it again.
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(q<HTMLInputElement>('input[type="date"]')?.min).toBe('2026-03-11');
    const todayPreset = q('[data-testid="relance-preset"][data-days="0"]');
    const inTwoDays = q('[data-testid="relance-preset"][data-days="2"]');
    expect(todayPreset?.title).not.toBe(inTwoDays?.title);
    expect(todayPreset?.title).toContain('11');
  });
});

describe('the next action left on screen past midnight', () => {
  it('"Get back in touch today" schedules the relance on the day of the click', async () => {
    // Entered the contact stage weeks ago, never contacted since.
    vi.setSystemTime(new Date(2026, 1, 2, 10, 0));
    const carla: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Carla Roux', email: 'carla@initech.fr' };
    const { prospect } = await addProspectFromContact(db, carla, 'outlook');
    await moveStage(db, prospect.id, 'contact');
    vi.setSystemTime(TUESDAY_EVENING);
    await showPage(carla);
    await render(createElement(SidePanelApp));
    await until(() => q('[data-testid="next-action"]')?.dataset.actionKey === 'no-contact', 'no-contact suggestion');

    vi.setSystemTime(WEDNESDAY_MORNING);
    await click(q('[data-testid="next-action-do"]'), 'Do it');
    await settle();
    const relances = await db.relances.where('prospectId').equals(prospect.id).toArray();
    expect(relances.map((relance) => relance.dueDate)).toEqual(['2026-03-11']);
  });
});

describe('Alt+Shift+J and "working days only"', () => {
  it('moves a Saturday relance to the Monday, as the planner presets do (the default setting)', async () => {
    vi.setSystemTime(THURSDAY_MORNING);
    await openPanel();

    await pressAltShiftJ();
    await settle();
    expect(await dueDates()).toEqual(['2026-03-16']);
  });

  it('keeps the Saturday when the rep works weekends', async () => {
    vi.setSystemTime(THURSDAY_MORNING);
    await saveSettings(db, { workingDaysOnly: false });
    await openPanel();

    await pressAltShiftJ();
    await settle();
    expect(await dueDates()).toEqual(['2026-03-14']);
  });
});
