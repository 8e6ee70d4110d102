import { useLiveQuery } from 'dexie-react-hooks';
import { stageEventsOf } from '../../db/database';
import { db } from '../../db/instance';
import type { Interaction, Relance, StageEvent } from '../../model';

export interface ProspectRecords {
  interactions: Interaction[];
  relances: Relance[];
  stageEvents: StageEvent[];
}

/** Everything attached to one prospect, through indexes on its id, live. */
export function useProspectRecords(prospectId: string): ProspectRecords | undefined {
  return useLiveQuery(async () => {
    const [interactions, relances, stageEvents] = await Promise.all([
      db.interactions.where('prospectId').equals(prospectId).toArray(),
      db.relances.where('prospectId').equals(prospectId).toArray(),
      stageEventsOf(db, [prospectId]).toArray(),
    ]);
    return { interactions, relances, stageEvents };
  }, [prospectId]);
}
