// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, setChecklistItem } from '../../../src/db/repository';
import type { Prospect } from '../../../src/model';
import type { PageContact } from '../../../src/model/page-contact';
import type { Stage } from '../../../src/process';
import { SidePanelApp } from '../../../src/ui/sidepanel/SidePanelApp';
import { click, q, render, resetPanel, showPage, unmount, until } from './sidepanel-harness';

const contact: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Alice Martin', email: 'alice@acme.fr', subject: 'Devis' };
let alice: Prospect;

async function openPanelAt(stage: Stage): Promise<void> {
  await moveStage(db, alice.id, stage, { forced: true, unmet: [] });
  await showPage(contact);
  await render(createElement(SidePanelApp));
  await until(() => q('[data-testid="prospect-name"]')?.textContent === 'Alice Martin', 'Alice shown');
}

const topAction = () => q('[data-testid="next-action"]')?.dataset.actionKey;
const checkboxOf = (key: string) =>
  [...document.querySelectorAll<HTMLElement>('[data-checklist-key]')]
    .find((row) => row.dataset.checklistKey === key)
    ?.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? null;

beforeEach(async () => {
  await resetPanel();
  alice = (await addProspectFromContact(db, contact, 'outlook')).prospect;
});

afterEach(unmount);

describe('"Do it" on a checklist suggestion', () => {
  it("at discovery, focuses discovery's own decision-maker point; ticking it answers the suggestion", async () => {
    await openPanelAt('discovery');
    await until(() => topAction() === 'no-decision-maker', 'decision-maker suggestion');

    await click(q('[data-testid="next-action-do"]'), 'Do it');
    await until(() => document.activeElement === checkboxOf('discovery.decision-maker'), 'decision-maker point focused');
    // On screen already: not repeated below the list.
    expect(q('[data-testid="checklist-requested"]')).toBeNull();

    await click(checkboxOf('discovery.decision-maker'), 'tick');
    await until(() => topAction() !== 'no-decision-maker', 'suggestion answered');
    expect((await db.prospects.get(alice.id))?.checklist['discovery.decision-maker']?.done).toBe(true);
  });

  it('at proposal, "Proposal without enough discovery" focuses the discovery point to fill in', async () => {
    await setChecklistItem(db, alice.id, 'contact.decision-maker', { done: true });
    await openPanelAt('proposal');
    await until(() => topAction() === 'discovery-incomplete', 'thin discovery warning');

    await click(q('[data-testid="next-action-do"]'), 'Do it');
    await until(() => checkboxOf('discovery.needs') !== null, 'discovery point shown');
    expect(document.activeElement).toBe(checkboxOf('discovery.needs'));
  });

  it('focuses a point of the current stage in place, without repeating it below', async () => {
    await openPanelAt('closing');
    await until(() => topAction() === 'ask-decision', 'ask-decision suggestion');

    await click(q('[data-testid="next-action-do"]'), 'Do it');
    await until(() => document.activeElement === checkboxOf('closing.decision-asked'), 'decision point focused');
    expect(q('[data-testid="checklist-requested"]')).toBeNull();
  });
});
