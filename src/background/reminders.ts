import { browser } from 'wxt/browser';
import type { RelanceDatabase } from '../db/database';
import { dueRelances, getSettings } from '../db/repository';
import { messages, resolveLang } from '../i18n';
import { z } from '../model/zod';
import { todayIso } from '../process';
import { inQuietHours, isDueNow, nextWakeAt, relancesToAnnounce, timeOfDay } from '../process/reminders';

export const DUE_NOTIFICATION_ID = 'relances-due';
const ANNOUNCED_KEY = 'reminders:announced';
const announcedSchema = z.record(z.string(), z.string());

// The worker's start and the alarm that woke it both announce: each run reads what was announced
// before, so a run starts only once the previous one has recorded its own (else both notify).
let announcing: Promise<unknown> = Promise.resolve();

/**
 * One grouped notification ("3 relances aujourd'hui") for relances newly due, outside the
 * quiet hours; each relance is announced once per due date. IndexedDB is the only truth:
 * this runs from the worker's alarm and start, and re-reads everything each time.
 */
export function announceDueRelances(db: RelanceDatabase, now = new Date()): Promise<number> {
  const run = announcing.then(() => announceOnce(db, now));
  announcing = run.catch(() => undefined);
  return run;
}

async function announceOnce(db: RelanceDatabase, now: Date): Promise<number> {
  const settings = await getSettings(db);
  if (inQuietHours(settings.quietHours, now)) return 0;
  const today = todayIso(now);
  const clock = timeOfDay(now);
  const queue = await dueRelances(db, today, 0, { limitPerSection: 1000 });
  const due = [...queue.overdue, ...queue.today].filter((row) => isDueNow(row.relance, today, clock));

  const stored = await browser.storage.local.get(ANNOUNCED_KEY);
  const announced = announcedSchema.safeParse(stored[ANNOUNCED_KEY]);
  const { fresh, remember } = relancesToAnnounce(
    due.map((row) => ({ id: row.relance.id, dueDate: row.relance.dueDate, name: row.prospect.fullName })),
    announced.success ? announced.data : {},
  );
  await browser.storage.local.set({ [ANNOUNCED_KEY]: remember });
  if (fresh.length === 0) return 0;

  const t = messages(resolveLang(settings.language, browser.i18n.getUILanguage()));
  try {
    await browser.notifications.create(DUE_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t.dueTitle(due.length),
      message: t.dueMessage(fresh.map((relance) => relance.name)),
    });
  } catch {
    // Notifications disabled by the user or the OS: the badge still says it.
  }
  return fresh.length;
}

/** When the worker should wake next (see nextWakeAt): today's open relances give their times. */
export async function nextTickAt(db: RelanceDatabase, now = new Date()): Promise<number> {
  const today = await db.relances
    .where('[status+dueDate]')
    .equals(['open', todayIso(now)])
    .toArray();
  return nextWakeAt(
    now,
    today.map((relance) => relance.dueTime),
  );
}

/** A click on the reminder opens the relance list: the popup where allowed, else as a tab. */
export async function openRelanceList(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}
