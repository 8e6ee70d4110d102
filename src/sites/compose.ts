import type { Site } from '../model/page-contact';
import type { SiteAdapter } from './adapter';

/** One adapter for a host that serves several page kinds (LinkedIn profiles and Sales Navigator leads). */
export function firstMatching(site: Site, adapters: readonly SiteAdapter[]): SiteAdapter {
  const pick = (url: URL) => adapters.find((adapter) => adapter.matches(url));
  return {
    site,
    matches: (url) => pick(url) !== undefined,
    extract: (url, doc, reading) => pick(url)?.extract(url, doc, reading) ?? null,
    confirmsIdentity: (url, doc) => pick(url)?.confirmsIdentity(url, doc) ?? false,
    liveRegion: (doc) => pick(new URL(doc.location?.href ?? 'about:blank'))?.liveRegion?.(doc) ?? null,
    watchRegion: (url, doc) => {
      const adapter = pick(url);
      if (!adapter) return null;
      return adapter.watchRegion ? adapter.watchRegion(url, doc) : doc.documentElement;
    },
  };
}
