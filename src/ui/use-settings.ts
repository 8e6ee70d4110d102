import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db/instance';
import { getSettings } from '../db/repository';
import type { Settings } from '../model/settings';
import type { Cadence } from '../process/cadences';
import { effectiveCadences, effectiveStage } from '../process/playbook';
import type { Stage, StageDefinition } from '../process/stages';

/** The settings, live (re-rendered on every change, from any page); undefined while loading. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(db), []);
}

/**
 * The user's playbook: `(stage) => StageDefinition` with their goal, guidance and checklist
 * over the built-in ones. The built-in stages while the settings load.
 */
export function usePlaybook(): (stage: Stage) => StageDefinition {
  const playbook = useSettings()?.playbook;
  return useMemo(() => {
    const cache = new Map<Stage, StageDefinition>();
    return (stage: Stage) => {
      let definition = cache.get(stage);
      if (!definition) {
        definition = effectiveStage(stage, playbook);
        cache.set(stage, definition);
      }
      return definition;
    };
  }, [playbook]);
}

/** The relance cadences with the user's days (the playbook's while the settings load). */
export function useCadences(): Cadence[] {
  const settings = useSettings();
  const cadences = settings?.cadences;
  const workingDaysOnly = settings?.workingDaysOnly;
  return useMemo(
    () => effectiveCadences(cadences && workingDaysOnly !== undefined ? { cadences, workingDaysOnly } : undefined),
    [cadences, workingDaysOnly],
  );
}
