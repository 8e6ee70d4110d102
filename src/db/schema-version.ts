/** The extension's database, as code that must not load Dexie (the dashboard's prefetch) names it. */
export const DEFAULT_DATABASE_NAME = 'relance';

/**
 * The schema version the code declares last (RelanceDatabase's highest `version(n)`); a unit
 * test keeps the two equal.
 */
export const SCHEMA_VERSION = 4;
