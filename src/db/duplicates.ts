import { emailKey, normalizeName } from '../matching/keys';
import { type Decision, decisionId } from '../model/decision';
import { type OutcomeResult, QUALIFICATIONS, STAGES, type Stage } from '../model/enums';
import type { ChecklistEntry, Prospect } from '../model/prospect';
import type { StageEvent } from '../model/stage-event';
import { type RelanceDatabase, stageEventsOf, storedForm } from './database';
import { RecordNotFoundError } from './errors';

/*
 * The duplicate finder and the merge. Finding reads only index keys (no record is read until
 * a group is known): each identity index is walked in key order, so equal keys are adjacent
 * and a group is a run of equal keys — O(n) per index, never a comparison of every pair.
 */

/** Why records were grouped. The LinkedIn URL index is unique, so two records never share one. */
export type DuplicateReason = 'email' | 'salesNavId' | 'nameCompany';

export type DuplicateMatch = {
  reason: DuplicateReason /** The shared key: an email key, a Sales Navigator id, a name|company key. */;
  key: string;
};

export type DuplicateGroup = {
  /** Stable while the group's members stay the same: the sorted member ids joined. */
  id: string;
  /** Two or more prospects, oldest first. */
  prospects: Prospect[];
  /** What the members share (one entry per shared key). */
  matches: DuplicateMatch[];
};

const NOT_DUPLICATE = 'not-duplicate';
const MAX_PAIRWISE_RUN = 300;

/** The decision key of an unordered pair: `<smaller id>|<larger id>`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Decision id of "these two are not duplicates": `not-duplicate:<idA>|<idB>`, ids sorted. */
export function notDuplicateId(a: string, b: string): string {
  return decisionId(NOT_DUPLICATE, pairKey(a, b));
}

/** Every pair the rep said are not duplicates, as a map id → ids (both directions). */
async function notDuplicatePairs(db: RelanceDatabase): Promise<Map<string, Set<string>>> {
  const decisions = await db.decisions.where('kind').equals(NOT_DUPLICATE).toArray();
  const pairs = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = pairs.get(a);
    if (set) set.add(b);
    else pairs.set(a, new Set([b]));
  };
  for (const decision of decisions) {
    const [a, b] = decision.key.split('|');
    if (a && b) {
      add(a, b);
      add(b, a);
    }
  }
  return pairs;
}

/** Union-find over prospect ids: groups are the connected components of "shares a key". */
class Components {
  private readonly parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Path compression: next lookups are one step.
    let node = id;
    while (node !== root) {
      const up = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = up;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }

  ids(): string[] {
    return [...this.parent.keys()];
  }
}

/**
 * Links the members of one run of equal keys and returns those linked. Without any "not
 * duplicates" decision among them (the usual case) each member joins the first: O(run).
 * Otherwise every allowed pair is linked, so that A–C and B–C still group A, B and C when only
 * A–B was declared distinct.
 */
function linkRun(run: readonly string[], excluded: Map<string, Set<string>>, components: Components): readonly string[] {
  const first = run[0];
  if (first === undefined || run.length < 2) return [];
  if (!run.some((id) => excluded.has(id))) {
    for (let index = 1; index < run.length; index += 1) components.union(first, run[index] ?? first);
    return run;
  }
  const linked = new Set<string>();
  // Past a few hundred records sharing one key (a generic address…), each joins the next one
  // it may: about linear, and only a rare pattern of decisions could split a group.
  const everyPair = run.length <= MAX_PAIRWISE_RUN;
  for (let i = 0; i < run.length; i += 1) {
    const a = run[i] ?? first;
    const notA = excluded.get(a);
    for (let j = i + 1; j < run.length; j += 1) {
      const b = run[j] ?? first;
      if (notA?.has(b)) continue;
      components.union(a, b);
      linked.add(a).add(b);
      if (!everyPair) break;
    }
  }
  return [...linked];
}

