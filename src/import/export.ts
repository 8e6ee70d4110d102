import Papa from 'papaparse';
import type { RelanceDatabase } from '../db/database';
import type { OutcomeResult, Qualification, RelanceStatus, Stage } from '../model/enums';
import type { Interaction } from '../model/interaction';
import type { Prospect } from '../model/prospect';
import type { Relance } from '../model/relance';
import { CHANNEL_LABELS, STAGE_DEFINITIONS } from '../process/stages';

/*
 * CSV exports. The 'relance' preset is for the rep's own spreadsheet and for re-import:
 * French headers that autoMap maps back, `;` and a BOM so that French Excel opens it with
 * its columns and accents intact. The HubSpot and Pipedrive presets use the headers those
 * CRMs' importers recognise, comma-separated.
 */

export const EXPORT_PRESETS = ['relance', 'hubspot', 'pipedrive'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

export type ProspectExportOptions = { preset: ExportPreset; ids?: readonly string[] };

const BOM = '\uFEFF';

/*
 * Text Excel would run as a formula (a name scraped from a page could be
 * `=HYPERLINK(...)`) is prefixed with an apostrophe; the importer strips it back. A `+` or
 * `-` followed only by digits and phone punctuation is a phone number, not a formula.
 */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s().,/-]*$))/;

