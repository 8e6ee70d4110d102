import Dexie, { type Collection } from 'dexie';
import { emailKey, emailKeysOf, type IdentityKeys, identityKeys, namePartOfKey } from '../matching/keys';
import { canonicalLinkedinUrl, linkedinSlugFromUrl } from '../matching/linkedin-url';
import { type Channel, type Qualification, STAGES, type Stage } from '../model/enums';
import type { Interaction } from '../model/interaction';
import type { Offer } from '../model/offer';
import type { PageContact } from '../model/page-contact';
import { ENRICHABLE_FIELDS, type Outcome, type Prospect, withDerivedKeys } from '../model/prospect';
import type { Relance } from '../model/relance';
import { migrateSettings, SETTINGS_SCHEMA_VERSION, type Settings } from '../model/settings';
import type { StageEvent } from '../model/stage-event';
import { addDays, checklistKey, todayIso } from '../process';
import { type RelanceDatabase, stageEventsOf, storedForm } from './database';
import { RecordNotFoundError, ValidationError } from './errors';
import { rejectedFor } from './identity';

/*
 * The operations the UI and the background call. Each takes the database first so tests
 * and the benchmark can run them on their own database; each multi-table write runs in one
 * transaction, and every record is validated by the database itself (see database.ts).
 */

const MAX_SUGGESTIONS = 10;

function newId(): string {
  return crypto.randomUUID();
}

/** Trimmed text, or undefined when blank: blank optional inputs mean "no value", not an error. */
function presentText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

async function getProspectOrThrow(db: RelanceDatabase, id: string): Promise<Prospect> {
  const prospect = await db.prospects.get(id);
  if (!prospect) throw new RecordNotFoundError('prospect', id);
  return prospect;
}

async function getRelanceOrThrow(db: RelanceDatabase, id: string): Promise<Relance> {
  const relance = await db.relances.get(id);
  if (!relance) throw new RecordNotFoundError('relance', id);
  return relance;
}

/*
 * Writers return `storedForm(...)`: the record exactly as stored (trimmed, derived keys
 * recomputed), so callers can render it without reading it back.
 */

/** Reads, changes and writes one prospect atomically, bumping updatedAt. */
function changeProspect(db: RelanceDatabase, id: string, change: (prospect: Prospect) => Prospect): Promise<Prospect> {
  return db.transaction('rw', db.prospects, async () => {
    const current = await getProspectOrThrow(db, id);
    const next = storedForm('prospects', { ...change(current), updatedAt: Date.now() });
    await db.prospects.put(next);
    return next;
  });
}

// ---------------------------------------------------------------------------------------
// Matching

/** What a page, a capture or an import knows about a person. PageContact fits as is. */
export type ContactInput = Partial<PageContact> & { emails?: string[]; phones?: string[] };

export type MatchResult =
  | { kind: 'exact'; prospect: Prospect; via: 'linkedin' | 'salesnav' | 'email' }
  | { kind: 'suggestions'; prospects: Prospect[] }
  | { kind: 'none' };

/**
 * The prospect this contact is, by indexed lookups only: LinkedIn profile, then Sales
 * Navigator id, then any email. A name (+ company) equality is never proof: it only yields
 * suggestions the user confirms ("is this X?").
 */
export async function findMatch(db: RelanceDatabase, contact: ContactInput): Promise<MatchResult> {
  const match = await findMatchByKeys(db, identityKeys(contact));
  if (match.kind !== 'suggestions') return match;
  const rejected = await rejectedFor(
    db,
    contact,
    match.prospects.map((prospect) => prospect.id),
  );
  const prospects = match.prospects.filter((prospect) => !rejected.has(prospect.id));
  return prospects.length > 0 ? { kind: 'suggestions', prospects } : { kind: 'none' };
}

async function findMatchByKeys(db: RelanceDatabase, keys: IdentityKeys): Promise<MatchResult> {
  if (keys.linkedinUrl) {
    const prospect = await db.prospects.where('linkedinUrl').equals(keys.linkedinUrl).first();
    if (prospect) return { kind: 'exact', prospect, via: 'linkedin' };
  }
  if (keys.salesNavId) {
    const prospect = await db.prospects.where('salesNavId').equals(keys.salesNavId).first();
    if (prospect) return { kind: 'exact', prospect, via: 'salesnav' };
  }
  if (keys.emailKeys.length > 0) {
    const prospect = await db.prospects.where('emailKeys').anyOf(keys.emailKeys).first();
    if (prospect) return { kind: 'exact', prospect, via: 'email' };
  }
  if (keys.nameKey) {
    const prospects = await nameCandidates(db, keys.nameKey);
    if (prospects.length > 0) return { kind: 'suggestions', prospects };
  }
  return { kind: 'none' };
}

/**
 * Same name at the same company, plus same name recorded without a company (it may well be
 * them). A contact without a company is compared with every same-name prospect.
 */
async function nameCandidates(db: RelanceDatabase, nameKey: string): Promise<Prospect[]> {
  const namePart = `${namePartOfKey(nameKey)}|`;
  const query =
    nameKey === namePart ? db.prospects.where('nameKey').startsWith(namePart) : db.prospects.where('nameKey').anyOf([nameKey, namePart]);
  const found = await query.limit(MAX_SUGGESTIONS).toArray();
  return found.sort((a, b) => b.updatedAt - a.updatedAt);
}

// ---------------------------------------------------------------------------------------
// Creating and enriching prospects

export type AddProspectResult = {
  prospect: Prospect;
  /** false when the contact was an existing prospect (then enriched). */
  created: boolean;
  /** Names of the fields enrichment filled or extended, e.g. ['emails', 'jobTitle']. */
  added: string[];
};

// Shared mailboxes say nothing about a person's name.
const ROLE_MAILBOXES = new Set([
  'contact',
  'info',
  'infos',
  'hello',
  'bonjour',
  'sales',
  'commercial',
  'ventes',
  'support',
  'admin',
  'noreply',
  'no-reply',
  'team',
  'equipe',
  'office',
  'accueil',
  'direction',
  'rh',
  'hr',
  'jobs',
  'compta',
]);

