import type { Site } from '../model/page-contact';

/** The built-in sites by host: the ones Relance holds a host permission for. */
const SITE_BY_HOST: Array<[RegExp, Site]> = [
  [/^([a-z]{2,3}\.|www\.)?linkedin\.com$/, 'linkedin'],
  [/^mail\.google\.com$/, 'gmail'],
  [/^outlook\.(office|office365|live)\.com$|^outlook\.cloud\.microsoft$/, 'outlook'],
  [/^mail\.yahoo\.com$/, 'yahoo'],
  [/^mail\.proton\.me$/, 'proton'],
];

export function siteForUrl(url: string): Site | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return SITE_BY_HOST.find(([host]) => host.test(parsed.hostname))?.[1];
}
