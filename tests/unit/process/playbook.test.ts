import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PlaybookOverrides, settingsSchema } from '../../../src/model';
import { DEFAULT_CADENCES, STAGE_DEFINITIONS, STAGES } from '../../../src/process';
import {
  effectiveCadences,
  effectivePlaybook,
  effectiveStage,
  isStageCustomized,
  newChecklistKey,
  overrideFromDraft,
  resetStage,
  stageDraft,
  withStageOverride,
} from '../../../src/process/playbook';

describe('effectiveStage', () => {
  it('is the built-in stage without overrides, as a copy', () => {
    for (const stage of STAGES) {
      expect(effectiveStage(stage)).toEqual(STAGE_DEFINITIONS[stage]);
      expect(effectiveStage(stage, {})).toEqual(STAGE_DEFINITIONS[stage]);
      expect(effectiveStage(stage)).not.toBe(STAGE_DEFINITIONS[stage]);
    }
    const copy = effectiveStage('contact');
    const first = copy.checklist[0];
    if (first) first.label.fr = 'changed';
    expect(STAGE_DEFINITIONS.contact.checklist[0]?.label.fr).not.toBe('changed');
  });

  it('replaces the goal language by language, blank keeping the default', () => {
    const stage = effectiveStage('contact', { contact: { goal: { fr: '  Décrocher un rendez-vous  ', en: '' } } });
    expect(stage.goal).toEqual({ fr: 'Décrocher un rendez-vous', en: STAGE_DEFINITIONS.contact.goal.en });
    expect(stage.title).toEqual(STAGE_DEFINITIONS.contact.title);
    expect(stage.checklist).toEqual(STAGE_DEFINITIONS.contact.checklist);
  });

  it('replaces the guidance, each line falling back on the other language', () => {
    const stage = effectiveStage('discovery', {
      discovery: {
        guidance: [
          { fr: 'Écoutez plus que vous ne parlez.', en: '' },
          { fr: '', en: 'Restate the needs.' },
          { fr: ' ', en: '' },
        ],
      },
    });
    expect(stage.guidance).toEqual([
      { fr: 'Écoutez plus que vous ne parlez.', en: 'Écoutez plus que vous ne parlez.' },
      { fr: 'Restate the needs.', en: 'Restate the needs.' },
    ]);
  });

  it('keeps keys and hints of default points, in the user order, with custom points added', () => {
    const [first, second] = STAGE_DEFINITIONS.prospecting.checklist;
    if (!first || !second) throw new Error('fixture');
    const overrides: PlaybookOverrides = {
      prospecting: {
        checklist: [
          { key: second.key, label: { fr: 'Potentiel vérifié', en: '' }, exit: false },
          { key: 'custom-x1y2z3ab', label: { fr: 'Budget annuel estimé', en: '' }, exit: true },
          { key: first.key, label: first.label, exit: first.exit },
        ],
      },
    };
    const stage = effectiveStage('prospecting', overrides);
    expect(stage.checklist.map((item) => item.key)).toEqual([second.key, 'custom-x1y2z3ab', first.key]);
    expect(stage.checklist[0]).toEqual({
      key: second.key,
      label: { fr: 'Potentiel vérifié', en: second.label.en },
      hint: second.hint,
      exit: false,
    });
    expect(stage.checklist[1]).toEqual({
      key: 'custom-x1y2z3ab',
      label: { fr: 'Budget annuel estimé', en: 'Budget annuel estimé' },
      exit: true,
    });
    expect(stage.checklist[2]).toEqual(first);
  });

  it('drops blank custom points and repeated keys', () => {
    const stage = effectiveStage('closing', {
      closing: {
        checklist: [
          { key: 'custom-a', label: { fr: '', en: '' }, exit: true },
          { key: 'custom-b', label: { fr: 'B', en: 'B' }, exit: false },
          { key: 'custom-b', label: { fr: 'B2', en: 'B2' }, exit: false },
        ],
      },
    });
    expect(stage.checklist.map((item) => item.label.fr)).toEqual(['B']);
  });

  it('only touches the overridden stage', () => {
    const playbook = effectivePlaybook({ proposal: { checklist: [] } });
    expect(playbook.proposal.checklist).toEqual([]);
    for (const stage of STAGES.filter((s) => s !== 'proposal')) expect(playbook[stage]).toEqual(STAGE_DEFINITIONS[stage]);
  });
});