function capitalizeWords(tokens: readonly string[]): string {
  return tokens.map((token) => token.charAt(0).toLocaleUpperCase('fr') + token.slice(1)).join(' ');
}

/** "jeanne.dupont@x.fr" → "Jeanne Dupont"; null for shared mailboxes and digit-only parts. */
export function nameFromEmail(email: string): string | null {
  const local = email.trim().split('@')[0]?.toLowerCase() ?? '';
  if (ROLE_MAILBOXES.has(local)) return null;
  const tokens = local
    .split(/[._+-]+/)
    .map((token) => token.replace(/\d+/g, ''))
    .filter((token) => token !== '');
  return tokens.length > 0 ? capitalizeWords(tokens) : null;
}

/** "…/in/jeanne-dupont-12ab34/" → "Jeanne Dupont" (the id suffix LinkedIn appends has digits). */
export function nameFromLinkedinUrl(url: string): string | null {
  const slug = linkedinSlugFromUrl(url);
  if (!slug) return null;
  const tokens = slug.split(/[-_]+/).filter((token) => token !== '' && !/\d/.test(token));
  return tokens.length > 0 ? capitalizeWords(tokens) : null;
}

function fullNameOf(contact: ContactInput, keys: IdentityKeys): string {
  const given = presentText(contact.fullName);
  if (given) return given;
  for (const email of keys.emailKeys) {
    const derived = nameFromEmail(email);
    if (derived) return derived;
  }
  if (keys.linkedinUrl) {
    const derived = nameFromLinkedinUrl(keys.linkedinUrl);
    if (derived) return derived;
  }
  // A shared mailbox is still a lead: shown by its address until the user names it.
  const mailbox = contact.email?.trim() || contact.emails?.[0]?.trim();
  if (mailbox && keys.emailKeys.length > 0) return mailbox;
  throw ValidationError.fromIssues('prospect', [
    { path: 'fullName', message: 'Required (no name, email or LinkedIn profile to derive one from)' },
  ]);
}

function contactEmails(contact: ContactInput): string[] {
  const all = [contact.email, ...(contact.emails ?? [])];
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const email of all) {
    const key = emailKeysOf([email])[0];
    if (key && email && !seen.has(key)) {
      seen.add(key);
      emails.push(email.trim());
    }
  }
  return emails;
}

const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '');

function contactPhones(contact: ContactInput): string[] {
  const phones: string[] = [];
  for (const phone of contact.phones ?? []) {
    const trimmed = phone.trim();
    if (trimmed && !phones.some((known) => phoneDigits(known) === phoneDigits(trimmed))) phones.push(trimmed);
  }
  return phones;
}

function enrichableValue(contact: ContactInput, keys: IdentityKeys, field: (typeof ENRICHABLE_FIELDS)[number]) {
  if (field === 'linkedinUrl') return keys.linkedinUrl;
  if (field === 'salesNavId') return keys.salesNavId;
  return presentText(contact[field]);
}

/**
 * What the contact adds to a known prospect: new emails and phones, and empty fields filled.
 * Locked fields (corrected by hand) are left alone, lists included: re-adding an address the
 * user removed would undo their correction.
 */
function enrich(prospect: Prospect, contact: ContactInput, keys: IdentityKeys): { next: Prospect; added: string[] } {
  const next: Prospect = { ...prospect };
  const added: string[] = [];
  const locked = new Set(prospect.lockedFields);

  if (!locked.has('emails')) {
    const known = new Set(prospect.emailKeys);
    const fresh = contactEmails(contact).filter((email) => !known.has(email.toLowerCase()));
    if (fresh.length > 0) {
      next.emails = [...prospect.emails, ...fresh];
      added.push('emails');
    }
  }
  if (!locked.has('phones')) {
    const fresh = contactPhones(contact).filter((phone) => !prospect.phones.some((known) => phoneDigits(known) === phoneDigits(phone)));
    if (fresh.length > 0) {
      next.phones = [...prospect.phones, ...fresh];
      added.push('phones');
    }
  }
  for (const field of ENRICHABLE_FIELDS) {
    if (locked.has(field) || prospect[field] !== undefined) continue;
    const value = enrichableValue(contact, keys, field);
    if (value !== undefined) {
      next[field] = value;
      added.push(field);
    }
  }
  return { next, added };
}

/**
 * Adds the person a page or a capture shows: an exact match is enriched instead of
 * duplicated; otherwise a new suspect enters the pipeline at 'prospecting'. A name-only
 * match does not stop the creation: by the time this is called the user has chosen to add.
 */
export async function addProspectFromContact(db: RelanceDatabase, contact: ContactInput, source: string): Promise<AddProspectResult> {
  const keys = identityKeys(contact);
  return db.transaction('rw', [db.prospects, db.stageEvents], async () => {
    const match = await findMatchByKeys(db, keys);
    if (match.kind === 'exact') {
      const { next, added } = enrich(match.prospect, contact, keys);
      if (added.length === 0) return { prospect: match.prospect, created: false, added };
      const updated = storedForm('prospects', { ...next, updatedAt: Date.now() });
      await db.prospects.put(updated);
      return { prospect: updated, created: false, added };
    }

    const now = Date.now();
    const draft: Prospect = {
      id: newId(),
      fullName: fullNameOf(contact, keys),
      phones: contactPhones(contact),
      emails: contactEmails(contact),
      emailKeys: [],
      nameKey: '',
      companyKey: '',
      stage: 'prospecting',
      qualification: 'suspect',
      checklist: {},
      tags: [],
      source,
      lockedFields: [],
      createdAt: now,
      updatedAt: now,
    };
    for (const field of ENRICHABLE_FIELDS) {
      const value = enrichableValue(contact, keys, field);
      if (value !== undefined) draft[field] = value;
    }
    const prospect = storedForm('prospects', draft);
    await db.prospects.add(prospect);
    await db.stageEvents.add({
      id: newId(),
      prospectId: prospect.id,
      from: null,
      to: 'prospecting',
      date: now,
      forced: false,
      unmet: [],
    });
    return { prospect, created: true, added: [] };
  });
}