/**
 * Walks one index in key order and links each run of records sharing a key. `keep` skips
 * keys that say nothing (a name key without any letter is '').
 */
async function scanIndex(
  db: RelanceDatabase,
  index: 'emailKeys' | 'salesNavId' | 'nameKey',
  reason: DuplicateReason,
  excluded: Map<string, Set<string>>,
  components: Components,
  matches: Map<string, DuplicateMatch[]>,
  keep: (key: string) => boolean = () => true,
): Promise<void> {
  let currentKey: string | null = null;
  let run: string[] = [];
  const flush = () => {
    if (currentKey === null || run.length < 2 || !keep(currentKey)) return;
    for (const id of linkRun(run, excluded, components)) {
      const list = matches.get(id);
      const match = { reason, key: currentKey };
      if (list) list.push(match);
      else matches.set(id, [match]);
    }
  };
  await db.prospects.orderBy(index).eachKey((key, cursor) => {
    const text = String(key);
    if (text !== currentKey) {
      flush();
      currentKey = text;
      run = [];
    }
    // A record listing the same address twice would otherwise group with itself.
    if (run[run.length - 1] !== cursor.primaryKey) run.push(cursor.primaryKey);
  });
  flush();
}

/**
 * Likely duplicates: records sharing an email, a Sales Navigator id, or the same name at the
 * same company (name + company key). Pairs the rep declared "not duplicates" are not linked.
 * Groups are the connected components, so A = B by email and B = C by name give {A, B, C}.
 */
export async function findDuplicateGroups(db: RelanceDatabase): Promise<DuplicateGroup[]> {
  const { components, matches } = await db.transaction('r', [db.prospects, db.decisions], async () => {
    const excluded = await notDuplicatePairs(db);
    const components = new Components();
    const matches = new Map<string, DuplicateMatch[]>();
    await scanIndex(db, 'emailKeys', 'email', excluded, components, matches);
    await scanIndex(db, 'salesNavId', 'salesNavId', excluded, components, matches);
    await scanIndex(db, 'nameKey', 'nameCompany', excluded, components, matches, (key) => key !== '');
    return { components, matches };
  });

  const members = new Map<string, string[]>();
  for (const id of components.ids()) {
    const root = components.find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const groupIds = [...members.values()].filter((ids) => ids.length > 1);
  const prospects = await db.prospects.bulkGet(groupIds.flat());
  const byId = new Map<string, Prospect>();
  for (const prospect of prospects) if (prospect) byId.set(prospect.id, prospect);

  const groups: DuplicateGroup[] = [];
  for (const ids of groupIds) {
    const found = ids.flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    // A record erased between the scan and the read leaves a group of one: not a group.
    if (found.length < 2) continue;
    const seen = new Set<string>();
    const groupMatches: DuplicateMatch[] = [];
    for (const prospect of found) {
      for (const match of matches.get(prospect.id) ?? []) {
        const key = `${match.reason}:${match.key}`;
        if (!seen.has(key)) {
          seen.add(key);
          groupMatches.push(match);
        }
      }
    }
    groups.push({
      id: found
        .map((prospect) => prospect.id)
        .sort()
        .join('+'),
      prospects: found,
      matches: groupMatches,
    });
  }
  return groups.sort(
    (a, b) => (a.prospects[0]?.fullName ?? '').localeCompare(b.prospects[0]?.fullName ?? '', 'fr') || a.id.localeCompare(b.id),
  );
}

/** Remembers that these records are not duplicates of each other (every pair among them). */
export async function markNotDuplicates(db: RelanceDatabase, ids: readonly string[]): Promise<void> {
  const distinct = [...new Set(ids)];
  const now = Date.now();
  const decisions: Decision[] = [];
  for (let i = 0; i < distinct.length; i += 1) {
    for (let j = i + 1; j < distinct.length; j += 1) {
      const key = pairKey(distinct[i] ?? '', distinct[j] ?? '');
      decisions.push({ id: decisionId(NOT_DUPLICATE, key), kind: NOT_DUPLICATE, key, createdAt: now });
    }
  }
  if (decisions.length > 0) await db.decisions.bulkPut(decisions);
}

/** How many records hang on each prospect (for choosing which one to keep). */
export type LinkedRecordCounts = { interactions: number; relances: number; stageEvents: number };

export async function linkedRecordCounts(db: RelanceDatabase, ids: readonly string[]): Promise<Map<string, LinkedRecordCounts>> {
  const counts = await db.transaction('r', [db.interactions, db.relances, db.stageEvents], () =>
    Promise.all(
      ids.map((id) =>
        Promise.all([
          db.interactions.where('prospectId').equals(id).count(),
          db.relances.where('prospectId').equals(id).count(),
          stageEventsOf(db, [id]).count(),
        ]),
      ),
    ),
  );
  return new Map(ids.map((id, index) => [id, toCounts(counts[index])]));
}

function toCounts(tuple: [number, number, number] | undefined): LinkedRecordCounts {
  return { interactions: tuple?.[0] ?? 0, relances: tuple?.[1] ?? 0, stageEvents: tuple?.[2] ?? 0 };
}

// ---------------------------------------------------------------------------------------
// Merging

/** Single-valued fields a merged record may fill in when the kept one has none. */
const FILLABLE_FIELDS = ['headline', 'jobTitle', 'company', 'location', 'linkedinUrl', 'salesNavId', 'outcome'] as const;
type FillableField = (typeof FILLABLE_FIELDS)[number];

export type MergeOptions = {
  /**
   * Labels for the lines that keep a merged record's differing values in the notes (the UI
   * passes them in the user's language), and the words for an outcome's result in those lines;
   * the field name or the stored value is used otherwise. `stageBefore` heads the line keeping
   * the kept record's stage when a merged record was further along the pipeline.
   */
  labels?: Partial<Record<'fullName' | FillableField | 'from' | 'stageBefore' | OutcomeResult, string>>;
  /** Stage names for that line, in the same language; the stage key is used otherwise. */
  stageNames?: Partial<Record<Stage, string>>;
};

const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '');

