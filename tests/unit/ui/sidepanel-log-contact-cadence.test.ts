// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, saveSettings } from '../../../src/db/repository';
import type { PageContact } from '../../../src/model/page-contact';
import { SidePanelApp } from '../../../src/ui/sidepanel/SidePanelApp';
import { click, q, render, resetPanel, settle, showPage, unmount, until } from './sidepanel-harness';

const contact: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Alice Martin', email: 'alice@acme.fr', subject: 'Devis' };

// The quote went out on Monday 2 March 2026 (the move to the proposal stage).
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 2, 10, 0));
  await resetPanel();
  const { prospect } = await addProspectFromContact(db, contact, 'outlook');
  await moveStage(db, prospect.id, 'proposal', { forced: true });
});

afterEach(async () => {
  await unmount();
  vi.useRealTimers();
});

async function logCallAndReadProposal(): Promise<string | null> {
  await showPage(contact);
  await render(createElement(SidePanelApp));
  await until(() => q('[data-testid="prospect-name"]')?.textContent === 'Alice Martin', 'Alice shown');
  // The stage trail and the settings arrive by live queries of their own, a moment after the name.
  await until(() => q('[data-testid="next-action"]') !== null, 'records read');
  await settle();
  await click(q('[data-testid="log-contact"][data-channel="call"]'), 'log a call');
  await until(() => q('[data-testid="relance-proposal"]') !== null, 'proposal');
  return q('[data-testid="relance-proposal"]')?.getAttribute('data-due') ?? null;
}

it('proposes the quote cadence step after the call, counted from the day the quote went out', async () => {
  // Called on Wednesday the 4th (the +2 step is today): the next step is the +7, Monday the 9th.
  vi.setSystemTime(new Date(2026, 2, 4, 11, 0));
  expect(await logCallAndReadProposal()).toBe('2026-03-09');
});

it('moves a proposal landing on a weekend to the Monday, unless the rep works weekends', async () => {
  // Called on Thursday the 19th, every step has passed (the +14 was on the 16th): the +2 pace
  // gives Saturday the 21st.
  vi.setSystemTime(new Date(2026, 2, 19, 11, 0));
  expect(await logCallAndReadProposal()).toBe('2026-03-23');
  await unmount();
  await saveSettings(db, { workingDaysOnly: false });
  expect(await logCallAndReadProposal()).toBe('2026-03-21');
});