describe('editing a stage', () => {
  it('an unchanged draft makes no override', () => {
    for (const stage of STAGES) expect(overrideFromDraft(stage, stageDraft(stage))).toBeUndefined();
  });

  it('adding a point keeps the default points and their keys, and round-trips', () => {
    const draft = stageDraft('contact');
    const key = newChecklistKey(draft.checklist.map((item) => item.key));
    draft.checklist.push({ key, label: { fr: 'Envoyer la plaquette', en: 'Send the brochure' }, exit: false });
    const override = overrideFromDraft('contact', draft);
    expect(override).toEqual({ checklist: draft.checklist });
    expect(override?.goal).toBeUndefined();
    expect(override?.guidance).toBeUndefined();
    const overrides = withStageOverride({}, 'contact', override);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, playbook: overrides }).success).toBe(true);
    const stage = effectiveStage('contact', overrides);
    expect(stage.checklist.map((item) => item.key)).toEqual([...STAGE_DEFINITIONS.contact.checklist.map((item) => item.key), key]);
    expect(stageDraft('contact', overrides)).toEqual(draft);
    expect(isStageCustomized(overrides, 'contact')).toBe(true);
  });

  it('editing a default label keeps its key (ticks stay)', () => {
    const draft = stageDraft('closing');
    const item = draft.checklist[0];
    if (!item) throw new Error('fixture');
    item.label = { ...item.label, fr: 'Demander un oui ou un non' };
    const stage = effectiveStage('closing', withStageOverride({}, 'closing', overrideFromDraft('closing', draft)));
    expect(stage.checklist[0]?.key).toBe(STAGE_DEFINITIONS.closing.checklist[0]?.key);
    expect(stage.checklist[0]?.label.fr).toBe('Demander un oui ou un non');
  });

  it('only stores the goal language that changed', () => {
    const draft = stageDraft('proposal');
    draft.goal = { ...draft.goal, en: 'Win the deal.' };
    expect(overrideFromDraft('proposal', draft)).toEqual({ goal: { en: 'Win the deal.' } });
  });

  it('resetStage removes that stage only, without changing its input', () => {
    const overrides: PlaybookOverrides = { contact: { goal: { fr: 'x' } }, closing: { checklist: [] } };
    const reset = resetStage(overrides, 'contact');
    expect(reset).toEqual({ closing: { checklist: [] } });
    expect(overrides.contact).toBeDefined();
    expect(effectiveStage('contact', reset)).toEqual(STAGE_DEFINITIONS.contact);
    expect(isStageCustomized(reset, 'contact')).toBe(false);
    expect(resetStage(undefined, 'contact')).toEqual({});
    expect(withStageOverride(overrides, 'closing', undefined)).toEqual({ contact: { goal: { fr: 'x' } } });
  });
});

describe('newChecklistKey', () => {
  it('makes custom-<random> keys that are valid, and never a taken one', () => {
    const key = newChecklistKey();
    expect(key).toMatch(/^custom-[a-z0-9]{8}$/);
    const sequence = ['aaaaaaaa', 'aaaaaaaa', 'bbbbbbbb'];
    expect(newChecklistKey(['custom-aaaaaaaa'], () => sequence.shift() ?? 'cccccccc')).toBe('custom-bbbbbbbb');
    expect(newChecklistKey(['custom-zzzzzzzz'], () => 'zzzzzzzz')).toBe('custom-zzzzzzzz-10');
  });
});

describe('effectiveCadences', () => {
  it('is the playbook cadences with the default settings', () => {
    expect(effectiveCadences(DEFAULT_SETTINGS)).toEqual(DEFAULT_CADENCES);
    expect(effectiveCadences(undefined)).toEqual(DEFAULT_CADENCES);
  });

  it('takes the user days and turns working days off when asked', () => {
    const cadences = effectiveCadences({
      workingDaysOnly: false,
      cadences: { ...DEFAULT_SETTINGS.cadences, proposalSent: [3, 10], firstContactNoAnswer: [] },
    });
    expect(cadences.find((c) => c.key === 'proposalSent')?.days).toEqual([3, 10]);
    expect(cadences.find((c) => c.key === 'firstContactNoAnswer')).toMatchObject({ days: [], workingDays: false });
    expect(DEFAULT_CADENCES.find((c) => c.key === 'firstContactNoAnswer')?.workingDays).toBe(true);
  });
});
