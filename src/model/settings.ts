import { type CadenceKey, DEFAULT_CADENCES } from '../process/cadences';
import { LANGUAGES, STAGES, type Stage } from './enums';
import { epochMsSchema, freeText } from './fields';
import { z } from './zod';

/*
 * The one settings record (key 'app'), versioned. v1 held language, noContactDays and
 * workingDaysOnly; v2 adds quiet hours, editable cadences, objectives, the backup reminder,
 * the webmail domains the user enabled and the playbook overrides.
 *
 * Two readers, two tolerances:
 * - `settingsSchema` (used by the database on every write) upgrades a v1 record's shape
 *   (the new fields take their defaults) but refuses any invalid value;
 * - `migrateSettings` (used on every read) never fails: invalid or missing parts fall back to
 *   their defaults one by one, so one bad value never costs the user the rest.
 */

export const SETTINGS_SCHEMA_VERSION = 2;

export const CADENCE_KEYS = [
  'firstContactNoAnswer',
  'proposalSent',
  'newClient',
  'discoveryFollowUp',
] as const satisfies readonly CadenceKey[];

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 'HH:MM', 24-hour clock. */
export const timeOfDaySchema = z
  .string({ error: 'A time HH:MM is expected' })
  .check(z.regex(TIME_OF_DAY, { error: 'Not a valid time (HH:MM expected)' }));

/** No notification between start and end; the span may cross midnight (20:00 → 08:00). */
export const quietHoursSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .check(z.refine((hours) => hours.start !== hours.end, { error: 'Start and end must differ', path: ['end'] }));
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** Offsets in days from the triggering event; kept sorted and distinct. An empty list turns the cadence off. */
export const cadenceDaysSchema = z.pipe(
  z
    .array(
      z
        .number({ error: 'A number of days is expected' })
        .check(
          z.int({ error: 'A whole number of days is expected' }),
          z.minimum(1, { error: 'At least 1 day' }),
          z.maximum(365, { error: 'At most 365 days' }),
        ),
    )
    .check(z.maxLength(10, { error: 'Too many entries (max 10)' })),
  z.transform((days: number[]) => [...new Set(days)].sort((a, b) => a - b)),
);

export const cadenceSettingsSchema = z.object({
  firstContactNoAnswer: cadenceDaysSchema,
  proposalSent: cadenceDaysSchema,
  newClient: cadenceDaysSchema,
  discoveryFollowUp: cadenceDaysSchema,
});
export type CadenceSettings = z.infer<typeof cadenceSettingsSchema>;

const objective = z.optional(
  z
    .number({ error: 'A number is expected' })
    .check(
      z.int({ error: 'A whole number is expected' }),
      z.minimum(1, { error: 'At least 1' }),
      z.maximum(100_000, { error: 'At most 100000' }),
    ),
);

/** The prospecting plan's objectives, compared with the dashboard's figures. Absent = no objective. */
export const objectivesSchema = z.object({
  contactsPerWeek: objective,
  newProspectsPerMonth: objective,
  wonPerMonth: objective,
});
export type Objectives = z.infer<typeof objectivesSchema>;

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const webmailDomainSchema = z
  .string({ error: 'A host name is expected' })
  .check(z.trim(), z.toLowerCase(), z.regex(HOSTNAME, { error: 'Not a valid host name (e.g. mail.example.com)' }));

/** Text in French and/or English: at least one of them written. */
const bilingualText = (max: number) =>
  z
    .object({ fr: freeText(max), en: freeText(max) })
    .check(z.refine((text) => text.fr !== '' || text.en !== '', { error: 'Write it in French or in English' }));

/** A checklist point's key: stored in each prospect's ticks as `<stage>.<key>`, so no dots. */
export const checklistItemKeySchema = z
  .string({ error: 'A key is expected' })
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Not a valid key (lower-case letters, digits and dashes)' }));

export const checklistOverrideSchema = z.object({
  key: checklistItemKeySchema,
  label: bilingualText(300),
  /** Part of the stage's exit criteria. */
  exit: z.boolean({ error: 'true or false expected' }),
});
export type ChecklistOverride = z.infer<typeof checklistOverrideSchema>;

