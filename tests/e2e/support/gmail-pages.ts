/**
 * A Gmail-like single-page app written for these tests (2018+ hooks: `[role=main]`, the
 * subject `h2.hP` with its hex `data-legacy-thread-id`, messages `.adn` whose sender is
 * `span.gD[email][name]`, recipients `.g2`; the account in the title). As Gmail does, a hash
 * change hides the current view at once (inline `display: none`, kept in the DOM) and renders
 * the next one `renderDelayMs` later: until then, nothing shown belongs to the new URL.
 */
export interface FakeThread {
  token: string;
  legacyId: string;
  subject: string;
  from: { name: string; email: string };
}

export const ME = { name: 'Lucas Martin', email: 'lucas.martin@relance-demo.fr' };

export const THREADS: FakeThread[] = [
  {
    token: 'FMfcgzQbfLxNwPrKtZdHsVmJcGqBwXnT',
    legacyId: '18c2f4a9b7d3e615',
    subject: 'Devis transport frigorifique — Lyon',
    from: { name: 'Camille Lefèvre', email: 'camille.lefevre@transports-morel.fr' },
  },
  {
    token: 'FMfcgzQbfMqRtVsLpWxKjHnBdCzGfYsK',
    legacyId: '18c2f7d01e9a4b28',
    subject: 'Rendez-vous au salon SITL',
    from: { name: 'Antoine Rousseau', email: 'a.rousseau@brightwave-logistics.com' },
  },
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const person = (className: string, p: { name: string; email: string }) =>
  `<span class="${className}" email="${p.email}" name="${escapeHtml(p.name)}" data-hovercard-id="${p.email}">${escapeHtml(p.name)}</span>`;

function threadView(thread: FakeThread): string {
  return `<div class="nH" data-view="${thread.token}">
    <h2 class="hP" data-thread-perm-id="thread-f:${BigInt(`0x${thread.legacyId}`)}" data-legacy-thread-id="${thread.legacyId}">${escapeHtml(thread.subject)}</h2>
    <div role="list">
      <div role="listitem" class="adn ads" data-legacy-message-id="${thread.legacyId}">
        <table class="cf gJ"><tbody><tr><td class="gF gK"><h3 class="iw">${person('gD', thread.from)}
          <span class="go">&lt;${thread.from.email}&gt;</span></h3></td></tr></tbody></table>
        <div class="hb">à ${person('g2', ME)}</div>
        <div class="a3s aiL"><p>Bonjour Lucas, pouvez-vous me confirmer vos disponibilités ?</p></div>
      </div>
    </div>
  </div>`;
}

function inboxView(): string {
  const rows = THREADS.map(
    (thread) => `<tr class="zA zE" role="row"><td class="yX xY">${person('bA4 zF', thread.from)}</td>
      <td class="xY a4W"><a class="bog" href="#inbox/${thread.token}">${escapeHtml(thread.subject)}</a></td></tr>`,
  ).join('');
  return `<div class="nH" data-view="inbox"><table class="F cf zt" role="grid"><tbody>${rows}</tbody></table></div>`;
}

export function gmailPage(options: { renderDelayMs?: number } = {}): string {
  const templates = [
    `<template id="view-inbox">${inboxView()}</template>`,
    ...THREADS.map((thread) => `<template id="view-${thread.token}">${threadView(thread)}</template>`),
  ].join('\n');
  const links = THREADS.map((thread) => `<a class="thread-link" href="#inbox/${thread.token}">${escapeHtml(thread.subject)}</a>`).join(' ');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Boîte de réception (2) - ${ME.email} - Gmail</title></head>
<body>
<div role="navigation"><a id="inbox-link" href="#inbox">Boîte de réception</a> ${links}</div>
<div role="main" id="main"></div>
${templates}
<script>
const main = document.getElementById('main');
const viewOf = (hash) => hash.split('/')[1] || 'inbox';
function render() {
  const key = viewOf(location.hash);
  main.querySelector('[data-view="' + key + '"]')?.remove();
  main.append(document.getElementById('view-' + key).content.cloneNode(true));
}
window.addEventListener('hashchange', () => {
  for (const view of main.children) view.style.display = 'none';
  setTimeout(render, ${options.renderDelayMs ?? 300});
});
render();
</script>
</body></html>`;
}
