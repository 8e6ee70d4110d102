import { canonicalLinkedinUrl, linkedinSlugFromUrl } from '../matching/linkedin-url';
import type { Confidence, PageContact } from '../model/page-contact';
import type { Reading, SiteAdapter } from './adapter';
import { cleanText, firstText, hasJsonLdType, type JsonLdNode, jsonLdNodes, metaContent, queryAll, textOf } from './dom-text';

/**
 * Every hook this adapter reads, newest UI generation first, older ones as fallbacks.
 * Sources: /work/shared/fixtures/SELECTORS.md ([F] = seen in real markup, [C] = other projects' code).
 * When LinkedIn ships a new layout, this is the one place to extend.
 */
export const SELECTORS = {
  /** The profile's top card; the other fields are read inside it when it is found. */
  topCard: [
    'section[data-member-id]', // 2021-24 app [F]: the member id survived the 2024 class hashing
    'section.pv-top-card', // 2021-23 app [F]
    'section.pv-top-card-section', // 2018 app [F]
    '[data-view-name="profile-top-card"]', // 2025 SDUI [C]
    'section[componentkey*="Topcard"]', // 2025 SDUI [C]
    'section.top-card-layout', // guest 2020-25 [F]
    '#topcard', // guest 2015-16 vcard [F]
  ],
  /** 2025 SDUI name block: all classes hashed, no h1 [C]. */
  sduiNameBlock: '[data-view-name="profile-top-card-verified-badge"]',
  sduiCard: '[data-view-name="profile-top-card"], section[componentkey*="Topcard"]',
  name: [
    '[data-view-name="profile-top-card-verified-badge"] h1',
    '[data-view-name="profile-top-card-verified-badge"] h2',
    '[data-view-name="profile-top-card-verified-badge"] p',
    '[data-view-name="profile-top-card"] h1',
    '[data-view-name="profile-top-card"] h2',
    'h1.text-heading-xlarge', // 2021-24 app [F]
    'h1.pv-top-card-section__name', // 2018 app [F]
    'h1.top-card-layout__title', // guest [F]
    'h1#name', // 2016 guest [F]
  ],
  headline: [
    '.text-body-medium.break-words', // 2021-24 app [F]
    'h2.pv-top-card-section__headline', // 2018 app [F]
    'h2.top-card-layout__headline', // guest [F]
    'p.headline', // 2016 guest [F]
  ],
  location: [
    'span.text-body-small.inline.t-black--light.break-words', // 2021-24 app [F]
    'h3.pv-top-card-section__location', // 2018 app [F]
    '.top-card-layout__first-subline .top-card__subline-item', // guest [F]: 1st item; next ones = followers
    '#topcard .locality', // 2016 guest [F]
  ],
  /** Right panel item labelled by LinkedIn itself (localised): "Current company: X. Click to skip…". */
  currentCompanyLabelled: [
    '[aria-label^="Current company"]', // 2021-24 app [F]
    '[aria-label^="Entreprise actuelle"]', // French UI
  ],
  company: [
    '.pv-text-details__right-panel a[href="#experience"]', // 2021-23 app [F], language-independent
    '.pv-top-card-v2-section__company-name', // 2018 app [F]
    '[data-section="currentPositionsDetails"] .top-card-link__description', // guest [F]
    '#topcard .org', // 2016 guest [F]: first item of the "Current" row
  ],
  /** Only inside a found top card (too generic for the whole page): the current company links to
   *  its page, schools link to /school/. Kept for the 2025 SDUI card, whose classes are hashed. */
  companyLinkInCard: 'a[href*="/company/"]',
  /** Top-card links that carry the profile's own slug; they re-render with the person. */
  identityLinks: [
    'a[href*="/overlay/contact-info"]', // 2021-25 app [F]
    'a[href*="/overlay/about-this-profile"]', // 2024 app [F]
    'a[href*="/detail/contact-info"]', // 2018 app [F]
  ],
  contactInfoLink: 'a[href*="/overlay/contact-info"]',
  canonicalLink: 'link[rel="canonical"]',
  dataIslands: 'code',
  /** Experience list: first entry = current position (read for the job title only). */
  experience: [
    {
      // 2018 app [F]
      section: '#experience-section',
      entry: 'li.pv-position-entity',
      title: ['.pv-entity__summary-info h3', '.pv-entity__position-group-role-item h3 span:not(.visually-hidden)'],
      company: ['.pv-entity__secondary-title', '.pv-entity__company-summary-info h3 span:not(.visually-hidden)'],
    },
    {
      // 2022-25 app: section anchored by div#experience [C twentyhq/twenty]
      section: '#experience',
      entry: '[data-view-name="profile-component-entity"]',
      title: ['.t-bold'],
      company: ['span.t-14.t-normal:not(.t-black--light)'],
    },
  ],
} as const;

type TextField = 'fullName' | 'headline' | 'company' | 'jobTitle' | 'location';

