// Local times and the two DST days are checked where the reps are: Paris.
process.env.TZ = 'Europe/Paris';

import { describe, expect, it } from 'vitest';
import { MAX_TICK_WAIT_MS, nextWakeAt } from '../../../src/process/reminders';

const local = (y: number, m: number, d: number, h: number, min: number, s = 0) => new Date(y, m - 1, d, h, min, s).getTime();
const utc = (iso: string) => Date.parse(iso);

describe('next wake of the worker', () => {
  it('runs in Paris time', () => {
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(-120);
  });

  it('wakes for a relance time due before the 30-minute tick', () => {
    const now = new Date(local(2026, 3, 10, 14, 10));
    expect(nextWakeAt(now, ['14:20'])).toBe(local(2026, 3, 10, 14, 20, 5));
  });

  it('takes the earliest time still ahead, and ignores times passed and untimed relances', () => {
    const now = new Date(local(2026, 3, 10, 14, 10, 30));
    expect(nextWakeAt(now, [undefined, '09:00', '14:10', '14:25', '14:15'])).toBe(local(2026, 3, 10, 14, 15, 5));
  });

  it('waits 30 minutes at most, and wakes just after midnight when that comes first', () => {
    const afternoon = new Date(local(2026, 3, 10, 14, 10));
    expect(nextWakeAt(afternoon, ['18:00'])).toBe(afternoon.getTime() + MAX_TICK_WAIT_MS);
    expect(nextWakeAt(afternoon, [])).toBe(afternoon.getTime() + MAX_TICK_WAIT_MS);
    const lateEvening = new Date(local(2026, 3, 10, 23, 50));
    expect(nextWakeAt(lateEvening, ['23:55'])).toBe(local(2026, 3, 10, 23, 55, 5));
    expect(nextWakeAt(lateEvening, [])).toBe(local(2026, 3, 11, 0, 0, 5));
  });

  describe('on 29 March 2026 (02:00 becomes 03:00)', () => {
    it('wakes for a morning relance at its local time, summer time', () => {
      const now = new Date(utc('2026-03-29T06:45:00Z')); // 08:45 CEST
      expect(nextWakeAt(now, ['09:00'])).toBe(utc('2026-03-29T07:00:05Z'));
    });

    it('wakes as the clock jumps for a time in the skipped hour', () => {
      const now = new Date(utc('2026-03-29T00:50:00Z')); // 01:50 CET
      // 02:30 never shows: the relance is due from 03:00 CEST on (01:00 UTC), not an hour later.
      expect(nextWakeAt(now, ['02:30'])).toBe(utc('2026-03-29T01:00:05Z'));
    });

    it('wakes before the 30-minute tick across the jump', () => {
      const now = new Date(utc('2026-03-29T00:45:00Z')); // 01:45 CET; 30 minutes on it reads 03:15 CEST
      expect(nextWakeAt(now, ['03:05'])).toBe(utc('2026-03-29T01:05:05Z'));
    });

    it('has a 23-hour day: midnight comes 23 hours after the previous one', () => {
      const now = new Date(utc('2026-03-29T21:45:00Z')); // 23:45 CEST
      expect(nextWakeAt(now, [])).toBe(utc('2026-03-29T22:00:05Z'));
    });
  });

  describe('on 25 October 2026 (03:00 becomes 02:00)', () => {
    it('wakes at the first of the two 02:30s', () => {
      const now = new Date(utc('2026-10-25T00:10:00Z')); // 02:10 CEST
      expect(nextWakeAt(now, ['02:30'])).toBe(utc('2026-10-25T00:30:05Z'));
    });

    it('never wakes in the past in the repeated hour', () => {
      // 02:10 CET, after the first 02:30 (CEST) passed: its instant is behind, so the 30-minute tick rules.
      const now = new Date(utc('2026-10-25T01:10:00Z'));
      const wake = nextWakeAt(now, ['02:30']);
      expect(wake).toBeGreaterThan(now.getTime());
      expect(wake).toBe(now.getTime() + MAX_TICK_WAIT_MS);
    });

    it('wakes for an afternoon relance at its local time, winter time', () => {
      const now = new Date(utc('2026-10-25T13:50:00Z')); // 14:50 CET
      expect(nextWakeAt(now, ['15:00'])).toBe(utc('2026-10-25T14:00:05Z'));
    });

    it('has a 25-hour day: midnight in winter time', () => {
      const now = new Date(utc('2026-10-25T22:45:00Z')); // 23:45 CET
      expect(nextWakeAt(now, [])).toBe(utc('2026-10-25T23:00:05Z'));
    });
  });
});