function appendDistinct<T>(target: T[], values: readonly T[], keyOf: (value: T) => string): void {
  const known = new Set(target.map(keyOf));
  for (const value of values) {
    const key = keyOf(value);
    if (!known.has(key)) {
      known.add(key);
      target.push(value);
    }
  }
}

function joinNotes(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b || a === b || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}

function mergeChecklistEntry(kept: ChecklistEntry | undefined, other: ChecklistEntry): ChecklistEntry {
  if (!kept) return other;
  const done = kept.done || other.done;
  const note = joinNotes(kept.note, other.note);
  const doneTimes = [kept.done ? kept.doneAt : undefined, other.done ? other.doneAt : undefined].filter(
    (time): time is number => time !== undefined,
  );
  const doneAt = done && doneTimes.length > 0 ? Math.min(...doneTimes) : undefined;
  return { done, ...(note !== undefined ? { note } : {}), ...(doneAt !== undefined ? { doneAt } : {}) };
}

function describeValue(field: FillableField, prospect: Prospect, options: MergeOptions): string | undefined {
  if (field === 'outcome') {
    const outcome = prospect.outcome;
    if (!outcome) return undefined;
    const result = options.labels?.[outcome.result] ?? outcome.result;
    return `${result}${outcome.reason ? ` (${outcome.reason})` : ''}`;
  }
  return prospect[field];
}

const stageRank = (stage: Stage) => STAGES.indexOf(stage);

/**
 * The kept record with everything the others hold: every email, phone, tag, checklist tick
 * and note; empty fields filled (unless the kept record's field is locked: the rep emptied it
 * on purpose); values that differ from the kept ones written into the notes, so nothing is
 * lost. The oldest creation date, the most advanced qualification and the furthest stage
 * win: keeping the record with the most history must not send a won client back to an early
 * stage (the kept record's own stage then goes into the notes).
 */
