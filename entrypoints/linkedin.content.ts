import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/watch-page';
import { firstMatching } from '../src/sites/compose';
import { linkedinAdapter } from '../src/sites/linkedin';
import { linkedinCompanyAdapter } from '../src/sites/linkedin-company';
import { salesNavAdapter } from '../src/sites/salesnav';

export default defineContentScript({
  // The whole site: LinkedIn is a single-page app, a profile is often reached from the feed
  // without a page load. The watcher does nothing on pages that are not a profile, a lead or a company.
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/in/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, firstMatching('linkedin', [linkedinAdapter, salesNavAdapter, linkedinCompanyAdapter]), (message) =>
      browser.runtime.sendMessage(message),
    );
  },
});
