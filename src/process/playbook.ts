import type { ChecklistOverride, PlaybookOverrides, Settings, StageOverride } from '../model/settings';
import { type Cadence, DEFAULT_CADENCES } from './cadences';
import { type ChecklistItem, type Localized, STAGE_DEFINITIONS, STAGES, type Stage, type StageDefinition } from './stages';

/*
 * The playbook as the user adapted it: their overrides (stored in settings) merged over the
 * built-in stage definitions. Pure, so the panel, the options page and the tests agree.
 */

export type { ChecklistOverride, PlaybookOverrides, StageOverride };

/** What the stage editor works on: the editable parts of a stage, complete. */
export type StageDraft = {
  goal: Localized;
  guidance: Localized[];
  checklist: ChecklistOverride[];
};

const clean = (text: string | undefined) => text?.trim() ?? '';

/** Each language falls back on the other one, then on the default text. */
function bilingual(text: { fr?: string; en?: string }, fallback?: Localized): Localized | null {
  const fr = clean(text.fr);
  const en = clean(text.en);
  if (fr === '' && en === '') return fallback ? { ...fallback } : null;
  return { fr: fr || en, en: en || fr };
}

function mergeChecklist(defaults: readonly ChecklistItem[], items: readonly ChecklistOverride[]): ChecklistItem[] {
  const byKey = new Map(defaults.map((item) => [item.key, item]));
  const seen = new Set<string>();
  const merged: ChecklistItem[] = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    const original = byKey.get(item.key);
    // A default point keeps its default wording in a language the user left blank, and its hint.
    const fr = clean(item.label.fr) || original?.label.fr || clean(item.label.en);
    const en = clean(item.label.en) || original?.label.en || clean(item.label.fr);
    if (fr === '' && en === '') continue;
    seen.add(item.key);
    merged.push({ key: item.key, label: { fr, en }, ...(original?.hint ? { hint: { ...original.hint } } : {}), exit: item.exit });
  }
  return merged;
}

/**
 * A stage as the user's playbook defines it. Title and "what good looks like" stay built in;
 * goal, guidance and checklist come from the override when it has them. Checklist items keep
 * their keys, so a prospect's ticks follow a renamed or moved point.
 */
export function effectiveStage(stage: Stage, overrides?: PlaybookOverrides | null): StageDefinition {
  const base = STAGE_DEFINITIONS[stage];
  const override = overrides?.[stage];
  const copy: StageDefinition = {
    ...base,
    title: { ...base.title },
    goal: { ...base.goal },
    guidance: base.guidance.map((line) => ({ ...line })),
    goodLooksLike: { ...base.goodLooksLike },
    checklist: base.checklist.map((item) => ({ ...item, label: { ...item.label }, ...(item.hint ? { hint: { ...item.hint } } : {}) })),
  };
  if (!override) return copy;
  if (override.goal) {
    copy.goal = { fr: clean(override.goal.fr) || base.goal.fr, en: clean(override.goal.en) || base.goal.en };
  }
  if (override.guidance) {
    copy.guidance = override.guidance.map((line) => bilingual(line)).filter((line): line is Localized => line !== null);
  }
  if (override.checklist) copy.checklist = mergeChecklist(base.checklist, override.checklist);
  return copy;
}

/** Every stage of the user's playbook. */
export function effectivePlaybook(overrides?: PlaybookOverrides | null): Record<Stage, StageDefinition> {
  return Object.fromEntries(STAGES.map((stage) => [stage, effectiveStage(stage, overrides)])) as Record<Stage, StageDefinition>;
}

/** The overrides without this stage's: the stage is back to the built-in playbook. */
export function resetStage(overrides: PlaybookOverrides | null | undefined, stage: Stage): PlaybookOverrides {
  const next: PlaybookOverrides = { ...overrides };
  delete next[stage];
  return next;
}

