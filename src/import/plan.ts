import type { RelanceDatabase } from '../db/database';
import { nameFromEmail, nameFromLinkedinUrl } from '../db/repository';
import { emailKeysOf, isEmail, nameCompanyKey, namePartOfKey } from '../matching/keys';
import { canonicalLinkedinUrl, linkedinSlugFromUrl, salesNavLeadId } from '../matching/linkedin-url';
import type { OutcomeResult, Qualification, Stage } from '../model/enums';
import { optionalText } from '../model/fields';
import { type Prospect, prospectSchema, withDerivedKeys } from '../model/prospect';
import type { StageEvent } from '../model/stage-event';
import { z } from '../model/zod';
import type { CsvProblem, CsvRow } from './csv-read';
import { type ColumnMapping, dateFromText, type MappableField, outcomeFromText, qualificationFromText, stageFromText } from './mapping';

/*
 * A CSV import in two steps: planImport reads the file against the database and says what
 * each row will become (created, duplicate, rejected) without writing anything; the rep
 * confirms; executeImport writes it all in one transaction. Each data row lands in exactly
 * one bucket, so the report's counts add up to the file's rows (DESIGN.md test contract).
 */

export type DuplicatePolicy = 'skip' | 'merge';

/** The parts of parseCsv's result planning needs. */
export type CsvInput = { rows: readonly CsvRow[]; problems?: readonly CsvProblem[] };

/** What one row says about a person, cleaned and checked. */
export type ImportedContact = {
  fullName: string;
  emails: string[];
  phones: string[];
  linkedinUrl?: string;
  /** The lead id of a Sales Navigator link given instead of a profile URL. */
  salesNavId?: string;
  company?: string;
  jobTitle?: string;
  headline?: string;
  location?: string;
  notes?: string;
  /** The file's "Source" column, else 'import'. */
  source: string;
  stage: Stage;
  qualification: Qualification;
  tags: string[];
  /** The file's creation date; absent, the prospect is dated at the import. */
  createdAt?: number;
  /** Won or lost; without a date in the file, dated at the import. */
  outcome?: { result: OutcomeResult; reason?: string; date?: number };
};

export type PlannedRow = { line: number; contact: ImportedContact };

/** How a duplicate was recognised: the same LinkedIn profile, email, or (for rows with neither) name + company. */
export type MatchedBy = 'linkedin' | 'email' | 'name';

export type DuplicateOf = { kind: 'prospect'; prospectId: string; fullName: string } | { kind: 'row'; line: number };

export type PlannedDuplicate = { line: number; contact: ImportedContact; of: DuplicateOf; via: MatchedBy };

