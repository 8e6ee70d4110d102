import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/watch-page';
import { gmailAdapter } from '../src/sites/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/mail/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, gmailAdapter, (message) => browser.runtime.sendMessage(message));
  },
});
