/**
 * LinkedIn person identity from a URL: the `/in/<slug>/` part, normalised so that every way
 * of writing the same profile link gives the same key (see DESIGN.md "Identity and matching").
 * Pure and total: any input, however broken, gives a string or null, never an exception.
 */

// www or a 2–3 letter country host (fr., sg., uk.): guests are served on country hosts.
// Anchored on both sides so that lookalikes (linkedin.com.evil.fr, evil-linkedin.com) fail.
const LINKEDIN_HOST = /^(?:www\.|[a-z]{2,3}\.)?linkedin\.com$/;

// A bare "linkedin.com/in/x" (no scheme) is how people paste profile links into CRMs.
const BARE_LINKEDIN = /^(?:[a-z]{2,3}\.)?linkedin\.com\//i;

const PROFILE_PATH = /^\/in\/([^/]+)(?:\/|$)/i;

// Characters that never occur in a vanity slug once decoded: path/query/fragment separators,
// white space, markup and control characters. Rejecting them keeps "%2F" and friends from
// forging a different path or key.
const FORBIDDEN_IN_SLUG = /[\s/\\?#<>"'`\p{Cc}]/u;

function toUrl(input: unknown): URL | null {
  let text: string;
  if (typeof input === 'string') text = input.trim();
  else if (typeof input === 'object' && input !== null && typeof (input as { href?: unknown }).href === 'string') {
    // Duck-typed rather than `instanceof URL`: happy-dom and extension contexts have their own URL classes.
    text = (input as { href: string }).href;
  } else return null;
  if (BARE_LINKEDIN.test(text)) text = `https://${text}`;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The profile slug: percent-decoded, lower-cased; null when the input is not a person profile URL. */
export function linkedinSlugFromUrl(input: unknown): string | null {
  const url = toUrl(input);
  if (!url) return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.port !== '' || !LINKEDIN_HOST.test(url.hostname)) return null;
  const match = PROFILE_PATH.exec(url.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1] ?? '');
  } catch {
    return null; // malformed percent-encoding ("%E0%A4%A")
  }
  slug = slug.toLowerCase();
  if (slug === '' || FORBIDDEN_IN_SLUG.test(slug)) return null;
  return slug;
}

/** `https://www.linkedin.com/in/<slug>/`, the one spelling stored and compared everywhere. */
export function canonicalLinkedinUrl(input: unknown): string | null {
  const slug = linkedinSlugFromUrl(input);
  // Re-encoded so that a non-ASCII slug has one spelling whatever encoding the input used.
  return slug === null ? null : `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

export function isLinkedinProfileUrl(input: unknown): boolean {
  return linkedinSlugFromUrl(input) !== null;
}

// /sales/lead/<id>,NAME_SEARCH,<token> (2021+) and /sales/people/<id>,… (2019).
const LEAD_PATH = /^\/sales\/(?:lead|people)\/([A-Za-z0-9_-]+)(?:,|\/|$)/;
const SALES_HOST = /^(?:www\.)?linkedin\.com$/;

/**
 * A Sales Navigator lead's id (`ACwAA…`) from its page URL, or null: what the Sales Navigator
 * adapter recognises a lead by, and what an imported lead link keeps. Not the profile slug,
 * which only the lead page's data knows.
 */
export function salesNavLeadId(url: URL): string | null {
  if (url.protocol !== 'https:' || !SALES_HOST.test(url.hostname)) return null;
  return LEAD_PATH.exec(url.pathname)?.[1] ?? null;
}