export const REJECTION_CODES = ['no-identity', 'invalid-email', 'invalid-linkedin-url', 'too-long', 'too-many', 'invalid-value'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type RejectedRow = {
  line: number;
  /** Stable code for translating the reason; `message` is the English wording. */
  reason: RejectionCode;
  message: string;
  /** The prospect field at fault, when there is one. */
  field?: string;
  /** The offending value (cut to 100 characters), for "invalid email" and the like. */
  value?: string;
  /** The limit exceeded, for 'too-long' and 'too-many'. */
  limit?: number;
};

export const WARNING_CODES = [
  'unknown-stage',
  'unknown-qualification',
  'csv-syntax',
  'invalid-email-dropped',
  'invalid-linkedin-url-dropped',
  'sales-navigator-link',
  'unknown-outcome',
  'invalid-creation-date',
  'invalid-outcome-date',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type ImportWarning = { line: number; code: WarningCode; message: string; value?: string };

export type ImportPlan = {
  ok: PlannedRow[];
  duplicates: PlannedDuplicate[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** ok + duplicates + rejected = rows. */
  totals: { rows: number; ok: number; duplicates: number; rejected: number };
};

export type PlanOptions = { onDuplicate: DuplicatePolicy };

// ---------------------------------------------------------------------------------------
// Reading one row

const IMPORT_SOURCE = 'import';

/** Spreadsheet exports (ours included) put an apostrophe before text Excel would run as a formula. */
const FORMULA_GUARD = /^'(?=[=+\-@])/;

/*
 * What French files write in a cell they have nothing for ("NC" = non communiqué, "néant")
 * and Excel's #N/A: taken for an email, a URL or a name, they would reject the row or name
 * someone "NC". Compared accent-, case-, space- and dot-insensitively.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-',
  '--',
  '—',
  '–',
  '?',
  '??',
  'nc',
  'n/c',
  'na',
  'n/a',
  '#n/a',
  'nd',
  'n/d',
  'neant',
  'aucun',
  'aucune',
  'inconnu',
  'inconnue',
  'none',
  'null',
]);

function isPlaceholder(value: string): boolean {
  if (value.length > 8) return false;
  const folded = value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s.]+/g, '');
  return PLACEHOLDERS.has(folded);
}

function cleanCell(raw: string | undefined): string {
  const value = (raw ?? '').trim().replace(FORMULA_GUARD, '');
  return isPlaceholder(value) ? '' : value;
}

type CellsByField = Partial<Record<MappableField, string[]>>;

type MappedColumn = readonly [index: number, field: MappableField];

function mappedColumns(mapping: ColumnMapping): MappedColumn[] {
  // A mapping built by hand may leave a column out (undefined) rather than null it.
  return Object.entries(mapping).flatMap(([index, field]) => (field ? [[Number(index), field] as const] : []));
}

function cellsByField(cells: readonly string[], columns: readonly MappedColumn[]): CellsByField {
  const byField: CellsByField = {};
  for (const [index, field] of columns) {
    const value = cleanCell(cells[index]);
    if (value === '') continue;
    const values = byField[field];
    if (values) values.push(value);
    else byField[field] = [value];
  }
  return byField;
}

function splitList(values: readonly string[] | undefined, separator: RegExp): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(separator))
    .map((item) => item.trim())
    .filter((item) => item !== '' && !isPlaceholder(item));
}

const EMAIL_SEPARATOR = /[\s,;]+/;
// " / " between numbers is how French files put a landline and a mobile in one cell.
const PHONE_SEPARATOR = /[,;\n]|\s\/\s/;
const TAG_SEPARATOR = /[,;|\n]/;

const HAS_LETTER = /\p{L}/u;

const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '');

function distinctBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type RowReading = { contact: ImportedContact; warnings: ImportWarning[] } | { rejection: RejectedRow };

function shortValue(value: string): string {
  return value.length > 100 ? `${value.slice(0, 99)}…` : value;
}

function rejection(line: number, reason: RejectionCode, detail: string, extra: Omit<RejectedRow, 'line' | 'reason' | 'message'> = {}) {
  return { rejection: { line, reason, message: `line ${line}: ${detail}`, ...extra } };
}

/** Remembers the answers of a lookup: a file repeats the same few stage names thousands of times. */
function memoized<T>(lookup: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = lookup(text);
    known.set(text, value);
    return value;
  };
}

/**
 * Reads rows under one mapping. The name is the row's own, else first + last name, else
 * derived from the email or the LinkedIn profile as the repository does for a capture.
 */
export function rowReader(mapping: ColumnMapping): (row: CsvRow) => RowReading {
  const columns = mappedColumns(mapping);
  const stageOf = memoized(stageFromText);
  const qualificationOf = memoized(qualificationFromText);
  return (row) => readRowCells(row, columns, stageOf, qualificationOf);
}

/** The contact one row describes, or why the row is rejected. */
export function readRow(row: CsvRow, mapping: ColumnMapping): RowReading {
  return rowReader(mapping)(row);
}

function readRowCells(
  row: CsvRow,
  columns: readonly MappedColumn[],
  stageOf: (text: string) => Stage | null,
  qualificationOf: (text: string) => Qualification | null,
): RowReading {
  const { line } = row;
  const cells = cellsByField(row.cells, columns);
  const warnings: ImportWarning[] = [];
  const warn = (code: WarningCode, value: string, detail: string) =>
    warnings.push({ line, code, value: shortValue(value), message: `line ${line}: ${detail}` });

  const emails: string[] = [];
  const invalidEmails: string[] = [];
  for (const candidate of splitList(cells.email, EMAIL_SEPARATOR)) {
    const email = candidate.replace(/^mailto:/i, '');
    if (isEmail(email)) emails.push(email);
    else invalidEmails.push(email);
  }
  const distinctEmails = distinctBy(emails, (email) => email.toLowerCase());

  let linkedinUrl: string | undefined;
  let salesNavId: string | undefined;
  let invalidLinkedin: string | undefined;
  const linkedinCell = cells.linkedinUrl?.[0];
  if (linkedinCell !== undefined) {
    const canonical = canonicalLinkedinUrl(linkedinCell);
    if (canonical) linkedinUrl = canonical;
    else {
      salesNavId = salesNavLeadIdOf(linkedinCell);
      if (salesNavId === undefined) invalidLinkedin = linkedinCell;
    }
  }

  const writtenName = cells.fullName?.[0] ?? ([cells.firstName?.[0], cells.lastName?.[0]].filter(Boolean).join(' ') || undefined);
  // "-", "?" or a number in the name column names nobody, and could not be recognised again.
  const givenName = writtenName !== undefined && HAS_LETTER.test(writtenName) ? writtenName : undefined;
  if (givenName === undefined && distinctEmails.length === 0 && linkedinUrl === undefined) {
    // Nothing else to recognise the person by: the invalid value is the reason to give.
    const badEmail = invalidEmails[0];
    if (badEmail !== undefined) {
      return rejection(line, 'invalid-email', `invalid email "${shortValue(badEmail)}"`, { field: 'emails', value: shortValue(badEmail) });
    }
    if (linkedinCell !== undefined) {
      return rejection(line, 'invalid-linkedin-url', `not a LinkedIn profile URL "${shortValue(linkedinCell)}"`, {
        field: 'linkedinUrl',
        value: shortValue(linkedinCell),
      });
    }
    return rejection(line, 'no-identity', 'no name, email or LinkedIn URL');
  }
  // The row is someone: an unusable optional value is left out rather than losing the rest.
  for (const email of invalidEmails) warn('invalid-email-dropped', email, `invalid email "${shortValue(email)}" left out`);
  if (invalidLinkedin !== undefined) {
    warn('invalid-linkedin-url-dropped', invalidLinkedin, `not a LinkedIn profile URL "${shortValue(invalidLinkedin)}", left out`);
  }
  if (salesNavId !== undefined && linkedinCell !== undefined) {
    warn(
      'sales-navigator-link',
      linkedinCell,
      `Sales Navigator link "${shortValue(linkedinCell)}" kept as the lead's Sales Navigator id, not as a LinkedIn profile`,
    );
  }

  let stage: Stage | undefined;
  let result: OutcomeResult | undefined;
  const stageCell = cells.stage?.[0];
  if (stageCell !== undefined) {
    const known = stageOf(stageCell);
    // CRMs put the deal's won/lost status in their stage column.
    const status = known ? null : outcomeFromText(stageCell);
    if (known) stage = known;
    else if (status) result = status;
    else warn('unknown-stage', stageCell, `unknown stage "${shortValue(stageCell)}", imported at Prospection`);
  }
  const outcomeCell = cells.outcome?.[0];
  if (outcomeCell !== undefined) {
    const known = outcomeFromText(outcomeCell);
    if (known) result = known;
    else warn('unknown-outcome', outcomeCell, `unknown result "${shortValue(outcomeCell)}", imported without a result`);
  }
  // A won deal whose stage the file does not give has moved on to the relationship (PLAYBOOK.md step 6 → 7).
  stage ??= result === 'won' ? 'relationship' : 'prospecting';

  let qualification: Qualification = 'suspect';
  const qualificationCell = cells.qualification?.[0];
  if (qualificationCell !== undefined) {
    const known = qualificationOf(qualificationCell);
    if (known) qualification = known;
    else warn('unknown-qualification', qualificationCell, `unknown qualification "${shortValue(qualificationCell)}", imported as suspect`);
  }
  // As the repository does when a won deal reaches the relationship stage.
  if (result === 'won' && stage === 'relationship') qualification = 'client';

  const contact: ImportedContact = {
    fullName: givenName ?? derivedName(distinctEmails, linkedinUrl),
    emails: distinctEmails,
    phones: distinctBy(splitList(cells.phone, PHONE_SEPARATOR), phoneDigits),
    source: cells.source?.[0] ?? IMPORT_SOURCE,
    stage,
    qualification,
    tags: distinctBy(splitList(cells.tags, TAG_SEPARATOR), (tag) => tag),
  };
  if (linkedinUrl !== undefined) contact.linkedinUrl = linkedinUrl;
  if (salesNavId !== undefined) contact.salesNavId = salesNavId;
  for (const field of ['company', 'jobTitle', 'headline', 'location'] as const) {
    const value = cells[field]?.[0];
    if (value !== undefined) contact[field] = value;
  }
  if (cells.notes) contact.notes = cells.notes.join('\n');

  const createdCell = cells.createdAt?.[0];
  if (createdCell !== undefined) {
    const createdAt = dateFromText(createdCell);
    if (createdAt !== null) contact.createdAt = createdAt;
    else warn('invalid-creation-date', createdCell, `unreadable creation date "${shortValue(createdCell)}", dated at the import`);
  }
  if (result !== undefined) {
    const outcome: NonNullable<ImportedContact['outcome']> = { result };
    const reason = cells.outcomeReason?.[0];
    if (reason !== undefined) outcome.reason = reason;
    const dateCell = cells.outcomeDate?.[0];
    if (dateCell !== undefined) {
      const date = dateFromText(dateCell);
      if (date !== null) outcome.date = date;
      else warn('invalid-outcome-date', dateCell, `unreadable result date "${shortValue(dateCell)}", dated at the import`);
    }
    contact.outcome = outcome;
  }
  return { contact, warnings };
}

/** The lead id of a Sales Navigator lead link, written with or without its scheme. */
function salesNavLeadIdOf(cell: string): string | undefined {
  const withScheme = /^https?:\/\//i.test(cell) ? cell.replace(/^http:/i, 'https:') : `https://${cell}`;
  try {
    return salesNavLeadId(new URL(withScheme)) ?? undefined;
  } catch {
    return undefined;
  }
}

function derivedName(emails: readonly string[], linkedinUrl: string | undefined): string {
  for (const email of emails) {
    const name = nameFromEmail(email);
    if (name) return name;
  }
  if (linkedinUrl) {
    const name = nameFromLinkedinUrl(linkedinUrl);
    if (name) return name;
  }
  // A shared mailbox or a digits-only profile is still a lead, shown by its identifier
  // until the rep names it (as addProspectFromContact does).
  return emails[0] ?? linkedinSlugFromUrl(linkedinUrl) ?? '';
}

// ---------------------------------------------------------------------------------------
// Building and checking the prospect a row creates

/**
 * The new prospect a contact becomes, without its derived keys: the database computes
 * those on every write, and computing them for 10,000 rows here would be wasted work.
 * Dates the file gives are kept (a two-year-old contact is not new this month), but never
 * later than now: a day and month read the wrong way round must not date a record in the future.
 */
function draftProspect(contact: ImportedContact, id: string, now: number): Prospect {
  const prospect: Prospect = {
    id,
    fullName: contact.fullName,
    phones: [...contact.phones],
    emails: [...contact.emails],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    stage: contact.stage,
    qualification: contact.qualification,
    checklist: {},
    tags: [...contact.tags],
    source: contact.source,
    lockedFields: [],
    createdAt: Math.min(contact.createdAt ?? now, now),
    updatedAt: now,
  };
  for (const field of ['linkedinUrl', 'salesNavId', 'company', 'jobTitle', 'headline', 'location', 'notes'] as const) {
    const value = contact[field];
    if (value !== undefined) prospect[field] = value;
  }
  if (contact.outcome) {
    const { result, reason, date } = contact.outcome;
    prospect.outcome = { result, date: Math.min(date ?? now, now), ...(reason === undefined ? {} : { reason }) };
  }
  return prospect;
}

/** The new prospect a contact becomes, derived keys included, as the database will store it. */
export function prospectFromContact(contact: ImportedContact, id: string, now: number): Prospect {
  return withDerivedKeys(draftProspect(contact, id, now));
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'name',
  emails: 'email',
  phones: 'phone',
  tags: 'tag',
  jobTitle: 'job title',
  linkedinUrl: 'LinkedIn URL',
  salesNavId: 'Sales Navigator id',
  outcome: 'won/lost reason',
};

const labelOf = (field: string) => FIELD_LABELS[field] ?? field;

// The plan's drafts never reach the database: their id only has to be well-formed.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/*
 * The prospect schema, cut down to the fields a row fills: the rest is constant or derived
 * from these, and validating it 10,000 times over would double the planning time.
 */
const rowFieldsSchema = z.extend(
  z.pick(prospectSchema, {
    fullName: true,
    headline: true,
    jobTitle: true,
    company: true,
    location: true,
    phones: true,
    emails: true,
    linkedinUrl: true,
    salesNavId: true,
    tags: true,
    source: true,
    notes: true,
  }),
  // The result and its date are read as valid or not kept; the reason is the file's text.
  { outcome: z.optional(z.object({ reason: optionalText(500) })) },
);

/** Over-long or otherwise invalid values, in the words of the prospect schema. */
function schemaRejection(line: number, contact: ImportedContact): RejectedRow | null {
  const result = rowFieldsSchema.safeParse(contact);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  const field = String(issue.path[0] ?? '');
  if (issue.code === 'too_big') {
    const limit = Number(issue.maximum);
    if (issue.origin === 'array') {
      return { line, reason: 'too-many', field, limit, message: `line ${line}: too many ${labelOf(field)}s (max ${limit})` };
    }
    return { line, reason: 'too-long', field, limit, message: `line ${line}: ${labelOf(field)} too long (max ${limit} characters)` };
  }
  return { line, reason: 'invalid-value', field, message: `line ${line}: ${labelOf(field)}: ${issue.message}` };
}

// ---------------------------------------------------------------------------------------
// Duplicates: against the database and between rows of the file

type Target = {
  /** The prospect as it will be once every merged row is applied. */
  prospect: Prospect;
  /** Null for a prospect this import creates. */
  existing: Prospect | null;
  /** For a created prospect: the row that creates it. */
  origin: ValidRow | null;
  changed: boolean;
};

const linkedinKey = (url: string) => `li:${url}`;
const emailKeyOf = (key: string) => `em:${key}`;
const nameKeyOf = (key: string) => `nm:${key}`;
const namePartKeyOf = (key: string) => `np:${namePartOfKey(key)}`;

/** A name key without company (`dupont jeanne|`): the row names no company to tell namesakes apart. */
const hasNoCompany = (nameKey: string) => nameKey.endsWith('|');

type RowKeys = { linkedinUrl?: string; emailKeys: string[]; nameKey?: string };

function keysOfContact(contact: ImportedContact): RowKeys {
  const keys: RowKeys = { emailKeys: emailKeysOf(contact.emails) };
  if (contact.linkedinUrl) keys.linkedinUrl = contact.linkedinUrl;
  // Without an email or a profile the name + company is all a row has; matching it keeps a
  // re-import of a name-only list from creating everyone a second time.
  if (!contact.linkedinUrl && keys.emailKeys.length === 0) {
    const nameKey = nameCompanyKey(contact.fullName, contact.company);
    if (nameKey) keys.nameKey = nameKey;
  }
  return keys;
}

/**
 * The keys a prospect answers to, in the index of targets, computed from its fields (drafts
 * carry no derived keys). Name keys only when some row of the file is matched by name.
 */
function keysOfProspect(prospect: Prospect, withNames: boolean): string[] {
  const keys = emailKeysOf(prospect.emails).map(emailKeyOf);
  if (prospect.linkedinUrl) keys.push(linkedinKey(prospect.linkedinUrl));
  const nameKey = withNames ? nameCompanyKey(prospect.fullName, prospect.company) : null;
  if (nameKey) keys.push(nameKeyOf(nameKey), namePartKeyOf(nameKey));
  return keys;
}

const MAX_EMAILS = 20;
const MAX_PHONES = 20;
const MAX_TAGS = 50;
const FILLABLE_FIELDS = ['company', 'jobTitle', 'headline', 'location', 'notes', 'salesNavId'] as const;

/**
 * The prospect with what a duplicate row adds: new emails and phones, empty fields filled,
 * tags united. Locked fields (corrected by hand) are never touched, lists included, as in
 * the repository's enrichment. Lists stop at their schema caps, so the result always
 * validates; an email or profile already owned by another prospect is not copied over.
 */
function mergeInto(prospect: Prospect, contact: ImportedContact, ownedElsewhere: (key: string) => boolean): Prospect | null {
  const locked = new Set(prospect.lockedFields);
  const next: Prospect = { ...prospect };
  let changed = false;

  if (!locked.has('emails')) {
    const known = new Set(emailKeysOf(prospect.emails));
    const emails = [...prospect.emails];
    for (const email of contact.emails) {
      const key = email.toLowerCase();
      if (emails.length >= MAX_EMAILS || known.has(key) || ownedElsewhere(emailKeyOf(key))) continue;
      known.add(key);
      emails.push(email);
    }
    if (emails.length !== prospect.emails.length) {
      next.emails = emails;
      changed = true;
    }
  }
  if (!locked.has('phones')) {
    const phones = [...prospect.phones];
    for (const phone of contact.phones) {
      if (phones.length >= MAX_PHONES || phones.some((known) => phoneDigits(known) === phoneDigits(phone))) continue;
      phones.push(phone);
    }
    if (phones.length !== prospect.phones.length) {
      next.phones = phones;
      changed = true;
    }
  }
  if (!locked.has('tags')) {
    const tags = [...prospect.tags];
    for (const tag of contact.tags) if (tags.length < MAX_TAGS && !tags.includes(tag)) tags.push(tag);
    if (tags.length !== prospect.tags.length) {
      next.tags = tags;
      changed = true;
    }
  }
  if (
    contact.linkedinUrl &&
    prospect.linkedinUrl === undefined &&
    !locked.has('linkedinUrl') &&
    !ownedElsewhere(linkedinKey(contact.linkedinUrl))
  ) {
    next.linkedinUrl = contact.linkedinUrl;
    changed = true;
  }
  for (const field of FILLABLE_FIELDS) {
    const value = contact[field];
    if (value !== undefined && prospect[field] === undefined && !locked.has(field)) {
      next[field] = value;
      changed = true;
    }
  }
  return changed ? next : null;
}

type WantedKeys = {
  linkedinUrls: Set<string>;
  emailKeys: Set<string>;
  /** Name + company keys of rows that name a company. */
  nameKeys: Set<string>;
  /** `name|` keys of rows that name no company: they match the namesake at any company. */
  companylessNameKeys: Set<string>;
};

/*
 * Past this many stored prospects per key looked up, reading them all in one request is
 * cheaper than one indexed request per key (a big file into a small database, the usual
 * first import). Below it, each key is an indexed get, all issued at once in one transaction.
 * Not Dexie's anyOf: it walks a cursor key by key, one round trip per step, and under
 * fake-indexeddb each step also grows with the index (10k keys took minutes in tests).
 */
const PROSPECTS_PER_KEY_FOR_A_FULL_READ = 8;

/** The stored prospects that own any of these keys (in no particular order, each once). */
async function prospectsWithKeys(db: RelanceDatabase, wanted: WantedKeys): Promise<Prospect[]> {
  const { linkedinUrls, emailKeys, nameKeys, companylessNameKeys } = wanted;
  const keyCount = linkedinUrls.size + emailKeys.size + nameKeys.size + companylessNameKeys.size;
  if (keyCount === 0) return [];
  const stored = await db.prospects.count();
  if (stored === 0) return [];

  if (stored <= keyCount * PROSPECTS_PER_KEY_FOR_A_FULL_READ) {
    const all = await db.prospects.toArray();
    return all.filter(
      (prospect) =>
        (prospect.linkedinUrl !== undefined && linkedinUrls.has(prospect.linkedinUrl)) ||
        prospect.emailKeys.some((key) => emailKeys.has(key)) ||
        nameKeys.has(prospect.nameKey) ||
        companylessNameKeys.has(`${namePartOfKey(prospect.nameKey)}|`),
    );
  }

  const table = db.prospects;
  const found = await Promise.all([
    ...[...linkedinUrls].map((url) => table.where('linkedinUrl').equals(url).toArray()),
    ...[...emailKeys].map((key) => table.where('emailKeys').equals(key).toArray()),
    ...[...nameKeys].map((key) => table.where('nameKey').equals(key).toArray()),
    // `dupont jeanne|` prefixes the keys of every Jeanne Dupont, whatever her company.
    ...[...companylessNameKeys].map((key) => table.where('nameKey').startsWith(key).toArray()),
  ]);
  const byId = new Map<string, Prospect>();
  for (const prospect of found.flat()) byId.set(prospect.id, prospect);
  return [...byId.values()];
}

type ValidRow = { line: number; contact: ImportedContact };

type Resolution = {
  /** Prospects to create, in file order, with the rows merged into them. */
  created: Target[];
  duplicates: PlannedDuplicate[];
  /** Existing prospects that merged rows changed. */
  updated: Target[];
};

/**
 * Sorts valid rows into new prospects and duplicates. The database is read once for the
 * whole file's keys (see prospectsWithKeys); rows are then matched in memory, in file
 * order, so an earlier row wins over a later one.
 * `makeProspect` draws the id and time of each new prospect.
 */
async function resolveRows(
  db: RelanceDatabase,
  rows: readonly ValidRow[],
  policy: DuplicatePolicy,
  makeProspect: (contact: ImportedContact) => Prospect,
): Promise<Resolution> {
  const wanted: WantedKeys = { linkedinUrls: new Set(), emailKeys: new Set(), nameKeys: new Set(), companylessNameKeys: new Set() };
  const rowKeys = rows.map((row) => {
    const keys = keysOfContact(row.contact);
    if (keys.linkedinUrl) wanted.linkedinUrls.add(keys.linkedinUrl);
    for (const key of keys.emailKeys) wanted.emailKeys.add(key);
    if (keys.nameKey) (hasNoCompany(keys.nameKey) ? wanted.companylessNameKeys : wanted.nameKeys).add(keys.nameKey);
    return keys;
  });
  const known = await prospectsWithKeys(db, wanted);
  const matchNames = wanted.nameKeys.size + wanted.companylessNameKeys.size > 0;

  const owner = new Map<string, Target>();
  const claim = (key: string, target: Target) => {
    if (!owner.has(key)) owner.set(key, target);
  };
  for (const prospect of known) {
    const target: Target = { prospect, existing: prospect, origin: null, changed: false };
    for (const key of keysOfProspect(prospect, matchNames)) claim(key, target);
  }

  const created: Target[] = [];
  const duplicates: PlannedDuplicate[] = [];
  rows.forEach((row, index) => {
    const keys = rowKeys[index] ?? { emailKeys: [] };
    const match = findTarget(owner, keys);
    if (!match) {
      const target: Target = { prospect: makeProspect(row.contact), existing: null, origin: row, changed: false };
      created.push(target);
      for (const key of keysOfProspect(target.prospect, matchNames)) claim(key, target);
      return;
    }
    const { target, via } = match;
    const of: DuplicateOf = target.existing
      ? { kind: 'prospect', prospectId: target.existing.id, fullName: target.existing.fullName }
      : { kind: 'row', line: target.origin?.line ?? 0 };
    duplicates.push({ line: row.line, contact: row.contact, of, via });
    if (policy !== 'merge') return;
    const merged = mergeInto(target.prospect, row.contact, (key) => {
      const keyOwner = owner.get(key);
      return keyOwner !== undefined && keyOwner !== target;
    });
    if (!merged) return;
    target.prospect = merged;
    target.changed = true;
    // What the merge wrote now identifies this prospect for the rows that follow.
    for (const key of keysOfProspect(merged, matchNames)) claim(key, target);
  });

  const updated = [...new Set(owner.values())].filter((target) => target.existing !== null && target.changed);
  return { created, duplicates, updated };
}

function findTarget(owner: ReadonlyMap<string, Target>, keys: RowKeys): { target: Target; via: MatchedBy } | null {
  if (keys.linkedinUrl) {
    const target = owner.get(linkedinKey(keys.linkedinUrl));
    if (target) return { target, via: 'linkedin' };
  }
  for (const key of keys.emailKeys) {
    const target = owner.get(emailKeyOf(key));
    if (target) return { target, via: 'email' };
  }
  if (keys.nameKey) {
    // A row naming no company is taken for the namesake at any company (as matching a page
    // does); one naming a company only for the namesake at that company.
    const target = owner.get(nameKeyOf(keys.nameKey)) ?? (hasNoCompany(keys.nameKey) ? owner.get(namePartKeyOf(keys.nameKey)) : undefined);
    if (target) return { target, via: 'name' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Planning

/**
 * What importing these rows would do, without writing anything. Every data row ends up in
 * exactly one of ok (a prospect will be created), duplicates, or rejected.
 */
export async function planImport(db: RelanceDatabase, parsed: CsvInput, mapping: ColumnMapping, options: PlanOptions): Promise<ImportPlan> {
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  for (const problem of parsed.problems ?? []) {
    warnings.push({ line: problem.line, code: 'csv-syntax', message: problem.message });
  }

  const valid: ValidRow[] = [];
  const read = rowReader(mapping);
  for (const row of parsed.rows) {
    const reading = read(row);
    if ('rejection' in reading) {
      rejected.push(reading.rejection);
      continue;
    }
    const invalid = schemaRejection(row.line, reading.contact);
    if (invalid) {
      rejected.push(invalid);
      continue;
    }
    warnings.push(...reading.warnings);
    valid.push({ line: row.line, contact: reading.contact });
  }

  const resolution = await db.transaction('r', db.prospects, () =>
    resolveRows(db, valid, options.onDuplicate, (contact) => draftProspect(contact, PLACEHOLDER_ID, 0)),
  );
  const ok = resolution.created.flatMap((target) => (target.origin ? [target.origin] : []));

  return {
    ok,
    duplicates: resolution.duplicates,
    rejected,
    warnings,
    totals: { rows: parsed.rows.length, ok: ok.length, duplicates: resolution.duplicates.length, rejected: rejected.length },
  };
}

// ---------------------------------------------------------------------------------------
// Writing

export type ExecuteOptions = {
  onDuplicate: DuplicatePolicy;
  /** Called after each written batch, inside the transaction: keep it quick and synchronous. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
};

export type ImportResult = {
  created: number;
  /** Existing prospects that merged rows added something to. */
  merged: number;
};

/**
 * Writes a plan: the new prospects at their stage, each with the StageEvent of its entry
 * into the pipeline, and (when merging) what duplicate rows add to existing prospects.
 *
 * Everything happens in one transaction, so a failure anywhere (a record the database
 * refuses, a quota error) leaves the database exactly as it was. Duplicates are resolved
 * again inside that transaction: if prospects were added since planning, or the same plan
 * is executed twice, their rows become duplicates instead of copies.
 */
export async function executeImport(db: RelanceDatabase, plan: ImportPlan, options: ExecuteOptions): Promise<ImportResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
  const rows: ValidRow[] = [...plan.ok, ...plan.duplicates].sort((a, b) => a.line - b.line);

  return db.transaction('rw', [db.prospects, db.stageEvents], async () => {
    const now = Date.now();
    const { created, updated } = await resolveRows(db, rows, options.onDuplicate, (contact) =>
      draftProspect(contact, crypto.randomUUID(), now),
    );
    const total = created.length + updated.length;
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(done, total);
    };

    for (let start = 0; start < created.length; start += batchSize) {
      const prospects = created.slice(start, start + batchSize).map((target) => target.prospect);
      await db.prospects.bulkAdd(prospects);
      await db.stageEvents.bulkAdd(prospects.map(entryEvent));
      progress(prospects.length);
    }
    for (let start = 0; start < updated.length; start += batchSize) {
      const prospects = updated.slice(start, start + batchSize).map((target) => ({ ...target.prospect, updatedAt: now }));
      await db.prospects.bulkPut(prospects);
      progress(prospects.length);
    }
    return { created: created.length, merged: updated.length };
  });
}

/** Dated at the prospect's creation, which the file may put long before the import, as a capture does. */
function entryEvent(prospect: Prospect): StageEvent {
  return {
    id: crypto.randomUUID(),
    prospectId: prospect.id,
    from: null,
    to: prospect.stage,
    date: prospect.createdAt,
    forced: false,
    unmet: [],
  };
}
