import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getSettings, saveSettings } from '../../../src/db/repository';
import { DEFAULT_SETTINGS, defaultSettings, migrateSettings, type Settings, settingsSchema } from '../../../src/model';
import { DEFAULT_CADENCES } from '../../../src/process';
import { deleteFreshDatabases, freshDb } from './fresh-db';

afterEach(deleteFreshDatabases);

const V1 = { key: 'app', language: 'en', noContactDays: 30, workingDaysOnly: false, schemaVersion: 1 };

describe('settings defaults', () => {
  it('holds the v2 defaults, cadences from the playbook', () => {
    expect(DEFAULT_SETTINGS.schemaVersion).toBe(2);
    expect(DEFAULT_SETTINGS.quietHours).toEqual({ start: '20:00', end: '08:00' });
    expect(DEFAULT_SETTINGS.backupReminderDays).toBe(14);
    expect(DEFAULT_SETTINGS.webmailDomains).toEqual([]);
    expect(DEFAULT_SETTINGS.objectives).toEqual({});
    expect(DEFAULT_SETTINGS.playbook).toEqual({});
    expect(DEFAULT_SETTINGS.exampleOfferSeeded).toBe(false);
    for (const cadence of DEFAULT_CADENCES) expect(DEFAULT_SETTINGS.cadences[cadence.key]).toEqual(cadence.days);
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('is deeply frozen, and defaultSettings() gives fresh copies', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.cadences.proposalSent)).toBe(true);
    const a = defaultSettings();
    a.cadences.proposalSent.push(30);
    expect(defaultSettings().cadences.proposalSent).toEqual([2, 7, 14]);
  });
});

describe('migrateSettings', () => {
  it('turns a v1 record into v2 keeping its values', () => {
    const migrated = migrateSettings(V1);
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, language: 'en', noContactDays: 30, workingDaysOnly: false, schemaVersion: 2 });
  });

  it('gives the defaults for nothing or garbage', () => {
    for (const garbage of [undefined, null, 42, 'app', [], [1, 2], true, () => 1]) {
      expect(migrateSettings(garbage)).toEqual(DEFAULT_SETTINGS);
    }
    expect(migrateSettings({ schemaVersion: 'x', language: 12, cadences: 'no', playbook: [] })).toEqual(DEFAULT_SETTINGS);
  });

  it('never returns the frozen defaults (callers may change what they get)', () => {
    const settings = migrateSettings(undefined);
    expect(Object.isFrozen(settings)).toBe(false);
    expect(Object.isFrozen(settings.cadences.proposalSent)).toBe(false);
  });

  it('keeps the valid parts of a damaged record, field by field', () => {
    const migrated = migrateSettings({
      ...V1,
      noContactDays: -3,
      quietHours: { start: '25:00', end: '08:00' },
      cadences: { proposalSent: [10, 3, 3], newClient: 'soon' },
      objectives: { contactsPerWeek: 40, wonPerMonth: 'lots' },
      backupReminderDays: 7,
      lastBackupAt: 'yesterday',
      webmailDomains: ['Mail.Example.com', 'not a host', 'mail.example.com', 'webmail.acme.fr'],
      playbook: {
        contact: { goal: { fr: 'Appeler' } },
        discovery: { checklist: [{ key: 'Bad.Key', label: { fr: 'x', en: 'x' }, exit: true }], guidance: [{ fr: 'Écouter', en: '' }] },
        nowhere: { goal: { fr: 'x' } },
      },
    });
    expect(migrated.language).toBe('en');
    expect(migrated.noContactDays).toBe(14);
    expect(migrated.quietHours).toEqual({ start: '20:00', end: '08:00' });
    expect(migrated.cadences).toEqual({ ...DEFAULT_SETTINGS.cadences, proposalSent: [3, 10] });
    expect(migrated.objectives).toEqual({ contactsPerWeek: 40 });
    expect(migrated.backupReminderDays).toBe(7);
    expect(migrated).not.toHaveProperty('lastBackupAt');
    expect(migrated.webmailDomains).toEqual(['mail.example.com', 'webmail.acme.fr']);
    expect(migrated.playbook).toEqual({ contact: { goal: { fr: 'Appeler' } }, discovery: { guidance: [{ fr: 'Écouter', en: '' }] } });
    expect(settingsSchema.safeParse(migrated).success).toBe(true);
  });

  it('accepts quiet hours turned off (null)', () => {
    expect(migrateSettings({ ...V1, quietHours: null }).quietHours).toBeNull();
  });
});

describe('settingsSchema (what the database stores)', () => {
  it('upgrades a valid v1 record but refuses invalid values', () => {
    expect(settingsSchema.parse(V1)).toEqual(migrateSettings(V1));
    expect(settingsSchema.safeParse({ ...V1, language: 'de' }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, quietHours: { start: '08:00', end: '08:00' } }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, cadences: { ...DEFAULT_SETTINGS.cadences, newClient: [0] } }).success).toBe(
      false,
    );
    const duplicated = [
      { key: 'a', label: { fr: 'A', en: '' }, exit: false },
      { key: 'a', label: { fr: 'B', en: '' }, exit: false },
    ];
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, playbook: { contact: { checklist: duplicated } } }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, schemaVersion: 3 }).success).toBe(false);
  });
});

describe('getSettings / saveSettings', () => {
  it('reads a stored v1 record as v2 without losing its values, and saves v2', async () => {
    const db = freshDb();
    // A v1 record as an older version of the extension stored it (bypassing today's validation).
    await db.open();
    await db.backendDB().transaction('settings', 'readwrite').objectStore('settings').put(V1);
    const read = await getSettings(db);
    expect(read).toEqual(migrateSettings(V1));
    const saved = await saveSettings(db, { backupReminderDays: 30 });
    expect(saved).toEqual({ ...read, backupReminderDays: 30 });
    expect(await db.settings.get('app')).toEqual(saved);
    expect((await db.settings.get('app'))?.schemaVersion).toBe(2);
  });

  it('reads garbage as the defaults', async () => {
    const db = freshDb();
    await db.open();
    await db.backendDB().transaction('settings', 'readwrite').objectStore('settings').put({ key: 'app', language: 7, cadences: 'x' });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves every v2 field and refuses an invalid patch as a whole', async () => {
    const db = freshDb();
    const patch: Partial<Settings> = {
      quietHours: null,
      cadences: { firstContactNoAnswer: [2], proposalSent: [14, 3], newClient: [], discoveryFollowUp: [5] },
      objectives: { contactsPerWeek: 25, newProspectsPerMonth: 12, wonPerMonth: 3 },
      webmailDomains: ['webmail.acme.fr'],
      lastBackupAt: 1_700_000_000_000,
      playbook: { contact: { checklist: [{ key: 'custom-abc', label: { fr: 'Point', en: '' }, exit: true }] } },
    };
    const saved = await saveSettings(db, patch);
    expect(saved.cadences.proposalSent).toEqual([3, 14]);
    expect(await getSettings(db)).toEqual(saved);
    await expect(saveSettings(db, { language: 'fr', quietHours: { start: '7h', end: '08:00' } })).rejects.toThrow(
      'Invalid settings: quietHours.start: Not a valid time (HH:MM expected)',
    );
    expect(await getSettings(db)).toEqual(saved);
    // Clearing an optional field removes it.
    const cleared = await saveSettings(db, { lastBackupAt: undefined });
    expect(cleared).not.toHaveProperty('lastBackupAt');
  });
});
