import { benchPerson, mix } from './french-data';

/** How a French rep's CSV export from Excel looks: semicolons, a BOM, French headers, CRLF. */
const HEADERS = ['Prénom', 'Nom', 'Société', 'Poste', 'E-mail', 'Téléphone', 'Ville', 'Profil LinkedIn', 'Étape', 'Tags', 'Commentaire'];

const STAGE_LABELS: Record<string, string> = {
  prospecting: 'Prospection',
  contact: 'Prise de contact',
  discovery: 'Découverte',
  proposal: 'Proposition',
  closing: 'Conclusion',
  relationship: 'Suivi',
};

function cell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type GeneratedCsv = { text: string; rows: number; expectedOk: number };

/**
 * `rows` data rows, as real files come: about 1 % repeat an earlier row's e-mail (a
 * duplicate), about 1 % carry a broken e-mail (rejected), a few have no LinkedIn profile.
 * People are numbered from `firstIndex` so they never collide with seeded prospects.
 */
export function frenchProspectCsv(rows: number, firstIndex = 5_000_000): GeneratedCsv {
  const lines = [HEADERS.join(';')];
  let duplicates = 0;
  let rejected = 0;
  // Whether each row was written as a plain, valid first occurrence: only those can be repeated.
  const plain: boolean[] = [];
  for (let row = 0; row < rows; row++) {
    const roll = mix(row, 60) % 100;
    const repeatsEarlier = roll === 0 && plain[row - 7] === true;
    const person = benchPerson(firstIndex + (repeatsEarlier ? row - 7 : row));
    let email = person.email;
    if (roll === 1) {
      email = email.replace('@', ' at ');
      rejected++;
    } else if (repeatsEarlier) {
      duplicates++;
    }
    plain.push(roll !== 1 && !repeatsEarlier);
    const linkedin = repeatsEarlier || mix(row, 61) % 10 === 0 ? '' : person.linkedinUrl;
    const values = [
      person.firstName,
      person.lastName,
      person.company,
      person.jobTitle,
      email,
      person.phone,
      person.city,
      linkedin,
      STAGE_LABELS[person.stage] ?? '',
      person.tags.join(', '),
      person.note,
    ];
    lines.push(values.map(cell).join(';'));
  }
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, rows, expectedOk: rows - duplicates - rejected };
}