// The contract's schema limits; a page can hold anything.
const MAX_LENGTH: Record<TextField, number> = { fullName: 200, headline: 400, company: 200, jobTitle: 200, location: 200 };

const NOTIFICATION_COUNTER = /^\(\d+\+?\)\s*/; // "(3) Jeanne Dupont | LinkedIn"
const LINKEDIN_TITLE = /^(.*?)\s*\|\s*LinkedIn$/i;
const GUEST_TITLE_SEPARATOR = /\s[-–—]\s/; // guest titles: "Name - Current title - Company | LinkedIn"
const LABEL_PREFIX = /^[^:]*:\s*/; // "Current company: " / "Entreprise actuelle : "
const LABEL_SUFFIX = /\.\s+(?:click|cliquez|cliquer)\b[\s\S]*$/i;
const HEADLINE_SEGMENT = /\s+[|•·]\s+|\s*\|\s*/; // "Title at Company | Something else"
const AT_COMPANY = /^(.+?)(?:\s+(?:at|chez)\s+|\s*@\s*)(.+)$/i;
const DEGREE_OR_BULLET = /^[·•(]|^\d+\s*(?:st|nd|rd|th|er|re|e|º)?$/i;
const PUBLIC_IDENTIFIER = /"publicIdentifier"\s*:\s*"([^"\\]+)"/g;

function first(doc: Document | Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = queryAll(doc, selector)[0];
    if (found) return found;
  }
  return null;
}

function topCardOf(doc: Document): Element | null {
  return first(doc, SELECTORS.topCard) ?? queryAll(doc, SELECTORS.sduiNameBlock)[0]?.closest('section') ?? null;
}

/** "Name" out of "(3) Name | LinkedIn", "Activity | Name | LinkedIn" or "Name - Title - Co | LinkedIn". */
export function nameFromLinkedinTitle(title: string | null | undefined): string | undefined {
  const text = cleanText(title)?.replace(NOTIFICATION_COUNTER, '');
  const match = text ? LINKEDIN_TITLE.exec(text) : null;
  if (!match?.[1]) return undefined;
  const segments = match[1].split(/\s+\|\s+/);
  return cleanText(segments[segments.length - 1]?.split(GUEST_TITLE_SEPARATOR)[0]);
}

/** Letters and digits only, lower-cased, accents dropped: "Novare Potential." ≈ "novare potential". */
function companyKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function companyFromLabel(label: string | null): string | undefined {
  return cleanText(label?.replace(LABEL_PREFIX, '').replace(LABEL_SUFFIX, ''));
}

function slugFromHref(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    return linkedinSlugFromUrl(new URL(href, base));
  } catch {
    return null;
  }
}

/** The page's Person node: the one whose url is this profile, else the first one. */
function personNode(nodes: JsonLdNode[], slug: string, base: URL): JsonLdNode | undefined {
  const people = nodes.filter((node) => hasJsonLdType(node, 'Person'));
  return people.find((node) => slugFromHref(stringOf(node.url), base) === slug) ?? people[0];
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  return typeof node === 'object' && node !== null ? stringOf((node as JsonLdNode).name) : stringOf(node);
}

/**
 * 2025 SDUI top card: hashed classes, texts in bare <p>s. The headline is the first plain
 * paragraph that is not the name, the degree ("· 2nd"), pronouns or a link.
 */
function sduiHeadline(card: Element, name: string | undefined): string | undefined {
  for (const paragraph of queryAll(card, 'p')) {
    if (paragraph.querySelector('p') || paragraph.closest(`a, button, ${SELECTORS.sduiNameBlock}`)) continue;
    const text = textOf(paragraph);
    if (text && text !== name && !DEGREE_OR_BULLET.test(text)) return text;
  }
  return undefined;
}

/** The text just before "Contact info" in the top card: the location, in every app layout. */
function textBeforeContactInfo(card: Element): string | undefined {
  let node: Element | null = queryAll(card, SELECTORS.contactInfoLink)[0] ?? null;
  for (let depth = 0; node && node !== card && depth < 4; depth++, node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.tagName !== 'P' && sibling.tagName !== 'SPAN') break;
      const text = textOf(sibling);
      if (text && !/^[·•|]+$/.test(text)) return text;
    }
  }
  return undefined;
}

function currentPosition(doc: Document): { title?: string; company?: string } | undefined {
  for (const layout of SELECTORS.experience) {
    const anchor = queryAll(doc, layout.section)[0];
    const section = anchor?.closest('section') ?? anchor;
    const entry = section ? queryAll(section, layout.entry)[0] : undefined;
    if (entry) {
      return { title: firstText(entry, layout.title), company: firstText(entry, layout.company)?.split(' · ')[0] };
    }
  }
  return undefined;
}

