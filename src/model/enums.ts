/*
 * The closed vocabularies the stored records use. Kept here, not imported from src/process,
 * so the storage model stays independent of the guidance layer (which re-states the same
 * tuples with labels and rules around them).
 */

export const STAGES = ['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship'] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ['call', 'email', 'linkedin', 'meeting', 'visit', 'video'] as const;
export type Channel = (typeof CHANNELS)[number];

/** suspect = identified, not qualified; prospect = potential confirmed; client = ordered. */
export const QUALIFICATIONS = ['suspect', 'prospect', 'client'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const RELANCE_STATUSES = ['open', 'done', 'cancelled'] as const;
export type RelanceStatus = (typeof RELANCE_STATUSES)[number];

export const OUTCOME_RESULTS = ['won', 'lost'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const LANGUAGES = ['auto', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
