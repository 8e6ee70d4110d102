import { identityKeys } from '../matching/keys';
import { decisionId } from '../model/decision';
import type { RelanceDatabase } from './database';
import type { ContactInput } from './repository';

/**
 * The strongest key a page gives for a person, used to remember the rep's answer to
 * "is this X?" for that person. Null when the page gives nothing stable.
 */
export function identitySignature(contact: ContactInput): string | null {
  const keys = identityKeys(contact);
  return keys.linkedinUrl ?? (keys.salesNavId ? `salesnav:${keys.salesNavId}` : undefined) ?? keys.emailKeys[0] ?? keys.nameKey ?? null;
}

const notSameKey = (prospectId: string, signature: string) => `${prospectId}|${signature}`;

/** The rep said the page's person is not this prospect: never suggest them for it again. */
export async function rejectSuggestion(db: RelanceDatabase, prospectId: string, contact: ContactInput): Promise<void> {
  const signature = identitySignature(contact);
  if (!signature) return;
  const key = notSameKey(prospectId, signature);
  await db.decisions.put({ id: decisionId('not-same-person', key), kind: 'not-same-person', key, createdAt: Date.now() });
}

/** Which of these prospects the rep already said are not the page's person (indexed gets). */
export async function rejectedFor(db: RelanceDatabase, contact: ContactInput, prospectIds: string[]): Promise<Set<string>> {
  const signature = identitySignature(contact);
  if (!signature || prospectIds.length === 0) return new Set();
  const found = await db.decisions.bulkGet(prospectIds.map((id) => decisionId('not-same-person', notSameKey(id, signature))));
  return new Set(prospectIds.filter((_, index) => found[index] !== undefined));
}