export function mergedProspect(kept: Prospect, others: readonly Prospect[], options: MergeOptions = {}): Prospect {
  const label = (field: keyof NonNullable<MergeOptions['labels']>) => options.labels?.[field] ?? field;
  const next: Prospect = {
    ...kept,
    emails: [...kept.emails],
    phones: [...kept.phones],
    tags: [...kept.tags],
    checklist: { ...kept.checklist },
    lockedFields: [...kept.lockedFields],
  };
  const locked = new Set(kept.lockedFields);
  let notes = kept.notes;

  for (const other of others) {
    appendDistinct(next.emails, other.emails, (email) => emailKey(email) ?? email);
    appendDistinct(next.phones, other.phones, phoneDigits);
    appendDistinct(next.tags, other.tags, (tag) => tag.toLocaleLowerCase('fr'));
    for (const [key, entry] of Object.entries(other.checklist)) next.checklist[key] = mergeChecklistEntry(next.checklist[key], entry);

    const differing: string[] = [];
    if (normalizeName(other.fullName) !== normalizeName(next.fullName)) differing.push(`${label('fullName')}: ${other.fullName}`);
    for (const field of FILLABLE_FIELDS) {
      const value = describeValue(field, other, options);
      if (value === undefined) continue;
      const current = describeValue(field, next, options);
      if (current === undefined && !locked.has(field)) {
        if (field === 'outcome') {
          if (other.outcome) next.outcome = other.outcome;
        } else {
          next[field] = other[field];
        }
        if (other.lockedFields.includes(field) && !next.lockedFields.includes(field)) next.lockedFields.push(field);
      } else if (current !== value) {
        differing.push(`${label(field)}: ${value}`);
      }
    }
    const block = [other.notes, ...differing].filter((line): line is string => Boolean(line)).join('\n');
    if (block) {
      const heading = differing.length > 0 ? `— ${label('from')} ${other.fullName} —\n` : '';
      notes = joinNotes(notes, `${heading}${block}`);
    }

    if (QUALIFICATIONS.indexOf(other.qualification) > QUALIFICATIONS.indexOf(next.qualification) && !locked.has('qualification')) {
      next.qualification = other.qualification;
    }
    if (stageRank(other.stage) > stageRank(next.stage)) next.stage = other.stage;
    next.createdAt = Math.min(next.createdAt, other.createdAt);
  }
  if (next.stage !== kept.stage) {
    notes = joinNotes(notes, `${label('stageBefore')}: ${options.stageNames?.[kept.stage] ?? kept.stage}`);
    // As when moving or recording the outcome: a won deal in the relationship stage is a client.
    if (next.stage === 'relationship' && next.outcome?.result === 'won' && !locked.has('qualification')) next.qualification = 'client';
  }
  if (notes === undefined) delete next.notes;
  else next.notes = notes;
  return { ...next, updatedAt: Date.now() };
}

/**
 * Merges `mergeIds` into `keepId` in one transaction: the kept record gains everything the
 * others hold (see mergedProspect), every interaction, relance and stage event of the others
 * moves to it, the rep's remembered decisions about them now speak of it, and the others are
 * deleted. Any failure (a merged record gone, more than 20 emails…) leaves everything as it was.
 */
