/**
 * An Outlook-on-the-web-like mailbox written for these tests (new OWA hooks: the message list
 * `#MailList` with `[data-convid][aria-selected]` rows, the reading pane
 * `[role=main][data-app-section=ConversationContainer]`, the sender's persona `span.OZZZK`
 * inside a wrapper titled "Name <address>", the subject heading). Selecting a row replaces
 * the reading pane's content and leaves the URL as it is.
 */
export interface FakeConversation {
  id: string;
  subject: string;
  from: { name: string; email: string };
}

export const CONVERSATIONS: FakeConversation[] = [
  {
    id: 'AAQkADAwATM0MDAAMS1iZGQ3LTk0MDAtMDACLTAwCgAQAJ1c',
    subject: 'Offre de partenariat 2025',
    from: { name: 'Élodie Fournier', email: 'elodie.fournier@groupe-vitalis.fr' },
  },
  {
    id: 'AAQkADAwATM0MDAAMS1iZGQ3LTk0MDAtMDACLTAwCgAQAK7f',
    subject: 'Relance facture F-2291',
    from: { name: 'Hugo Lambert', email: 'hugo.lambert@lambert-freres.com' },
  },
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function readingPane(conversation: FakeConversation): string {
  const sender = escapeHtml(`${conversation.from.name} <${conversation.from.email}>`);
  return `<div class="conversation">
    <div id="ConversationReadingPaneSubject" role="heading" aria-level="2"><span class="JdFsz">${escapeHtml(conversation.subject)}</span></div>
    <div class="message-card">
      <div class="persona-wrapper" title="${sender}"><span class="OZZZK">${escapeHtml(conversation.from.name)}</span></div>
      <div data-testid="RecipientWell">À : <span>Lucas Martin</span></div>
      <div id="UniqueMessageBody_${conversation.id.slice(-4)}"><p>Bonjour Lucas,</p><p>Voici le point promis.</p></div>
    </div>
  </div>`;
}

export function outlookPage(selectedId: string): string {
  const rows = CONVERSATIONS.map(
    (conversation) => `<div role="option" class="mail-row" tabindex="-1" data-convid="${conversation.id}"
      aria-selected="${conversation.id === selectedId}"><span title="${conversation.from.email}">${escapeHtml(conversation.from.name)}</span>
      <span>${escapeHtml(conversation.subject)}</span></div>`,
  ).join('');
  const templates = CONVERSATIONS.map(
    (conversation) => `<template id="pane-${conversation.id}">${readingPane(conversation)}</template>`,
  ).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Courrier - Lucas Martin - Outlook</title></head>
<body>
<div id="app">
  <div role="navigation" aria-label="Dossiers"><span>Boîte de réception</span></div>
  <div id="MailList" role="listbox" aria-label="Liste de messages">${rows}</div>
  <div role="main" data-app-section="ConversationContainer" aria-label="Volet de lecture" id="reading-pane"></div>
</div>
${templates}
<script>
const pane = document.getElementById('reading-pane');
function show(id) {
  for (const row of document.querySelectorAll('#MailList [data-convid]')) row.setAttribute('aria-selected', String(row.dataset.convid === id));
  pane.replaceChildren(document.getElementById('pane-' + id).content.cloneNode(true));
}
document.getElementById('MailList').addEventListener('click', (event) => {
  const row = event.target.closest('[data-convid]');
  if (row) show(row.dataset.convid);
});
show(${JSON.stringify(selectedId)});
</script>
</body></html>`;
}
