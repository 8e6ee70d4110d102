/**
 * Roundcube-like pages written for these tests (elastic skin's hooks: `body.task-mail`, the
 * message header with `.rcmContactAddress` links, `h2.subject`). The mailbox page keeps its
 * message list on the left and opens a message in the `#messagecontframe` preview frame, as
 * Roundcube does; the full view is a page of its own (`_action=show`).
 */
export interface FakeMessage {
  uid: string;
  name: string;
  email: string;
  subject: string;
}

export const MESSAGES: Record<string, FakeMessage> = {
  '41': { uid: '41', name: 'Julien Carpentier', email: 'j.carpentier@menuiserie-carpentier.fr', subject: 'Commande de panneaux' },
  '42': { uid: '42', name: 'Sophie Marchand', email: 'sophie.marchand@acme-industrie.fr', subject: 'Devis transport frigorifique' },
  '43': { uid: '43', name: 'Karim Haddad', email: 'karim.haddad@optilog.fr', subject: 'Rendez-vous jeudi' },
  '44': { uid: '44', name: 'Nathalie Dumas', email: 'n.dumas@dumas-btp.fr', subject: 'Relance proposition' },
};

const ME = 'lucas.martin@relance-demo.fr';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function messageHeader(message: FakeMessage): string {
  return `<div id="message-header">
    <h2 class="subject"><span class="voice">Objet : </span>${escapeHtml(message.subject)}</h2>
    <div class="header-summary">
      <span class="adr"><a href="mailto:${message.email}" class="rcmContactAddress" title="${message.email}">${escapeHtml(message.name)}</a></span>
      <span class="text-nowrap">à <span class="adr"><a href="mailto:${ME}" class="rcmContactAddress" title="${ME}">Lucas Martin</a></span></span>
    </div>
  </div>
  <div id="messagebody"><div class="message-part"><p>Bonjour Lucas,</p><p>Vous trouverez ci-joint les éléments demandés.</p></div></div>`;
}

/** `?_task=mail&_action=show|preview&_uid=<uid>`: one message, as a page or as the preview frame's document. */
export function messagePage(uid: string, action: 'show' | 'preview'): string {
  const message = MESSAGES[uid];
  if (!message)
    return `<!doctype html><html><head><title>Webmail Exemple :: Erreur</title></head><body class="task-mail">Message introuvable</body></html>`;
  const chrome =
    action === 'show'
      ? `<div id="layout-menu" role="navigation"><a href="./?_task=mail&_mbox=INBOX">Courrier</a></div>
         <div id="layout-content" role="main" class="content">${messageHeader(message)}</div>`
      : `<div id="layout-content" role="main" class="content frame-content">${messageHeader(message)}</div>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Webmail Exemple :: ${escapeHtml(message.subject)}</title></head>
<body class="task-mail action-${action}">${chrome}</body></html>`;
}

/** `?_task=mail&_mbox=INBOX`: the list; clicking a row opens the message in the preview frame, the URL stays. */
export function mailboxPage(): string {
  const rows = Object.values(MESSAGES)
    .map(
      (message) => `<tr class="message" data-uid="${message.uid}"><td class="subject">
        <span class="fromto"><span class="adr"><span title="${message.email}" class="rcmContactAddress">${escapeHtml(message.name)}</span></span></span>
        <span class="subject"><a href="./?_task=mail&_mbox=INBOX&_uid=${message.uid}&_action=show">${escapeHtml(message.subject)}</a></span>
      </td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Webmail Exemple :: Boîte de réception</title></head>
<body class="task-mail action-none">
<div id="layout-menu" role="navigation"><span class="username">${ME}</span></div>
<div id="layout-list"><table id="messagelist">${rows}</table></div>
<div id="layout-content" role="main"><iframe id="messagecontframe" name="messagecontframe" title="Aperçu" src="about:blank"></iframe></div>
<script>
document.getElementById('messagelist').addEventListener('click', (event) => {
  const row = event.target.closest('tr.message');
  if (!row) return;
  event.preventDefault();
  document.getElementById('messagecontframe').src = './?_task=mail&_action=preview&_uid=' + row.dataset.uid + '&_mbox=INBOX&_framed=1';
});
</script>
</body></html>`;
}

/** Serves every Roundcube URL of the test domain: the page the query asks for. */
export function roundcubePage(url: URL): string {
  const uid = url.searchParams.get('_uid');
  const action = url.searchParams.get('_action');
  if (uid && action === 'preview') return messagePage(uid, 'preview');
  if (uid) return messagePage(uid, 'show');
  return mailboxPage();
}
