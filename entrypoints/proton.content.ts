import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/watch-page';
import { protonAdapter } from '../src/sites/proton';

export default defineContentScript({
  matches: ['https://mail.proton.me/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, protonAdapter, (message) => browser.runtime.sendMessage(message));
  },
});
