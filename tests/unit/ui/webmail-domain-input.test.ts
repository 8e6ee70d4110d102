import { describe, expect, it } from 'vitest';
import { isGrantable, parseDomainInput } from '../../../src/ui/options/webmails/domain-input';

describe('parseDomainInput', () => {
  it.each([
    ['webmail.acme-industrie.fr', 'webmail.acme-industrie.fr'],
    ['  WebMail.ACME-industrie.FR  ', 'webmail.acme-industrie.fr'],
    ['https://webmail.acme-industrie.fr/?_task=mail&_mbox=INBOX', 'webmail.acme-industrie.fr'],
    ['webmail.acme-industrie.fr/roundcube/', 'webmail.acme-industrie.fr'],
    ['webmail.acme-industrie.fr:8443', 'webmail.acme-industrie.fr'],
    ['webmail.acme-industrie.fr.', 'webmail.acme-industrie.fr'],
    ['messagerie.société.fr', 'messagerie.xn--socit-esab.fr'],
  ])('reads %j as %s', (input, hostname) => {
    expect(parseDomainInput(input)).toEqual({ ok: true, hostname });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['localhost', 'invalid'],
    ['acme', 'invalid'],
    ['jeanne@acme.fr', 'invalid'],
    ['https://user:pw@webmail.acme.fr/', 'invalid'],
    ['webmail acme.fr', 'invalid'],
    ['*.acme.fr', 'invalid'],
    ['-webmail.acme.fr', 'invalid'],
    ['ftp://files.acme.fr/', 'invalid'],
    ['http://webmail.acme-industrie.fr/', 'not-https'],
    ['mail.google.com', 'built-in'],
    ['https://outlook.office.com/mail/', 'built-in'],
    ['fr.linkedin.com', 'built-in'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseDomainInput(input)).toEqual({ ok: false, problem });
  });
});

describe('isGrantable', () => {
  const manifest = {
    manifest_version: 3,
    host_permissions: ['https://mail.google.com/*', 'https://webmail.exemple-test.fr/*'],
    optional_host_permissions: ['https://*.fr/*', 'https://*.com/*'],
  };
  it.each([
    ['webmail.acme-industrie.fr', true],
    ['acme.fr', true],
    ['mail.acme.com', true],
    ['webmail.exemple-test.fr', true],
    ['webmail.acme.tech', false],
    ['webmail.acme.fr.evil.tech', false],
    ['notfr', false],
    ['192.168.1.10', false],
  ])('%s → %s', (hostname, expected) => {
    expect(isGrantable(hostname, manifest)).toBe(expected);
  });
  it('reads MV2 origins among the optional permissions', () => {
    expect(isGrantable('webmail.acme.de', { manifest_version: 2, optional_permissions: ['storage', 'https://*.de/*'] })).toBe(true);
    expect(isGrantable('webmail.acme.de', { manifest_version: 2, optional_permissions: ['http://*.de/*'] })).toBe(false);
    expect(isGrantable('webmail.acme.de', { manifest_version: 3, optional_host_permissions: ['<all_urls>'] })).toBe(true);
  });
});
