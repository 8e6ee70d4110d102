import { type ChecklistItem, getStage, STAGES, type Stage, type StageDefinition, stageIndex } from './stages';

/** Where stage definitions come from: the built-in process, or the rep's edited playbook. */
export type PlaybookLookup = (stage: Stage) => StageDefinition;

export type ChecklistEntry = { done: boolean; note?: string; doneAt?: number };

/**
 * One flat record per prospect for all stages, keyed by `checklistKey(stage, itemKey)`.
 * Flat so that moving a prospect back and forth keeps every stage's ticks and notes.
 */
export type ChecklistState = Record<string, ChecklistEntry>;

export type ChecklistKey = `${Stage}.${string}`;

/** An unmet item with the stage it belongs to: a multi-stage jump mixes stages, and item keys repeat across stages. */
export type StageChecklistItem = ChecklistItem & { stage: Stage };

export type MoveCheck = { allowed: true } | { allowed: false; unmet: StageChecklistItem[] };

export function checklistKey(stage: Stage, itemKey: string): ChecklistKey {
  return `${stage}.${itemKey}`;
}

export function isItemDone(stage: Stage, itemKey: string, state: ChecklistState): boolean {
  return state[checklistKey(stage, itemKey)]?.done === true;
}

/** Exit items of the stage that are not done yet, in checklist order. */
export function unmetExitCriteria(stage: Stage, state: ChecklistState, playbook: PlaybookLookup = getStage): ChecklistItem[] {
  return playbook(stage).checklist.filter((item) => item.exit && !isItemDone(stage, item.key, state));
}

export function stageCompletion(
  stage: Stage,
  state: ChecklistState,
  playbook: PlaybookLookup = getStage,
): { done: number; total: number; ratio: number } {
  // Counts only the stage's current items, so stale keys left in the state never push the ratio past 1.
  const items = playbook(stage).checklist;
  const done = items.filter((item) => isItemDone(stage, item.key, state)).length;
  const total = items.length;
  return { done, total, ratio: total === 0 ? 1 : done / total };
}

/**
 * Whether a prospect can move from one stage to another without a warning.
 * Going back or staying is always fine; going forward requires the exit criteria of every
 * stage being left behind (from `from` up to, not including, `to`). The UI may still let
 * the rep move on anyway after showing `unmet`.
 */
export function canMoveTo(from: Stage, to: Stage, state: ChecklistState, playbook: PlaybookLookup = getStage): MoveCheck {
  const fromIndex = stageIndex(from);
  const toIndex = stageIndex(to);
  if (toIndex <= fromIndex) return { allowed: true };
  const unmet = STAGES.slice(fromIndex, toIndex).flatMap((stage) =>
    unmetExitCriteria(stage, state, playbook).map((item): StageChecklistItem => ({ ...item, stage })),
  );
  return unmet.length === 0 ? { allowed: true } : { allowed: false, unmet };
}
