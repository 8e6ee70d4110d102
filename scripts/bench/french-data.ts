/*
 * Deterministic, realistic French B2B records for the bench: the same index always gives the
 * same person, so a page can seed 100k prospects and the bench can later ask for any of them
 * by index without shipping records over the DevTools protocol. Used in Node (the CSV file)
 * and bundled into the pages (seeding).
 */

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Élodie',
  'Hélène',
  'Céline',
  'Nathalie',
  'Isabelle',
  'Sophie',
  'Aurélie',
  'Émilie',
  'Margaux',
  'Anaïs',
  'Clémence',
  'Gaëlle',
  'Noémie',
  'Thomas',
  'Lucas',
  'Hugo',
  'Théo',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'François',
  'Jérôme',
  'Sébastien',
  'Stéphane',
  'Frédéric',
  'Benoît',
  'Cédric',
  'Loïc',
  'Grégoire',
  'Rémi',
  'Arnaud',
  'Mathieu',
];

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
];

const COMPANIES = [
  'Transports Morel',
  'Brightwave Logistique',
  'Acme Industrie',
  'Boulangeries Paul & Fils',
  'Groupe Hélios',
  'Ateliers de la Loire',
  'Métallerie Duval',
  'Cabinet Lemoine Conseil',
  'Froid Service Rhône',
  'Imprimerie Gutenberg',
  'Domaine des Coteaux',
  'Nova Énergies',
  'Batiself',
  'Clinique Saint-Roch',
  'Pharmacie Centrale Lyon',
  'Optique Vision+',
  'Bureau Veritas Régions',
  'Sodexa Restauration',
  'Alpes Composites',
  'Mécaprécis',
  'Hôtel du Parc',
  'Agence Pixel & Co',
  'Logistique Bretonne',
  'Coopérative Agricole du Gers',
  'Fromagerie Marcel',
  'Verrerie d’Arques',
  'Électricité Normande',
  'Textiles du Nord',
  'Cartonnages Picards',
  'Informatique Océane',
];

const DOMAINS = [
  'transports-morel.fr',
  'brightwave.fr',
  'acme-industrie.fr',
  'groupe-helios.com',
  'ateliers-loire.fr',
  'orange.fr',
  'gmail.com',
];

const JOB_TITLES = [
  'Directrice des achats',
  'Directeur commercial',
  'Responsable logistique',
  'Gérant',
  'Directrice générale',
  'Responsable des achats',
  'Chef de projet',
  'Directeur administratif et financier',
  'Responsable qualité',
  'Acheteuse',
  'Directeur des opérations',
  'Responsable maintenance',
  'Office manager',
  'Président',
  'Responsable RH',
];

const CITIES = [
  'Lyon',
  'Paris',
  'Marseille',
  'Toulouse',
  'Nantes',
  'Bordeaux',
  'Lille',
  'Rennes',
  'Strasbourg',
  'Grenoble',
  'Montpellier',
  'Nice',
  'Dijon',
  'Angers',
  'Clermont-Ferrand',
  'Tours',
  'Rouen',
  'Caen',
  'Annecy',
  'Brest',
];

const TAGS = ['PME', 'ETI', 'Salon SITL', 'Recommandation', 'Grand compte', 'Relance froide', 'Webinaire'];

const NOTES = [
  'Rencontré au salon, intéressé par une démo.',
  'Budget validé pour le second semestre ; rappeler en septembre.',
  'Souhaite une proposition chiffrée avant fin du mois.',
  'Contact recommandé par Jérôme ; décideur sur la partie logistique.',
  '',
];

export const STAGE_KEYS = ['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship'] as const;
/** Roughly a real funnel: many prospects at the top, few at the bottom. */
const STAGE_WEIGHTS = [40, 25, 15, 10, 6, 4];
export const CHANNEL_KEYS = ['call', 'email', 'linkedin', 'meeting', 'visit', 'video'] as const;

/** A well-mixed 32-bit hash of (index, salt): cheap, stateless, so any record is reproducible alone. */
export function mix(index: number, salt = 0): number {
  let h = (index ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function pick<T>(list: readonly T[], index: number, salt: number): T {
  const item = list[mix(index, salt) % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** ASCII, lower-case, dash-separated: how LinkedIn slugs and e-mail local parts look. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type BenchPerson = {
  firstName: string;
  lastName: string;
  fullName: string;
  company: string;
  jobTitle: string;
  city: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  stage: (typeof STAGE_KEYS)[number];
  tags: string[];
  note: string;
};

function weightedStage(index: number): (typeof STAGE_KEYS)[number] {
  let roll = mix(index, 7) % 100;
  for (const [position, weight] of STAGE_WEIGHTS.entries()) {
    if (roll < weight) return STAGE_KEYS[position] ?? 'prospecting';
    roll -= weight;
  }
  return 'prospecting';
}

/** Person number `index`; e-mail and LinkedIn URL carry the index, so both are unique. */
export function benchPerson(index: number): BenchPerson {
  const firstName = pick(FIRST_NAMES, index, 1);
  const lastName = pick(LAST_NAMES, index, 2);
  const company = pick(COMPANIES, index, 3);
  const digits = String(mix(index, 9) % 100_000_000).padStart(8, '0');
  return {
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    company,
    jobTitle: pick(JOB_TITLES, index, 4),
    city: pick(CITIES, index, 5),
    email: `${slugOf(firstName)}.${slugOf(lastName)}.${index}@${pick(DOMAINS, index, 6)}`,
    phone: `+33 6 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`,
    linkedinUrl: benchLinkedinUrl(index),
    stage: weightedStage(index),
    tags: mix(index, 8) % 3 === 0 ? [pick(TAGS, index, 10)] : [],
    note: pick(NOTES, index, 11),
  };
}

/** The canonical profile URL of person `index` (the form the database stores and indexes). */
export function benchLinkedinUrl(index: number): string {
  return `https://www.linkedin.com/in/${slugOf(pick(FIRST_NAMES, index, 1))}-${slugOf(pick(LAST_NAMES, index, 2))}-${index.toString(36)}/`;
}

/** A valid v4 uuid per (kind, index): records can be addressed by index, e.g. `benchId(1, 42)`. */
export function benchId(kind: number, index: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export const ID_KIND = { prospect: 1, relance: 2, interaction: 3, stageEvent: 4 } as const;
