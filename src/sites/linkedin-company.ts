import type { PageContact } from '../model/page-contact';
import type { Reading, SiteAdapter } from './adapter';
import { cleanText, firstText, metaContent } from './dom-text';

/** Company pages (logged-in app and guest), selectors newest first. */
export const COMPANY_SELECTORS = {
  name: ['h1.org-top-card-summary__title', 'h1.top-card-layout__title', '[data-view-name="organization-top-card"] h1', 'main h1'],
  website: [
    '[data-test-id="about-us__website"] a',
    'a[data-control-name="top_card_website"]',
    '.org-about-us-organization-description__website a',
    'dt + dd a[href^="http"]:not([href*="linkedin.com"])',
  ],
  size: [
    '[data-test-id="about-us__size"] dd',
    '.org-about-company-module__company-size-definition-text',
    '.org-top-card-summary-info-list__info-item',
  ],
} as const;

const COMPANY_PATH = /^\/company\/([^/?#]+)/;

function companySlug(url: URL): string | null {
  if (url.protocol !== 'https:' || !/^([a-z]{2,3}\.|www\.)?linkedin\.com$/.test(url.hostname)) return null;
  const slug = COMPANY_PATH.exec(url.pathname)?.[1];
  if (!slug) return null;
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return null;
  }
}

/** "Acme Industrie | LinkedIn" → "Acme Industrie"; LinkedIn's "(3) " notification counter dropped. */
function nameFromTitle(title: string): string | undefined {
  return cleanText(title.replace(/^\(\d+\+?\)\s*/, '').split(/\s*\|\s*LinkedIn\s*$/i)[0] ?? '');
}

function extract(url: URL, doc: Document, reading: Reading = {}): PageContact | null {
  const slug = companySlug(url);
  if (!slug) return null;
  // Until LinkedIn replaces it after a navigation, the title names the page the rep came from.
  const title = doc.title === reading.staleTitle ? '' : doc.title;
  const name =
    firstText(doc, COMPANY_SELECTORS.name) ?? cleanText(metaContent(doc, 'og:title')?.split('|')[0] ?? '') ?? nameFromTitle(title);
  if (!name) return null;
  const websiteLink = COMPANY_SELECTORS.website.map((selector) => doc.querySelector<HTMLAnchorElement>(selector)).find(Boolean);
  const website = websiteLink?.getAttribute('href') ?? undefined;
  // The app lists industry, place and size in the same items: the size is the one with a number.
  const size = COMPANY_SELECTORS.size
    .flatMap((selector) => Array.from(doc.querySelectorAll(selector), (element) => cleanText(element.textContent)))
    .find((text) => text !== undefined && /\d/.test(text));
  return {
    site: 'linkedin',
    kind: 'company',
    company: name,
    companyUrl: `https://www.linkedin.com/company/${encodeURIComponent(slug)}/`,
    ...(website && /^https?:\/\//.test(website) ? { website } : {}),
    ...(size ? { companySize: size } : {}),
    confidence: { companyUrl: 'url', company: 'markup' },
  };
}

export const linkedinCompanyAdapter: SiteAdapter = {
  site: 'linkedin',
  matches: (url) => companySlug(url) !== null,
  extract,
  confirmsIdentity: (url, doc) => {
    const slug = companySlug(url);
    if (slug === null) return false;
    return Array.from(doc.querySelectorAll('a[href*="/company/"]')).some((link) =>
      (link.getAttribute('href') ?? '').toLowerCase().includes(`/company/${slug}/`),
    );
  },
};