function toCsv(headers: readonly string[], rows: readonly (readonly string[])[], delimiter: string): string {
  return (
    BOM +
    Papa.unparse({ fields: [...headers], data: rows.map((row) => [...row]) }, { delimiter, newline: '\r\n', escapeFormulae: FORMULA_START })
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local "YYYY-MM-DD HH:mm", which Excel reads as a date in French and English locales alike. */
export function formatLocalDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const QUALIFICATION_LABELS: Readonly<Record<Qualification, string>> = { suspect: 'Suspect', prospect: 'Prospect', client: 'Client' };

const OUTCOME_LABELS: Readonly<Record<OutcomeResult, string>> = { won: 'Gagné', lost: 'Perdu' };

/** "Jeanne Marie Dupont" → ["Jeanne", "Marie Dupont"]: CRMs want the two halves. */
export function splitFullName(fullName: string): { firstName: string; lastName: string } {
  const tokens = fullName
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  if (tokens.length <= 1) return { firstName: '', lastName: tokens[0] ?? '' };
  return { firstName: tokens[0] ?? '', lastName: tokens.slice(1).join(' ') };
}

// HubSpot's importer only takes its internal lifecycle values.
const HUBSPOT_LIFECYCLE: Readonly<Record<Stage, string>> = {
  prospecting: 'lead',
  contact: 'salesqualifiedlead',
  discovery: 'opportunity',
  proposal: 'opportunity',
  closing: 'opportunity',
  relationship: 'opportunity',
};

type PresetColumns = { headers: readonly string[]; delimiter: string; row: (prospect: Prospect) => string[] };

export const RELANCE_PRESET_HEADERS = [
  'Nom complet',
  'E-mail',
  'Téléphone',
  'Société',
  'Poste',
  'Accroche',
  'LinkedIn',
  'Ville',
  'Étape',
  'Qualification',
  'Tags',
  'Source',
  'Notes',
  'Créé le',
  // Last, so a spreadsheet built on the columns above keeps its references.
  'Résultat',
  'Motif du résultat',
  'Date du résultat',
] as const;

const PRESETS: Readonly<Record<ExportPreset, PresetColumns>> = {
  relance: {
    headers: RELANCE_PRESET_HEADERS,
    delimiter: ';',
    row: (p) => [
      p.fullName,
      p.emails.join(', '),
      p.phones.join(', '),
      p.company ?? '',
      p.jobTitle ?? '',
      p.headline ?? '',
      p.linkedinUrl ?? '',
      p.location ?? '',
      STAGE_DEFINITIONS[p.stage].title.fr,
      QUALIFICATION_LABELS[p.qualification],
      p.tags.join(', '),
      p.source,
      p.notes ?? '',
      formatLocalDateTime(p.createdAt),
      p.outcome ? OUTCOME_LABELS[p.outcome.result] : '',
      p.outcome?.reason ?? '',
      p.outcome ? formatLocalDateTime(p.outcome.date) : '',
    ],
  },
  hubspot: {
    headers: ['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'LinkedIn URL', 'City', 'Lifecycle Stage'],
    delimiter: ',',
    row: (p) => {
      const { firstName, lastName } = splitFullName(p.fullName);
      const lifecycle = p.qualification === 'client' ? 'customer' : HUBSPOT_LIFECYCLE[p.stage];
      return [
        firstName,
        lastName,
        p.emails[0] ?? '',
        p.phones[0] ?? '',
        p.company ?? '',
        p.jobTitle ?? '',
        p.linkedinUrl ?? '',
        p.location ?? '',
        lifecycle,
      ];
    },
  },
  pipedrive: {
    headers: [
      'Person - Name',
      'Person - Email',
      'Person - Phone',
      'Organization - Name',
      'Person - Job title',
      'Person - Labels',
      'Note - Content',
    ],
    delimiter: ',',
    row: (p) => [p.fullName, p.emails[0] ?? '', p.phones[0] ?? '', p.company ?? '', p.jobTitle ?? '', p.tags.join(', '), p.notes ?? ''],
  },
};

const byCreation = (a: Prospect, b: Prospect) => a.createdAt - b.createdAt || a.fullName.localeCompare(b.fullName, 'fr');

/** The prospects (all, or those of `ids` in that order) as a CSV text, BOM included. */
export async function exportProspectsCsv(db: RelanceDatabase, options: ProspectExportOptions): Promise<string> {
  const prospects = options.ids
    ? (await db.prospects.bulkGet([...options.ids])).filter((prospect): prospect is Prospect => prospect !== undefined)
    : (await db.prospects.toArray()).sort(byCreation);
  const preset = PRESETS[options.preset];
  return toCsv(preset.headers, prospects.map(preset.row), preset.delimiter);
}

async function prospectsById(db: RelanceDatabase, ids: Iterable<string>): Promise<Map<string, Prospect>> {
  const found = await db.prospects.bulkGet([...new Set(ids)]);
  const byId = new Map<string, Prospect>();
  for (const prospect of found) if (prospect) byId.set(prospect.id, prospect);
  return byId;
}

export const INTERACTION_EXPORT_HEADERS = ['Date', 'Canal', 'Prospect', 'E-mail', 'Société', 'Objet', 'Note'] as const;

/** Every logged contact, oldest first, with the prospect's name and email to recognise them by. */
export async function exportInteractionsCsv(db: RelanceDatabase): Promise<string> {
  const { interactions, prospects } = await db.transaction('r', [db.interactions, db.prospects], async () => {
    const interactions: Interaction[] = await db.interactions.orderBy('date').toArray();
    return {
      interactions,
      prospects: await prospectsById(
        db,
        interactions.map((interaction) => interaction.prospectId),
      ),
    };
  });
  const rows = interactions.map((interaction) => {
    const prospect = prospects.get(interaction.prospectId);
    return [
      formatLocalDateTime(interaction.date),
      CHANNEL_LABELS[interaction.channel].fr,
      prospect?.fullName ?? '',
      prospect?.emails[0] ?? '',
      prospect?.company ?? '',
      interaction.subject ?? '',
      interaction.note ?? '',
    ];
  });
  return toCsv(INTERACTION_EXPORT_HEADERS, rows, ';');
}

const RELANCE_STATUS_LABELS: Readonly<Record<RelanceStatus, string>> = { open: 'À faire', done: 'Faite', cancelled: 'Annulée' };

export const RELANCES_EXPORT_HEADERS = ['Échéance', 'Statut', 'Prospect', 'E-mail', 'Société', 'Note', 'Faite le'] as const;

/** Every relance, by due date, with the prospect's name and email. */
export async function exportRelancesCsv(db: RelanceDatabase): Promise<string> {
  const { relances, prospects } = await db.transaction('r', [db.relances, db.prospects], async () => {
    const relances: Relance[] = await db.relances.orderBy('dueDate').toArray();
    return {
      relances,
      prospects: await prospectsById(
        db,
        relances.map((relance) => relance.prospectId),
      ),
    };
  });
  const rows = relances.map((relance) => {
    const prospect = prospects.get(relance.prospectId);
    return [
      relance.dueDate,
      RELANCE_STATUS_LABELS[relance.status],
      prospect?.fullName ?? '',
      prospect?.emails[0] ?? '',
      prospect?.company ?? '',
      relance.note ?? '',
      relance.doneAt === undefined ? '' : formatLocalDateTime(relance.doneAt),
    ];
  });
  return toCsv(RELANCES_EXPORT_HEADERS, rows, ';');
}
