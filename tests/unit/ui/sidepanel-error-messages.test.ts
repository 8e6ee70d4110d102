// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordNotFoundError, ValidationError } from '../../../src/db/errors';
import { db } from '../../../src/db/instance';
import { addProspectFromContact, saveSettings } from '../../../src/db/repository';
import { messages } from '../../../src/i18n';
import type { PageContact } from '../../../src/model/page-contact';
import { CaptureForm } from '../../../src/ui/sidepanel/CaptureForm';
import { failureMessage } from '../../../src/ui/sidepanel/failure-message';
import { RecognizedPerson } from '../../../src/ui/sidepanel/RecognizedPerson';
import { SidePanelApp } from '../../../src/ui/sidepanel/SidePanelApp';
import { ToastProvider } from '../../../src/ui/toast';
import { click, q, render, resetPanel, showPage, TAB, type, unmount, until } from './sidepanel-harness';

const contact: PageContact = { site: 'outlook', kind: 'email-thread', fullName: 'Alice Martin', email: 'alice@acme.fr', subject: 'Devis' };
const alert = () => q('[role="alert"]')?.textContent ?? null;

async function editAlice(editLabel: string): Promise<void> {
  await addProspectFromContact(db, contact, 'outlook');
  await showPage(contact);
  await render(createElement(SidePanelApp));
  await until(() => q(`button[aria-label="${editLabel}"]`) !== null, 'Alice shown');
  await click(q(`button[aria-label="${editLabel}"]`), 'edit');
}

const editorInput = (n: number) => q('[data-testid="prospect-editor"]')?.querySelectorAll<HTMLInputElement>('input')[n] ?? null;
const submitEditor = () => click(q('[data-testid="prospect-editor"] button[type="submit"]'), 'save');

beforeEach(resetPanel);
afterEach(unmount);

describe('a refused save in the French panel', () => {
  beforeEach(async () => {
    await saveSettings(db, { language: 'fr' });
  });

  it('the prospect editor names the field and the problem in French', async () => {
    await editAlice('Modifier');
    await type(editorInput(0), '', 'name');
    await submitEditor();
    await until(() => alert() !== null, 'error shown');
    expect(alert()).toBe('Nom : obligatoire');

    await type(editorInput(0), 'Alice Martin', 'name');
    await type(editorInput(5), 'https://example.com/alice', 'LinkedIn');
    await submitEditor();
    await until(() => alert()?.startsWith('Profil LinkedIn') === true, 'LinkedIn error shown');
    expect(alert()).toContain("ce n'est pas l'adresse d'un profil LinkedIn");
    expect(alert()).not.toMatch(/Invalid|Not a/);
  });

  it('the capture form says what is missing when nothing identifies the person', async () => {
    await render(
      createElement(
        ToastProvider,
        null,
        createElement(CaptureForm, {
          capture: { tabId: TAB, source: 'capture-selection', contact: { site: 'webmail', kind: 'person' }, emails: [], phones: [], at: 1 },
        }),
      ),
    );
    await until(() => q('[data-testid="capture-save"]')?.textContent === 'Enregistrer le prospect', 'French form');
    await click(q('[data-testid="capture-save"]'), 'save');
    await until(() => alert() !== null, 'error shown');
    expect(alert()).toBe('Nom : indiquez un nom, un e-mail ou un profil LinkedIn');
  });

  it('"Add as prospect" on a recognised person without name or address explains it in French', async () => {
    await render(
      createElement(RecognizedPerson, { contact: { site: 'outlook', kind: 'email-thread', subject: 'Devis' }, suggestions: [] }),
    );
    await until(() => q('[data-testid="add-prospect"]')?.textContent === 'Ajouter comme prospect', 'French panel');
    await click(q('[data-testid="add-prospect"]'), 'add');
    await until(() => alert() !== null, 'error shown');
    expect(alert()).toBe('Nom : indiquez un nom, un e-mail ou un profil LinkedIn');
  });
});

describe('a refused save in the English panel', () => {
  it('reads as English sentences too, not as the check’s wording', async () => {
    await saveSettings(db, { language: 'en' });
    await editAlice('Edit');
    await type(editorInput(0), '', 'name');
    await submitEditor();
    await until(() => alert() !== null, 'error shown');
    expect(alert()).toBe('Name: required');
  });
});

describe('failureMessage', () => {
  const fr = messages('fr');
  const en = messages('en');

  it('names the entry of a list, and every refused field', () => {
    const failure = ValidationError.fromIssues('prospect', [
      { path: 'emails.1', message: 'Not an email address' },
      { path: 'company', message: 'Too long (max 200)' },
    ]);
    expect(failureMessage(failure, fr)).toBe(
      "E-mail n° 2 : ce n'est pas une adresse e-mail valide · Société : trop long (200 caractères max.)",
    );
    expect(failureMessage(failure, en)).toBe('Email #2: not a valid email address · Company: too long (max 200 characters)');
  });

  it('still names the field when the problem is not one it knows', () => {
    const failure = ValidationError.fromIssues('prospect', [{ path: 'jobTitle', message: 'Text expected' }]);
    expect(failureMessage(failure, fr)).toBe('Poste : valeur refusée');
    expect(failureMessage(failure, en)).toBe('Job title: value refused');
  });

  it('words a taken LinkedIn profile, an erased prospect and an unexpected failure', () => {
    const taken = ValidationError.fromIssues('prospect', [{ path: 'linkedinUrl', message: 'Already the profile of Bruno Petit' }]);
    expect(failureMessage(taken, fr)).toBe("Profil LinkedIn : c'est déjà le profil de Bruno Petit");
    expect(failureMessage(new RecordNotFoundError('prospect', 'x'), fr)).toBe('Ce prospect a été effacé entre-temps.');
    expect(failureMessage(new Error('QuotaExceededError'), fr)).toBe("L'enregistrement a échoué : QuotaExceededError");
  });
});
