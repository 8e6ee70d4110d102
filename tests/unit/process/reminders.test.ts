import { describe, expect, it } from 'vitest';
import { inQuietHours, isDueNow, relancesToAnnounce } from '../../../src/process/reminders';

const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(2026, 10, 27, h ?? 0, m ?? 0);
};

describe('quiet hours', () => {
  it('span midnight', () => {
    const quiet = { start: '20:00', end: '08:00' };
    expect(inQuietHours(quiet, at('21:30'))).toBe(true);
    expect(inQuietHours(quiet, at('07:59'))).toBe(true);
    expect(inQuietHours(quiet, at('08:00'))).toBe(false);
    expect(inQuietHours(quiet, at('12:00'))).toBe(false);
    expect(inQuietHours(quiet, at('20:00'))).toBe(true);
  });
  it('within a day, and off when absent or empty', () => {
    expect(inQuietHours({ start: '12:00', end: '14:00' }, at('13:00'))).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '14:00' }, at('14:00'))).toBe(false);
    expect(inQuietHours(null, at('03:00'))).toBe(false);
    expect(inQuietHours({ start: '09:00', end: '09:00' }, at('09:00'))).toBe(false);
  });
});

describe('due now', () => {
  it('counts past days, today without a time, and today once its time has come', () => {
    expect(isDueNow({ dueDate: '2026-11-26' }, '2026-11-27', '08:00')).toBe(true);
    expect(isDueNow({ dueDate: '2026-11-27' }, '2026-11-27', '08:00')).toBe(true);
    expect(isDueNow({ dueDate: '2026-11-27', dueTime: '14:30' }, '2026-11-27', '14:29')).toBe(false);
    expect(isDueNow({ dueDate: '2026-11-27', dueTime: '14:30' }, '2026-11-27', '14:30')).toBe(true);
    expect(isDueNow({ dueDate: '2026-11-28' }, '2026-11-27', '23:59')).toBe(false);
  });
});

describe('announcing relances', () => {
  it('announces each relance once per due date, again after a snooze', () => {
    const first = relancesToAnnounce([{ id: 'a', dueDate: '2026-11-27' }], {});
    expect(first.fresh.map((r) => r.id)).toEqual(['a']);
    const again = relancesToAnnounce(
      [
        { id: 'a', dueDate: '2026-11-27' },
        { id: 'b', dueDate: '2026-11-26' },
      ],
      first.remember,
    );
    expect(again.fresh.map((r) => r.id)).toEqual(['b']);
    const snoozed = relancesToAnnounce([{ id: 'a', dueDate: '2026-11-28' }], again.remember);
    expect(snoozed.fresh.map((r) => r.id)).toEqual(['a']);
    expect(snoozed.remember).toEqual({ a: '2026-11-28' });
  });
});
