import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background';
import { installBackgroundTestHooks } from '../src/background/test-hooks';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
    if (import.meta.env.RELANCE_TEST_HOOKS) installBackgroundTestHooks();
  },
});
