import { z } from 'zod';

// Zod 4 probes `new Function` once to pick its fast path; under the MV3 CSP that probe
// logs a violation. Every schema module imports `z` from here so the config runs first.
z.config({ jitless: true });

export { z };
