import { webmailHostnameSchema } from '../../../messaging/protocol';
import { siteForUrl } from '../../../sites/hosts';

export type DomainInputProblem = 'empty' | 'invalid' | 'not-https' | 'built-in';
export type DomainInput = { ok: true; hostname: string } | { ok: false; problem: DomainInputProblem };

/**
 * The host name the rep means: typed bare (`webmail.acme.fr`) or pasted from the address bar
 * (`https://webmail.acme.fr/?_task=mail`). The path, query and port are dropped (the grant is
 * for the whole host); accented names become their punycode, as Chrome matches them.
 */
export function parseDomainInput(raw: string): DomainInput {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https') return { ok: false, problem: scheme === 'http' ? 'not-https' : 'invalid' };
  // Credentials or spaces are never part of a webmail's address; URL would quietly drop the former.
  if (/[\s@\\]/.test(text)) return { ok: false, problem: 'invalid' };
  let hostname: string;
  try {
    hostname = new URL(scheme ? text : `https://${text}`).hostname;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  const parsed = webmailHostnameSchema.safeParse(hostname.replace(/\.$/, ''));
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  if (siteForUrl(`https://${parsed.data}/`)) return { ok: false, problem: 'built-in' };
  return { ok: true, hostname: parsed.data };
}

/** The manifest's fields that list what the extension may hold for a host (MV2 lists origins among permissions). */
export interface HostPermissionLists {
  manifest_version: number;
  host_permissions?: readonly string[] | undefined;
  optional_host_permissions?: readonly string[] | undefined;
  permissions?: readonly string[] | undefined;
  optional_permissions?: readonly string[] | undefined;
}

/**
 * True when Chrome may grant `https://<hostname>/*` at run time: the manifest lists a pattern
 * that covers it (`https://*.fr/*` covers `webmail.acme.fr`). Chrome refuses a request for
 * anything else outright, so the page says why before asking (an exotic top-level domain).
 */
export function isGrantable(hostname: string, manifest: HostPermissionLists): boolean {
  const patterns = [
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.permissions ?? []),
  ];
  return patterns.some((pattern) => patternCoversHost(pattern, hostname));
}

function patternCoversHost(pattern: string, hostname: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https):\/\/([^/]+)\//.exec(pattern);
  const host = match?.[2];
  if (!host) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const parent = host.slice(2);
    return hostname === parent || hostname.endsWith(`.${parent}`);
  }
  return hostname === host;
}
