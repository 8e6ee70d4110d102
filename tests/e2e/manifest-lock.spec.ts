import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/*
 * Locks what the store build asks for and ships. Reads the production build that
 * `npm run test:e2e` makes first (`npm run build`): a change to a permission, a host, the
 * CSP or the bundle's content shows up here as a failing line, to be accepted on purpose.
 */

const OUTPUT = path.resolve(import.meta.dirname, '../..', process.env.RELANCE_OUTPUT_DIR ?? '.output');
const CHROME_DIR = path.join(OUTPUT, 'chrome-mv3');
const E2E_DIR = path.join(OUTPUT, 'chrome-mv3-e2e');
const FIREFOX_DIR = path.join(OUTPUT, 'firefox-mv2');

const PERMISSIONS = ['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'];
const SITE_HOSTS = [
  'https://www.linkedin.com/*',
  'https://*.linkedin.com/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://mail.yahoo.com/*',
  'https://mail.proton.me/*',
];
const BROAD_PATTERNS = ['<all_urls>', 'https://*/*', 'http://*/*', '*://*/*', '*://*', 'https://*', 'file:///*'];
const CSP = "script-src 'self'; object-src 'none'";
/** Chrome 116 is the first with every API the worker calls (`sidePanel.open` is the newest). */
const MIN_CHROME = 116;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  content_scripts?: { matches?: string[]; exclude_matches?: string[]; js?: string[]; all_frames?: boolean }[];
  minimum_chrome_version?: string;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
};

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every string anywhere in a JSON value (keys included). */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...allStrings(item)]);
  return [];
}

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `https://*.linkedin.com/in/*` → `https://*.linkedin.com` */
const originOf = (pattern: string): string => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1');

