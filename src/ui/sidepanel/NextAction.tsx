import type { Prospect } from '../../model';
import type { ProspectRecords } from './use-prospect-records';

/** Placeholder until the rule module lands. */
export function NextAction(_props: { prospect: Prospect; records: ProspectRecords }) {
  return null;
}
