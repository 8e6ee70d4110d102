import type { Prospect } from '../../../src/model';
import { withDerivedKeys } from '../../../src/model/prospect';

/** A uuid whose last digits read as `n`, so failures name the record. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** 5 January 2026, 10:00 local time: when the records below are made unless told otherwise. */
export const T0 = new Date(2026, 0, 5, 10).getTime();

/**
 * A prospect record as a test writes it: every required field at its empty default
 * (a random id, no keys, prospecting, suspect, made by hand at T0), then the overrides.
 */
export function prospectRecord(overrides: Partial<Prospect> = {}): Prospect {
  return {
    id: crypto.randomUUID(),
    fullName: '',
    phones: [],
    emails: [],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    stage: 'prospecting',
    qualification: 'suspect',
    checklist: {},
    tags: [],
    source: 'manual',
    lockedFields: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** Prospect `n` (its id is `uuid(n)`), with the keys the stored form derives from its fields. */
export function numberedProspect(n: number, fields: Partial<Prospect> & { fullName: string }): Prospect {
  return withDerivedKeys(prospectRecord({ id: uuid(n), ...fields }));
}