export function isStageCustomized(overrides: PlaybookOverrides | null | undefined, stage: Stage): boolean {
  const override = overrides?.[stage];
  return override !== undefined && Object.keys(override).length > 0;
}

/** The editable parts of a stage as the user currently sees them, to start an edit from. */
export function stageDraft(stage: Stage, overrides?: PlaybookOverrides | null): StageDraft {
  const effective = effectiveStage(stage, overrides);
  return {
    goal: { ...effective.goal },
    guidance: effective.guidance.map((line) => ({ ...line })),
    checklist: effective.checklist.map((item) => ({ key: item.key, label: { ...item.label }, exit: item.exit })),
  };
}

const sameLocalized = (a: Localized, b: Localized) => a.fr === b.fr && a.en === b.en;

/**
 * The smallest override that turns the built-in stage into the draft: only the parts that
 * differ from the defaults are kept; undefined when the draft is the default stage.
 */
export function overrideFromDraft(stage: Stage, draft: StageDraft): StageOverride | undefined {
  const base = STAGE_DEFINITIONS[stage];
  const trimmed = (text: Localized): Localized => ({ fr: text.fr.trim(), en: text.en.trim() });
  const override: StageOverride = {};

  const goal = trimmed(draft.goal);
  if (goal.fr !== base.goal.fr || goal.en !== base.goal.en) {
    override.goal = {
      ...(goal.fr !== base.goal.fr && goal.fr !== '' ? { fr: goal.fr } : {}),
      ...(goal.en !== base.goal.en && goal.en !== '' ? { en: goal.en } : {}),
    };
    if (Object.keys(override.goal).length === 0) delete override.goal;
  }

  const guidance = draft.guidance.map(trimmed).filter((line) => line.fr !== '' || line.en !== '');
  const sameGuidance =
    guidance.length === base.guidance.length && guidance.every((line, i) => sameLocalized(line, base.guidance[i] as Localized));
  if (!sameGuidance) override.guidance = guidance;

  const checklist = draft.checklist
    .map((item) => ({ key: item.key, label: trimmed(item.label), exit: item.exit }))
    .filter((item) => item.label.fr !== '' || item.label.en !== '');
  const sameChecklist =
    checklist.length === base.checklist.length &&
    checklist.every((item, i) => {
      const original = base.checklist[i];
      return (
        original !== undefined && item.key === original.key && item.exit === original.exit && sameLocalized(item.label, original.label)
      );
    });
  if (!sameChecklist) override.checklist = checklist;

  return Object.keys(override).length > 0 ? override : undefined;
}

/** The overrides with this stage's replaced (or removed when undefined). */
export function withStageOverride(
  overrides: PlaybookOverrides | null | undefined,
  stage: Stage,
  override: StageOverride | undefined,
): PlaybookOverrides {
  const next = resetStage(overrides, stage);
  if (override !== undefined && Object.keys(override).length > 0) next[stage] = override;
  return next;
}

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join('');
}

/** A fresh key for a point the user adds: `custom-<random>`, never one already used in the stage. */
export function newChecklistKey(taken: Iterable<string> = [], random: (length: number) => string = randomSuffix): string {
  const used = new Set(taken);
  for (let attempt = 0; ; attempt += 1) {
    const key = attempt < 10 ? `custom-${random(8)}` : `custom-${random(8)}-${attempt}`;
    if (!used.has(key)) return key;
  }
}

/**
 * The relance cadences with the user's days. `workingDays` follows the playbook (first
 * contact without answer counts working days) unless the user turned working days off.
 */
export function effectiveCadences(settings: Pick<Settings, 'cadences' | 'workingDaysOnly'> | null | undefined): Cadence[] {
  return DEFAULT_CADENCES.map((cadence) => ({
    ...cadence,
    label: { ...cadence.label },
    days: [...(settings?.cadences[cadence.key] ?? cadence.days)],
    workingDays: cadence.workingDays && (settings?.workingDaysOnly ?? true),
  }));
}
