import type { Site } from '../model/page-contact';

/**
 * Which PageContact sites a content script injected on a given host may report. A webmail
 * domain the rep enabled runs the any-host adapters, which tell Roundcube and Zimbra apart.
 */
export function sitesAllowedToReport(hostSite: Site): Site[] {
  if (hostSite === 'linkedin') return ['linkedin', 'salesnav'];
  if (hostSite === 'webmail') return ['webmail', 'roundcube', 'zimbra'];
  return [hostSite];
}
