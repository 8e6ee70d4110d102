import { type OutcomeResult, QUALIFICATIONS, type Qualification, STAGES, type Stage } from '../model/enums';
import { STAGE_DEFINITIONS } from '../process/stages';

/*
 * Which prospect field each CSV column feeds. The automatic mapping must get the usual
 * French and English headers right (DESIGN.md), including those of our own export and of
 * HubSpot and Pipedrive exports, so a rep rarely has to touch the mapping step.
 */

export const MAPPABLE_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'jobTitle',
  'linkedinUrl',
  'location',
  'stage',
  'qualification',
  'tags',
  'notes',
  'source',
  'headline',
  'createdAt',
  'outcome',
  'outcomeReason',
  'outcomeDate',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Column index → the field it feeds (null: ignored). */
export type ColumnMapping = Record<number, MappableField | null>;

/** Fields a row can hold several values of, so several columns may feed them ("Téléphone", "Mobile"). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<MappableField> = new Set(['email', 'phone', 'tags', 'notes']);

// NFD splits "é" into "e" + accent; the ligatures stay whole and are spelled out.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Accent-, case- and punctuation-insensitive form: "Adresse e-mail" → "adresse e mail". */
export function normalizeHeader(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (char) => LIGATURES[char] ?? char)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const HEADER_SYNONYMS: Readonly<Record<MappableField, readonly string[]>> = {
  fullName: [
    'nom complet',
    'contact',
    'full name',
    'fullname',
    'nom et prenom',
    'nom prenom',
    'prenom et nom',
    'prenom nom',
    'nom du contact',
    'contact name',
    'person name',
    'display name',
    'identite',
  ],
  firstName: ['prenom', 'first name', 'firstname', 'given name'],
  lastName: ['nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  email: [
    'e mail',
    'email',
    'mail',
    'emails',
    'e mails',
    'adresse e mail',
    'adresse email',
    'adresse mail',
    'adresses e mail',
    'courriel',
    'email address',
    'e mail address',
  ],
  phone: [
    'telephone',
    'tel',
    'portable',
    'mobile',
    'phone',
    'phones',
    'telephones',
    'phone number',
    'mobile phone',
    'mobile phone number',
    'numero de telephone',
    'numero de tel',
    'n de telephone',
    'n de tel',
    'no de telephone',
    'no de tel',
    'num de telephone',
    'num tel',
    'telephone direct',
    'tel direct',
    'telephone fixe',
    'tel fixe',
    'telephone portable',
    'tel portable',
    'telephone mobile',
    'tel mobile',
    'gsm',
    'cell',
    'cell phone',
    'ligne directe',
    'direct line',
    'work phone',
  ],
  company: [
    'societe',
    'entreprise',
    'raison sociale',
    'organisation',
    'organization',
    'company',
    'company name',
    'nom de l entreprise',
    'nom de la societe',
    'organization name',
    'organisation name',
    'employeur',
    'employer',
    'account name',
    'compte',
  ],
  jobTitle: ['poste', 'fonction', 'titre', 'job title', 'title', 'position', 'intitule de poste', 'intitule du poste', 'role', 'job'],
  linkedinUrl: [
    'linkedin',
    'profil linkedin',
    'url linkedin',
    'lien linkedin',
    'url du profil linkedin',
    'linkedin url',
    'linkedin profile',
    'linkedin profile url',
    'linkedin link',
  ],
  location: ['ville', 'localisation', 'location', 'city', 'lieu', 'localite'],
  stage: ['etape', 'stage', 'statut', 'status', 'lifecycle stage', 'phase', 'etape commerciale', 'pipeline stage', 'deal stage'],
  qualification: ['qualification', 'type de contact'],
  tags: ['tags', 'tag', 'segment', 'segments', 'etiquettes', 'etiquette', 'labels', 'label', 'mots cles'],
  notes: ['notes', 'note', 'commentaire', 'commentaires', 'comments', 'comment', 'remarques', 'remarque', 'observations', 'note content'],
  source: ['source', 'origine', 'lead source', 'provenance', 'origin', 'original source'],
  headline: ['accroche', 'headline', 'titre du profil', 'titre linkedin', 'linkedin headline'],
  createdAt: [
    'cree le',
    'creee le',
    'date de creation',
    'date creation',
    'creation',
    'date d ajout',
    'ajoute le',
    'created',
    'created at',
    'created on',
    'creation date',
    'create date',
    'date created',
    'date added',
  ],
  outcome: ['resultat', 'gagne perdu', 'gagne ou perdu', 'outcome', 'result', 'won lost', 'deal status', 'statut de l affaire'],
  outcomeReason: [
    'motif',
    'motif de perte',
    'raison de la perte',
    'raison de perte',
    'motif du resultat',
    'raison du resultat',
    'lost reason',
    'loss reason',
    'outcome reason',
  ],
  outcomeDate: [
    'date du resultat',
    'date de resultat',
    'date de l issue',
    'resultat le',
    'gagne perdu le',
    'date de cloture',
    'cloture le',
    'outcome date',
    'won lost date',
    'closed on',
    'won time',
    'lost time',
  ],
};

