import { QUALIFICATIONS, type Qualification, STAGES, type Stage } from '../model/enums';

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

const STAGE_BY_TEXT: ReadonlyMap<string, Stage> = new Map<string, Stage>([
  ...STAGES.map((stage) => [stage, stage] as const),
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
