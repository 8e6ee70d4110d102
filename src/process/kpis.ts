import type { Interaction } from '../model/interaction';
import type { Prospect } from '../model/prospect';
import type { Relance } from '../model/relance';
import type { StageEvent } from '../model/stage-event';
import { type IsoDate, isIsoDate } from './cadences';
import { CHANNELS, type Channel, STAGES, type Stage } from './stages';

/*
 * The manager's dashboard (PLAYBOOK.md, "tableau de bord"), computed from plain arrays of
 * stored records so it runs the same in the UI, a worker or a test.
 *
 * Days are local calendar days, as everywhere in the product. Each timestamp is turned into a
 * "day number" (the local day todayIso(new Date(ms)) names, counted from 1970-01-01), so days
 * compare and subtract as integers without formatting a string per record: there can be a
 * hundred thousand of them. The contact figures need only counts per channel and week, which the
 * dashboard has the database count (contactWeekSpans) instead of reading the records.
 */

export type KpiPeriod = {
  /** First day, inclusive, 'YYYY-MM-DD' local. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
};

/** Targets from the prospecting plan; any may be left out. */
export type KpiObjectives = {
  contactsPerWeek?: number;
  newProspectsPerMonth?: number;
  wonPerMonth?: number;
};

/*
 * What the figures read of each record, and nothing more: the dashboard reads whole tables, so
 * it can keep just these fields (full records fit too).
 */
export type KpiProspect = Pick<Prospect, 'id' | 'stage' | 'createdAt' | 'outcome'>;
export type KpiStageEvent = Pick<StageEvent, 'prospectId' | 'from' | 'to' | 'date'>;
export type KpiInteraction = Pick<Interaction, 'channel' | 'date'>;
export type KpiRelance = Pick<Relance, 'dueDate' | 'status' | 'doneAt' | 'missedDueDate'>;

export type KpiInput = {
  prospects: readonly KpiProspect[];
  interactions: readonly KpiInteraction[];
  relances: readonly KpiRelance[];
  stageEvents: readonly KpiStageEvent[];
  period: KpiPeriod;
  today: IsoDate;
  objectives?: KpiObjectives;
};

/** Where every prospect stands now, whatever the period: open deals by stage, decided deals apart. */
export type FunnelFigures = {
  /** Prospects with no outcome, by their current stage. */
  byStage: Record<Stage, number>;
  won: number;
  lost: number;
  total: number;
};

export type StageConversion = {
  from: Stage;
  to: Stage;
  /** Prospects that had reached `from` by the end of the period. */
  reached: number;
  /** Those of them that had also reached `to`. */
  converted: number;
  /** converted / reached; null when nobody reached `from`. */
  rate: number | null;
};

export type ChannelCounts = Record<Channel, number>;

export type WeekContacts = {
  /** ISO week, Monday start: '2026-W03'. */
  week: string;
  /** Monday of the week. */
  weekStart: IsoDate;
  byChannel: ChannelCounts;
  total: number;
};

export type ContactsPerWeek = {
  /** Every week the period touches, empty ones included, oldest first (a chart needs the gaps). */
  weeks: WeekContacts[];
  byChannel: ChannelCounts;
  total: number;
};

/** Relances due within the period, judged against their due day. */
export type RelanceFigures = {
  /** Done on or before their due day, never put off after it had passed. */
  onTime: number;
  /** Done after their due day, or put off after it had passed (`missedDueDate`). */
  late: number;
  /** Still open and due before `today`. */
  overdueOpen: number;
  /** Still open and not due yet (due today or later): not judged. */
  pending: number;
  /** onTime / (onTime + late + overdueOpen); null when none of them is judged yet. */
  onTimeRate: number | null;
};

export type StageDuration = {
  /** Mean whole local days per stay; null when no prospect ever stayed in the stage. */
  meanDays: number | null;
  /** Number of stays averaged (a prospect coming back to a stage stays twice). */
  stays: number;
};

export type WinRate = { won: number; lost: number; rate: number | null };

export type CycleLength = { meanDays: number | null; deals: number };

export type ObjectiveFigure = {
  /** What was counted over the period. */
  count: number;
  /** The count brought to the target's unit (per week, per month): a pace, not an achievement. */
  actual: number;
  target: number | null;
  /**
   * The target brought to the period: what the plan expects by its last day. The calendar
   * periods end today, so on the 3rd of a month it is 3/31 of the monthly target; the count
   * is judged against it, rather than a pace extrapolated from three days.
   */
  expected: number | null;
  /** count / expected (= actual / target); null without a positive target. */
  ratio: number | null;
};

export type Kpis = {
  funnel: FunnelFigures;
  conversion: StageConversion[];
  contactsPerWeek: ContactsPerWeek;
  relances: RelanceFigures;
  /** Over every prospect's whole stage trail, not only the period: stays are long and would be cut otherwise. */
  avgDaysInStage: Record<Stage, StageDuration>;
  winRate: WinRate;
  cycleLengthDays: CycleLength;
  objectives: {
    contactsPerWeek: ObjectiveFigure;
    newProspectsPerMonth: ObjectiveFigure;
    wonPerMonth: ObjectiveFigure;
  };
};

const MS_PER_DAY = 86_400_000;
const STAGE_INDEX: Readonly<Record<Stage, number>> = Object.fromEntries(STAGES.map((stage, index) => [stage, index])) as Record<
  Stage,
  number
>;

/** The local day of an instant, as a day number. */
function localDayNumber(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY;
}

type LocalDayOf = (ms: number) => number;

const MS_PER_HOUR = 3_600_000;
const LOCAL_MIDNIGHT_INSIDE = -1;

/**
 * localDayNumber, remembered per UTC hour: reading the local date of a Date costs about half a
 * microsecond, and records cluster in far fewer hours than there are records. An hour whose
 * first and last milliseconds fall on different local days (a half-hour zone's midnight, a DST
 * change at midnight) is never cached, so the answer stays exact. Made per call: the time zone
 * may change between calls.
 */
function localDayReader(): LocalDayOf {
  const dayByHour = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / MS_PER_HOUR);
    let day = dayByHour.get(hour);
    if (day === undefined) {
      const first = localDayNumber(hour * MS_PER_HOUR);
      day = first === localDayNumber(hour * MS_PER_HOUR + MS_PER_HOUR - 1) ? first : LOCAL_MIDNIGHT_INSIDE;
      dayByHour.set(hour, day);
    }
    return day === LOCAL_MIDNIGHT_INSIDE ? localDayNumber(ms) : day;
  };
}

function isoDayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

function isoOfDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function localDayStartMs(iso: IsoDate): number {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).getTime();
}

/**
 * Whether an instant falls on a local day of the period, exactly as todayIso would say. The raw
 * timestamp bounds, widened by a day, only skip far-off records cheaply; the local day decides,
 * so no reasoning about where DST changes put midnight is needed.
 */
function periodMembership(period: KpiPeriod, dayOf: LocalDayOf): (ms: number) => boolean {
  const fromDay = isoDayNumber(period.from);
  const toDay = isoDayNumber(period.to);
  const lowestMs = localDayStartMs(period.from) - MS_PER_DAY;
  const beyondMs = localDayStartMs(isoOfDayNumber(toDay + 1)) + MS_PER_DAY;
  return (ms) => {
    if (ms < lowestMs || ms >= beyondMs) return false;
    const day = dayOf(ms);
    return day >= fromDay && day <= toDay;
  };
}

// Day number 0 (1970-01-01) was a Thursday; shifting by 3 makes each Monday start a new index.
function weekIndexOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** 'YYYY-Www' of an ISO week: the week belongs to the year of its Thursday. */
function isoWeekLabel(weekIndex: number): string {
  const thursday = weekIndex * 7;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / MS_PER_DAY) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period's length in calendar months, each month weighted by the share of its days the period covers (a full month is 1). */