const FIELD_BY_HEADER: ReadonlyMap<string, MappableField> = new Map(
  MAPPABLE_FIELDS.flatMap((field) => HEADER_SYNONYMS[field].map((header) => [header, field] as const)),
);

// "Nom" is the family name next to a "Prénom" column and the whole name on its own.
const AMBIGUOUS_NAME_HEADERS = new Set(['nom', 'name']);

// CRM exports prefix the entity ("Person - Email", "Contact - Phone") and qualify
// multi-valued fields ("Person - Email - Work", "Email 2"): both are noise for mapping.
const ENTITY_PREFIXES = ['person ', 'contact ', 'lead '];
const QUALIFIER_SUFFIXES =
  /(?: (?:work|home|other|main|mobile|office|pro|professionnel|professionnelle|perso|personnel|principal|principale|portable|fixe|\d+))+$/;

function withoutEntityPrefix(normalized: string): string {
  const prefix = ENTITY_PREFIXES.find((candidate) => normalized.startsWith(candidate));
  return prefix ? normalized.slice(prefix.length) : normalized;
}

function fieldOfHeader(normalized: string): MappableField | null {
  for (const header of new Set([normalized, withoutEntityPrefix(normalized)])) {
    const field = FIELD_BY_HEADER.get(header) ?? FIELD_BY_HEADER.get(header.replace(QUALIFIER_SUFFIXES, ''));
    if (field) return field;
  }
  return null;
}

function isAmbiguousName(normalized: string): boolean {
  return AMBIGUOUS_NAME_HEADERS.has(withoutEntityPrefix(normalized));
}

/**
 * The mapping the import step proposes. A single-value field takes the first column that
 * names it (a second "Société" column is left unmapped rather than silently competing);
 * emails, phones, tags and notes gather every column that names them.
 */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const guessed = normalized.map((header) => (isAmbiguousName(header) ? null : fieldOfHeader(header)));
  const has = (field: MappableField) => guessed.includes(field);

  const mapping: ColumnMapping = {};
  const taken = new Set<MappableField>();
  normalized.forEach((header, index) => {
    let field = guessed[index] ?? null;
    if (field === null && isAmbiguousName(header)) {
      field = has('firstName') && !has('lastName') ? 'lastName' : has('fullName') ? null : 'fullName';
    }
    if (field !== null && taken.has(field) && !MULTI_COLUMN_FIELDS.has(field)) field = null;
    if (field !== null) taken.add(field);
    mapping[index] = field;
  });
  return mapping;
}

// ---------------------------------------------------------------------------------------
// Stage and qualification values

/*
 * The stage titles PLAYBOOK.md gives each step (the app shows shorter ones, in
 * STAGE_DEFINITIONS): reps who learnt the process from it name their columns this way.
 */
const PLAYBOOK_STAGE_TITLES: Readonly<Record<Stage, readonly string[]>> = {
  prospecting: ['Trouver des prospects', 'Find prospects'],
  contact: ['Prendre contact', 'Make contact'],
  discovery: ['Découvrir les besoins', 'Discover needs'],
  proposal: ["Présenter l'offre et négocier", 'Present and negotiate'],
  closing: ['Conclure la vente', 'Close'],
  relationship: ['Suivre et construire la relation', 'Follow up and build the relationship'],
};

const STAGE_BY_TEXT: ReadonlyMap<string, Stage> = new Map<string, Stage>([
  ...STAGES.map((stage) => [stage, stage] as const),
  ...STAGES.flatMap((stage) =>
    [STAGE_DEFINITIONS[stage].title.fr, STAGE_DEFINITIONS[stage].title.en, ...PLAYBOOK_STAGE_TITLES[stage]].map(
      (title) => [normalizeHeader(title), stage] as const,
    ),
  ),
  ['prospection', 'prospecting'],
  ['prospecting', 'prospecting'],
  ['prise de contact', 'contact'],
  ['premier contact', 'contact'],
  ['contact', 'contact'],
  ['contacted', 'contact'],
  ['decouverte', 'discovery'],
  ['discovery', 'discovery'],
  ['proposition', 'proposal'],
  ['proposal', 'proposal'],
  ['offre', 'proposal'],
  ['conclusion', 'closing'],
  ['closing', 'closing'],
  ['suivi', 'relationship'],
  ['follow up', 'relationship'],
  ['followup', 'relationship'],
  ['relationship', 'relationship'],
  ['fidelisation', 'relationship'],
  // Usual CRM pipeline steps, in this playbook's stages: step 5 presents the offer and negotiates.
  ['qualification', 'prospecting'],
  ['a contacter', 'prospecting'],
  ['nouveau', 'prospecting'],
  ['new', 'prospecting'],
  ['contacte', 'contact'],
  ['rendez vous', 'contact'],
  ['rdv', 'contact'],
  ['rendez vous pris', 'contact'],
  ['meeting', 'contact'],
  ['analyse des besoins', 'discovery'],
  ['besoins', 'discovery'],
  ['needs analysis', 'discovery'],
  ['devis', 'proposal'],
  ['devis envoye', 'proposal'],
  ['proposition envoyee', 'proposal'],
  ['proposition commerciale', 'proposal'],
  ['quote', 'proposal'],
  ['quote sent', 'proposal'],
  ['proposal sent', 'proposal'],
  ['proposal made', 'proposal'],
  ['negociation', 'proposal'],
  ['negotiation', 'proposal'],
  ['en negociation', 'proposal'],
  ['decision', 'closing'],
  ['engagement', 'closing'],
  ['signature', 'closing'],
  ['contract sent', 'closing'],
  ['decision makers bought in', 'closing'],
  ['appointmentscheduled', 'contact'],
  ['appointment scheduled', 'contact'],
  ['qualifiedtobuy', 'discovery'],
  ['qualified to buy', 'discovery'],
  ['presentationscheduled', 'proposal'],
  ['presentation scheduled', 'proposal'],
  ['decisionmakerboughtin', 'closing'],
  ['contractsent', 'closing'],
  ['client', 'relationship'],
  ['after sales', 'relationship'],
  ['apres vente', 'relationship'],
  // HubSpot lifecycle stages (internal values and labels), as our HubSpot preset writes them.
  ['subscriber', 'prospecting'],
  ['lead', 'prospecting'],
  ['marketingqualifiedlead', 'prospecting'],
  ['marketing qualified lead', 'prospecting'],
  ['salesqualifiedlead', 'contact'],
  ['sales qualified lead', 'contact'],
  ['opportunity', 'proposal'],
  ['customer', 'relationship'],
  ['evangelist', 'relationship'],
]);

