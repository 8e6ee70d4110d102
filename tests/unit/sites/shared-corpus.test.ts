// @vitest-environment happy-dom
/**
 * Runs the shared real-markup corpus (../shared/fixtures/<site>/*.html + .json, not part of the
 * project: see its README) through recognize(). Accuracy is measured per site, only for sites
 * that have an adapter registered; the others are listed as "no adapter yet".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageContact } from '../../../src/model/page-contact';
import { ADAPTERS, recognize } from '../../../src/sites/registry';

const here = path.dirname(fileURLToPath(import.meta.url));
// tests/unit/sites -> project root -> its sibling folder "shared".
const CORPUS = path.resolve(here, '../../../../shared/fixtures');

/** A wrong identity merges two people: no tolerance. */
const IDENTITY_FIELDS = new Set(['linkedinUrl', 'email']);
const MIN_OTHER_ACCURACY = 0.95;

interface CorpusCase {
  site: string;
  name: string;
  url: string;
  html: string;
  contact: Record<string, unknown>;
}

interface Tally {
  fixtures: number;
  identity: { ok: number; total: number };
  other: { ok: number; total: number };
  misses: string[];
}

function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const site of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!site.isDirectory()) continue;
    const folder = path.join(CORPUS, site.name);
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const name = file.replace(/\.json$/, '');
      const htmlPath = path.join(folder, `${name}.html`);
      if (!existsSync(htmlPath)) continue;
      const json = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { url: string; contact: Record<string, unknown> };
      cases.push({ site: site.name, name, url: json.url, html: readFileSync(htmlPath, 'utf8'), contact: json.contact });
    }
  }
  return cases;
}

const collapse = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);
const percent = (ok: number, total: number): string => (total === 0 ? '–' : `${((100 * ok) / total).toFixed(1)} %`);

/** The fixture's site (its `contact.site`, else its folder) has an adapter registered. */
function hasAdapter(testCase: CorpusCase): boolean {
  const site = typeof testCase.contact.site === 'string' ? testCase.contact.site : testCase.site;
  return ADAPTERS.some((adapter) => adapter.site === site);
}

describe.skipIf(!existsSync(CORPUS))('shared real-markup corpus', () => {
  const corpus = existsSync(CORPUS) ? loadCorpus() : [];
  const measured = corpus.filter(hasAdapter);
  const tallies = new Map<string, Tally>();
  const waiting = new Map<string, number>();

  for (const testCase of corpus) {
    if (!hasAdapter(testCase)) waiting.set(testCase.site, (waiting.get(testCase.site) ?? 0) + 1);
  }

  afterAll(() => {
    const rows = [...tallies].map(([site, t]) => ({
      site,
      fixtures: t.fixtures,
      identity: `${t.identity.ok}/${t.identity.total} (${percent(t.identity.ok, t.identity.total)})`,
      other: `${t.other.ok}/${t.other.total} (${percent(t.other.ok, t.other.total)})`,
    }));
    for (const [site, fixtures] of waiting) rows.push({ site, fixtures, identity: 'no adapter yet', other: 'no adapter yet' });
    console.log(`\nShared corpus accuracy (${CORPUS})`);
    console.table(rows);
    for (const [site, t] of tallies) for (const miss of t.misses) console.log(`  ${site}: ${miss}`);
  });

  it('has fixtures for at least one site with an adapter', () => {
    expect(measured.length).toBeGreaterThan(0);
  });

  describe.each(measured)('$site/$name', (testCase) => {
    it('matches the expected contact', () => {
      const tally = tallies.get(testCase.site) ?? {
        fixtures: 0,
        identity: { ok: 0, total: 0 },
        other: { ok: 0, total: 0 },
        misses: [],
      };
      tallies.set(testCase.site, tally);
      tally.fixtures += 1;

      const doc = new DOMParser().parseFromString(testCase.html, 'text/html');
      const contact: PageContact | null = recognize(testCase.url, doc);
      for (const [field, expected] of Object.entries(testCase.contact)) {
        const got = contact?.[field as keyof PageContact];
        const ok = collapse(got) === collapse(expected);
        const bucket = IDENTITY_FIELDS.has(field) ? tally.identity : tally.other;
        bucket.total += 1;
        if (ok) bucket.ok += 1;
        else tally.misses.push(`${testCase.name}.${field}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        if (IDENTITY_FIELDS.has(field)) expect({ field, value: collapse(got) }).toEqual({ field, value: collapse(expected) });
      }
    });
  });

  it('reaches 100 % on identity fields and ≥ 95 % on the others, per site', () => {
    for (const [site, t] of tallies) {
      if (t.identity.total > 0) expect({ site, identity: t.identity.ok / t.identity.total }).toEqual({ site, identity: 1 });
      if (t.other.total > 0) {
        expect(t.other.ok / t.other.total, `${site}: ${t.misses.join('; ')}`).toBeGreaterThanOrEqual(MIN_OTHER_ACCURACY);
      }
    }
  });
});
