import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';

// Test hooks (a handle on the database for seeding) exist only in the e2e build, which
// goes to its own folder so a production build never contains them.
const testHooks = process.env.RELANCE_TEST_HOOKS === '1';

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

/**
 * A self-hosted webmail can live on any domain: Chrome only grants at run time what the
 * manifest lists as optional, so the usual top-level domains are listed. Nothing here is
 * granted at install; the rep enables one exact domain at a time.
 */
const OPTIONAL_WEBMAIL_HOSTS = [
  'fr',
  'com',
  'net',
  'org',
  'eu',
  'be',
  'ch',
  'lu',
  'ca',
  'de',
  'es',
  'it',
  'nl',
  'uk',
  'io',
  'pro',
  'biz',
  'info',
  'cloud',
  'email',
].map((tld) => `https://*.${tld}/*`);

/**
 * The e2e build holds the test webmail's domain already: Chromium cannot answer its own
 * permission prompt headless, and a request for an origin already granted resolves at once.
 */
const E2E_WEBMAIL_HOSTS = ['https://webmail.exemple-test.fr/*'];

export default defineConfig({
  hooks: {
    // The popup is built on its own, as one JS file and its CSS, instead of sharing chunks with
    // the side panel and the options page (7 files): it opens on every click and fewer files
    // load sooner (popup first render, 100k relances: ~10 ms less in the bench). The price is
    // a second copy of React and Dexie in the package (+~140 KB zipped); what each page loads
    // stays the same or shrinks.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((entry) => entry.type === 'popup'));
      if (!Array.isArray(pages) || pages.length < 2) return;
      const popup = pages.findIndex((entry) => entry.type === 'popup');
      groups.push(pages.splice(popup, 1));
    },
    // Content scripts only send promise-based runtime messages, which Chrome MV3 and Firefox
    // both provide natively: the polyfill would take half of their 8 KB budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const existing = config.resolve?.alias ?? [];
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list.filter((a) => a.find !== 'wxt/browser')],
      };
    },
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'bench-results.json', 'web-ext-artifacts/**'],
  },
  imports: false,
  // Another folder lets two builds (say, a bench and a test run) coexist on one machine.
  outDir: process.env.RELANCE_OUTPUT_DIR ?? '.output',
  outDirTemplate: testHooks ? '{{browser}}-mv{{manifestVersion}}-e2e' : '{{browser}}-mv{{manifestVersion}}',
  vite: () => ({
    plugins: [tailwindcss()],
    define: { 'import.meta.env.RELANCE_TEST_HOOKS': JSON.stringify(testHooks) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'notifications', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    // Only the sites Relance reads. Self-hosted webmails are asked for, one domain at a
    // time, from the options page (optional permissions below, never granted at install).
    host_permissions: [...SITE_HOSTS, ...(testHooks ? E2E_WEBMAIL_HOSTS : [])],
    optional_host_permissions: OPTIONAL_WEBMAIL_HOSTS,
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'",
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: origins go with the optional permissions.
          optional_permissions: OPTIONAL_WEBMAIL_HOSTS,
          browser_specific_settings: {
            // Pinned so the data (tied to the add-on id) survives updates.
            gecko: { id: 'relance@relance.app', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : // chrome.sidePanel.open() needs Chrome 116.
        { minimum_chrome_version: '116' }),
  }),
});