/** The stage a cell names, in French or English, by title or key; null when unknown. */
export function stageFromText(text: string): Stage | null {
  return STAGE_BY_TEXT.get(normalizeHeader(text)) ?? null;
}

const OUTCOME_BY_TEXT: ReadonlyMap<string, OutcomeResult> = new Map<string, OutcomeResult>([
  ['won', 'won'],
  ['gagne', 'won'],
  ['gagnee', 'won'],
  ['affaire gagnee', 'won'],
  ['vente conclue', 'won'],
  ['signe', 'won'],
  ['closed won', 'won'],
  ['closedwon', 'won'],
  ['lost', 'lost'],
  ['perdu', 'lost'],
  ['perdue', 'lost'],
  ['affaire perdue', 'lost'],
  ['closed lost', 'lost'],
  ['closedlost', 'lost'],
]);

/** Won or lost, as a result column or a CRM's stage column says it; null for anything else. */
export function outcomeFromText(text: string): OutcomeResult | null {
  return OUTCOME_BY_TEXT.get(normalizeHeader(text)) ?? null;
}

const QUALIFICATION_BY_TEXT: ReadonlyMap<string, Qualification> = new Map<string, Qualification>([
  ...QUALIFICATIONS.map((qualification) => [qualification, qualification] as const),
  ['clients', 'client'],
  ['customer', 'client'],
  ['prospects', 'prospect'],
  ['qualifie', 'prospect'],
  ['qualified', 'prospect'],
  ['suspects', 'suspect'],
  ['non qualifie', 'suspect'],
  ['unqualified', 'suspect'],
]);

export function qualificationFromText(text: string): Qualification | null {
  return QUALIFICATION_BY_TEXT.get(normalizeHeader(text)) ?? null;
}

// ---------------------------------------------------------------------------------------
// Dates

// Our export and most CRMs: 2025-01-10, 2025-01-10 14:30, 2025-01-10T14:30:00.000Z.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
// French Excel: 10/01/2025, 10/01/2025 14:30 (day first; dots and dashes for some tools).
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;

/**
 * The instant a date cell names, or null when it is not a real date. Without a zone it is
 * local time, as Excel and our own export write it. Only the ISO order and the French
 * day-first order are read: 03/04/2025 is the 3rd of April, never March the 4th.
 */
export function dateFromText(text: string): number | null {
  const value = text.trim();
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [, year, month, day, hours = '0', minutes = '0', seconds = '0', zone] = iso;
    return instantOf(Number(year), Number(month), Number(day), Number(hours), Number(minutes), Number(seconds), zone);
  }
  const french = FRENCH_DATE.exec(value);
  if (french) {
    const [, day, month, year, hours = '0', minutes = '0', seconds = '0'] = french;
    return instantOf(Number(year), Number(month), Number(day), Number(hours), Number(minutes), Number(seconds));
  }
  return null;
}

function instantOf(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
  zone?: string,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59) return null;
  // Day 0 of the next month is the last day of this one (rejects 31/02 and 2025-02-29).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  let instant: number;
  if (zone === undefined) {
    instant = new Date(year, month - 1, day, hours, minutes, seconds).getTime();
  } else {
    const offset = zone.toUpperCase() === 'Z' ? 0 : zoneOffsetMinutes(zone);
    instant = Date.UTC(year, month - 1, day, hours, minutes, seconds) - offset * 60_000;
  }
  // Before 1970 a stored timestamp would be negative, which the model refuses.
  return Number.isSafeInteger(instant) && instant >= 0 ? instant : null;
}

function zoneOffsetMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
