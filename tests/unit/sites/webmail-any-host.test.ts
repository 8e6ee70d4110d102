// @vitest-environment happy-dom
/** The adapter the webmail content script runs on a domain the rep enabled (pages written for this test). */
import { describe, expect, it } from 'vitest';
import { webmailAdapterFor } from '../../../src/content/webmail-adapter';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const ROUNDCUBE_MESSAGE = `<!doctype html><html><head><title>Acme Webmail :: Devis transport</title></head>
<body class="task-mail action-show"><div id="message-header">
  <h2 class="subject"><span class="voice">Objet : </span>Devis transport</h2>
  <div class="header-summary"><span class="adr"><a href="mailto:sophie.marchand@acme-industrie.fr" class="rcmContactAddress"
    title="sophie.marchand@acme-industrie.fr">Sophie Marchand</a></span></div>
</div><div id="messagebody"><p>Bonjour, voici le devis.</p></div></body></html>`;

const ROUNDCUBE_LIST = `<!doctype html><html><head><title>Acme Webmail :: Boîte de réception</title></head>
<body class="task-mail action-none"><div id="layout-content" role="main">
  <span class="username">lucas.martin@relance-demo.fr</span>
  <table id="messagelist"><tr><td><span class="adr"><span title="sophie.marchand@acme-industrie.fr" class="rcmContactAddress">Sophie Marchand</span></span></td></tr></table>
</div></body></html>`;

const UNKNOWN_WEBMAIL = `<!doctype html><html><body><nav>lucas.martin@relance-demo.fr</nav>
<main><h1>Relance du devis</h1><p>De : <a href="mailto:paul.girard@transports-girard.fr">Paul Girard</a></p></main></body></html>`;

const ZIMBRA_LIST = `<!doctype html><html><body><div id="z_shell" class="DwtShell">
<div role="listbox"><div role="option">Réunion — claire.bernard@cabinet-bernard.fr</div></div></div></body></html>`;

describe('the webmail content script’s adapter', () => {
  const top = webmailAdapterFor('top', new URL('https://webmail.acme-industrie.fr/'));

  it('reads a Roundcube message', () => {
    const url = new URL('https://webmail.acme-industrie.fr/?_task=mail&_action=show&_uid=42&_mbox=INBOX');
    const doc = parse(ROUNDCUBE_MESSAGE);
    expect(top?.extract(url, doc)).toMatchObject({
      site: 'webmail',
      fullName: 'Sophie Marchand',
      email: 'sophie.marchand@acme-industrie.fr',
      subject: 'Devis transport',
      threadId: 'INBOX/42',
    });
    expect(top?.confirmsIdentity(url, doc)).toBe(true);
  });

  it('reads nobody on Roundcube’s mailbox list, though addresses are shown', () => {
    const url = new URL('https://webmail.acme-industrie.fr/?_task=mail&_mbox=INBOX');
    expect(top?.extract(url, parse(ROUNDCUBE_LIST))).toBeNull();
  });

  it('falls back to the generic reader on a webmail no adapter knows (Zimbra matches any URL but finds nothing)', () => {
    const url = new URL('https://mail.transports-girard.fr/inbox/1234');
    const doc = parse(UNKNOWN_WEBMAIL);
    expect(top?.extract(url, doc)).toMatchObject({ site: 'webmail', fullName: 'Paul Girard', email: 'paul.girard@transports-girard.fr' });
    // Nothing ties a guessed sender to the URL.
    expect(top?.confirmsIdentity(url, doc)).toBe(false);
  });

  it('reads nobody on Zimbra’s mailbox list', () => {
    expect(top?.extract(new URL('https://mail.cabinet-bernard.fr/#1'), parse(ZIMBRA_LIST))).toBeNull();
  });

  it('does not run on plain http', () => {
    expect(top?.matches(new URL('http://webmail.acme-industrie.fr/?_task=mail'))).toBe(false);
  });

  it('in a sub-frame, reads only Roundcube’s message preview', () => {
    const preview = new URL('https://webmail.acme-industrie.fr/?_task=mail&_action=preview&_uid=43&_mbox=INBOX&_framed=1');
    const frame = webmailAdapterFor('sub', preview);
    expect(frame?.extract(preview, parse(ROUNDCUBE_MESSAGE))).toMatchObject({ email: 'sophie.marchand@acme-industrie.fr' });
    expect(webmailAdapterFor('sub', new URL('https://webmail.acme-industrie.fr/skins/elastic/watermark.html'))).toBeNull();
    expect(webmailAdapterFor('sub', new URL('https://webmail.acme-industrie.fr/editor.html'))).toBeNull();
  });
});