/**
 * What the user changed in one stage. Each present part replaces the default one: `checklist`
 * is the whole list in order (default points keep their keys, so existing ticks stay).
 */
export const stageOverrideSchema = z.object({
  goal: z.optional(z.object({ fr: z.optional(freeText(1000)), en: z.optional(freeText(1000)) })),
  guidance: z.optional(z.array(bilingualText(500)).check(z.maxLength(20, { error: 'Too many entries (max 20)' }))),
  checklist: z.optional(
    z.array(checklistOverrideSchema).check(
      z.maxLength(30, { error: 'Too many entries (max 30)' }),
      z.refine((items) => new Set(items.map((item) => item.key)).size === items.length, { error: 'Two checklist points share a key' }),
    ),
  ),
});
export type StageOverride = z.infer<typeof stageOverrideSchema>;

export const playbookOverridesSchema = z.partialRecord(z.enum(STAGES), stageOverrideSchema);
export type PlaybookOverrides = z.infer<typeof playbookOverridesSchema>;

function defaultCadenceDays(): CadenceSettings {
  const days = (key: CadenceKey) => [...(DEFAULT_CADENCES.find((cadence) => cadence.key === key)?.days ?? [])];
  return {
    firstContactNoAnswer: days('firstContactNoAnswer'),
    proposalSent: days('proposalSent'),
    newClient: days('newClient'),
    discoveryFollowUp: days('discoveryFollowUp'),
  };
}

const DEFAULT_QUIET_HOURS: QuietHours = { start: '20:00', end: '08:00' };

/** The current (v2) record. Fields absent from a partial record take their defaults. */
export const currentSettingsSchema = z.object({
  /** One record only. */
  key: z.literal('app'),
  language: z._default(z.enum(LANGUAGES, { error: `Unknown language (expected one of ${LANGUAGES.join(', ')})` }), 'auto'),
  /** A prospect with no contact logged for this many days is flagged. */
  noContactDays: z._default(
    z
      .number({ error: 'A number of days is expected' })
      .check(
        z.int({ error: 'A whole number of days is expected' }),
        z.minimum(1, { error: 'At least 1 day' }),
        z.maximum(365, { error: 'At most 365 days' }),
      ),
    14,
  ),
  /**
   * Relance delays count Monday to Friday where the playbook counts working days (first
   * contact without answer: 3 working days). Off: every delay counts calendar days.
   */
  workingDaysOnly: z._default(z.boolean({ error: 'true or false expected' }), true),
  /** No notification in this span; null = notify at any time. */
  quietHours: z._default(z.nullable(quietHoursSchema), () => ({ ...DEFAULT_QUIET_HOURS })),
  cadences: z._default(cadenceSettingsSchema, defaultCadenceDays),
  objectives: z._default(objectivesSchema, () => ({})),
  /** Remind to download a backup after this many days without one; 0 = never remind. */
  backupReminderDays: z._default(
    z
      .number({ error: 'A number of days is expected' })
      .check(
        z.int({ error: 'A whole number of days is expected' }),
        z.minimum(0, { error: 'At least 0 days' }),
        z.maximum(365, { error: 'At most 365 days' }),
      ),
    14,
  ),
  lastBackupAt: z.optional(epochMsSchema),
  /** Self-hosted webmail host names the user enabled (optional host permissions granted). */
  webmailDomains: z._default(
    z.pipe(
      z.array(webmailDomainSchema).check(z.maxLength(100, { error: 'Too many entries (max 100)' })),
      z.transform((domains: string[]) => [...new Set(domains)]),
    ),
    () => [],
  ),
  playbook: z._default(playbookOverridesSchema, () => ({})),
  /** The example offer was written once; never again, even when the user deleted it. */
  exampleOfferSeeded: z._default(z.boolean({ error: 'true or false expected' }), false),
  schemaVersion: z._default(z.literal(SETTINGS_SCHEMA_VERSION), SETTINGS_SCHEMA_VERSION),
});