// Code that turns a string into code. `Function` is caught called, constructed or aliased.
const EVAL_LIKE: readonly RegExp[] = [
  /(?<![\w$.])eval\s*\(/g,
  /(?<![\w$.])new\s+Function\s*\(/g,
  /(?<![\w$.])Function\s*\(/g,
  /(?<![\w$.])[\w$]+\s*=\s*Function\s*[,;)]/g,
  /setTimeout\s*\(\s*[`'"]/g,
  /setInterval\s*\(\s*[`'"]/g,
];
/**
 * Zod 4's own two uses, which it skips once `z.config({ jitless: true })` has run
 * (src/model/zod.ts): the "may I eval?" probe, guarded by `jitless ||`, and the schema
 * compiler, called only when that probe said yes. Nothing else is allowed.
 */
const ZOD_PROBE = /if\([\w$]+\.jitless\|\|[^{}]{0,160}\)return!1;try\{return Function\(``\),!0\}catch\{return!1\}/g;
const ZOD_COMPILE = /compile\(\)\{let ([\w$]+)=Function,[\w$]+=this\?\.content\?\?\[``\];return new \1\(/g;
const JITLESS_CONFIG = /[\w$]+\(\{jitless:!0\}\)/;

interface Hit {
  file: string;
  at: number;
  text: string;
}

function evalLikeHits(file: string, code: string): Hit[] {
  const allowed: [number, number][] = [];
  for (const known of [ZOD_PROBE, ZOD_COMPILE]) {
    for (const match of code.matchAll(known)) allowed.push([match.index, match.index + match[0].length]);
  }
  const hits: Hit[] = [];
  for (const pattern of EVAL_LIKE) {
    for (const match of code.matchAll(pattern)) {
      const at = match.index;
      if (allowed.some(([start, end]) => at >= start && at < end)) continue;
      hits.push({ file, at, text: code.slice(Math.max(0, at - 60), at + 60) });
    }
  }
  return hits;
}

/** Files a module imports statically (`from"./chunks/x.js"`, `import"./y.js"`), resolved. */
function staticImports(file: string, code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
    found.add(path.resolve(path.dirname(file), match[1] ?? ''));
  }
  return [...found];
}

function closure(entry: string, imports: Map<string, string[]>): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of imports.get(file) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

// Script loaded from anywhere but the package itself.
const REMOTE_SCRIPT: readonly RegExp[] = [
  /importScripts\s*\(\s*[`'"](?:https?:)?\/\//g,
  /import\s*\(\s*[`'"](?:https?:)?\/\//g,
  /from\s*[`'"](?:https?:)?\/\//g,
  /\.src\s*=\s*[`'"](?:https?:)?\/\//g,
  /setAttribute\(\s*[`'"]src[`'"]\s*,\s*[`'"](?:https?:)?\/\//g,
];

test.describe('production manifest (.output/chrome-mv3)', () => {
  test.skip(
    !existsSync(path.join(CHROME_DIR, 'manifest.json')),
    `No production build at ${CHROME_DIR}: run \`npm run build\` (npm run test:e2e does it first).`,
  );

  test('asks for exactly the permissions Relance uses', () => {
    expect([...(readManifest(CHROME_DIR).permissions ?? [])].sort()).toEqual(PERMISSIONS);
  });

  test('reads only the built-in sites: LinkedIn, Gmail, the four Outlook hosts, Yahoo, Proton', () => {
    const manifest = readManifest(CHROME_DIR);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...SITE_HOSTS].sort());
    const broad = allStrings(manifest).filter((value) => BROAD_PATTERNS.includes(value) || /^(\*|https?):\/\/\*\//.test(value));
    expect(broad, 'a pattern that matches every site').toEqual([]);
  });

  test('optional hosts are top-level-domain wildcards only, never granted at install', () => {
    const manifest = readManifest(CHROME_DIR);
    const optional = manifest.optional_host_permissions ?? [];
    expect(optional.length).toBeGreaterThan(0);
    for (const pattern of optional) expect(pattern).toMatch(/^https:\/\/\*\.[a-z]{2,}\/\*$/);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Nothing optional is also required.
    expect(optional.filter((pattern) => manifest.host_permissions?.includes(pattern))).toEqual([]);
  });

  test("extension pages run only the package's own scripts: script-src 'self'; object-src 'none'", () => {
    const csp = readManifest(CHROME_DIR).content_security_policy;
    expect(csp).toEqual({ extension_pages: CSP });
  });

  test('exposes no resource to web pages and declares no externally_connectable', () => {
    const manifest = readManifest(CHROME_DIR);
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('update_url');
  });

  test('content scripts run only on the built-in sites, over https', () => {
    const manifest = readManifest(CHROME_DIR);
    const siteOrigins = new Set(SITE_HOSTS.map(originOf));
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.matches?.length ?? 0).toBeGreaterThan(0);
      for (const match of script.matches ?? []) {
        expect(match).toMatch(/^https:\/\//);
        expect(siteOrigins.has(originOf(match)), `${match} is not on a built-in site`).toBe(true);
      }
    }
  });

  test(`declares a minimum Chrome version that has every API used (>= ${MIN_CHROME})`, () => {
    const declared = readManifest(CHROME_DIR).minimum_chrome_version;
    expect(declared, 'manifest.minimum_chrome_version (wxt.config.ts)').toBeDefined();
    const major = Number.parseInt(declared ?? '', 10);
    expect(major).toBeGreaterThanOrEqual(MIN_CHROME);
    // A floor far above what the code needs would shut out managed fleets that update late.
    expect(major).toBeLessThanOrEqual(MIN_CHROME + 12);
  });
});

test.describe('production bundle (.output/chrome-mv3)', () => {
  test.skip(
    !existsSync(path.join(CHROME_DIR, 'manifest.json')),
    `No production build at ${CHROME_DIR}: run \`npm run build\` (npm run test:e2e does it first).`,
  );

  const scripts = () => filesUnder(CHROME_DIR, ['.js', '.mjs']);

  test('holds no test hook: no __relanceTest, no RELANCE_TEST_HOOKS', () => {
    const files = scripts();
    expect(files.length).toBeGreaterThan(5);
    const leaks = files.filter((file) => /__relanceTest|RELANCE_TEST_HOOKS/.test(readFileSync(file, 'utf8')));
    expect(leaks.map((file) => path.relative(OUTPUT, file))).toEqual([]);
  });

  test('the same search does find the hooks in the e2e build (the needle is right)', () => {
    test.skip(!existsSync(path.join(E2E_DIR, 'manifest.json')), `No e2e build at ${E2E_DIR}: run \`npm run build:e2e\`.`);
    const found = filesUnder(E2E_DIR, ['.js']).filter((file) => readFileSync(file, 'utf8').includes('__relanceTest'));
    expect(found.length).toBeGreaterThan(0);
  });

  test('evaluates no string as code: no eval, no Function constructor but Zod’s, which jitless turns off', () => {
    const hits: Hit[] = [];
    for (const file of scripts()) hits.push(...evalLikeHits(path.relative(OUTPUT, file), readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });

  test('every script realm that holds Zod also runs z.config({ jitless: true }) (src/model/zod.ts)', () => {
    const files = scripts();
    const code = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
    const imports = new Map(files.map((file) => [file, staticImports(file, code.get(file) ?? '')]));
    const imported = new Set([...imports.values()].flat());
    // Entry points: the worker, the pages' scripts, content scripts, web workers — what nothing imports.
    const entries = files.filter((file) => !imported.has(file));
    expect(entries.map((file) => path.relative(CHROME_DIR, file))).toContain('background.js');
    const missing: string[] = [];
    for (const entry of entries) {
      const realm = closure(entry, imports);
      const holdsZod = realm.some((file) => /![\w$]+\.jitless\b/.test(code.get(file) ?? ''));
      const configured = realm.some((file) => JITLESS_CONFIG.test(code.get(file) ?? ''));
      if (holdsZod && !configured) missing.push(path.relative(CHROME_DIR, entry));
    }
    expect(missing).toEqual([]);
  });

  test('the eval search catches what it looks for', () => {
    const samples = [
      'x=eval(code)',
      'const f=new Function("a","return a")',
      'return Function(`return this`)()',
      'let F=Function;new F(body)',
      'setTimeout("alert(1)",0)',
    ];
    for (const sample of samples) expect(evalLikeHits('sample', sample), sample).not.toEqual([]);
    // Harmless uses of the names are not flagged.
    for (const sample of ['Function.prototype.call', 'x.eval(y)', 'typeof e=="function"', 'inspectedWindow:{eval:{minArgs:1}}']) {
      expect(evalLikeHits('sample', sample), sample).toEqual([]);
    }
  });

  test('loads no script from the network', () => {
    for (const file of filesUnder(CHROME_DIR, ['.html'])) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(match[0])?.[1];
        expect(src, `inline script in ${path.relative(OUTPUT, file)}`).toBeDefined();
        expect(src, `${path.relative(OUTPUT, file)}`).toMatch(/^(?:\/|\.\/|\.\.\/|[\w-]+\/)[^:]*$/);
      }
      expect(html).not.toMatch(/<link\b[^>]*rel=["']?(?:modulepreload|preload|import)["']?[^>]*href=["']?(?:https?:)?\/\//i);
    }
    const remote: string[] = [];
    for (const file of scripts()) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of REMOTE_SCRIPT) {
        for (const match of code.matchAll(pattern))
          remote.push(`${path.relative(OUTPUT, file)}: ${code.slice(match.index, match.index + 80)}`);
      }
    }
    expect(remote).toEqual([]);
  });
});

test.describe('Firefox build (.output/firefox-mv2, from npm run build:firefox / check:store)', () => {
  test.skip(
    !existsSync(path.join(FIREFOX_DIR, 'manifest.json')),
    `No Firefox build at ${FIREFOX_DIR}: run \`npm run build:firefox\` (npm run check:store does it).`,
  );

  test('pins the gecko id, so the data survives updates, and asks for the same sites', () => {
    const manifest = readManifest(FIREFOX_DIR);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('relance@relance.app');
    expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toMatch(/^\d+\.\d+$/);
    const hosts = (manifest.permissions ?? []).filter((permission) => permission.includes('://'));
    expect(hosts.sort()).toEqual([...SITE_HOSTS].sort());
    const apis = (manifest.permissions ?? []).filter((permission) => !permission.includes('://')).sort();
    expect(apis).toEqual(PERMISSIONS.filter((permission) => permission !== 'sidePanel'));
    expect(manifest.content_security_policy).toBe(CSP);
    expect(manifest).toHaveProperty('sidebar_action');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    const broad = allStrings(manifest).filter((value) => BROAD_PATTERNS.includes(value) || /^(\*|https?):\/\/\*\//.test(value));
    expect(broad).toEqual([]);
  });

  test('offers the self-hosted webmail domains as optional permissions (MV2 has no optional_host_permissions)', () => {
    const manifest = readManifest(FIREFOX_DIR);
    const optional = manifest.optional_permissions ?? [];
    expect(optional.length, 'optional_permissions holds the https://*.<tld>/* patterns').toBeGreaterThan(0);
    for (const pattern of optional) expect(pattern).toMatch(/^https:\/\/\*\.[a-z]{2,}\/\*$/);
  });

  test('holds no test hook', () => {
    const leaks = filesUnder(FIREFOX_DIR, ['.js']).filter((file) => /__relanceTest|RELANCE_TEST_HOOKS/.test(readFileSync(file, 'utf8')));
    expect(leaks).toEqual([]);
  });
});
