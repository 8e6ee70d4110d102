// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, moveStage, setChecklistItem } from '../../../src/db/repository';
import type { Prospect } from '../../../src/model';
import type { PageContact } from '../../../src/model/page-contact';
import { SidePanelApp } from '../../../src/ui/sidepanel/SidePanelApp';
import { click, focusProspect, q, render, resetPanel, settle, showPage, type, unmount, until } from './sidepanel-harness';

const contactA: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Alice Martin', email: 'alice@acme.fr', subject: 'Devis' };
const contactB: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Bruno Petit', email: 'bruno@globex.fr', subject: 'RDV' };

let alice: Prospect;
let bruno: Prospect;

const shownName = () => q('[data-testid="prospect-name"]')?.textContent;

async function showAlice(): Promise<void> {
  await showPage(contactA);
  await render(createElement(SidePanelApp));
  await until(() => shownName() === 'Alice Martin', 'Alice shown');
}

async function switchToBruno(): Promise<void> {
  await showPage(contactB);
  await until(() => shownName() === 'Bruno Petit', 'Bruno shown');
}

beforeEach(async () => {
  await resetPanel();
  alice = (await addProspectFromContact(db, contactA, 'outlook')).prospect;
  bruno = (await addProspectFromContact(db, contactB, 'outlook')).prospect;
  await moveStage(db, alice.id, 'contact');
  await moveStage(db, bruno.id, 'contact');
});

afterEach(unmount);

describe('switching the panel to another prospect', () => {
  it('drops the "contact logged" form of the previous prospect, so its proposal cannot schedule a relance for the new one', async () => {
    await showAlice();
    await click(q('[data-testid="log-contact"][data-channel="call"]'), 'log a call');
    await until(() => q('[data-testid="relance-proposal"]') !== null, 'proposal for Alice');

    await switchToBruno();
    await settle();
    expect(q('[data-testid="relance-proposal"]')).toBeNull();
    expect(await db.relances.where('prospectId').equals(bruno.id).count()).toBe(0);
  });

  it('closes the editor opened on the previous prospect instead of showing it filled with their data', async () => {
    await showAlice();
    await click(q('button[aria-label="Edit"]'), 'edit');
    await until(() => q('[data-testid="prospect-editor"]') !== null, 'editor open');

    await showPage(contactB);
    await until(() => q('[data-testid="prospect-editor"]') === null && shownName() === 'Bruno Petit', 'Bruno shown, editor closed');
    expect((await db.prospects.get(bruno.id))?.fullName).toBe('Bruno Petit');
  });

  it('forgets a pending "move anyway" confirmation when the popup focuses another prospect', async () => {
    await focusProspect(alice.id);
    await render(createElement(SidePanelApp));
    await until(() => shownName() === 'Alice Martin', 'Alice focused');
    await click(q('[data-testid="stage-step"][data-stage="closing"]'), 'step to closing');
    await until(() => q('[data-testid="stage-confirm"]') !== null, 'exit criteria warning');

    await focusProspect(bruno.id);
    await until(() => shownName() === 'Bruno Petit', 'Bruno focused');
    await settle();
    expect(q('[data-testid="stage-confirm"]')).toBeNull();
    expect((await db.prospects.get(bruno.id))?.stage).toBe('contact');
  });

  it('starts the relance planner afresh: no confirmation, time or date of the previous prospect', async () => {
    await showAlice();
    await type(q<HTMLInputElement>('input[type="time"]'), '09:30', 'time');
    await click(q('[data-testid="relance-preset"][data-days="7"]'), '+1 week');
    await until(() => q('[role="status"]')?.textContent?.startsWith('Follow-up due') === true, 'scheduled for Alice');

    await switchToBruno();
    await settle();
    expect(q<HTMLInputElement>('input[type="time"]')?.value).toBe('');
    expect([...document.querySelectorAll('[role="status"]')].map((node) => node.textContent).join()).not.toContain('Follow-up due');
  });
});

describe('relance planner', () => {
  it('clears the time and the custom date once a relance is scheduled, so they do not stick to the next one', async () => {
    await showAlice();
    await type(q<HTMLInputElement>('input[type="time"]'), '09:30', 'time');
    await type(q<HTMLInputElement>('input[type="date"]'), '2099-01-15', 'custom date');
    await click(q('[data-testid="relance-custom"]'), 'schedule on that day');
    await until(() => q<HTMLInputElement>('input[type="time"]')?.value === '', 'time cleared');
    expect(q<HTMLInputElement>('input[type="date"]')?.value).toBe('');
    const [first] = await db.relances.where('prospectId').equals(alice.id).toArray();
    expect(first).toMatchObject({ dueDate: '2099-01-15', dueTime: '09:30' });

    await click(q('[data-testid="relance-preset"][data-days="7"]'), '+1 week');
    await until(() => q('[role="status"]') !== null, 'second scheduled');
    await settle();
    const relances = await db.relances.where('prospectId').equals(alice.id).toArray();
    expect(relances).toHaveLength(2);
    expect(relances.find((relance) => relance.dueDate !== '2099-01-15')?.dueTime).toBeUndefined();
  });
});

describe('checklist notes', () => {
  it('opens the note editor on the note as stored now, not as it was when the row appeared', async () => {
    await moveStage(db, alice.id, 'discovery');
    await setChecklistItem(db, alice.id, 'discovery.needs', { note: 'first version' });
    await showAlice();
    await until(() => q('[data-checklist-key="discovery.needs"]')?.textContent?.includes('first version') === true, 'note shown');

    // Another page (the options' prospect view, a second panel) rewrites the note meanwhile.
    await act(async () => {
      await setChecklistItem(db, alice.id, 'discovery.needs', { note: 'second version' });
    });
    await until(() => q('[data-checklist-key="discovery.needs"]')?.textContent?.includes('second version') === true, 'new note shown');

    await click(q('[data-checklist-key="discovery.needs"] button'), 'edit note');
    expect(q<HTMLInputElement>('[data-checklist-key="discovery.needs"] input:not([type="checkbox"])')?.value).toBe('second version');
  });
});
