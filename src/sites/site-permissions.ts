import type { Site } from '../model/page-contact';

/** Which PageContact sites a content script injected on a given host may report. */
export function sitesAllowedToReport(hostSite: Site): Site[] {
  return hostSite === 'linkedin' ? ['linkedin', 'salesnav'] : [hostSite];
}