function extract(url: URL, doc: Document, reading: Reading = {}): PageContact | null {
  const slug = linkedinSlugFromUrl(url);
  const linkedinUrl = canonicalLinkedinUrl(url);
  if (slug === null || linkedinUrl === null) return null;

  const contact: PageContact = { site: 'linkedin', kind: 'person', linkedinUrl };
  const confidence: Record<string, Confidence> = { linkedinUrl: 'url' };
  const put = (field: TextField, value: string | undefined, from: Confidence): void => {
    const text = cleanText(value);
    if (text && contact[field] === undefined) {
      contact[field] = text.slice(0, MAX_LENGTH[field]);
      confidence[field] = from;
    }
  };

  const card = topCardOf(doc);
  const scope = card ?? doc;
  const person = personNode(jsonLdNodes(doc), slug, url);

  // LinkedIn updates the title after the URL: until then it names the page the rep came from.
  if (doc.title !== reading.staleTitle) put('fullName', nameFromLinkedinTitle(doc.title), 'title');
  put('fullName', firstText(scope, SELECTORS.name), 'markup');
  put('fullName', stringOf(person?.name), 'data');
  put('fullName', nameFromLinkedinTitle(metaContent(doc, 'og:title')), 'data');
  const given = metaContent(doc, 'profile:first_name');
  const family = metaContent(doc, 'profile:last_name');
  put('fullName', given && family ? `${given} ${family}` : undefined, 'data');
  if (contact.fullName === undefined) return null;

  put('headline', firstText(scope, SELECTORS.headline), 'markup');
  if (card?.matches(SELECTORS.sduiCard)) put('headline', sduiHeadline(card, contact.fullName), 'markup');

  put('location', firstText(scope, SELECTORS.location), 'markup');
  if (card) put('location', textBeforeContactInfo(card), 'markup');
  const address = person?.address;
  if (typeof address === 'object' && address !== null) {
    put('location', stringOf((address as JsonLdNode).addressLocality), 'data');
  }

  const labelled = first(scope, SELECTORS.currentCompanyLabelled);
  if (labelled) put('company', textOf(labelled) ?? companyFromLabel(labelled.getAttribute('aria-label')), 'markup');
  put('company', firstText(scope, SELECTORS.company), 'markup');
  if (card) put('company', firstText(card, [SELECTORS.companyLinkInCard]), 'markup');
  put('company', nameOf(person?.worksFor), 'data');

  put('jobTitle', stringOf(person?.jobTitle), 'data');
  const position = currentPosition(doc);
  if (position?.title && position.company && contact.company && companyKey(position.company) === companyKey(contact.company)) {
    put('jobTitle', position.title, 'markup');
  }

  // "Account Executive at Acme | …": a title when Acme is the company read above, else a guess at both.
  const headlineParts = contact.headline ? AT_COMPANY.exec(contact.headline.split(HEADLINE_SEGMENT)[0] ?? '') : null;
  if (headlineParts?.[1] && headlineParts[2]) {
    if (contact.company === undefined) {
      put('company', headlineParts[2], 'guess');
      put('jobTitle', headlineParts[1], 'guess');
    } else if (companyKey(headlineParts[2]) === companyKey(contact.company)) {
      put('jobTitle', headlineParts[1], 'markup');
    }
  }

  contact.confidence = confidence;
  return contact;
}

/**
 * Which slugs the page's markup vouches for, strongest source first: the top card's own links
 * (re-rendered with each person in the app), then server-rendered canonical/og:url/JSON-LD
 * (guest pages), then data islands. The first source present decides.
 */
function confirmsIdentity(url: URL, doc: Document): boolean {
  const slug = linkedinSlugFromUrl(url);
  if (slug === null) return false;

  const card = topCardOf(doc) ?? doc;
  const cardLinks = queryAll(card, SELECTORS.identityLinks.join(', '));
  if (cardLinks.length > 0) return cardLinks.some((link) => slugFromHref(link.getAttribute('href'), url) === slug);

  const pageHrefs = [
    queryAll(doc, SELECTORS.canonicalLink)[0]?.getAttribute('href'),
    metaContent(doc, 'og:url'),
    ...jsonLdNodes(doc)
      .filter((node) => hasJsonLdType(node, 'Person') || hasJsonLdType(node, 'ProfilePage') || hasJsonLdType(node, 'WebPage'))
      .map((node) => stringOf(node.url)),
  ];
  const pageSlugs = pageHrefs.map((href) => slugFromHref(href, url)).filter((found) => found !== null);
  if (pageSlugs.length > 0) return pageSlugs.includes(slug);

  for (const island of queryAll(doc, SELECTORS.dataIslands)) {
    for (const match of (island.textContent ?? '').matchAll(PUBLIC_IDENTIFIER)) {
      if (slugFromHref(`/in/${match[1]}/`, url) === slug) return true;
    }
  }
  return false;
}

export const linkedinAdapter: SiteAdapter = {
  site: 'linkedin',
  matches: (url) => linkedinSlugFromUrl(url) !== null,
  extract,
  confirmsIdentity,
};
