// @vitest-environment happy-dom
/**
 * A message the rep sent (Sent Items, or a conversation whose latest card is the rep's reply) must
 * show the person the rep wrote to, never the rep: each webmail adapter works out the signed-in
 * account where its page says it, and the same page without that signal keeps reading the sender.
 * Pages written for this test.
 */
import { describe, expect, it } from 'vitest';
import type { PageContact } from '../../../src/model/page-contact';
import type { SiteAdapter } from '../../../src/sites/adapter';
import { genericWebmailAdapter } from '../../../src/sites/generic-webmail';
import { outlookAdapter } from '../../../src/sites/outlook';
import { protonAdapter } from '../../../src/sites/proton';
import { roundcubeAdapter } from '../../../src/sites/roundcube';
import { yahooAdapter } from '../../../src/sites/yahoo';
import { zimbraAdapter } from '../../../src/sites/zimbra';

const REP = { name: 'Lucas Martin', email: 'lucas.martin@relance-demo.fr' };
const PROSPECT = { name: 'Élodie Fournier', email: 'elodie.fournier@groupe-vitalis.fr' };

const page = (title: string, body: string, bodyAttributes = ''): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head><title>${title}</title></head><body ${bodyAttributes}>${body}</body></html>`,
    'text/html',
  );

function read(adapter: SiteAdapter, url: string, doc: Document): PageContact | null {
  const at = new URL(url);
  expect(adapter.matches(at)).toBe(true);
  return adapter.extract(at, doc);
}

describe('Outlook', () => {
  const URL_SENT = 'https://outlook.office.com/mail/sentitems/id/AAQkAD123';
  const sentCard = `<div class="message-card">
      <div class="persona-wrapper" title="Lucas Martin &lt;lucas.martin@relance-demo.fr&gt;"><span class="OZZZK">Lucas Martin</span></div>
      <div data-testid="RecipientWell">À : <span title="elodie.fournier@groupe-vitalis.fr">Élodie Fournier</span></div>
      <div id="UniqueMessageBody_1"><p>Bonjour Élodie, voici le devis.</p></div>
    </div>`;
  const receivedCard = `<div class="message-card">
      <div class="persona-wrapper" title="Élodie Fournier &lt;elodie.fournier@groupe-vitalis.fr&gt;"><span class="OZZZK">Élodie Fournier</span></div>
      <div data-testid="RecipientWell">À : <span title="lucas.martin@relance-demo.fr">Lucas Martin</span></div>
      <div id="UniqueMessageBody_2"><p>Bonjour Lucas, pouvez-vous m'envoyer un devis ?</p></div>
    </div>`;
  const pane = (cards: string, before = '') => `<div id="app">${before}<div role="main" data-app-section="ConversationContainer">
    <div id="ConversationReadingPaneSubject" role="heading" aria-level="2"><span class="JdFsz">RE: Offre de partenariat 2025</span></div>
    ${cards}</div></div>`;

  it('in Sent Items, shows the person the rep wrote to (the rep named in the title)', () => {
    const contact = read(outlookAdapter, URL_SENT, page('Éléments envoyés - Lucas Martin - Outlook', pane(sentCard)));
    expect(contact).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email, subject: 'RE: Offre de partenariat 2025' });
    expect(contact?.participants).toEqual([PROSPECT, REP]);
  });

  it('without any account signal, still reads the sender (nothing says who the rep is)', () => {
    expect(read(outlookAdapter, URL_SENT, page('Outlook', pane(sentCard)))).toMatchObject({ email: REP.email });
  });

  it('under the rep’s own reply, shows the prospect’s earlier card (the rep known by the account button)', () => {
    const button = '<button id="mectrl_main_trigger" aria-label="Gestionnaire de comptes pour Lucas Martin"></button>';
    const doc = page('Outlook', pane(sentCard + receivedCard, button));
    expect(read(outlookAdapter, 'https://outlook.office.com/mail/inbox/id/AAQkAD456', doc)).toMatchObject({
      fullName: PROSPECT.name,
      email: PROSPECT.email,
    });
  });

  it('knows the rep by the account card’s address, even under another display name', () => {
    const card =
      '<div id="mectrl_currentAccount_primary">L. Martin</div><div id="mectrl_currentAccount_secondary">Lucas.Martin@relance-demo.fr</div>';
    expect(read(outlookAdapter, URL_SENT, page('Outlook', pane(sentCard, card)))).toMatchObject({ email: PROSPECT.email });
  });

  it('keeps reading the prospect’s own message when the rep is known', () => {
    expect(read(outlookAdapter, URL_SENT, page('Courrier – Lucas Martin – Outlook', pane(receivedCard)))).toMatchObject({
      email: PROSPECT.email,
    });
  });

  it('shows nobody on a note the rep wrote to themselves', () => {
    const note = sentCard.replace('elodie.fournier@groupe-vitalis.fr', REP.email).replace('Élodie Fournier', REP.name);
    expect(read(outlookAdapter, URL_SENT, page('Éléments envoyés - Lucas Martin - Outlook', pane(note)))).toBeNull();
  });
});

describe('Yahoo Mail', () => {
  const URL_YAHOO = 'https://mail.yahoo.com/d/folders/2/messages/AH3kZ9';
  const message = (from: typeof REP, to: typeof REP) => `<div data-test-id="message-view">
      <span data-test-id="message-from"><span data-test-id="with-contact-card-anchor">${from.name}</span> <span>&lt;${from.email}&gt;</span></span>
      <div data-test-id="message-recipients"><span>À </span><span title="${to.email}">${to.name}</span></div>
      <div data-test-id="message-view-body-content">…</div></div>`;
  const thread = (messages: string) =>
    `<div role="main"><h2 data-test-id="message-group-subject-text">Devis salon 2025</h2>${messages}</div>`;

  it('in a sent message, shows the person the rep wrote to (the account in the title)', () => {
    const doc = page(`(2 non lus) - ${REP.email} - Yahoo Mail`, thread(message(REP, PROSPECT)));
    expect(read(yahooAdapter, URL_YAHOO, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email });
  });

  it('when the latest message is the rep’s reply, shows the prospect who wrote before', () => {
    const doc = page(`${REP.email} - Yahoo Mail`, thread(message(PROSPECT, REP) + message(REP, PROSPECT)));
    expect(read(yahooAdapter, URL_YAHOO, doc)).toMatchObject({ email: PROSPECT.email });
  });

  it('without the account in the title, reads the latest sender', () => {
    const doc = page('Devis salon 2025 - Yahoo Mail', thread(message(REP, PROSPECT)));
    expect(read(yahooAdapter, URL_YAHOO, doc)).toMatchObject({ email: REP.email });
  });
});

describe('Proton Mail', () => {
  const URL_PROTON = 'https://mail.proton.me/u/0/sent/Xq9wT2bLmZ7c';
  const conversation = `<h1 data-testid="conversation-header:subject">Devis</h1>
    <article data-testid="message-view-0"><div class="message-header">
      <span data-testid="recipients:sender" title="${REP.email}"><span data-testid="recipient-label">${REP.name}</span>
        <span data-testid="recipient-address">&lt;${REP.email}&gt;</span></span>
      <span data-testid="recipients:item-${PROSPECT.email}"><span data-testid="recipient-label">${PROSPECT.name}</span>
        <span data-testid="recipient-address">&lt;${PROSPECT.email}&gt;</span></span>
    </div></article>`;

  it('in a sent message, shows the person the rep wrote to (the account button’s title)', () => {
    const button = `<button data-testid="heading:userdropdown" title="${REP.name} &lt;${REP.email}&gt;"><span>${REP.name}</span></button>`;
    const doc = page('Envoyés | Proton Mail', `<header>${button}</header>${conversation}`);
    expect(read(protonAdapter, URL_PROTON, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email });
  });

  it('without the account button, reads the sender', () => {
    expect(read(protonAdapter, URL_PROTON, page('Envoyés | Proton Mail', conversation))).toMatchObject({ email: REP.email });
  });
});

describe('Roundcube', () => {
  const URL_RC = 'https://webmail.relance-demo.fr/?_task=mail&_action=show&_uid=7&_mbox=Sent';
  const message = `<div id="message-header"><h2 class="subject">Devis chantier</h2>
    <div class="header-summary"><span class="adr"><a href="mailto:${REP.email}" class="rcmContactAddress" title="${REP.email}">${REP.name}</a></span></div>
    <table class="header-headers"><tr><td class="header to"><span class="adr"><a href="mailto:${PROSPECT.email}" class="rcmContactAddress"
      title="${PROSPECT.email}">${PROSPECT.name}</a></span></td></tr></table></div>`;

  it('in the Sent folder, shows the person the rep wrote to (the login in the header)', () => {
    const doc = page(
      'Webmail :: Devis chantier',
      `<div class="header-title username">${REP.email}</div>${message}`,
      'class="task-mail action-show"',
    );
    expect(read(roundcubeAdapter, URL_RC, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email, threadId: 'Sent/7' });
  });

  it('without the login shown (a preview frame), reads the sender', () => {
    const doc = page('Webmail :: Devis chantier', message, 'class="task-mail action-preview"');
    expect(read(roundcubeAdapter, URL_RC, doc)).toMatchObject({ email: REP.email });
  });
});

describe('Zimbra', () => {
  const URL_ZIMBRA = 'https://mail.relance-demo.fr/#2';
  const message = `<table class="MsgHeaderTable"><tr><td class="LabelColValue SubjectCol">Devis</td></tr>
    <tr id="x_from"><td id="x_1_from"><span class="addrBubble">"${REP.name}" &lt;${REP.email}&gt;</span></td></tr>
    <tr id="x_to"><td><span class="addrBubble">"${PROSPECT.name}" &lt;${PROSPECT.email}&gt;</span></td></tr></table>`;

  it('in a sent message, shows the person the rep wrote to (the account in the top bar)', () => {
    const doc = page('Zimbra: Envoyé', `<div class="DwtShell"><div id="skin_container_username">${REP.email}</div>${message}</div>`);
    expect(read(zimbraAdapter, URL_ZIMBRA, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email });
  });

  it('without the top bar, reads the sender', () => {
    expect(read(zimbraAdapter, URL_ZIMBRA, page('Zimbra: Envoyé', `<div class="DwtShell">${message}</div>`))).toMatchObject({
      email: REP.email,
    });
  });
});

describe('any other webmail (generic reader)', () => {
  const URL_GENERIC = 'https://courriel.relance-demo.fr/envoyes/42';
  const message = `<main><h1>Devis chantier</h1>
    <p>De : <a href="mailto:${REP.email}">${REP.name}</a></p><p>À : <a href="mailto:${PROSPECT.email}">${PROSPECT.name}</a></p></main>`;

  it('skips the rep’s own address (the account in the title)', () => {
    const doc = page(`Envoyés - ${REP.email} - Courriel Pro`, message);
    expect(read(genericWebmailAdapter, URL_GENERIC, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email });
  });

  it('skips the rep’s own address shown as text (the account in the top bar)', () => {
    const text = `<main><h1>Devis chantier</h1><p>De : ${REP.name} &lt;${REP.email}&gt;, À : ${PROSPECT.name} &lt;${PROSPECT.email}&gt;</p></main>`;
    const doc = page('Courriel Pro', `<div role="banner">${REP.email}</div>${text}`);
    expect(read(genericWebmailAdapter, URL_GENERIC, doc)).toMatchObject({ fullName: PROSPECT.name, email: PROSPECT.email });
  });

  it('without any account signal, reads the first address', () => {
    expect(read(genericWebmailAdapter, URL_GENERIC, page('Courriel Pro', message))).toMatchObject({ email: REP.email });
  });
});
