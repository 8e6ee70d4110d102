import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Stage } from '../../../src/model/enums';
import type { Interaction } from '../../../src/model/interaction';
import type { Outcome, Prospect } from '../../../src/model/prospect';
import type { Relance } from '../../../src/model/relance';
import type { StageEvent } from '../../../src/model/stage-event';
import { addDays, todayIso } from '../../../src/process/cadences';
import {
  assembleKpis,
  computeContactFigures,
  computeKpis,
  computePipelineFigures,
  computeRelanceFigures,
  contactFiguresFromCounts,
  contactWeekSpans,
  countContactsPerWeek,
  type KpiInput,
} from '../../../src/process/kpis';
import { CHANNELS, STAGES } from '../../../src/process/stages';

/*
 * Records are dated with the local Date constructor, as the app stores them, so the expected
 * figures hold in any time zone; the zone sweep below checks exactly that.
 */

function localMs(iso: string, hour = 10, minute = 0, second = 0): number {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second).getTime();
}

function prospect(id: string, createdDay: string, stage: Stage, outcome?: Outcome): Prospect {
  return {
    id,
    fullName: `Prospect ${id}`,
    phones: [],
    emails: [],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    stage,
    qualification: 'prospect',
    checklist: {},
    tags: [],
    source: 'manual',
    lockedFields: [],
    createdAt: localMs(createdDay),
    updatedAt: localMs(createdDay),
    ...(outcome ? { outcome } : {}),
  };
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

function interaction(prospectId: string, channel: Channel, date: number): Interaction {
  return { id: nextId('i'), prospectId, channel, date, createdAt: date };
}

function relance(dueDate: string, status: Relance['status'], doneAt?: number): Relance {
  return {
    id: nextId('r'),
    prospectId: 'p1',
    dueDate,
    status,
    createdAt: localMs('2026-01-01'),
    ...(doneAt === undefined ? {} : { doneAt }),
  };
}

/** A prospect's trail: [from, to, day] per move. */
function trail(prospectId: string, moves: [Stage | null, Stage, string][]): StageEvent[] {
  return moves.map(([from, to, day]) => ({ id: nextId('e'), prospectId, from, to, date: localMs(day), forced: false, unmet: [] }));
}

const won = (day: string): Outcome => ({ result: 'won', date: localMs(day) });
const lost = (day: string): Outcome => ({ result: 'lost', date: localMs(day) });

const zeroChannels = () => Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<Channel, number>;
const channels = (counts: Partial<Record<Channel, number>>) => ({ ...zeroChannels(), ...counts });

/*
 * Period: Sunday 1 to Sunday 15 March 2026 (15 days, ISO weeks 09 to 11); today: 20 March.
 *
 * p1 walks the whole pipeline and is won on 5 March (in the period).
 * p2 reaches discovery and is lost on 10 March (in the period).
 * p3 is created on 2 March; its move to discovery on 17 March comes after the period.
 * p4 is created directly at proposal on 15 March, the period's last day.
 * p5 is created on 16 March, after the period, without any trail.
 * p6 is lost on 20 February, before the period.
 * p7 is an old record at closing without any trail.
 */
function sampleInput(): KpiInput {
  return {
    prospects: [
      prospect('p1', '2026-01-05', 'relationship', won('2026-03-05')),
      prospect('p2', '2026-02-01', 'discovery', lost('2026-03-10')),
      prospect('p3', '2026-03-02', 'discovery'),
      prospect('p4', '2026-03-15', 'proposal'),
      prospect('p5', '2026-03-16', 'prospecting'),
      prospect('p6', '2026-02-10', 'prospecting', lost('2026-02-20')),
      prospect('p7', '2026-01-01', 'closing'),
    ],
    stageEvents: [
      ...trail('p1', [
        [null, 'prospecting', '2026-01-05'],
        ['prospecting', 'contact', '2026-01-10'],
        ['contact', 'discovery', '2026-01-20'],
        ['discovery', 'proposal', '2026-02-01'],
        ['proposal', 'closing', '2026-02-15'],
        ['closing', 'relationship', '2026-03-06'],
      ]),
      ...trail('p2', [
        [null, 'prospecting', '2026-02-01'],
        ['prospecting', 'contact', '2026-02-03'],
        ['contact', 'discovery', '2026-02-13'],
      ]),
      // Stored out of order on purpose: the trail is sorted by date, not trusted as given.
      ...trail('p3', [
        ['contact', 'discovery', '2026-03-17'],
        [null, 'prospecting', '2026-03-02'],
        ['prospecting', 'contact', '2026-03-04'],
      ]),
      ...trail('p4', [[null, 'proposal', '2026-03-15']]),
      ...trail('p6', [[null, 'prospecting', '2026-02-10']]),
    ],
    interactions: [
      interaction('p1', 'email', localMs('2026-03-01', 9)),
      interaction('p3', 'call', localMs('2026-03-04')),
      interaction('p3', 'call', localMs('2026-03-06')),
      interaction('p3', 'linkedin', localMs('2026-03-08', 20)),
      interaction('p4', 'meeting', localMs('2026-03-15', 23, 30)),
      interaction('p4', 'email', localMs('2026-03-16', 0)),
      interaction('p2', 'call', localMs('2026-02-28', 23, 59)),
      interaction('p2', 'video', localMs('2026-03-10')),
    ],
    relances: [
      relance('2026-03-02', 'done', localMs('2026-03-02', 18)),
      relance('2026-03-03', 'done', localMs('2026-03-03', 23, 59, 59)),
      relance('2026-03-05', 'done', localMs('2026-03-06', 0, 0, 1)),
      relance('2026-03-10', 'open'),
      relance('2026-03-15', 'cancelled'),
      relance('2026-03-16', 'open'),
      relance('2026-02-28', 'done', localMs('2026-03-02')),
    ],
    period: { from: '2026-03-01', to: '2026-03-15' },
    today: '2026-03-20',
    objectives: { contactsPerWeek: 4, newProspectsPerMonth: 5 },
  };
}

describe('computeKpis on a hand-checked dataset', () => {
  const kpis = computeKpis(sampleInput());

  it('funnel: open deals by current stage, won and lost apart, whatever the period', () => {
    expect(kpis.funnel).toEqual({
      byStage: { prospecting: 1, contact: 0, discovery: 1, proposal: 1, closing: 1, relationship: 0 },
      won: 1,
      lost: 2,
      total: 7,
    });
  });

  it('conversion: furthest stage reached by the end of the period, earlier stages counted as passed', () => {
    // Furthest by 15 March: p1 relationship, p2 discovery, p3 contact (discovery came on the 17th),
    // p4 proposal (created there), p6 prospecting, p7 closing (no trail: its current stage); p5 did not exist yet.
    expect(kpis.conversion).toEqual([
      { from: 'prospecting', to: 'contact', reached: 6, converted: 5, rate: 5 / 6 },
      { from: 'contact', to: 'discovery', reached: 5, converted: 4, rate: 4 / 5 },
      { from: 'discovery', to: 'proposal', reached: 4, converted: 3, rate: 3 / 4 },
      { from: 'proposal', to: 'closing', reached: 3, converted: 2, rate: 2 / 3 },
      { from: 'closing', to: 'relationship', reached: 2, converted: 1, rate: 1 / 2 },
    ]);
  });

  it('contactsPerWeek: local days of the period by ISO week and channel, empty channels at zero', () => {
    expect(kpis.contactsPerWeek).toEqual({
      weeks: [
        { week: '2026-W09', weekStart: '2026-02-23', byChannel: channels({ email: 1 }), total: 1 },
        { week: '2026-W10', weekStart: '2026-03-02', byChannel: channels({ call: 2, linkedin: 1 }), total: 3 },
        { week: '2026-W11', weekStart: '2026-03-09', byChannel: channels({ meeting: 1, video: 1 }), total: 2 },
      ],
      byChannel: channels({ call: 2, email: 1, linkedin: 1, meeting: 1, video: 1 }),
      total: 6,
    });
  });

  it('relances due in the period: on time up to the end of the due day, late after, open and overdue as of today', () => {
    expect(kpis.relances).toEqual({ onTime: 2, late: 1, overdueOpen: 1, pending: 0, onTimeRate: 0.5 });
  });

  it('avgDaysInStage: consecutive moves, the current stage up to today, a lost deal stopping at its loss', () => {
    // prospecting: p1 5, p2 2, p3 2, p5 4 (no trail, created 16/03), p6 10 (lost 20/02) → 23 / 5
    // contact: p1 10, p2 10, p3 13 → 33 / 3; discovery: p1 12, p2 25 (lost 10/03), p3 3 → 40 / 3
    // proposal: p1 14, p4 5 → 19 / 2; closing: p1 19, p7 78 (01/01 → 20/03) → 97 / 2; relationship: p1 14
    expect(kpis.avgDaysInStage).toEqual({
      prospecting: { meanDays: 23 / 5, stays: 5 },
      contact: { meanDays: 11, stays: 3 },
      discovery: { meanDays: 40 / 3, stays: 3 },
      proposal: { meanDays: 9.5, stays: 2 },
      closing: { meanDays: 48.5, stays: 2 },
      relationship: { meanDays: 14, stays: 1 },
    });
  });

  it('winRate: outcomes dated within the period only', () => {
    expect(kpis.winRate).toEqual({ won: 1, lost: 1, rate: 0.5 });
  });

  it('cycleLengthDays: creation to win, for wins in the period', () => {
    expect(kpis.cycleLengthDays).toEqual({ meanDays: 59, deals: 1 });
  });

  it('objectives: counts brought to a week or a calendar month, against the plan targets', () => {
    const { contactsPerWeek, newProspectsPerMonth, wonPerMonth } = kpis.objectives;
    // 6 contacts over 15 days.
    expect(contactsPerWeek.count).toBe(6);
    expect(contactsPerWeek.actual).toBeCloseTo(2.8, 10);
    expect(contactsPerWeek.target).toBe(4);
    expect(contactsPerWeek.ratio).toBeCloseTo(0.7, 10);
    // p3 and p4 created in the period, which covers 15 of March's 31 days.
    expect(newProspectsPerMonth.count).toBe(2);
    expect(newProspectsPerMonth.actual).toBeCloseTo((2 * 31) / 15, 10);
    expect(newProspectsPerMonth.ratio).toBeCloseTo((2 * 31) / 15 / 5, 10);
    // Judged against what the plan expects by the 15th, not against a pace brought to a month.
    expect(newProspectsPerMonth.expected).toBeCloseTo((5 * 15) / 31, 10);
    expect(contactsPerWeek.expected).toBeCloseTo((4 * 15) / 7, 10);
    expect(wonPerMonth).toMatchObject({ count: 1, target: null, ratio: null });
    expect(wonPerMonth.actual).toBeCloseTo(31 / 15, 10);
  });
});

describe('computeKpis edge cases', () => {
  const empty: KpiInput = {
    prospects: [],
    interactions: [],
    relances: [],
    stageEvents: [],
    period: { from: '2026-02-01', to: '2026-02-28' },
    today: '2026-03-01',
  };

  it('gives zeros and null rates on an empty file', () => {
    const kpis = computeKpis(empty);
    expect(kpis.funnel.total).toBe(0);
    expect(kpis.conversion.every((row) => row.reached === 0 && row.rate === null)).toBe(true);
    expect(kpis.contactsPerWeek.weeks.map((week) => week.week)).toEqual(['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09']);
    expect(kpis.relances.onTimeRate).toBeNull();
    expect(Object.values(kpis.avgDaysInStage).every((duration) => duration.meanDays === null && duration.stays === 0)).toBe(true);
    expect(kpis.winRate.rate).toBeNull();
    expect(kpis.cycleLengthDays).toEqual({ meanDays: null, deals: 0 });
    expect(kpis.objectives.contactsPerWeek).toEqual({ count: 0, actual: 0, target: null, expected: null, ratio: null });
  });

  it('counts a full calendar month as one month, and splits a period across months by the days covered', () => {
    const prospects = [prospect('a', '2026-02-03', 'prospecting'), prospect('b', '2026-02-27', 'prospecting')];
    const february = computeKpis({ ...empty, prospects, objectives: { newProspectsPerMonth: 4 } });
    expect(february.objectives.newProspectsPerMonth).toEqual({ count: 2, actual: 2, target: 4, expected: 4, ratio: 0.5 });
    // 17 days of January (31) and 14 of February (28).
    const straddling = computeKpis({ ...empty, prospects, period: { from: '2026-01-15', to: '2026-02-14' } });
    expect(straddling.objectives.newProspectsPerMonth.actual).toBeCloseTo(1 / (17 / 31 + 14 / 28), 10);
  });

  it('counts open relances not yet due as pending, and a done relance without a completion time as on time', () => {
    const relances = [relance('2026-02-10', 'open'), relance('2026-02-20', 'open'), relance('2026-02-05', 'done')];
    expect(computeKpis({ ...empty, relances, today: '2026-02-15' }).relances).toEqual({
      onTime: 1,
      late: 0,
      overdueOpen: 1,
      pending: 1,
      onTimeRate: 0.5,
    });
  });

  it('counts a relance put off after its day had passed as late, done or not yet', () => {
    const putOff = (dueDate: string, status: Relance['status'], doneAt?: number): Relance => ({
      ...relance(dueDate, status, doneAt),
      missedDueDate: '2026-02-02',
    });
    // Done the day it was moved to (on time by that day), still open and moved to a later day.
    const relances = [putOff('2026-02-11', 'done', localMs('2026-02-11') + 3_600_000), putOff('2026-02-20', 'open')];
    expect(computeKpis({ ...empty, relances, today: '2026-02-15' }).relances).toEqual({
      onTime: 0,
      late: 1,
      overdueOpen: 0,
      pending: 1,
      onTimeRate: 0,
    });
  });

  it('labels ISO weeks across year ends by the year of their Thursday', () => {
    const weeksOf = (from: string, to: string) =>
      computeKpis({ ...empty, period: { from, to }, today: to }).contactsPerWeek.weeks.map((week) => week.week);
    expect(weeksOf('2020-12-28', '2021-01-10')).toEqual(['2020-W53', '2021-W01']);
    expect(weeksOf('2024-12-29', '2025-01-06')).toEqual(['2024-W52', '2025-W01', '2025-W02']);
    expect(weeksOf('2026-12-31', '2027-01-04')).toEqual(['2026-W53', '2027-W01']);
  });

  it('reads a trail missing its creation event: the first move says where the prospect started', () => {
    const prospects = [prospect('legacy', '2026-01-01', 'proposal')];
    const stageEvents = trail('legacy', [['discovery', 'proposal', '2026-01-11']]);
    const kpis = computeKpis({ ...empty, prospects, stageEvents, today: '2026-01-21' });
    expect(kpis.avgDaysInStage.discovery).toEqual({ meanDays: 10, stays: 1 });
    expect(kpis.avgDaysInStage.proposal).toEqual({ meanDays: 10, stays: 1 });
    // Before its first move (after the period here), it was at discovery: counts as having passed prospecting and contact.
    const before = computeKpis({ ...empty, prospects, stageEvents, period: { from: '2026-01-01', to: '2026-01-05' }, today: '2026-01-21' });
    expect(before.conversion.map((row) => row.reached)).toEqual([1, 1, 1, 0, 0]);
  });

  it('counts a stage visited twice as two stays', () => {
    const prospects = [prospect('back', '2026-01-01', 'discovery')];
    const stageEvents = trail('back', [
      [null, 'contact', '2026-01-01'],
      ['contact', 'discovery', '2026-01-05'],
      ['discovery', 'contact', '2026-01-08'],
      ['contact', 'discovery', '2026-01-10'],
    ]);
    const kpis = computeKpis({ ...empty, prospects, stageEvents, today: '2026-01-20' });
    expect(kpis.avgDaysInStage.contact).toEqual({ meanDays: 3, stays: 2 });
    expect(kpis.avgDaysInStage.discovery).toEqual({ meanDays: 6.5, stays: 2 });
  });

  it('rejects a malformed or reversed period', () => {
    expect(() => computeKpis({ ...empty, period: { from: '2026-02-30', to: '2026-03-01' } })).toThrow(RangeError);
    expect(() => computeKpis({ ...empty, period: { from: '2026-03-02', to: '2026-03-01' } })).toThrow(RangeError);
    expect(() => computeKpis({ ...empty, today: '20/03/2026' })).toThrow(RangeError);
  });
});

describe('computeKpis in other time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  /*
   * Both sides of Greenwich, the extremes, zones whose midnight falls mid-hour in UTC (India,
   * Nepal, Lord Howe's half-hour DST), and Santiago and Havana whose DST changes happen at midnight.
   */
  const ZONES = [
    'Europe/Paris',
    'America/New_York',
    'America/Santiago',
    'America/Havana',
    'Pacific/Pago_Pago',
    'Pacific/Kiritimati',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
  ];

  for (const zone of ZONES) {
    it(`gives the same figures in ${zone}`, () => {
      process.env.TZ = zone;
      const kpis = computeKpis(sampleInput());
      expect(kpis.contactsPerWeek.weeks.map((week) => week.total)).toEqual([1, 3, 2]);
      expect(kpis.relances).toEqual({ onTime: 2, late: 1, overdueOpen: 1, pending: 0, onTimeRate: 0.5 });
      expect(kpis.avgDaysInStage.closing).toEqual({ meanDays: 48.5, stays: 2 });
      expect(kpis.cycleLengthDays.meanDays).toBe(59);
      expect(kpis.conversion.map((row) => row.reached)).toEqual([6, 5, 4, 3, 2]);
    });

    it(`puts every instant on the local day todayIso names, around midnights and DST changes, in ${zone}`, () => {
      process.env.TZ = zone;
      // Sundays with DST changes in one zone or another (Havana 8/03, Europe 29/03, Santiago and Lord Howe 5/04, Santiago 6/09).
      for (const sunday of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-25']) {
        const saturday = addDays(sunday, -1);
        const monday = addDays(sunday, 1);
        const instants: number[] = [];
        for (let ms = localMs(saturday, 12); ms < localMs(monday, 12); ms += 5 * 60_000) instants.push(ms);
        const dayOf = (ms: number) => todayIso(new Date(ms));
        const kpis = computeKpis({
          prospects: [],
          stageEvents: [],
          interactions: instants.map((ms) => interaction('p1', 'call', ms)),
          // Due on the Sunday, done at each instant: on time exactly when done on Saturday or Sunday.
          relances: instants.map((ms) => relance(sunday, 'done', ms)),
          period: { from: saturday, to: monday },
          today: monday,
        });
        const weekend = instants.filter((ms) => dayOf(ms) !== monday).length;
        expect(
          kpis.contactsPerWeek.weeks.map((week) => week.total),
          sunday,
        ).toEqual([weekend, instants.length - weekend]);
        expect(kpis.relances.onTime, sunday).toBe(weekend);
        expect(kpis.relances.late, sunday).toBe(instants.length - weekend);
        // A period of the Saturday alone: Santiago's, before the April change at midnight, lasts 25 hours.
        const saturdayOnly = computeKpis({
          prospects: [],
          stageEvents: [],
          relances: [],
          interactions: instants.map((ms) => interaction('p1', 'call', ms)),
          period: { from: saturday, to: saturday },
          today: monday,
        });
        expect(saturdayOnly.contactsPerWeek.total, sunday).toBe(instants.filter((ms) => dayOf(ms) === saturday).length);
      }
    });
  }
});

describe('computeKpis at scale', () => {
  /** Deterministic, so a slow run can be replayed. */
  function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  }

  function largeInput(prospectCount: number, interactionCount: number): KpiInput {
    const random = seededRandom(20_260_320);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const start = localMs('2025-01-01');
    const span = 440 * 86_400_000;
    const prospects: Prospect[] = [];
    const stageEvents: StageEvent[] = [];
    const relances: Relance[] = [];
    for (let index = 0; index < prospectCount; index += 1) {
      const id = `p${index}`;
      const createdAt = start + Math.floor(random() * span);
      const furthest = Math.floor(random() * STAGES.length);
      let date = createdAt;
      let from: Stage | null = null;
      for (let stage = 0; stage <= furthest; stage += 1) {
        const to = STAGES[stage] as Stage;
        stageEvents.push({ id: `e${index}-${stage}`, prospectId: id, from, to, date, forced: false, unmet: [] });
        from = to;
        date += Math.floor(random() * 20 * 86_400_000);
      }
      const roll = random();
      const outcome: Outcome | undefined = roll < 0.15 ? { result: 'won', date } : roll < 0.3 ? { result: 'lost', date } : undefined;
      prospects.push({ ...prospect(id, '2025-01-01', from ?? 'prospecting', outcome), createdAt });
      for (let count = 0; count < 3; count += 1) {
        const due = new Date(createdAt + Math.floor(random() * span));
        const dueDate = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
        const status = pick(['open', 'done', 'done', 'cancelled'] as const);
        relances.push({
          id: `r${index}-${count}`,
          prospectId: id,
          dueDate,
          status,
          createdAt,
          ...(status === 'done' ? { doneAt: due.getTime() + Math.floor((random() - 0.3) * 5 * 86_400_000) } : {}),
        });
      }
    }
    const interactions: Interaction[] = [];
    for (let index = 0; index < interactionCount; index += 1) {
      const date = start + Math.floor(random() * span);
      interactions.push({
        id: `i${index}`,
        prospectId: `p${Math.floor(random() * prospectCount)}`,
        channel: pick(CHANNELS),
        date,
        createdAt: date,
      });
    }
    return {
      prospects,
      interactions,
      relances,
      stageEvents,
      period: { from: '2025-04-01', to: '2026-03-31' },
      today: '2026-03-20',
      objectives: { contactsPerWeek: 50, newProspectsPerMonth: 400, wonPerMonth: 60 },
    };
  }

  it('handles 10k prospects and 100k interactions well within budget', () => {
    const input = largeInput(10_000, 100_000);
    const timed = () => {
      const started = performance.now();
      const result = computeKpis(input);
      return { result, elapsed: performance.now() - started };
    };
    // The first call pays for JIT compilation, as a dashboard opening does; later refreshes run warm.
    const cold = timed();
    const warm = timed();
    const kpis = cold.result;
    console.log(
      `computeKpis: ${cold.elapsed.toFixed(1)} ms cold, ${warm.elapsed.toFixed(1)} ms warm, for ${input.prospects.length} prospects, ` +
        `${input.interactions.length} interactions, ${input.relances.length} relances, ${input.stageEvents.length} stage events`,
    );
    expect(warm.result).toEqual(kpis);
    expect(kpis.funnel.total).toBe(10_000);
    expect(kpis.contactsPerWeek.total).toBeGreaterThan(50_000);
    expect(kpis.conversion[0]?.reached).toBeGreaterThan(0);
    // The target is well under 500 ms; the guard leaves room for slow CI machines.
    expect(cold.elapsed).toBeLessThan(1500);
  });
});

