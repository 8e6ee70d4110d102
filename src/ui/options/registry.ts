import type { ViewRegistry } from './views';

/** Which component renders each options section (sections without one are hidden). */
export const OPTIONS_VIEWS: ViewRegistry = {};