// ---------------------------------------------------------------------------------------
// Editing prospects

/** Editable fields; null (or blank text) clears an optional one. */
export type ProspectPatch = {
  fullName?: string;
  headline?: string | null;
  jobTitle?: string | null;
  company?: string | null;
  location?: string | null;
  phones?: string[];
  emails?: string[];
  linkedinUrl?: string | null;
  salesNavId?: string | null;
  tags?: string[];
  notes?: string | null;
  qualification?: Qualification;
  source?: string;
};

const OPTIONAL_TEXT_FIELDS = ['headline', 'jobTitle', 'company', 'location', 'salesNavId', 'notes'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a field edit. With `byUser`, every field whose value changed is locked so that
 * recognition never overwrites the correction (unchanged fields a form re-submits are not).
 */
export async function updateProspectFields(
  db: RelanceDatabase,
  id: string,
  patch: ProspectPatch,
  { byUser }: { byUser: boolean },
): Promise<Prospect> {
  let linkedinUrl: string | undefined;
  if (patch.linkedinUrl !== undefined && presentText(patch.linkedinUrl) !== undefined) {
    const canonical = canonicalLinkedinUrl(patch.linkedinUrl);
    if (!canonical) {
      throw ValidationError.fromIssues('prospect', [{ path: 'linkedinUrl', message: 'Not a LinkedIn profile URL' }]);
    }
    linkedinUrl = canonical;
  }

  return db.transaction('rw', db.prospects, async () => {
    const current = await getProspectOrThrow(db, id);
    const next: Prospect = { ...current };

    if (patch.fullName !== undefined) next.fullName = patch.fullName;
    for (const field of OPTIONAL_TEXT_FIELDS) {
      if (!(field in patch)) continue;
      const value = presentText(patch[field]);
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
    if ('linkedinUrl' in patch) {
      if (linkedinUrl === undefined) delete next.linkedinUrl;
      else {
        const owner = await db.prospects.where('linkedinUrl').equals(linkedinUrl).first();
        if (owner && owner.id !== id) {
          throw ValidationError.fromIssues('prospect', [{ path: 'linkedinUrl', message: `Already the profile of ${owner.fullName}` }]);
        }
        next.linkedinUrl = linkedinUrl;
      }
    }
    if (patch.phones !== undefined) next.phones = patch.phones.map((p) => p.trim()).filter((p) => p !== '');
    if (patch.emails !== undefined) next.emails = patch.emails.map((e) => e.trim()).filter((e) => e !== '');
    if (patch.tags !== undefined) next.tags = patch.tags.map((t) => t.trim()).filter((t) => t !== '');
    if (patch.qualification !== undefined) next.qualification = patch.qualification;
    if (patch.source !== undefined) next.source = patch.source;

    if (byUser) {
      const changed = (Object.keys(patch) as (keyof ProspectPatch)[]).filter((field) => !sameValue(current[field], next[field]));
      next.lockedFields = [...new Set([...current.lockedFields, ...changed])];
    }
    const updated = storedForm('prospects', { ...next, updatedAt: Date.now() });
    await db.prospects.put(updated);
    return updated;
  });
}

/**
 * The rep said the page's person is this prospect: the page's identity keys join the
 * prospect (its LinkedIn profile and Sales Navigator id, new emails), so the next visit
 * matches exactly. A LinkedIn profile the prospect already had gives way to the page's: the
 * rep has just said both are this person, and profile addresses change when members rename
 * them; keeping the old one would bring the same question back on every visit.
 */
export async function linkContactToProspect(db: RelanceDatabase, prospect: Prospect, contact: ContactInput): Promise<Prospect> {
  const keys = identityKeys(contact);
  const emails = [...prospect.emails];
  for (const email of [contact.email, ...(contact.emails ?? [])]) {
    const key = emailKey(email);
    if (email && key && !prospect.emailKeys.includes(key) && !emails.some((known) => emailKey(known) === key)) emails.push(email);
  }
  return updateProspectFields(
    db,
    prospect.id,
    {
      ...(emails.length !== prospect.emails.length ? { emails } : {}),
      ...(keys.linkedinUrl && keys.linkedinUrl !== prospect.linkedinUrl ? { linkedinUrl: keys.linkedinUrl } : {}),
      ...(keys.salesNavId && keys.salesNavId !== prospect.salesNavId ? { salesNavId: keys.salesNavId } : {}),
    },
    { byUser: false },
  );
}

export type MoveStageOptions = {
  /** The rep confirmed moving on despite unmet exit criteria. */
  forced?: boolean;
  /** Checklist keys unmet at that moment. */
  unmet?: string[];
};

/**
 * Moves the prospect and records the move. Reaching 'relationship' after a won outcome
 * makes them a client. Moving to the current stage changes nothing and records nothing.
 */
export async function moveStage(db: RelanceDatabase, id: string, to: Stage, options: MoveStageOptions = {}): Promise<Prospect> {
  return db.transaction('rw', [db.prospects, db.stageEvents], async () => {
    const current = await getProspectOrThrow(db, id);
    if (current.stage === to) return current;
    const now = Date.now();
    const changed: Prospect = { ...current, stage: to, updatedAt: now };
    if (to === 'relationship' && current.outcome?.result === 'won') changed.qualification = 'client';
    const next = storedForm('prospects', changed);
    await db.prospects.put(next);
    await db.stageEvents.add({
      id: newId(),
      prospectId: id,
      from: current.stage,
      to,
      date: now,
      forced: options.forced ?? false,
      unmet: options.unmet ?? [],
    });
    return next;
  });
}

export type OutcomeInput = { result: Outcome['result']; reason?: string; date?: number };

/** Records (or clears, with null) the won/lost outcome; a win already in 'relationship' makes a client. */
export async function setOutcome(db: RelanceDatabase, id: string, outcome: OutcomeInput | null): Promise<Prospect> {
  return changeProspect(db, id, (current) => {
    const next: Prospect = { ...current };
    if (outcome === null) {
      delete next.outcome;
      return next;
    }
    const reason = presentText(outcome.reason);
    next.outcome = { result: outcome.result, date: outcome.date ?? Date.now(), ...(reason ? { reason } : {}) };
    if (outcome.result === 'won' && current.stage === 'relationship') next.qualification = 'client';
    return next;
  });
}

/**
 * Ticks/unticks a checklist point and/or sets its note (blank clears it). `doneAt` records
 * when it was first ticked and is dropped when unticked.
 */
export async function setChecklistItem(
  db: RelanceDatabase,
  id: string,
  key: string,
  change: { done?: boolean; note?: string },
): Promise<Prospect> {
  return changeProspect(db, id, (current) => {
    const previous = current.checklist[key];
    const done = change.done ?? previous?.done ?? false;
    const note = change.note !== undefined ? presentText(change.note) : previous?.note;
    const doneAt = done ? (previous?.done ? previous.doneAt : Date.now()) : undefined;
    const entry = { done, ...(note !== undefined ? { note } : {}), ...(doneAt !== undefined ? { doneAt } : {}) };
    return { ...current, checklist: { ...current.checklist, [key]: entry } };
  });
}

// ---------------------------------------------------------------------------------------
// Interactions and relances

export async function logInteraction(
  db: RelanceDatabase,
  prospectId: string,
  channel: Channel,
  details: { note?: string; subject?: string; date?: number } = {},
): Promise<Interaction> {
  return db.transaction('rw', [db.prospects, db.interactions], async () => {
    await getProspectOrThrow(db, prospectId);
    const now = Date.now();
    const note = presentText(details.note);
    const subject = presentText(details.subject);
    const interaction = storedForm('interactions', {
      id: newId(),
      prospectId,
      channel,
      date: details.date ?? now,
      createdAt: now,
      ...(note ? { note } : {}),
      ...(subject ? { subject } : {}),
    });
    await db.interactions.add(interaction);
    return interaction;
  });
}

/** Sets the note of a logged contact after the fact (the panel logs first, notes inline); blank clears it. */
export async function updateInteractionNote(db: RelanceDatabase, interactionId: string, note: string | null): Promise<Interaction> {
  return db.transaction('rw', db.interactions, async () => {
    const current = await db.interactions.get(interactionId);
    if (!current) throw new RecordNotFoundError('interaction', interactionId);
    const next: Interaction = { ...current };
    const text = presentText(note);
    if (text === undefined) delete next.note;
    else next.note = text;
    const stored = storedForm('interactions', next);
    await db.interactions.put(stored);
    return stored;
  });
}

export async function scheduleRelance(
  db: RelanceDatabase,
  prospectId: string,
  dueDate: string,
  note?: string,
  dueTime?: string,
): Promise<Relance> {
  return db.transaction('rw', [db.prospects, db.relances], async () => {
    await getProspectOrThrow(db, prospectId);
    const text = presentText(note);
    const relance = storedForm('relances', {
      id: newId(),
      prospectId,
      dueDate,
      status: 'open',
      createdAt: Date.now(),
      ...(text ? { note: text } : {}),
      ...(dueTime ? { dueTime } : {}),
    });
    await db.relances.add(relance);
    return relance;
  });
}

function changeRelance(db: RelanceDatabase, id: string, change: (relance: Relance) => Relance): Promise<Relance> {
  return db.transaction('rw', db.relances, async () => {
    const next = storedForm('relances', change(await getRelanceOrThrow(db, id)));
    await db.relances.put(next);
    return next;
  });
}

/** Marks it done now; completing one already done keeps its first doneAt. */
export function completeRelance(db: RelanceDatabase, relanceId: string): Promise<Relance> {
  return changeRelance(db, relanceId, (relance) =>
    relance.status === 'done' ? relance : { ...relance, status: 'done', doneAt: Date.now() },
  );
}

/**
 * Moves it to `newDueDate`. Moving one already overdue keeps the day it was missed (the first
 * one, if moved again), so putting it off never turns a late relance into one done on time.
 */
export function snoozeRelance(db: RelanceDatabase, relanceId: string, newDueDate: string, today: string = todayIso()): Promise<Relance> {
  return changeRelance(db, relanceId, (relance) => {
    const missed =
      relance.status === 'open' && relance.dueDate < today ? (relance.missedDueDate ?? relance.dueDate) : relance.missedDueDate;
    return missed === undefined ? { ...relance, dueDate: newDueDate } : { ...relance, dueDate: newDueDate, missedDueDate: missed };
  });
}

export function cancelRelance(db: RelanceDatabase, relanceId: string): Promise<Relance> {
  return changeRelance(db, relanceId, (relance) => {
    const next: Relance = { ...relance, status: 'cancelled' };
    delete next.doneAt;
    return next;
  });
}

/** The prospect's earliest open relance, if any. */
export async function nextOpenRelance(db: RelanceDatabase, prospectId: string): Promise<Relance | undefined> {
  const relances = await db.relances.where('prospectId').equals(prospectId).toArray();
  let next: Relance | undefined;
  for (const relance of relances) {
    if (relance.status === 'open' && (next === undefined || relance.dueDate < next.dueDate)) next = relance;
  }
  return next;
}

export type RelanceRow = { relance: Relance; prospect: Prospect };

export type DueRelances = { overdue: RelanceRow[]; today: RelanceRow[]; upcoming: RelanceRow[] };

/** Each section's open relances, oldest due first: three bounded ranges on `[status+dueDate]`. */
export function dueRanges(db: RelanceDatabase, todayIso: string, horizonDays = 7): Record<keyof DueRelances, Collection<Relance, string>> {
  const horizonIso = addDays(todayIso, horizonDays);
  const byDue = () => db.relances.where('[status+dueDate]');
  return {
    overdue: byDue().between(['open', Dexie.minKey], ['open', todayIso], true, false),
    today: byDue().equals(['open', todayIso]),
    upcoming: byDue().between(['open', todayIso], ['open', horizonIso], false, true),
  };
}

/**
 * Each list of relances with its prospects, read at once. A relance whose prospect is gone
 * (erased elsewhere mid-way) is skipped, not shown blank.
 */
export async function withProspects(db: RelanceDatabase, lists: readonly Relance[][]): Promise<RelanceRow[][]> {
  const prospectIds = [...new Set(lists.flat().map((relance) => relance.prospectId))];
  const prospectById = new Map<string, Prospect>();
  for (const prospect of await db.prospects.bulkGet(prospectIds)) if (prospect) prospectById.set(prospect.id, prospect);
  return lists.map((relances) =>
    relances.flatMap((relance) => {
      const prospect = prospectById.get(relance.prospectId);
      return prospect ? [{ relance, prospect }] : [];
    }),
  );
}

/**
 * Open relances that are overdue, due today, and due within `horizonDays` after today, each
 * section sorted by due date (dueRanges): done, cancelled and far-future relances are never
 * read. `limitPerSection` caps each section (the oldest overdue ones first) for lists that
 * cannot show thousands of rows anyway.
 */
export async function dueRelances(
  db: RelanceDatabase,
  todayIso: string,
  horizonDays = 7,
  { limitPerSection, limits = {} }: { limitPerSection?: number; limits?: Partial<Record<keyof DueRelances, number>> } = {},
): Promise<DueRelances> {
  const ranges = dueRanges(db, todayIso, horizonDays);
  const read = (section: keyof DueRelances) => {
    const limit = limits[section] ?? limitPerSection;
    return (limit === undefined ? ranges[section] : ranges[section].limit(limit)).toArray();
  };
  return db.transaction('r', [db.relances, db.prospects], async () => {
    const [overdue = [], today = [], upcoming = []] = await withProspects(
      db,
      await Promise.all([read('overdue'), read('today'), read('upcoming')]),
    );
    return { overdue, today, upcoming };
  });
}

/** For the badge: `due` counts every open relance due today or earlier; `overdue` those before today. */
export async function countDueRelances(db: RelanceDatabase, todayIso: string): Promise<{ due: number; overdue: number }> {
  return db.transaction('r', db.relances, async () => {
    const byDue = () => db.relances.where('[status+dueDate]');
    const [overdue, today] = await Promise.all([
      byDue().between(['open', Dexie.minKey], ['open', todayIso], true, false).count(),
      byDue().equals(['open', todayIso]).count(),
    ]);
    return { due: overdue + today, overdue };
  });
}

// ---------------------------------------------------------------------------------------
// History

export type HistoryEntry = {
  kind: 'interaction' | 'stage' | 'relance-done';
  /** The record's id (interaction, stage event or relance). */
  id: string;
  date: number;
  channel?: Channel;
  note?: string;
  subject?: string;
  from?: Stage | null;
  to?: Stage;
  forced?: boolean;
  /** For 'relance-done': the day it was due. */
  dueDate?: string;
};

/** Everything that happened with the prospect, newest first. */
export async function prospectHistory(db: RelanceDatabase, prospectId: string): Promise<HistoryEntry[]> {
  const ofProspect = [prospectId, Dexie.minKey] as const;
  const toProspect = [prospectId, Dexie.maxKey] as const;
  const [interactions, stageEvents, relances] = await db.transaction('r', [db.interactions, db.stageEvents, db.relances], () =>
    Promise.all([
      db.interactions.where('[prospectId+date]').between(ofProspect, toProspect).toArray(),
      db.stageEvents.where('[prospectId+date]').between(ofProspect, toProspect).toArray(),
      db.relances.where('prospectId').equals(prospectId).toArray(),
    ]),
  );

  const entries: HistoryEntry[] = [];
  for (const interaction of interactions) {
    entries.push({
      kind: 'interaction',
      id: interaction.id,
      date: interaction.date,
      channel: interaction.channel,
      ...(interaction.note !== undefined ? { note: interaction.note } : {}),
      ...(interaction.subject !== undefined ? { subject: interaction.subject } : {}),
    });
  }
  for (const event of stageEvents) {
    entries.push({ kind: 'stage', id: event.id, date: event.date, from: event.from, to: event.to, forced: event.forced });
  }
  for (const relance of relances) {
    if (relance.status !== 'done' || relance.doneAt === undefined) continue;
    entries.push({
      kind: 'relance-done',
      id: relance.id,
      date: relance.doneAt,
      dueDate: relance.dueDate,
      ...(relance.note !== undefined ? { note: relance.note } : {}),
    });
  }
  return entries.sort((a, b) => b.date - a.date);
}

// ---------------------------------------------------------------------------------------
// Erasing (with undo)

/** Everything erased with a prospect, enough for restoreErased to put it all back as it was. */
export type ErasedProspect = {
  prospect: Prospect;
  interactions: Interaction[];
  relances: Relance[];
  stageEvents: StageEvent[];
};

/** Erases the prospect and all its records at once; null when there was no such prospect. */
export async function eraseProspect(db: RelanceDatabase, id: string): Promise<ErasedProspect | null> {
  return db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents], async () => {
    const prospect = await db.prospects.get(id);
    if (!prospect) return null;
    const [interactions, relances, stageEvents] = await Promise.all([
      db.interactions.where('prospectId').equals(id).toArray(),
      db.relances.where('prospectId').equals(id).toArray(),
      stageEventsOf(db, [id]).toArray(),
    ]);
    await Promise.all([
      db.interactions.bulkDelete(interactions.map((record) => record.id)),
      db.relances.bulkDelete(relances.map((record) => record.id)),
      db.stageEvents.bulkDelete(stageEvents.map((record) => record.id)),
      db.prospects.delete(id),
    ]);
    return { prospect, interactions, relances, stageEvents };
  });
}