describe('computeKpis in parts, as the dashboard computes them table by table', () => {
  const partsOf = (input: KpiInput) => ({
    pipeline: computePipelineFigures(input),
    contacts: computeContactFigures(input),
    relances: computeRelanceFigures(input),
  });

  it('puts together the same figures', () => {
    const input = sampleInput();
    expect(assembleKpis(partsOf(input), input.period, input.objectives)).toEqual(computeKpis(input));
  });

  it('applies the objectives last, changing no other figure', () => {
    const input = sampleInput();
    const parts = partsOf({ ...input, objectives: undefined });
    const withTargets = assembleKpis(parts, input.period, input.objectives);
    const without = assembleKpis(parts, input.period);
    expect({ ...withTargets, objectives: null }).toEqual({ ...without, objectives: null });
    expect(withTargets.objectives.contactsPerWeek).toEqual({
      ...without.objectives.contactsPerWeek,
      target: 4,
      expected: (4 * 15) / 7,
      ratio: without.objectives.contactsPerWeek.actual / 4,
    });
    expect(without.objectives.newProspectsPerMonth.target).toBeNull();
  });

  it('makes the contact figures from counts per channel and week alone, one per week of the period', () => {
    const input = sampleInput();
    const counts = countContactsPerWeek(input.interactions, input.period);
    expect(counts).toHaveLength(computeContactFigures(input).weeks.length);
    expect(contactFiguresFromCounts({ counts, period: input.period, today: input.today })).toEqual(computeContactFigures(input));
    expect(() => contactFiguresFromCounts({ counts: counts.slice(1), period: input.period, today: input.today })).toThrow(RangeError);
  });

  it('bounds each week of the period by the local midnights of its days within the period', () => {
    const spans = contactWeekSpans({ from: '2026-03-25', to: '2026-04-01' });
    expect(spans).toEqual([
      { startMs: new Date(2026, 2, 25).getTime(), endMs: new Date(2026, 2, 30).getTime() },
      { startMs: new Date(2026, 2, 30).getTime(), endMs: new Date(2026, 3, 2).getTime() },
    ]);
  });

  it('needs no more of each record than the fields it names', () => {
    const input = sampleInput();
    const slim: KpiInput = {
      ...input,
      prospects: input.prospects.map(({ id, stage, createdAt, outcome }) =>
        outcome ? { id, stage, createdAt, outcome } : { id, stage, createdAt },
      ),
      stageEvents: input.stageEvents.map(({ prospectId, from, to, date }) => ({ prospectId, from, to, date })),
      interactions: input.interactions.map(({ channel, date }) => ({ channel, date })),
      relances: input.relances.map(({ dueDate, status, doneAt }) =>
        doneAt === undefined ? { dueDate, status } : { dueDate, status, doneAt },
      ),
    };
    expect(computeKpis(slim)).toEqual(computeKpis(input));
  });
});
