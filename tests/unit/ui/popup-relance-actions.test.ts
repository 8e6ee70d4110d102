// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/instance';
import { saveSettings } from '../../../src/db/repository';
import type { Lang } from '../../../src/i18n';
import { formatDay } from '../../../src/ui/format';
import { PopupApp } from '../../../src/ui/popup/PopupApp';
import { control, press, prospectWithRelances, q, render, resetPopup, rowNames, settle, unmount, until } from './popup-harness';

// Thursday 12 March 2026: +2 days is a Saturday, +3 days a Sunday.
const THURSDAY = '2026-03-12';
const MONDAY = '2026-03-16';

async function openPopup(): Promise<void> {
  await render(createElement(PopupApp));
  await until(() => q('[data-testid="relance-item"]') !== null, 'rows shown');
}

/** The day as the popup's labels write it, in the language it resolved. */
function shownDay(iso: string): string {
  return formatDay(iso, document.documentElement.lang as Lang);
}

async function dueDatesOf(prospectId: string): Promise<string[]> {
  const relances = await db.relances.where('prospectId').equals(prospectId).toArray();
  return relances.map((relance) => `${relance.status}:${relance.dueDate}`).sort();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 12, 9, 0));
  await resetPopup();
});

afterEach(async () => {
  await unmount();
  vi.useRealTimers();
});

describe('the popup with "working days only" (the default)', () => {
  it('snoozes "+3 d" from a Thursday to the Monday, not the Sunday', async () => {
    const { prospect } = await prospectWithRelances('Alice Martin', 'contact', [[THURSDAY]]);
    await openPopup();
    expect(control('Alice Martin', 'relance-snooze-3')?.getAttribute('aria-label')).toContain(shownDay(MONDAY));
    await press(control('Alice Martin', 'relance-snooze-3'), 'snooze +3');
    await until(() => q('[data-section="upcoming"][data-testid="relance-item"]') !== null, 'moved');
    expect(await dueDatesOf(prospect.id)).toEqual([`open:${MONDAY}`]);
  });

  it('snoozes by calendar days once the setting is off', async () => {
    await saveSettings(db, { workingDaysOnly: false });
    const { prospect } = await prospectWithRelances('Alice Martin', 'contact', [[THURSDAY]]);
    await openPopup();
    await until(
      () => control('Alice Martin', 'relance-snooze-3')?.getAttribute('aria-label')?.includes(shownDay('2026-03-15')) ?? false,
      'label',
    );
    await press(control('Alice Martin', 'relance-snooze-3'), 'snooze +3');
    await until(() => q('[data-section="upcoming"][data-testid="relance-item"]') !== null, 'moved');
    expect(await dueDatesOf(prospect.id)).toEqual(['open:2026-03-15']);
  });

  it('proposes the relance after "Done" on the Monday, not the Saturday', async () => {
    await prospectWithRelances('Alice Martin', 'proposal', [[THURSDAY]]);
    await openPopup();
    await press(control('Alice Martin', 'relance-done'), 'done');
    await until(() => q('[data-testid="relance-proposal"]') !== null, 'proposal shown');
    expect(q('[data-testid="relance-proposal"]')?.dataset.due).toBe(MONDAY);
  });
});

describe('"Done" in the popup', () => {
  it('proposes no relance while the prospect has another one open', async () => {
    const { prospect } = await prospectWithRelances('Alice Martin', 'proposal', [[THURSDAY], ['2026-03-17']]);
    await openPopup();
    await press(control('Alice Martin', 'relance-done'), 'done');
    await until(() => q('[role="status"]') !== null, 'banner shown');
    await settle();
    expect(q('[data-testid="relance-proposal"]')).toBeNull();
    expect(await dueDatesOf(prospect.id)).toEqual([`done:${THURSDAY}`, 'open:2026-03-17']);
  });

  it('logs one contact however fast it is pressed twice', async () => {
    const { prospect } = await prospectWithRelances('Alice Martin', 'contact', [[THURSDAY]]);
    await openPopup();
    const done = control('Alice Martin', 'relance-done');
    if (!done) throw new Error('no done button');
    await act(async () => {
      done.click();
      done.click();
    });
    const busyWhileRunning = done.getAttribute('aria-busy');
    await until(() => rowNames().length === 0, 'row gone');
    await settle();
    expect(await db.interactions.where('prospectId').equals(prospect.id).count()).toBe(1);
    expect(busyWhileRunning).toBe('true');
  });
});

describe('keyboard focus after a row leaves the popup', () => {
  async function threeToday(): Promise<void> {
    // Two others open: "Done" proposes nothing, so focus goes on down the list.
    for (const [name, time] of [
      ['Alice Martin', '09:00'],
      ['Bruno Petit', '10:00'],
      ['Chloé Roux', '11:00'],
    ] as const) {
      await prospectWithRelances(name, 'contact', [[THURSDAY, time], ['2026-03-25']]);
    }
    await openPopup();
    expect(rowNames()).toEqual(['Alice Martin', 'Bruno Petit', 'Chloé Roux']);
  }

  it('goes to "Done" on the next row after "Done"', async () => {
    await threeToday();
    await press(control('Alice Martin', 'relance-done'), 'done');
    await until(() => document.activeElement === control('Bruno Petit', 'relance-done'), 'focus on the next row');
  });

  it('goes to the same snooze button on the next row after a snooze', async () => {
    await threeToday();
    await press(control('Bruno Petit', 'relance-snooze'), 'snooze');
    await until(() => document.activeElement === control('Chloé Roux', 'relance-snooze'), 'focus on the next row');
  });

  it('goes to the row before when the last row is done', async () => {
    await threeToday();
    await press(control('Chloé Roux', 'relance-done'), 'done');
    await until(() => document.activeElement === control('Bruno Petit', 'relance-done'), 'focus on the row before');
  });

  it("goes to the proposal's accept button when one is proposed", async () => {
    await prospectWithRelances('Alice Martin', 'contact', [[THURSDAY, '09:00']]);
    await prospectWithRelances('Bruno Petit', 'contact', [[THURSDAY, '10:00']]);
    await openPopup();
    await press(control('Alice Martin', 'relance-done'), 'done');
    await until(() => document.activeElement === q('[data-testid="relance-proposal-accept"]'), 'focus on accept');
  });

  it("goes to the popup's heading when the list is empty", async () => {
    await prospectWithRelances('Alice Martin', 'contact', [[THURSDAY]]);
    await openPopup();
    await press(control('Alice Martin', 'relance-snooze-monday'), 'snooze to Monday');
    // Monday is within the week: the row moves to "upcoming", the only row left: it keeps the focus.
    await until(() => q('[data-section="upcoming"][data-testid="relance-item"]') !== null, 'moved');
    await settle();
    expect(document.activeElement).toBe(control('Alice Martin', 'relance-snooze-monday'));
    // To the Monday after: past the week, out of the list.
    await press(control('Alice Martin', 'relance-snooze-monday'), 'snooze to the next Monday');
    await until(() => rowNames().length === 0, 'list empty');
    await until(() => document.activeElement === q('h1'), 'focus on the heading');
  });
});