/** Undo of eraseProspect. Fails as a whole (nothing written) if, say, the LinkedIn profile was re-added meanwhile. */
export async function restoreErased(db: RelanceDatabase, snapshot: ErasedProspect): Promise<void> {
  await db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents], async () => {
    await db.prospects.add(snapshot.prospect);
    await Promise.all([
      db.interactions.bulkAdd(snapshot.interactions),
      db.relances.bulkAdd(snapshot.relances),
      db.stageEvents.bulkAdd(snapshot.stageEvents),
    ]);
  });
}

// ---------------------------------------------------------------------------------------
// Settings

export type SettingsPatch = Partial<Omit<Settings, 'key' | 'schemaVersion'>>;

/**
 * The stored settings, migrated to the current version: a v1 record keeps its values and gains
 * the new defaults; nothing or an unreadable record gives the defaults (invalid parts fall back
 * one by one). The stored record is rewritten in the new shape on the next save.
 */
export async function getSettings(db: RelanceDatabase): Promise<Settings> {
  return migrateSettings(await db.settings.get('app'));
}

/** Applies a patch over the current settings; refused as a whole (ValidationError) when a value is invalid. */
export async function saveSettings(db: RelanceDatabase, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = storedForm('settings', {
      ...(await getSettings(db)),
      ...patch,
      key: 'app',
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
    await db.settings.put(next);
    return next;
  });
}

