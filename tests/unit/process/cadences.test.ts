import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  type Cadence,
  cadenceDueDates,
  DEFAULT_CADENCES,
  daysBetween,
  getCadence,
  isIsoDate,
  nextMonday,
  proposeRelanceAfterContact,
  RELANCE_PRESETS,
  STAGES,
  type Stage,
  stageStartDay,
  todayIso,
} from '../../../src/process';

/*
 * Node re-reads process.env.TZ when it is assigned, so each zone below really changes what the
 * local Date getters return. Zones chosen to catch UTC slips: both sides of Greenwich, the
 * extremes (UTC-11, UTC+14), DST in spring and autumn, and Santiago whose DST change is at midnight.
 */
const ZONES = ['Europe/Paris', 'America/New_York', 'America/Santiago', 'Pacific/Pago_Pago', 'Pacific/Kiritimati'];
const originalTz = process.env.TZ;

function setTimeZone(tz: string | undefined): void {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
}

afterEach(() => {
  setTimeZone(originalTz);
});

describe('time zone switching used by these tests', () => {
  it('takes effect', () => {
    const januaryNoon = () => new Date(2026, 0, 15, 12).getTimezoneOffset();
    setTimeZone('Europe/Paris');
    expect(januaryNoon()).toBe(-60);
    setTimeZone('America/New_York');
    expect(januaryNoon()).toBe(300);
    setTimeZone('Pacific/Kiritimati');
    expect(januaryNoon()).toBe(-840);
  });
});

