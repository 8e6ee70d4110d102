import { describe, expect, it } from 'vitest';
import { RELANCE_PRESET_HEADERS } from '../../../src/import/export';
import { autoMap, type MappableField, qualificationFromText, stageFromText } from '../../../src/import/mapping';
import { STAGES } from '../../../src/model';
import { STAGE_DEFINITIONS } from '../../../src/process';

function mapped(headers: string[]): (MappableField | null)[] {
  const mapping = autoMap(headers);
  return headers.map((_, index) => mapping[index] ?? null);
}

/** Each header alone (next to an unrelated column), so that no other column changes its reading. */
const USUAL_HEADERS: [header: string, field: MappableField][] = [
  ['Nom complet', 'fullName'],
  ['Contact', 'fullName'],
  ['Full name', 'fullName'],
  ['Name', 'fullName'],
  ['Nom', 'fullName'],
  ['Prénom', 'firstName'],
  ['First name', 'firstName'],
  ['Last name', 'lastName'],
  ['Société', 'company'],
  ['SOCIETE', 'company'],
  ['Entreprise', 'company'],
  ['Raison sociale', 'company'],
  ['Organisation', 'company'],
  ['Company', 'company'],
  ['E-mail', 'email'],
  ['Email', 'email'],
  ['Mail', 'email'],
  ['Adresse e-mail', 'email'],
  ['Courriel', 'email'],
  ['Téléphone', 'phone'],
  ['Tél', 'phone'],
  ['Tél.', 'phone'],
  ['Portable', 'phone'],
  ['Mobile', 'phone'],
  ['Phone', 'phone'],
  ['Poste', 'jobTitle'],
  ['Fonction', 'jobTitle'],
  ['Titre', 'jobTitle'],
  ['Job title', 'jobTitle'],
  ['Title', 'jobTitle'],
  ['Position', 'jobTitle'],
  ['LinkedIn', 'linkedinUrl'],
  ['Profil LinkedIn', 'linkedinUrl'],
  ['URL LinkedIn', 'linkedinUrl'],
  ['Ville', 'location'],
  ['Localisation', 'location'],
  ['Location', 'location'],
  ['City', 'location'],
  ['Étape', 'stage'],
  ['etape', 'stage'],
  ['Stage', 'stage'],
  ['Statut', 'stage'],
  ['Tags', 'tags'],
  ['Segment', 'tags'],
  ['Notes', 'notes'],
  ['Commentaire', 'notes'],
  ['Source', 'source'],
  ['Origine', 'source'],
  ['Accroche', 'headline'],
  ['Headline', 'headline'],
  ['Qualification', 'qualification'],
];

describe('autoMap', () => {
  it.each(USUAL_HEADERS)('maps "%s" to %s', (header, field) => {
    expect(mapped(['Colonne inconnue', header])).toEqual([null, field]);
  });

  it('is case-, accent- and spacing-insensitive', () => {
    expect(mapped(['  PRENOM ', 'nom', 'ADRESSE E-MAIL', 'telephone', 'étape', 'Société '])).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'stage',
      'company',
    ]);
  });

  it('reads "Nom" as the family name next to "Prénom", and as the whole name on its own', () => {
    expect(mapped(['Prénom', 'Nom', 'E-mail'])).toEqual(['firstName', 'lastName', 'email']);
    expect(mapped(['Nom', 'E-mail'])).toEqual(['fullName', 'email']);
    expect(mapped(['First name', 'Last name', 'Name'])).toEqual(['firstName', 'lastName', 'fullName']);
    expect(mapped(['Nom complet', 'Nom'])).toEqual(['fullName', null]);
  });

  it('gathers every email and phone column, but gives a single-value field to its first column only', () => {
    expect(mapped(['Téléphone', 'Mobile', 'E-mail', 'Email 2', 'Société', 'Entreprise'])).toEqual([
      'phone',
      'phone',
      'email',
      'email',
      'company',
      null,
    ]);
  });

  it('maps every column of our own export back', () => {
    expect(mapped([...RELANCE_PRESET_HEADERS])).toEqual([
      'fullName',
      'email',
      'phone',
      'company',
      'jobTitle',
      'headline',
      'linkedinUrl',
      'location',
      'stage',
      'qualification',
      'tags',
      'source',
      'notes',
      'createdAt',
      'outcome',
      'outcomeReason',
      'outcomeDate',
    ]);
  });

  it('maps HubSpot contact export headers', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Job Title'];
    expect(mapped([...headers, 'LinkedIn URL', 'City', 'Lifecycle Stage', 'Contact owner'])).toEqual([
      null,
      'firstName',
      'lastName',
      'email',
      'phone',
      'phone',
      'company',
      'jobTitle',
      'linkedinUrl',
      'location',
      'stage',
      null,
    ]);
  });

  it('maps Pipedrive person export headers', () => {
    const headers = ['Person - Name', 'Person - First name', 'Person - Last name', 'Person - Email - Work', 'Person - Email - Home'];
    expect(
      mapped([...headers, 'Person - Phone - Mobile', 'Organization - Name', 'Person - Job title', 'Person - Labels', 'Note - Content']),
    ).toEqual(['fullName', 'firstName', 'lastName', 'email', 'email', 'phone', 'company', 'jobTitle', 'tags', 'notes']);
  });

  it('leaves unknown and empty headers unmapped', () => {
    expect(mapped(['', 'Chiffre d’affaires', 'Code NAF', 'Record ID'])).toEqual([null, null, null, null]);
  });
});

describe('stageFromText', () => {
  it('reads the French titles with or without accents and case', () => {
    expect(['Prospection', 'Prise de contact', 'Découverte', 'Proposition', 'Conclusion', 'Suivi'].map(stageFromText)).toEqual([...STAGES]);
    expect(['PROSPECTION', 'prise de contact', 'decouverte', 'DÉCOUVERTE', ' proposition ', 'SUIVI'].map(stageFromText)).toEqual([
      'prospecting',
      'contact',
      'discovery',
      'discovery',
      'proposal',
      'relationship',
    ]);
  });

  it('reads the English names and the keys', () => {
    expect(['Prospecting', 'Contact', 'Discovery', 'Proposal', 'Closing', 'Follow-up'].map(stageFromText)).toEqual([...STAGES]);
    expect(['Relationship', 'follow up', ...STAGES].map(stageFromText)).toEqual(['relationship', 'relationship', ...STAGES]);
  });

  it('reads every stage title of the process in both languages', () => {
    for (const stage of STAGES) {
      expect(stageFromText(STAGE_DEFINITIONS[stage].title.fr)).toBe(stage);
      expect(stageFromText(STAGE_DEFINITIONS[stage].title.en)).toBe(stage);
    }
  });

  it('reads the HubSpot lifecycle stages our HubSpot export writes', () => {
    expect(['lead', 'salesqualifiedlead', 'opportunity', 'customer'].map(stageFromText)).toEqual([
      'prospecting',
      'contact',
      'proposal',
      'relationship',
    ]);
  });

  it('gives null for anything else', () => {
    expect(['', 'Étape inconnue', 'won', '3'].map(stageFromText)).toEqual([null, null, null, null]);
  });
});

describe('qualificationFromText', () => {
  it('reads the qualification words in French and English', () => {
    expect(['Suspect', 'prospect', 'CLIENT', 'Qualifié', 'customer', 'autre'].map(qualificationFromText)).toEqual([
      'suspect',
      'prospect',
      'client',
      'prospect',
      'client',
      null,
    ]);
  });
});