// ---------------------------------------------------------------------------------------
// Demo data

export type DemoSeedSummary = { prospects: number; interactions: number; relances: number; stageEvents: number; offers: number };

/** Fixed ids so seeding twice overwrites the demo records instead of duplicating them. */
function demoId(group: number, n: number): string {
  return `d0000000-0000-4000-8000-${String(group * 1000 + n).padStart(12, '0')}`;
}

/** Epoch ms of `days` after `todayIso` (negative: before), at `hour` local time. */
function demoTime(todayIso: string, days: number, hour: number): number {
  const [year, month, day] = todayIso.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days, hour, 0, 0, 0).getTime();
}

type DemoPerson = {
  fullName: string;
  jobTitle: string;
  company: string;
  location: string;
  slug: string;
  email: string;
  phone: string;
  stage: Stage;
  qualification: Qualification;
  tags: string[];
  /** Days ago the prospect entered each stage from 'prospecting' to the current one. */
  stageDaysAgo: number[];
  done: [stage: Stage, item: string, note?: string][];
  interactions: [channel: Channel, daysAgo: number, note: string, subject?: string][];
  outcome?: { result: 'won' | 'lost'; daysAgo: number; reason?: string };
  notes?: string;
};

const DEMO_PEOPLE: DemoPerson[] = [
  {
    fullName: 'Jeanne Dupont',
    jobTitle: 'Directrice achats',
    company: 'Acme Industrie',
    location: 'Lyon',
    slug: 'jeanne-dupont-demo',
    email: 'jeanne.dupont@acme-industrie.example',
    phone: '+33 4 72 10 20 30',
    stage: 'discovery',
    qualification: 'prospect',
    tags: ['Industrie', 'ETI'],
    stageDaysAgo: [24, 18, 9],
    done: [
      ['prospecting', 'target-segment', 'ETI industrielle, 250 salariés'],
      ['prospecting', 'qualified', 'Projet de refonte des outils commerciaux en 2025'],
      ['prospecting', 'contact-data'],
      ['prospecting', 'not-duplicate'],
      ['prospecting', 'source', 'Salon Global Industrie'],
      ['contact', 'channel', 'LinkedIn puis téléphone'],
      ['contact', 'decision-maker', 'Décide avec le DAF ; valide seule sous 30 k€'],
      ['contact', 'first-contact'],
      ['contact', 'next-exchange', 'Rendez-vous de découverte fixé'],
      ['discovery', 'situation', 'Salesforce côté ventes, ERP Sage X3, ressaisies manuelles des commandes'],
      ['discovery', 'needs', 'Supprimer la double saisie des commandes entre CRM et ERP'],
    ],
    interactions: [
      ['linkedin', 18, "Message d'approche après le salon, réponse positive"],
      ['call', 12, 'Appel de qualification : douleur réelle sur la double saisie'],
      ['meeting', 9, "Rendez-vous de découverte sur site avec l'équipe achats"],
    ],
    notes: 'Préfère être appelée le matin.',
  },
  {
    fullName: 'Thomas Martin',
    jobTitle: 'Responsable commercial',
    company: 'Batiplus',
    location: 'Nantes',
    slug: 'thomas-martin-demo',
    email: 'thomas.martin@batiplus.example',
    phone: '+33 2 40 11 22 33',
    stage: 'prospecting',
    qualification: 'suspect',
    tags: ['BTP', 'PME'],
    stageDaysAgo: [3],
    done: [['prospecting', 'source', 'Recherche LinkedIn Sales Navigator']],
    interactions: [],
  },
  {
    fullName: 'Sophie Bernard',
    jobTitle: "Directrice des systèmes d'information",
    company: 'Transports Giraud',
    location: 'Lille',
    slug: 'sophie-bernard-demo',
    email: 'sophie.bernard@transports-giraud.example',
    phone: '+33 3 20 44 55 66',
    stage: 'contact',
    qualification: 'prospect',
    tags: ['Transport', 'ETI'],
    stageDaysAgo: [15, 6],
    done: [
      ['prospecting', 'target-segment'],
      ['prospecting', 'qualified', 'Changement de TMS prévu cette année'],
      ['prospecting', 'contact-data'],
      ['prospecting', 'not-duplicate'],
      ['prospecting', 'source', 'Recommandation de Lucas Petit (Nordelec)'],
      ['contact', 'channel', 'E-mail de recommandation'],
    ],
    interactions: [['email', 6, 'Premier e-mail avec la recommandation de Lucas Petit', 'Intégration de votre CRM avec votre TMS']],
  },
  {
    fullName: 'Karim Haddad',
    jobTitle: 'Directeur général',
    company: 'Logivia',
    location: 'Bordeaux',
    slug: 'karim-haddad-demo',
    email: 'k.haddad@logivia.example',
    phone: '+33 5 56 77 88 99',
    stage: 'proposal',
    qualification: 'prospect',
    tags: ['Logistique', 'PME'],
    stageDaysAgo: [40, 33, 25, 8],
    done: [
      ['prospecting', 'target-segment'],
      ['prospecting', 'qualified'],
      ['prospecting', 'contact-data'],
      ['prospecting', 'not-duplicate'],
      ['prospecting', 'source', 'Site web (formulaire de contact)'],
      ['contact', 'decision-maker', 'Le DG décide seul'],
      ['contact', 'first-contact'],
      ['discovery', 'needs', 'Suivi des devis dispersé dans les boîtes mail'],
      ['discovery', 'levers', 'Gagner du temps sur les relances devis'],
      ['discovery', 'reformulation'],
      ['discovery', 'decision-maker', 'Décision en comité de direction mensuel'],
      ['discovery', 'budget', '15 à 20 k€'],
      ['discovery', 'timing', 'Mise en service avant la rentrée'],
      ['proposal', 'needs-answered'],
      ['proposal', 'pitch-adapted', 'Angle ROI, chiffré en heures gagnées'],
      ['proposal', 'proposal-sent', 'Devis DEV-2025-041 envoyé'],
    ],
    interactions: [
      ['video', 25, 'Visio de découverte, 45 min'],
      ['meeting', 10, 'Présentation de la solution au comité de direction'],
      ['email', 8, 'Envoi de la proposition et du devis', 'Proposition commerciale Logivia'],
    ],
  },
  {
    fullName: 'Claire Moreau',
    jobTitle: 'Directrice administrative et financière',
    company: 'Fromagerie du Vercors',
    location: 'Grenoble',
    slug: 'claire-moreau-demo',
    email: 'claire.moreau@fromagerie-vercors.example',
    phone: '+33 4 76 12 34 56',
    stage: 'closing',
    qualification: 'prospect',
    tags: ['Agroalimentaire'],
    stageDaysAgo: [55, 48, 40, 26, 5],
    done: [
      ['proposal', 'objections', 'Crainte sur la reprise des données : migration incluse'],
      ['proposal', 'terms', 'Paiement en trois fois accepté'],
      ['proposal', 'proposal-sent'],
      ['closing', 'decision-asked', 'Décision attendue après le conseil de surveillance'],
    ],
    interactions: [
      ['visit', 26, 'Visite du site de production'],
      ['call', 12, 'Négociation des conditions de paiement'],
      ['call', 5, 'Demande de décision ferme'],
    ],
  },
  {
    fullName: 'Lucas Petit',
    jobTitle: 'Responsable des opérations',
    company: 'Nordelec',
    location: 'Strasbourg',
    slug: 'lucas-petit-demo',
    email: 'lucas.petit@nordelec.example',
    phone: '+33 3 88 98 76 54',
    stage: 'relationship',
    qualification: 'client',
    tags: ['Énergie', 'Client'],
    stageDaysAgo: [90, 80, 70, 50, 30, 12],
    done: [
      ['closing', 'decision-asked'],
      ['closing', 'commitment'],
      ['closing', 'quote-delivered'],
      ['closing', 'order-received', 'Bon de commande BC-7781'],
      ['relationship', 'after-sales', 'Mise en service sans incident'],
    ],
    interactions: [
      ['meeting', 14, 'Signature du bon de commande'],
      ['call', 5, 'Point après-vente à J+7 : équipe formée'],
    ],
    outcome: { result: 'won', daysAgo: 13 },
  },
  {
    fullName: 'Émilie Lefèvre',
    jobTitle: 'Responsable marketing',
    company: 'Studio Calanques',
    location: 'Marseille',
    slug: 'emilie-lefevre-demo',
    email: 'emilie.lefevre@studio-calanques.example',
    phone: '+33 4 91 23 45 67',
    stage: 'closing',
    qualification: 'prospect',
    tags: ['Agence', 'TPE'],
    stageDaysAgo: [60, 52, 45, 35, 20],
    done: [['closing', 'decision-asked']],
    interactions: [
      ['video', 35, 'Présentation de la proposition'],
      ['call', 16, 'Réponse négative : budget gelé'],
    ],
    outcome: { result: 'lost', daysAgo: 16, reason: "Budget reporté à l'an prochain" },
    notes: 'À recontacter en janvier pour le budget suivant.',
  },
];

