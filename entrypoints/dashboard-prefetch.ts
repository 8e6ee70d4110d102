import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prefetchDashboard } from '../src/ui/options/dashboard/prefetch';

// Loaded by options.html before its bundle, as a plain script: see src/ui/options/dashboard/prefetch.ts.
export default defineUnlistedScript(() => {
  prefetchDashboard();
});
