import { canonicalLinkedinUrl, salesNavLeadId } from '../matching/linkedin-url';
import type { Confidence, PageContact } from '../model/page-contact';
import type { SiteAdapter } from './adapter';
import { cleanText, firstText, queryAll } from './dom-text';

/**
 * Sales Navigator lead page hooks, newest first. `data-anonymize` attributes are LinkedIn's own
 * demo-mode hooks, stable since ~2020 [C]; the Ember classes are the 2019 page [F].
 */
export const SALESNAV_SELECTORS = {
  name: ['[data-anonymize="person-name"]', '.profile-topcard-person-entity__name'],
  headline: ['[data-anonymize="headline"]', '.profile-topcard-person-entity__content dd.mt2'],
  jobTitle: [
    '[data-anonymize="job-title"]',
    '[data-anonymize="title"]',
    '.profile-topcard__current-positions .profile-topcard__summary-position-title',
  ],
  company: [
    'a[data-anonymize="company-name"]',
    '[data-anonymize="company-name"]',
    // The first company link wraps the logo only (no text); firstText moves on to the named one.
    '.profile-topcard__current-positions a[href^="/sales/company/"]',
  ],
  location: ['[data-anonymize="location"]', '.profile-topcard__location-data'],
  sharedConnectionsLink: 'a[href*="/shared-connections/"]',
  /** JSON data islands (`<code id="bpr-guid-N">`) holding the lead's salesApiProfiles answer. */
  dataIslands: 'code',
} as const;

type TextField = 'fullName' | 'headline' | 'company' | 'jobTitle' | 'location';
const MAX_LENGTH: Record<TextField, number> = { fullName: 200, headline: 400, company: 200, jobTitle: 200, location: 200 };

interface LeadIsland {
  fullName?: unknown;
  headline?: unknown;
  location?: unknown;
  flagshipProfileUrl?: unknown;
  entityUrn?: unknown;
  defaultPosition?: { title?: unknown; companyName?: unknown };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The island describing this lead: either its own `entityUrn` names the id, or its
 * `datalet-<island id>` companion records a salesApiProfiles request for the id.
 */
function leadIsland(doc: Document, leadId: string): LeadIsland | undefined {
  for (const island of queryAll(doc, SALESNAV_SELECTORS.dataIslands)) {
    const raw = island.textContent ?? '';
    if (!raw.includes('flagshipProfileUrl') && !raw.includes('"fullName"')) continue;
    let data: LeadIsland;
    try {
      data = JSON.parse(raw) as LeadIsland;
    } catch {
      continue;
    }
    if (typeof data !== 'object' || data === null) continue;
    const datalet = island.id ? (doc.getElementById(`datalet-${island.id}`)?.textContent ?? '') : '';
    if (text(data.entityUrn)?.includes(leadId) || datalet.includes(`profileId:${leadId}`)) return data;
  }
  return undefined;
}

function extract(url: URL, doc: Document): PageContact | null {
  const leadId = salesNavLeadId(url);
  if (leadId === null) return null;

  const contact: PageContact = { site: 'linkedin', kind: 'person', salesNavId: leadId }; // the contract's site is LinkedIn; salesNavId says it is a Sales Navigator lead
  const confidence: Record<string, Confidence> = { salesNavId: 'url' };
  const put = (field: TextField, value: string | undefined, from: Confidence): void => {
    const clean = cleanText(value);
    if (clean && contact[field] === undefined) {
      contact[field] = clean.slice(0, MAX_LENGTH[field]);
      confidence[field] = from;
    }
  };
  const island = leadIsland(doc, leadId);

  put('fullName', firstText(doc, SALESNAV_SELECTORS.name), 'markup');
  put('fullName', text(island?.fullName), 'data');
  if (contact.fullName === undefined) return null;

  put('headline', firstText(doc, SALESNAV_SELECTORS.headline), 'markup');
  put('headline', text(island?.headline), 'data');
  put('jobTitle', firstText(doc, SALESNAV_SELECTORS.jobTitle), 'markup');
  put('jobTitle', text(island?.defaultPosition?.title), 'data');
  put('company', firstText(doc, SALESNAV_SELECTORS.company), 'markup');
  put('company', text(island?.defaultPosition?.companyName), 'data');
  put('location', firstText(doc, SALESNAV_SELECTORS.location), 'markup');
  put('location', text(island?.location), 'data');

  const linkedinUrl = canonicalLinkedinUrl(text(island?.flagshipProfileUrl));
  if (linkedinUrl !== null) {
    contact.linkedinUrl = linkedinUrl;
    confidence.linkedinUrl = 'data';
  }
  contact.confidence = confidence;
  return contact;
}

/**
 * The markup names this lead: its data island, or the top card's "shared connections" link,
 * which carries the id of the lead on show. (Any other link to the id proves nothing: the
 * previous lead's page links to similar leads.)
 */
function confirmsIdentity(url: URL, doc: Document): boolean {
  const leadId = salesNavLeadId(url);
  if (leadId === null) return false;
  if (leadIsland(doc, leadId)) return true;
  return queryAll(doc, SALESNAV_SELECTORS.sharedConnectionsLink).some((link) => (link.getAttribute('href') ?? '').includes(`/${leadId},`));
}

export const salesNavAdapter: SiteAdapter = {
  site: 'salesnav',
  matches: (url) => salesNavLeadId(url) !== null,
  extract,
  confirmsIdentity,
};