// Relances by person index: 2 overdue, 2 today, 3 upcoming (within 7 days), plus one done
// and one cancelled that the popup must not show.
const DEMO_RELANCES: [person: number, dueInDays: number, status: Relance['status'], note: string][] = [
  [0, -2, 'open', 'Envoyer le compte rendu de découverte'],
  [3, -1, 'open', 'Relance devis à J+7'],
  [1, 0, 'open', 'Premier message LinkedIn'],
  [2, 0, 'open', 'Relancer après le premier e-mail sans réponse'],
  [4, 1, 'open', 'Appeler pour la décision finale'],
  [3, 4, 'open', 'Relance devis à J+14'],
  [5, 6, 'open', 'Point satisfaction à J+30'],
  [5, -5, 'done', 'Point après-vente à J+7'],
  [6, -10, 'cancelled', 'Relance proposition'],
];

const DEMO_OFFER = (now: number): Offer => ({
  id: demoId(9, 1),
  name: 'Intégration CRM sur mesure',
  pitch:
    'Nous connectons votre CRM à votre ERP, à votre messagerie et à votre facturation pour que chaque commande, devis et relance soit saisi une seule fois et visible par toute l’équipe.',
  benefits: [
    'Fin de la double saisie entre CRM et ERP : moins d’erreurs sur les commandes',
    'Devis et relances suivis au même endroit, plus aucune proposition oubliée',
    'Tableau de bord commercial à jour en temps réel pour la direction',
    'Mise en service en 6 à 8 semaines, sans changer vos outils actuels',
  ],
  limits: [
    'Ne remplace pas le CRM : nous travaillons avec celui que vous avez (Salesforce, HubSpot, Pipedrive, Sellsy)',
    'Les ERP développés en interne sans API demandent un audit préalable',
    'Pas de reprise des données de plus de 5 ans',
  ],
  proofPoints: [
    'Nordelec : 6 h par semaine gagnées par commercial sur la saisie',
    'Plus de 40 intégrations Sage et Cegid en production',
    'Certifiés partenaires Salesforce et HubSpot',
  ],
  objections: [
    {
      objection: 'C’est trop cher pour notre taille.',
      answer:
        'Le projet se rembourse en moins d’un an avec les heures de saisie économisées ; nous pouvons démarrer par un seul flux (commandes) pour limiter l’investissement.',
    },
    {
      objection: 'Nos données vont-elles être perdues pendant la migration ?',
      answer:
        'Aucune donnée n’est déplacée : l’intégration synchronise vos outils existants. Une copie de sauvegarde complète est faite avant la mise en service.',
    },
    {
      objection: 'Nous n’avons pas le temps de gérer un projet en ce moment.',
      answer: 'Votre équipe est mobilisée deux demi-journées au total : le cadrage et la recette. Nous gérons le reste.',
    },
  ],
  terms:
    'Forfait de 12 000 à 25 000 € HT selon le nombre de flux ; paiement 30 % à la commande, 70 % à la mise en service. Maintenance 150 € HT/mois.',
  createdAt: now,
  updatedAt: now,
});

