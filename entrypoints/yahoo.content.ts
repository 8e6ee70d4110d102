import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/watch-page';
import { yahooAdapter } from '../src/sites/yahoo';

export default defineContentScript({
  matches: ['https://mail.yahoo.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, yahooAdapter, (message) => browser.runtime.sendMessage(message));
  },
});
