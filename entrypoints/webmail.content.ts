import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/watch-page';
import { webmailAdapterFor } from '../src/content/webmail-adapter';

export default defineContentScript({
  // Not in the manifest: the worker registers it for each domain the rep enabled, for exactly
  // `https://<domain>/*` (src/background/webmail-domains.ts). No `matches` here: WXT would turn
  // them into install-time host permissions.
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = webmailAdapterFor(window === window.top ? 'top' : 'sub', new URL(location.href));
    if (adapter) watchPage(ctx, adapter, (message) => browser.runtime.sendMessage(message));
  },
});
