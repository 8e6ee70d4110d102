import type { PageContact, Site } from '../model/page-contact';

/** What the caller knows of the page beyond its DOM. */
export interface Reading {
  /**
   * The document title as it was before an SPA navigation to another person, while the page has
   * not replaced it yet: it names the previous page ("(4) Feed | LinkedIn"), never read it.
   */
  staleTitle?: string;
}

/**
 * One adapter per site. Pure DOM reading: no browser APIs, no writes into the page,
 * so the same code runs in content scripts, in unit tests and in `npm run recognize`.
 */
export interface SiteAdapter {
  readonly site: Site;
  /** URL predicate: true only for pages this adapter reads (gotcha URLs must be false). */
  matches(url: URL): boolean;
  /** The contact the page shows, or null when it shows none (yet). */
  extract(url: URL, doc: Document, reading?: Reading): PageContact | null;
  /**
   * True when the markup itself proves it belongs to the URL's person (a link carrying the
   * URL's slug, canonical link, JSON-LD url). SPAs change the URL before the new person is
   * rendered: without this proof, a caller must not trust a page that still shows the
   * previous person.
   */
  confirmsIdentity(url: URL, doc: Document): boolean;
  /**
   * For sites that change the person shown without changing the URL (Outlook's reading
   * pane): the element to keep watching once the page has settled. Absent: stop watching.
   */
  liveRegion?(doc: Document): Element | null;
  /**
   * Where the person shows up while a page fills in after a navigation: the element whose
   * changes can alter what `extract` reads, or null when nothing on this URL can show a
   * person. Absent: the whole page is watched. A busy page (Gmail's inbox, chat roster and
   * counters) then costs nothing outside that region.
   */
  watchRegion?(url: URL, doc: Document): Element | null;
}
