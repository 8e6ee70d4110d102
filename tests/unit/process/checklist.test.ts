import { describe, expect, it } from 'vitest';
import { type ChecklistState, canMoveTo, checklistKey, type Stage, stageCompletion, unmetExitCriteria } from '../../../src/process';

function ticked(...entries: [Stage, string][]): ChecklistState {
  const state: ChecklistState = {};
  for (const [stage, itemKey] of entries) state[checklistKey(stage, itemKey)] = { done: true, doneAt: 1_700_000_000_000 };
  return state;
}

describe('checklistKey', () => {
  it('namespaces the item key by stage', () => {
    expect(checklistKey('discovery', 'budget')).toBe('discovery.budget');
    expect(checklistKey('contact', 'decision-maker')).not.toBe(checklistKey('discovery', 'decision-maker'));
  });
});

describe('unmetExitCriteria', () => {
  it('lists every exit item of a fresh stage', () => {
    expect(unmetExitCriteria('prospecting', {}).map((item) => item.key)).toEqual(['qualified', 'contact-data']);
  });

  it('drops the items that are done', () => {
    const state = ticked(['discovery', 'needs'], ['discovery', 'budget']);
    expect(unmetExitCriteria('discovery', state).map((item) => item.key)).toEqual(['levers', 'reformulation', 'decision-maker']);
  });

  it('ignores ticks of the same item key in another stage', () => {
    const state = ticked(['discovery', 'decision-maker']);
    expect(unmetExitCriteria('contact', state).map((item) => item.key)).toEqual(['decision-maker', 'first-contact']);
  });

  it('counts an item unticked again, or with only a note, as not done', () => {
    const state: ChecklistState = {
      'prospecting.qualified': { done: false, doneAt: 1 },
      'prospecting.contact-data': { done: false, note: 'phone missing' },
    };
    expect(unmetExitCriteria('prospecting', state)).toHaveLength(2);
  });

  it('has nothing to meet at the last stage', () => {
    expect(unmetExitCriteria('relationship', {})).toEqual([]);
  });
});

describe('stageCompletion', () => {
  it('counts done items over all the stage items', () => {
    expect(stageCompletion('discovery', {})).toEqual({ done: 0, total: 8, ratio: 0 });
    const state = ticked(['discovery', 'situation'], ['discovery', 'needs'], ['proposal', 'terms']);
    expect(stageCompletion('discovery', state)).toEqual({ done: 2, total: 8, ratio: 0.25 });
  });

  it('ignores keys that are not in the stage', () => {
    const state = { ...ticked(['closing', 'decision-asked']), 'closing.removed-item': { done: true } };
    expect(stageCompletion('closing', state)).toEqual({ done: 1, total: 4, ratio: 0.25 });
  });
});

describe('canMoveTo', () => {
  it('blocks a forward move with the unmet exit items', () => {
    const result = canMoveTo('prospecting', 'contact', ticked(['prospecting', 'qualified']));
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.unmet.map((item) => [item.stage, item.key])).toEqual([['prospecting', 'contact-data']]);
  });

  it('allows the forward move once the exit items are ticked', () => {
    const state = ticked(['prospecting', 'qualified'], ['prospecting', 'contact-data']);
    expect(canMoveTo('prospecting', 'contact', state)).toEqual({ allowed: true });
  });

  it('only checks the stages being left, not the target stage', () => {
    const state = ticked(['contact', 'decision-maker'], ['contact', 'first-contact']);
    expect(canMoveTo('contact', 'discovery', state)).toEqual({ allowed: true });
  });

  it('always allows moving backwards or staying', () => {
    expect(canMoveTo('closing', 'discovery', {})).toEqual({ allowed: true });
    expect(canMoveTo('contact', 'prospecting', {})).toEqual({ allowed: true });
    expect(canMoveTo('proposal', 'proposal', {})).toEqual({ allowed: true });
  });

  it('accumulates the unmet items of every stage skipped over, in stage order', () => {
    const state = ticked(['prospecting', 'qualified'], ['contact', 'first-contact'], ['discovery', 'needs']);
    const result = canMoveTo('prospecting', 'proposal', state);
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.unmet.map((item) => `${item.stage}.${item.key}`)).toEqual([
      'prospecting.contact-data',
      'contact.decision-maker',
      'discovery.levers',
      'discovery.reformulation',
      'discovery.decision-maker',
      'discovery.budget',
    ]);
    expect(result.unmet[0]?.label.fr).toBe('Coordonnées complètes et vérifiées');
  });

  it('allows a jump straight to the end once every stage left behind is done', () => {
    const state = ticked(
      ['prospecting', 'qualified'],
      ['prospecting', 'contact-data'],
      ['contact', 'decision-maker'],
      ['contact', 'first-contact'],
      ['discovery', 'needs'],
      ['discovery', 'levers'],
      ['discovery', 'reformulation'],
      ['discovery', 'decision-maker'],
      ['discovery', 'budget'],
      ['proposal', 'needs-answered'],
      ['proposal', 'proposal-sent'],
      ['closing', 'decision-asked'],
    );
    const almost = canMoveTo('prospecting', 'relationship', state);
    expect(almost.allowed ? [] : almost.unmet.map((item) => `${item.stage}.${item.key}`)).toEqual(['closing.commitment']);
    state[checklistKey('closing', 'commitment')] = { done: true };
    expect(canMoveTo('prospecting', 'relationship', state)).toEqual({ allowed: true });
  });
});