export type Settings = z.output<typeof currentSettingsSchema>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v1 → v2 is additive: the new fields take their defaults. Other shapes are left for the schema to judge. */
function upgradeShape(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const version = raw.schemaVersion;
  if (version === undefined || version === 1) return { ...raw, schemaVersion: SETTINGS_SCHEMA_VERSION };
  return raw;
}

/**
 * The record as the database stores it: a v1 record (e.g. from an old backup) is upgraded
 * on the way in, an invalid value is refused. (Zod Mini has no `preprocess`: a transform piped
 * into the schema is what it stands for.)
 */
export const settingsSchema = z.pipe(z.transform(upgradeShape), currentSettingsSchema);

/** Fresh, mutable defaults. */
export function defaultSettings(): Settings {
  return {
    key: 'app',
    language: 'auto',
    noContactDays: 14,
    workingDaysOnly: true,
    quietHours: { ...DEFAULT_QUIET_HOURS },
    cadences: defaultCadenceDays(),
    objectives: {},
    backupReminderDays: 14,
    webmailDomains: [],
    playbook: {},
    exampleOfferSeeded: false,
    schemaVersion: SETTINGS_SCHEMA_VERSION,
  };
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze(defaultSettings());

/** The parsed value, or the fallback when it does not parse. */
function salvage<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
}

function salvageObject<T extends object>(shape: { [K in keyof T]: z.ZodMiniType<T[K]> }, value: unknown, fallback: T): T {
  if (!isPlainObject(value)) return fallback;
  const out = { ...fallback };
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    if (!(key in value)) continue;
    const parsed = shape[key].safeParse(value[key]);
    if (parsed.success) {
      if (parsed.data === undefined) delete out[key];
      else out[key] = parsed.data;
    }
  }
  return out;
}

function salvagePlaybook(value: unknown): PlaybookOverrides {
  if (!isPlainObject(value)) return {};
  const out: PlaybookOverrides = {};
  for (const stage of STAGES) {
    const override = value[stage];
    if (override === undefined) continue;
    const stageOverride = salvageObject<StageOverride>(stageOverrideSchema.shape as never, override, {});
    if (Object.keys(stageOverride).length > 0) out[stage as Stage] = stageOverride;
  }
  return out;
}

/**
 * Any stored value → a valid current record. A v1 record keeps its values and gains the v2
 * defaults; nothing, or garbage, gives the defaults; an invalid part falls back to its default
 * alone (one stage's overrides, one cadence, one objective…), the rest is kept.
 */
export function migrateSettings(raw: unknown): Settings {
  const upgraded = upgradeShape(raw);
  const whole = currentSettingsSchema.safeParse(upgraded);
  if (whole.success) return whole.data;
  const defaults = defaultSettings();
  if (!isPlainObject(upgraded)) return defaults;
  const shape = currentSettingsSchema.shape;
  const field = <K extends keyof Settings>(key: K): Settings[K] =>
    salvage(shape[key] as unknown as z.ZodMiniType<Settings[K]>, upgraded[key], defaults[key]);
  const lastBackupAt = salvage(z.optional(epochMsSchema), upgraded.lastBackupAt, undefined);
  return {
    key: 'app',
    language: field('language'),
    noContactDays: field('noContactDays'),
    workingDaysOnly: field('workingDaysOnly'),
    quietHours: field('quietHours'),
    cadences: salvageObject<CadenceSettings>(cadenceSettingsSchema.shape, upgraded.cadences, defaults.cadences),
    objectives: salvageObject<Objectives>(objectivesSchema.shape, upgraded.objectives, defaults.objectives),
    backupReminderDays: field('backupReminderDays'),
    ...(lastBackupAt === undefined ? {} : { lastBackupAt }),
    webmailDomains: isPlainArray(upgraded.webmailDomains)
      ? [...new Set(upgraded.webmailDomains.flatMap((domain) => salvage(webmailDomainSchema, domain, null) ?? []))].slice(0, 100)
      : defaults.webmailDomains,
    playbook: salvagePlaybook(upgraded.playbook),
    exampleOfferSeeded: field('exampleOfferSeeded'),
    schemaVersion: SETTINGS_SCHEMA_VERSION,
  };
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