/**
 * Writes a realistic French B2B sample (7 prospects across every stage, their history, 2
 * overdue, 2 today's and 3 upcoming relances, one offer), dated relative to `todayIso`.
 * Idempotent: the demo records have fixed ids.
 */
export async function seedDemoData(db: RelanceDatabase, todayIso: string): Promise<DemoSeedSummary> {
  const now = Date.now();
  const prospects: Prospect[] = [];
  const interactions: Interaction[] = [];
  const stageEvents: StageEvent[] = [];

  DEMO_PEOPLE.forEach((person, p) => {
    const id = demoId(1, p);
    const createdAt = demoTime(todayIso, -(person.stageDaysAgo[0] ?? 0), 9);
    const checklist: Prospect['checklist'] = {};
    for (const [stage, item, note] of person.done) {
      const daysAgo = person.stageDaysAgo[STAGES.indexOf(stage)] ?? 0;
      checklist[checklistKey(stage, item)] = {
        done: true,
        doneAt: demoTime(todayIso, -daysAgo, 17),
        ...(note ? { note } : {}),
      };
    }
    prospects.push(
      withDerivedKeys({
        id,
        fullName: person.fullName,
        headline: `${person.jobTitle} chez ${person.company}`,
        jobTitle: person.jobTitle,
        company: person.company,
        location: person.location,
        phones: [person.phone],
        emails: [person.email],
        emailKeys: [],
        linkedinUrl: `https://www.linkedin.com/in/${person.slug}/`,
        nameKey: '',
        companyKey: '',
        stage: person.stage,
        qualification: person.qualification,
        ...(person.outcome
          ? {
              outcome: {
                result: person.outcome.result,
                date: demoTime(todayIso, -person.outcome.daysAgo, 16),
                ...(person.outcome.reason ? { reason: person.outcome.reason } : {}),
              },
            }
          : {}),
        checklist,
        tags: person.tags,
        source: 'manual',
        ...(person.notes ? { notes: person.notes } : {}),
        lockedFields: [],
        createdAt,
        updatedAt: demoTime(todayIso, -1, 18),
      }),
    );

    let from: Stage | null = null;
    person.stageDaysAgo.forEach((daysAgo, s) => {
      const to = STAGES[s] ?? person.stage;
      stageEvents.push({
        id: demoId(3, p * 10 + s),
        prospectId: id,
        from,
        to,
        date: demoTime(todayIso, -daysAgo, 10),
        forced: false,
        unmet: [],
      });
      from = to;
    });

    person.interactions.forEach(([channel, daysAgo, note, subject], i) => {
      interactions.push({
        id: demoId(2, p * 10 + i),
        prospectId: id,
        channel,
        date: demoTime(todayIso, -daysAgo, 11),
        note,
        ...(subject ? { subject } : {}),
        createdAt: demoTime(todayIso, -daysAgo, 11),
      });
    });
  });

  const relances: Relance[] = DEMO_RELANCES.map(([person, dueInDays, status, note], r) => ({
    id: demoId(4, r),
    prospectId: demoId(1, person),
    dueDate: addDays(todayIso, dueInDays),
    note,
    status,
    ...(status === 'done' ? { doneAt: demoTime(todayIso, dueInDays, 15) } : {}),
    createdAt: demoTime(todayIso, Math.min(dueInDays, 0) - 3, 12),
  }));

  const offers = [DEMO_OFFER(now)];
  await db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents, db.offers], async () => {
    await db.prospects.bulkPut(prospects);
    await db.interactions.bulkPut(interactions);
    await db.relances.bulkPut(relances);
    await db.stageEvents.bulkPut(stageEvents);
    await db.offers.bulkPut(offers);
  });
  return {
    prospects: prospects.length,
    interactions: interactions.length,
    relances: relances.length,
    stageEvents: stageEvents.length,
    offers: offers.length,
  };
}