describe.each(ZONES)('date helpers in %s', (zone) => {
  const inZone = () => setTimeZone(zone);

  it('todayIso is the local calendar day at any hour', () => {
    inZone();
    for (let hour = 0; hour < 24; hour++) {
      expect(todayIso(new Date(2026, 2, 29, hour, 30))).toBe('2026-03-29');
      expect(todayIso(new Date(2026, 9, 25, hour, 59))).toBe('2026-10-25');
    }
    expect(todayIso(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
    expect(todayIso(new Date(2027, 0, 1, 0, 0, 0))).toBe('2027-01-01');
  });

  it('addDays crosses month and year ends', () => {
    inZone();
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('addDays crosses DST changes', () => {
    inZone();
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // Europe, spring
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // Europe, autumn
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09'); // US, spring
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02'); // US, autumn
    expect(addDays('2026-09-05', 2)).toBe('2026-09-07'); // Chile, midnight skipped
    expect(addDays('2026-03-30', -2)).toBe('2026-03-28');
  });

  it('addWorkingDays skips the weekend', () => {
    inZone();
    expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30'); // Friday + 1 = Monday
    expect(addWorkingDays('2026-03-27', 3)).toBe('2026-04-01'); // Friday + 3 = Wednesday
    expect(addWorkingDays('2026-03-30', 3)).toBe('2026-04-02'); // Monday + 3 = Thursday
    expect(addWorkingDays('2026-03-28', 1)).toBe('2026-03-30'); // Saturday + 1 = Monday
    expect(addWorkingDays('2026-03-29', 1)).toBe('2026-03-30'); // Sunday + 1 = Monday
    expect(addWorkingDays('2026-03-27', 5)).toBe('2026-04-03'); // a full week
    expect(addWorkingDays('2025-12-26', 4)).toBe('2026-01-01'); // across the year end
    expect(addWorkingDays('2026-03-30', -1)).toBe('2026-03-27'); // Monday - 1 = Friday
    expect(addWorkingDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('nextMonday is strictly after the date', () => {
    inZone();
    expect(nextMonday('2026-03-30')).toBe('2026-04-06'); // Monday → following Monday
    expect(nextMonday('2026-03-31')).toBe('2026-04-06'); // Tuesday
    expect(nextMonday('2026-03-27')).toBe('2026-03-30'); // Friday
    expect(nextMonday('2026-03-28')).toBe('2026-03-30'); // Saturday
    expect(nextMonday('2026-03-29')).toBe('2026-03-30'); // Sunday, DST day in Europe
    expect(nextMonday('2026-12-31')).toBe('2027-01-04'); // Thursday, across the year end
  });

  it('daysBetween counts calendar days, signed', () => {
    inZone();
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

describe('date validation', () => {
  it('rejects strings that are not calendar dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('30/03/2026', 0)).toThrow(RangeError);
    expect(() => nextMonday('2026-03-30T00:00:00Z')).toThrow(RangeError);
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(20260330)).toBe(false);
  });
});

describe('default cadences', () => {
  it('match the playbook', () => {
    const byKey = Object.fromEntries(DEFAULT_CADENCES.map((c) => [c.key, [c.days, c.workingDays]]));
    expect(byKey).toEqual({
      firstContactNoAnswer: [[3], true],
      proposalSent: [[2, 7, 14], false],
      newClient: [[7, 30], false],
      discoveryFollowUp: [[7], false],
    });
    for (const cadence of DEFAULT_CADENCES) {
      expect(cadence.label.fr).not.toBe('');
      expect(cadence.label.en).not.toBe('');
    }
  });

  it('schedule every relance of a cadence from its start day', () => {
    const proposalSent = getCadence('proposalSent');
    const newClient = getCadence('newClient');
    const firstContact = getCadence('firstContactNoAnswer');
    if (!proposalSent || !newClient || !firstContact) throw new Error('missing default cadence');
    expect(cadenceDueDates(proposalSent, '2026-03-30')).toEqual(['2026-04-01', '2026-04-06', '2026-04-13']);
    expect(cadenceDueDates(newClient, '2026-03-30')).toEqual(['2026-04-06', '2026-04-29']);
    expect(cadenceDueDates(firstContact, '2026-03-26')).toEqual(['2026-03-31']); // Thursday + 3 working days
  });
});

describe('relance presets', () => {
  it('offer today, +2 days, +1 week and +2 weeks', () => {
    expect(RELANCE_PRESETS.map((p) => [p.key, p.days])).toEqual([
      ['today', 0],
      ['2d', 2],
      ['1w', 7],
      ['2w', 14],
    ]);
    expect(RELANCE_PRESETS.map((p) => p.label.fr)).toEqual(["Aujourd'hui", '+2 jours', '+1 semaine', '+2 semaines']);
    expect(RELANCE_PRESETS.map((p) => p.label.en)).toEqual(['Today', '+2 days', '+1 week', '+2 weeks']);
  });
});

describe('proposeRelanceAfterContact', () => {
  const expected: Record<Stage, { fromMonday: string; fromFriday: string; cadenceKey: string }> = {
    prospecting: { fromMonday: '2026-04-02', fromFriday: '2026-04-01', cadenceKey: 'firstContactNoAnswer' },
    contact: { fromMonday: '2026-04-02', fromFriday: '2026-04-01', cadenceKey: 'firstContactNoAnswer' },
    discovery: { fromMonday: '2026-04-06', fromFriday: '2026-04-03', cadenceKey: 'discoveryFollowUp' },
    proposal: { fromMonday: '2026-04-01', fromFriday: '2026-03-29', cadenceKey: 'proposalSent' },
    closing: { fromMonday: '2026-04-01', fromFriday: '2026-03-29', cadenceKey: 'proposalSent' },
    relationship: { fromMonday: '2026-04-06', fromFriday: '2026-04-03', cadenceKey: 'newClient' },
  };

  it.each(STAGES)('proposes the first step of the cadence for %s', (stage) => {
    const { fromMonday, fromFriday, cadenceKey } = expected[stage];
    expect(proposeRelanceAfterContact(stage, '2026-03-30')).toEqual({ dueDate: fromMonday, cadenceKey });
    expect(proposeRelanceAfterContact(stage, '2026-03-27')).toEqual({ dueDate: fromFriday, cadenceKey });
  });

  it('follows cadences edited in settings', () => {
    const edited: Cadence[] = DEFAULT_CADENCES.map((c) => (c.key === 'proposalSent' ? { ...c, days: [3, 10] } : c));
    expect(proposeRelanceAfterContact('proposal', '2026-03-30', edited)).toEqual({
      dueDate: '2026-04-02',
      cadenceKey: 'proposalSent',
    });
    const workingDays: Cadence[] = DEFAULT_CADENCES.map((c) => (c.key === 'newClient' ? { ...c, workingDays: true } : c));
    expect(proposeRelanceAfterContact('relationship', '2026-03-27', workingDays)?.dueDate).toBe('2026-04-07');
  });

  it('walks the cadence from the day the stage began: a quote sent on the 2nd is chased on the 4th, 9th and 16th', () => {
    const chase = (today: string) => proposeRelanceAfterContact('proposal', today, DEFAULT_CADENCES, '2026-03-02')?.dueDate;
    expect(chase('2026-03-02')).toBe('2026-03-04');
    expect(chase('2026-03-04')).toBe('2026-03-09');
    expect(chase('2026-03-06')).toBe('2026-03-09');
    expect(chase('2026-03-09')).toBe('2026-03-16');
    // Every step passed, no decision yet: keep chasing at the first step's pace.
    expect(chase('2026-03-16')).toBe('2026-03-18');
    // A new client: the after-sales check at +7, then the check-in at +30 from the win.
    const client = (today: string) => proposeRelanceAfterContact('relationship', today, DEFAULT_CADENCES, '2026-03-02')?.dueDate;
    expect(client('2026-03-02')).toBe('2026-03-09');
    expect(client('2026-03-09')).toBe('2026-04-01');
    // A start day after today (a back-dated contact) is not a start: from today.
    expect(proposeRelanceAfterContact('proposal', '2026-03-02', DEFAULT_CADENCES, '2026-03-05')?.dueDate).toBe('2026-03-04');
  });

  it('proposes nothing when the cadence was removed or emptied', () => {
    const withoutProposal = DEFAULT_CADENCES.filter((c) => c.key !== 'proposalSent');
    expect(proposeRelanceAfterContact('closing', '2026-03-30', withoutProposal)).toBeNull();
    const emptied: Cadence[] = DEFAULT_CADENCES.map((c) => (c.key === 'discoveryFollowUp' ? { ...c, days: [] } : c));
    expect(proposeRelanceAfterContact('discovery', '2026-03-30', emptied)).toBeNull();
    expect(proposeRelanceAfterContact('contact', '2026-03-30', emptied)).not.toBeNull();
  });
});

describe('stageStartDay', () => {
  const at = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 15).getTime();
  it('is the latest move to the current stage, or the creation day', () => {
    const prospect = { stage: 'proposal' as const, createdAt: at('2026-02-01') };
    expect(stageStartDay(prospect, [])).toBe('2026-02-01');
    const events = [
      { to: 'contact' as const, date: at('2026-02-03') },
      { to: 'proposal' as const, date: at('2026-02-10') },
      { to: 'discovery' as const, date: at('2026-02-12') },
      { to: 'proposal' as const, date: at('2026-03-02') },
    ];
    expect(stageStartDay(prospect, events)).toBe('2026-03-02');
    expect(stageStartDay({ ...prospect, stage: 'closing' }, events)).toBe('2026-02-01');
  });
});

describe('onWorkingDay', () => {
  it('keeps weekdays and moves a weekend day to the next Monday', async () => {
    const { onWorkingDay } = await import('../../../src/process/cadences');
    expect(onWorkingDay('2026-11-27')).toBe('2026-11-27'); // Friday
    expect(onWorkingDay('2026-11-28')).toBe('2026-11-30'); // Saturday
    expect(onWorkingDay('2026-11-29')).toBe('2026-11-30'); // Sunday
    expect(onWorkingDay('2026-12-31')).toBe('2026-12-31'); // Thursday
  });
});
