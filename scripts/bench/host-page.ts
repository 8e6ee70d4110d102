/**
 * A Gmail-like page that churns its DOM the way a busy mailbox does (inbox rows replaced and
 * updated in place, counters and labels re-written, a chat roster flickering) with a few SPA hash
 * navigations into threads and back. Served at https://mail.google.com/mail/u/0/ so the Gmail
 * content script runs on it. `runBenchWorkload()` runs a fixed amount of work, one chunk per
 * task (chained through a MessageChannel, never idle), and returns:
 * - elapsedMs: performance.now() from the first chunk to the end of the last one, so whatever
 *   an extension runs on the main thread in between (observer callbacks, debounced scans) counts;
 * - longTaskMs / longTasks: long tasks (> 50 ms) seen by a PerformanceObserver in that window;
 * - mutations: DOM changes made (counted by the page's own observer, installed in both runs).
 */
export function mutationHeavyMailPage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Boîte de réception (12) - lucas.martin@relance-demo.fr - Gmail</title>
<style>body{font:13px sans-serif;margin:0;display:flex}nav{width:180px}main{flex:1}tr.zA td{padding:2px 6px}.unread{font-weight:bold}</style>
</head><body>
<nav role="navigation"><a href="#inbox">Boîte de réception <span id="unread-count">12</span></a><ul id="labels"></ul><ul id="chat"></ul></nav>
<main role="main" id="main"></main>
<script>
const FIRST = ['Camille','Léa','Thomas','Hugo','Inès','Julien','Manon','Nicolas','Chloé','Antoine'];
const LAST = ['Martin','Bernard','Dubois','Morel','Girard','Laurent','Lefèvre','Roux','Fournier','Rousseau'];
const SUBJECTS = ['Devis transport frigorifique','Rendez-vous salon SITL','Relance proposition','Facture mars','Planning livraisons'];
const main = document.getElementById('main');
let mutations = 0;
new MutationObserver((records) => { mutations += records.length; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
const longTasks = [];
try {
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry); }).observe({ type: 'longtask', buffered: true });
} catch {}

function person(className, index) {
  const name = FIRST[index % FIRST.length] + ' ' + LAST[(index * 7) % LAST.length];
  const email = name.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(' ', '.') + '@exemple-client.fr';
  const span = document.createElement('span');
  span.className = className;
  span.setAttribute('email', email);
  span.setAttribute('name', name);
  span.textContent = name;
  return span;
}

function inboxRow(row, round) {
  const tr = document.createElement('tr');
  tr.className = 'zA ' + ((row + round) % 3 === 0 ? 'zE unread' : 'yO');
  const who = document.createElement('td');
  who.append(person('bA4 zF', row + round));
  const what = document.createElement('td');
  const link = document.createElement('a');
  link.className = 'bog';
  link.href = '#inbox/FMfcgz' + row;
  link.textContent = SUBJECTS[(row + round) % SUBJECTS.length] + ' — ' + row;
  what.append(link);
  const when = document.createElement('td');
  when.textContent = (8 + (row % 10)) + ':' + String(row % 60).padStart(2, '0');
  tr.append(who, what, when);
  return tr;
}

function inboxView() {
  const view = document.createElement('div');
  view.className = 'nH';
  view.dataset.view = 'inbox';
  const table = document.createElement('table');
  table.setAttribute('role', 'grid');
  table.append(document.createElement('tbody'));
  view.append(table);
  return view;
}

/** Updates the inbox in place, row by row, as a live list does: each change is a mutation the page's observers see. */
function churnInbox(round) {
  const body = main.querySelector('[data-view="inbox"] tbody');
  if (!body) return;
  while (body.rows.length < 50) body.append(inboxRow(body.rows.length, round));
  for (let row = 0; row < 50; row++) {
    const tr = body.rows[row];
    if ((row + round) % 5 === 0) {
      tr.replaceWith(inboxRow(row, round));
      continue;
    }
    tr.classList.toggle('unread', (row + round) % 3 === 0);
    if ((row + round) % 2 === 0) tr.querySelector('a.bog').firstChild.data = SUBJECTS[(row + round) % SUBJECTS.length] + ' — ' + row + '·' + round;
  }
}

function threadView(index) {
  const view = document.createElement('div');
  view.className = 'nH';
  view.dataset.view = 'thread-' + index;
  const subject = document.createElement('h2');
  subject.className = 'hP';
  subject.textContent = SUBJECTS[index % SUBJECTS.length];
  const message = document.createElement('div');
  message.className = 'adn ads';
  message.setAttribute('role', 'listitem');
  const header = document.createElement('h3');
  header.className = 'iw';
  header.append(person('gD', index));
  const text = document.createElement('div');
  text.className = 'a3s aiL';
  for (let p = 0; p < 20; p++) {
    const para = document.createElement('p');
    para.textContent = 'Bonjour, pouvez-vous me confirmer vos disponibilités pour la livraison ' + p + ' ?';
    text.append(para);
  }
  message.append(header, text);
  view.append(subject, message);
  return view;
}

function churnSidebar(round) {
  document.getElementById('unread-count').textContent = String(10 + (round % 7));
  const labels = document.getElementById('labels');
  while (labels.children.length < 20) labels.append(document.createElement('li'));
  for (const [i, li] of [...labels.children].entries()) li.textContent = 'Label ' + i + ' (' + ((round + i) % 9) + ')';
  const chat = document.getElementById('chat');
  if (round % 2 === 0) chat.append(person('chat-presence', round));
  else chat.firstChild?.remove();
}

const nextTask = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });

window.runBenchWorkload = async ({ rounds, navigations }) => {
  const navigateEvery = Math.max(2, Math.floor(rounds / (navigations * 2 + 1)));
  let inThread = false;
  let threadIndex = 0;
  main.replaceChildren(inboxView());
  churnInbox(0);
  await nextTask();
  const mutationsBefore = mutations;
  const started = performance.now();
  for (let round = 1; round <= rounds; round++) {
    if (round % navigateEvery === 0 && threadIndex < navigations * 2) {
      // As Gmail: the hash changes first, the view follows in a later task.
      location.hash = inThread ? '#inbox' : '#inbox/FMfcgz' + threadIndex;
      threadIndex++;
      inThread = !inThread;
      await nextTask();
      main.replaceChildren(inThread ? threadView(threadIndex) : inboxView());
    }
    if (!inThread) churnInbox(round);
    churnSidebar(round);
    // Gmail reads layout as it renders (scroll positions, sizes): so does the workload.
    void main.offsetHeight;
    await nextTask();
  }
  const ended = performance.now();
  const inWindow = longTasks.filter((entry) => entry.startTime >= started && entry.startTime < ended);
  return {
    elapsedMs: ended - started,
    longTaskMs: inWindow.reduce((sum, entry) => sum + entry.duration, 0),
    longTasks: inWindow.length,
    mutations: mutations - mutationsBefore,
  };
};
</script></body></html>`;
}

export type WorkloadResult = { elapsedMs: number; longTaskMs: number; longTasks: number; mutations: number };
