import * as z from 'zod/mini';

/*
 * Zod Mini, not full Zod: its functions tree-shake, so each page carries only the validators
 * it reaches (full Zod's schema methods cannot be dropped). Every schema module imports `z`
 * from here so this configuration runs first.
 */

// Zod 4 probes `new Function` once to pick its fast path; under the MV3 CSP that probe
// logs a violation.
z.config({ jitless: true });

// Full Zod loads its English messages by itself, Mini does not: without them every message
// the schemas do not word themselves ("Too small: expected string to have >=3 characters")
// would read "Invalid input".
z.config(z.locales.en());

export { z };