export async function mergeProspects(
  db: RelanceDatabase,
  keepId: string,
  mergeIds: readonly string[],
  options: MergeOptions = {},
): Promise<Prospect> {
  const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
  return db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents, db.decisions], async () => {
    const [kept, ...found] = await db.prospects.bulkGet([keepId, ...others]);
    if (!kept) throw new RecordNotFoundError('prospect', keepId);
    const merged: Prospect[] = [];
    found.forEach((prospect, index) => {
      if (!prospect) throw new RecordNotFoundError('prospect', others[index] ?? '');
      merged.push(prospect);
    });
    if (merged.length === 0) return kept;

    const next = storedForm('prospects', mergedProspect(kept, merged, options));
    const closingMove = stageAlignment(await stageEventsOf(db, [keepId, ...others]).toArray(), kept, next);
    await Promise.all([
      db.interactions.where('prospectId').anyOf(others).modify({ prospectId: keepId }),
      db.relances.where('prospectId').anyOf(others).modify({ prospectId: keepId }),
      stageEventsOf(db, others).modify({ prospectId: keepId }),
      repointDecisions(db, keepId, new Set(others)),
    ]);
    // LinkedIn URLs are a unique index: a profile taken over from a merged record is free
    // only once that record is gone.
    await db.prospects.bulkDelete(others);
    await db.prospects.put(next);
    if (closingMove) await db.stageEvents.add(closingMove);
    return next;
  });
}

/** The event a trail ends with: the latest, and on a tie the one the [prospectId+date] index lists last. */
function trailEnd(events: readonly StageEvent[]): StageEvent | undefined {
  let end: StageEvent | undefined;
  for (const event of events) if (!end || event.date > end.date || (event.date === end.date && event.id > end.id)) end = event;
  return end;
}

/**
 * The move that makes the merged trail end at the merged stage, when the merge broke that
 * agreement. The KPIs read the current stage as the last event's `to` (days in stage count
 * its stay until today), so a trail ending with a merged record's later move, or a stage
 * raised by the merge, would leave the prospect counted in a stage it is not in. Dated at the
 * merge, which is when the stage was settled; not a move the rep forced past exit criteria. A
 * disagreement the kept record had before the merge is left as it was.
 */
function stageAlignment(events: readonly StageEvent[], kept: Prospect, merged: Prospect): StageEvent | undefined {
  const end = trailEnd(events);
  if (!end || end.to === merged.stage) return undefined;
  const keptEnd = trailEnd(events.filter((event) => event.prospectId === kept.id));
  if (merged.stage === kept.stage && end.to === keptEnd?.to) return undefined;
  return {
    id: crypto.randomUUID(),
    prospectId: kept.id,
    from: end.to,
    to: merged.stage,
    // Strictly after the trail's end, even if a clock was off, so that it is read as the last.
    date: Math.max(Date.now(), end.date + 1),
    forced: false,
    unmet: [],
  };
}

/**
 * Decisions naming a merged record now name the kept one: "not the same person as this page"
 * and "not a duplicate of X" were said about the person, who is the kept record now. A
 * "not duplicates" pair between two records of the merge itself is dropped.
 */
async function repointDecisions(db: RelanceDatabase, keepId: string, mergedIds: ReadonlySet<string>): Promise<void> {
  const decisions = await db.decisions.toArray();
  const rewritten: Decision[] = [];
  const obsolete: string[] = [];
  const replace = (id: string) => (mergedIds.has(id) ? keepId : id);
  for (const decision of decisions) {
    if (decision.kind === NOT_DUPLICATE) {
      const [a, b] = decision.key.split('|');
      if (!a || !b || (!mergedIds.has(a) && !mergedIds.has(b))) continue;
      obsolete.push(decision.id);
      const [newA, newB] = [replace(a), replace(b)];
      if (newA === newB) continue;
      const key = pairKey(newA, newB);
      rewritten.push({ ...decision, id: decisionId(NOT_DUPLICATE, key), key });
    } else {
      const bar = decision.key.indexOf('|');
      const prospectId = bar === -1 ? decision.key : decision.key.slice(0, bar);
      if (!mergedIds.has(prospectId)) continue;
      obsolete.push(decision.id);
      const key = `${keepId}${decision.key.slice(prospectId.length)}`;
      rewritten.push({ ...decision, id: decisionId(decision.kind, key), key });
    }
  }
  if (obsolete.length > 0) await db.decisions.bulkDelete(obsolete);
  if (rewritten.length > 0) await db.decisions.bulkPut(rewritten);
}