function monthsCovered(fromDay: number, toDay: number): number {
  let months = 0;
  let cursor = fromDay;
  while (cursor <= toDay) {
    const date = new Date(cursor * MS_PER_DAY);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    const nextMonthDay = Date.UTC(year, month + 1, 1) / MS_PER_DAY;
    const daysInMonth = nextMonthDay - Date.UTC(year, month, 1) / MS_PER_DAY;
    const lastCovered = Math.min(toDay, nextMonthDay - 1);
    months += (lastCovered - cursor + 1) / daysInMonth;
    cursor = nextMonthDay;
  }
  return months;
}

function emptyChannelCounts(): ChannelCounts {
  return { call: 0, email: 0, linkedin: 0, meeting: 0, visit: 0, video: 0 };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function objectiveFigure(count: number, units: number, target: number | undefined): ObjectiveFigure {
  const actual = units > 0 ? count / units : 0;
  const usableTarget = target !== undefined && Number.isFinite(target) && target >= 0 ? target : null;
  return {
    count,
    actual,
    target: usableTarget,
    expected: usableTarget === null ? null : usableTarget * units,
    ratio: usableTarget !== null && usableTarget > 0 ? actual / usableTarget : null,
  };
}

function assertPeriod(period: KpiPeriod, today: IsoDate): void {
  for (const [name, value] of [
    ['period.from', period.from],
    ['period.to', period.to],
    ['today', today],
  ] as const) {
    if (!isIsoDate(value)) throw new RangeError(`${name} is not a calendar date (YYYY-MM-DD): ${value}`);
  }
  if (period.from > period.to) throw new RangeError(`The period ends (${period.to}) before it starts (${period.from})`);
}

function computeFunnel(prospects: readonly KpiProspect[]): FunnelFigures {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  let won = 0;
  let lost = 0;
  for (const prospect of prospects) {
    const result = prospect.outcome?.result;
    if (result === 'won') won += 1;
    else if (result === 'lost') lost += 1;
    else byStage[prospect.stage] += 1;
  }
  return { byStage, won, lost, total: prospects.length };
}

/**
 * The furthest stage each prospect had reached by the end of the period. Stage indexes only
 * grow along the pipeline, so "reached stage i" is "furthest ≥ i": a prospect created at, or
 * jumping to, a later stage counts as having passed the earlier ones.
 */
function computeConversion(
  prospects: readonly KpiProspect[],
  stageEvents: readonly KpiStageEvent[],
  dayOf: LocalDayOf,
  toDay: number,
): StageConversion[] {
  const furthest = new Map<string, number>();
  // For a prospect whose every move came after the period: the stage it sat in before the first one.
  const earliestMove = new Map<string, KpiStageEvent>();
  for (const event of stageEvents) {
    const earliest = earliestMove.get(event.prospectId);
    if (earliest === undefined || event.date < earliest.date) earliestMove.set(event.prospectId, event);
    if (dayOf(event.date) > toDay) continue;
    const reached = Math.max(STAGE_INDEX[event.to], event.from === null ? -1 : STAGE_INDEX[event.from]);
    const known = furthest.get(event.prospectId);
    if (known === undefined || reached > known) furthest.set(event.prospectId, reached);
  }
  const reachedCounts = new Array<number>(STAGES.length).fill(0);
  for (const prospect of prospects) {
    if (dayOf(prospect.createdAt) > toDay) continue;
    let reached = furthest.get(prospect.id);
    if (reached === undefined) {
      const first = earliestMove.get(prospect.id);
      // No trail at all (records older than the trail): the current stage is all there is to go on.
      reached = STAGE_INDEX[first ? (first.from ?? first.to) : prospect.stage];
    }
    // Counted at its furthest stage; the suffix sum below spreads it over the stages passed.
    reachedCounts[reached] = (reachedCounts[reached] ?? 0) + 1;
  }
  for (let index = STAGES.length - 2; index >= 0; index -= 1) {
    reachedCounts[index] = (reachedCounts[index] ?? 0) + (reachedCounts[index + 1] ?? 0);
  }
  const conversion: StageConversion[] = [];
  for (let index = 0; index < STAGES.length - 1; index += 1) {
    const from = STAGES[index];
    const to = STAGES[index + 1];
    if (from === undefined || to === undefined) continue;
    const reached = reachedCounts[index] ?? 0;
    const converted = reachedCounts[index + 1] ?? 0;
    conversion.push({ from, to, reached, converted, rate: ratio(converted, reached) });
  }
  return conversion;
}

/** The ISO weeks a period touches, as week indexes, and its first and last day numbers. */
function periodWeeks(period: KpiPeriod): { fromDay: number; toDay: number; firstWeek: number; lastWeek: number } {
  const fromDay = isoDayNumber(period.from);
  const toDay = isoDayNumber(period.to);
  return { fromDay, toDay, firstWeek: weekIndexOf(fromDay), lastWeek: weekIndexOf(toDay) };
}

/**
 * Contacts per channel for each week the period touches, oldest first, counting only the
 * week's days inside the period: what the contact figures are made of, whether counted from
 * records (countContactsPerWeek) or by a database index over contactWeekSpans.
 */
export type ContactCounts = readonly ChannelCounts[];

/** Where a database counts one week's contacts: instants from startMs (inclusive) to endMs (exclusive). */
export type ContactWeekSpan = { startMs: number; endMs: number };

/**
 * For each week of ContactCounts, the instants whose local day falls in that week and in the
 * period: from the local midnight starting its first such day to the one ending its last. Where
 * a DST change skips midnight, Date puts the day's start at the first instant after the gap, so
 * counting between these bounds sorts instants exactly as their local day does (tests compare
 * both around DST changes at 02:00 and at midnight). Only a clock set back from after midnight
 * to before it would make a local day run backwards and break that. A day a zone skipped whole
 * gets an empty span.
 */
export function contactWeekSpans(period: KpiPeriod): ContactWeekSpan[] {
  const { fromDay, toDay, firstWeek, lastWeek } = periodWeeks(period);
  const spans: ContactWeekSpan[] = [];
  for (let index = firstWeek; index <= lastWeek; index += 1) {
    const firstDay = Math.max(index * 7 - 3, fromDay);
    const lastDay = Math.min(index * 7 + 3, toDay);
    spans.push({ startMs: localDayStartMs(isoOfDayNumber(firstDay)), endMs: localDayStartMs(isoOfDayNumber(lastDay + 1)) });
  }
  return spans;
}

/** The contact counts of the period from the interaction records themselves. */
export function countContactsPerWeek(interactions: readonly KpiInteraction[], period: KpiPeriod): ChannelCounts[] {
  const { firstWeek, lastWeek } = periodWeeks(period);
  const dayOf = localDayReader();
  const inPeriod = periodMembership(period, dayOf);
  const counts: ChannelCounts[] = [];
  for (let index = firstWeek; index <= lastWeek; index += 1) counts.push(emptyChannelCounts());
  for (const interaction of interactions) {
    if (!inPeriod(interaction.date)) continue;
    const week = counts[weekIndexOf(dayOf(interaction.date)) - firstWeek];
    if (week === undefined) continue;
    week[interaction.channel] += 1;
  }
  return counts;
}

function computeRelances(relances: readonly KpiRelance[], dayOf: LocalDayOf, period: KpiPeriod, today: IsoDate): RelanceFigures {
  let onTime = 0;
  let late = 0;
  let overdueOpen = 0;
  let pending = 0;
  for (const relance of relances) {
    // 'YYYY-MM-DD' strings sort as the days they name.
    if (relance.dueDate < period.from || relance.dueDate > period.to) continue;
    if (relance.status === 'done') {
      // Put off after its day had passed: late, whenever it was done.
      if (relance.missedDueDate !== undefined) late += 1;
      // Imported records may lack the completion time; nothing proves them late.
      else if (relance.doneAt === undefined || dayOf(relance.doneAt) <= isoDayNumber(relance.dueDate)) onTime += 1;
      else late += 1;
    } else if (relance.status === 'open') {
      if (relance.dueDate < today) overdueOpen += 1;
      else pending += 1;
    }
  }
  return { onTime, late, overdueOpen, pending, onTimeRate: ratio(onTime, onTime + late + overdueOpen) };
}

function computeDaysInStage(
  prospects: readonly KpiProspect[],
  stageEvents: readonly KpiStageEvent[],
  dayOf: LocalDayOf,
  todayDay: number,
): Record<Stage, StageDuration> {
  const trails = new Map<string, KpiStageEvent[]>();
  for (const event of stageEvents) {
    const trail = trails.get(event.prospectId);
    if (trail) trail.push(event);
    else trails.set(event.prospectId, [event]);
  }
  const totalDays = new Array<number>(STAGES.length).fill(0);
  const stays = new Array<number>(STAGES.length).fill(0);
  const addStay = (stage: Stage, startDay: number, endDay: number) => {
    const index = STAGE_INDEX[stage];
    // Back-dated moves can put an end before its start; such a stay lasted no time, it did not last negative time.
    totalDays[index] = (totalDays[index] ?? 0) + Math.max(0, endDay - startDay);
    stays[index] = (stays[index] ?? 0) + 1;
  };
  for (const prospect of prospects) {
    // A lost deal stops moving: its last stage ends with the loss instead of growing until today.
    const endDay = prospect.outcome?.result === 'lost' ? dayOf(prospect.outcome.date) : todayDay;
    const createdDay = dayOf(prospect.createdAt);
    const trail = trails.get(prospect.id);
    if (trail === undefined) {
      addStay(prospect.stage, createdDay, endDay);
      continue;
    }
    if (trail.length > 1) trail.sort((a, b) => a.date - b.date);
    const first = trail[0];
    // A trail without its creation event (older data) still says where the prospect sat before its first move.
    if (first !== undefined && first.from !== null) addStay(first.from, createdDay, dayOf(first.date));
    for (let index = 0; index < trail.length; index += 1) {
      const event = trail[index];
      if (event === undefined) continue;
      const next = trail[index + 1];
      addStay(event.to, dayOf(event.date), next === undefined ? endDay : dayOf(next.date));
    }
  }
  const durations = {} as Record<Stage, StageDuration>;
  for (const stage of STAGES) {
    const index = STAGE_INDEX[stage];
    const count = stays[index] ?? 0;
    durations[stage] = { meanDays: count > 0 ? (totalDays[index] ?? 0) / count : null, stays: count };
  }
  return durations;
}

/** The day a period's figures are judged on, and the period itself. */
export type KpiDays = { period: KpiPeriod; today: IsoDate };

/** The figures that read the prospects and their stage trail: all but contacts and relances. */
export type PipelineFigures = Pick<Kpis, 'funnel' | 'conversion' | 'avgDaysInStage' | 'winRate' | 'cycleLengthDays'> & {
  /** Prospects created within the period (the new-prospects objective counts them). */
  newProspects: number;
};

/*
 * The dashboard computes each part as soon as its tables are read, while the next ones are
 * still being read: computeKpis is the same parts put together at once.
 */

export function computePipelineFigures(input: KpiDays & Pick<KpiInput, 'prospects' | 'stageEvents'>): PipelineFigures {
  const { period, today, prospects } = input;
  assertPeriod(period, today);
  const toDay = isoDayNumber(period.to);
  const dayOf = localDayReader();
  const inPeriod = periodMembership(period, dayOf);

  let won = 0;
  let lost = 0;
  let cycleDaysTotal = 0;
  let newProspects = 0;
  for (const prospect of prospects) {
    if (inPeriod(prospect.createdAt)) newProspects += 1;
    const outcome = prospect.outcome;
    if (outcome === undefined || !inPeriod(outcome.date)) continue;
    if (outcome.result === 'won') {
      won += 1;
      cycleDaysTotal += Math.max(0, dayOf(outcome.date) - dayOf(prospect.createdAt));
    } else {
      lost += 1;
    }
  }
  return {
    funnel: computeFunnel(prospects),
    conversion: computeConversion(prospects, input.stageEvents, dayOf, toDay),
    avgDaysInStage: computeDaysInStage(prospects, input.stageEvents, dayOf, isoDayNumber(today)),
    winRate: { won, lost, rate: ratio(won, won + lost) },
    cycleLengthDays: { meanDays: won > 0 ? cycleDaysTotal / won : null, deals: won },
    newProspects,
  };
}

/** The contact figures from the period's counts (see ContactCounts), however they were counted. */
export function contactFiguresFromCounts(input: KpiDays & { counts: ContactCounts }): ContactsPerWeek {
  const { period, today, counts } = input;
  assertPeriod(period, today);
  const { firstWeek, lastWeek } = periodWeeks(period);
  if (counts.length !== lastWeek - firstWeek + 1) {
    throw new RangeError(`${counts.length} weeks of contact counts for a period of ${lastWeek - firstWeek + 1} weeks`);
  }
  const weeks: WeekContacts[] = [];
  const byChannel = emptyChannelCounts();
  let total = 0;
  counts.forEach((weekCounts, offset) => {
    const index = firstWeek + offset;
    const week: WeekContacts = {
      week: isoWeekLabel(index),
      weekStart: isoOfDayNumber(index * 7 - 3),
      byChannel: emptyChannelCounts(),
      total: 0,
    };
    for (const channel of CHANNELS) {
      const count = weekCounts[channel];
      week.byChannel[channel] = count;
      week.total += count;
      byChannel[channel] += count;
    }
    total += week.total;
    weeks.push(week);
  });
  return { weeks, byChannel, total };
}

export function computeContactFigures(input: KpiDays & Pick<KpiInput, 'interactions'>): ContactsPerWeek {
  const { period, today } = input;
  assertPeriod(period, today);
  return contactFiguresFromCounts({ period, today, counts: countContactsPerWeek(input.interactions, period) });
}

export function computeRelanceFigures(input: KpiDays & Pick<KpiInput, 'relances'>): RelanceFigures {
  const { period, today } = input;
  assertPeriod(period, today);
  return computeRelances(input.relances, localDayReader(), period, today);
}

/** The parts of one period put together, with the objectives (cheap: the settings may arrive after the records). */
export function assembleKpis(
  parts: { pipeline: PipelineFigures; contacts: ContactsPerWeek; relances: RelanceFigures },
  period: KpiPeriod,
  objectives: KpiObjectives = {},
): Kpis {
  const { newProspects, ...pipeline } = parts.pipeline;
  const fromDay = isoDayNumber(period.from);
  const toDay = isoDayNumber(period.to);
  const months = monthsCovered(fromDay, toDay);
  return {
    ...pipeline,
    contactsPerWeek: parts.contacts,
    relances: parts.relances,
    objectives: {
      contactsPerWeek: objectiveFigure(parts.contacts.total, (toDay - fromDay + 1) / 7, objectives.contactsPerWeek),
      newProspectsPerMonth: objectiveFigure(newProspects, months, objectives.newProspectsPerMonth),
      wonPerMonth: objectiveFigure(pipeline.winRate.won, months, objectives.wonPerMonth),
    },
  };
}

/** All dashboard figures for a period; see each figure's type for what it counts. */
export function computeKpis(input: KpiInput): Kpis {
  return assembleKpis(
    { pipeline: computePipelineFigures(input), contacts: computeContactFigures(input), relances: computeRelanceFigures(input) },
    input.period,
    input.objectives,
  );
}
