import { describe, expect, it } from 'vitest';
import {
  CHANNEL_LABELS,
  CHANNELS,
  getStage,
  isChannel,
  isStage,
  type Localized,
  nextStage,
  OFFER_STEP,
  previousStage,
  STAGE_DEFINITIONS,
  STAGES,
  stageIndex,
} from '../../../src/process';

function expectFilled(text: Localized, where: string): void {
  expect(text.fr.trim(), `${where} (fr)`).not.toBe('');
  expect(text.en.trim(), `${where} (en)`).not.toBe('');
  // A copy-paste slip would leave the English in the French slot.
  if (text.fr.length > 12) expect(text.fr, `${where}: fr equals en`).not.toBe(text.en);
}

describe('stage definitions', () => {
  it('lists the six pipeline stages in order, numbered as playbook steps 2 to 7', () => {
    expect(STAGES).toEqual(['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship']);
    expect(STAGES.map((stage) => getStage(stage).step)).toEqual([2, 3, 4, 5, 6, 7]);
    for (const stage of STAGES) expect(getStage(stage).key).toBe(stage);
    expect(Object.keys(STAGE_DEFINITIONS).sort()).toEqual([...STAGES].sort());
  });

  it('has the French and English short titles the CSV import maps', () => {
    expect(STAGES.map((stage) => getStage(stage).title.fr)).toEqual([
      'Prospection',
      'Prise de contact',
      'Découverte',
      'Proposition',
      'Conclusion',
      'Suivi',
    ]);
    expect(STAGES.map((stage) => getStage(stage).title.en)).toEqual([
      'Prospecting',
      'Contact',
      'Discovery',
      'Proposal',
      'Closing',
      'Follow-up',
    ]);
  });

  it.each(STAGES)('%s has French and English copy for every field', (stage) => {
    const def = getStage(stage);
    expectFilled(def.goal, `${stage}.goal`);
    expectFilled(def.goodLooksLike, `${stage}.goodLooksLike`);
    expect(def.guidance.length).toBeGreaterThanOrEqual(3);
    expect(def.guidance.length).toBeLessThanOrEqual(5);
    def.guidance.forEach((line, i) => {
      expectFilled(line, `${stage}.guidance[${i}]`);
    });
    expect(def.checklist.length).toBeGreaterThan(0);
    for (const item of def.checklist) {
      expectFilled(item.label, `${stage}.${item.key}.label`);
      if (item.hint) expectFilled(item.hint, `${stage}.${item.key}.hint`);
    }
  });

  it.each(STAGES)('%s has unique kebab-case checklist keys', (stage) => {
    const keys = getStage(stage).checklist.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('covers the checklist points of the playbook', () => {
    const keysOf = (stage: (typeof STAGES)[number]) => getStage(stage).checklist.map((item) => item.key);
    expect(keysOf('prospecting')).toEqual(['target-segment', 'qualified', 'contact-data', 'not-duplicate', 'source']);
    expect(keysOf('contact')).toEqual(['channel', 'decision-maker', 'first-contact', 'next-exchange']);
    expect(keysOf('discovery')).toEqual([
      'situation',
      'needs',
      'levers',
      'reformulation',
      'decision-maker',
      'budget',
      'timing',
      'alternatives',
    ]);
    expect(keysOf('proposal')).toEqual(['needs-answered', 'pitch-adapted', 'objections', 'terms', 'proposal-sent']);
    expect(keysOf('closing')).toEqual(['decision-asked', 'commitment', 'quote-delivered', 'order-received']);
    expect(keysOf('relationship')).toEqual(['proposal-chased', 'after-sales', 'satisfaction', 'renewal']);
  });

  it('gives every discovery point a hint, since each one holds a note', () => {
    for (const item of getStage('discovery').checklist) expect(item.hint, item.key).toBeDefined();
  });

  it('marks the exit criteria of each stage', () => {
    const exitKeys = Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        getStage(stage)
          .checklist.filter((item) => item.exit)
          .map((item) => item.key),
      ]),
    );
    expect(exitKeys).toEqual({
      prospecting: ['qualified', 'contact-data'],
      contact: ['decision-maker', 'first-contact'],
      discovery: ['needs', 'levers', 'reformulation', 'decision-maker', 'budget'],
      proposal: ['needs-answered', 'proposal-sent'],
      closing: ['decision-asked', 'commitment'],
      relationship: [],
    });
  });
});

describe('offer step', () => {
  it('is step 1 with French and English copy', () => {
    expect(OFFER_STEP.step).toBe(1);
    expect(OFFER_STEP.title).toEqual({ fr: "Connaître l'offre", en: 'Know the offer' });
    expectFilled(OFFER_STEP.goal, 'offer.goal');
    expect(OFFER_STEP.guidance.length).toBeGreaterThanOrEqual(3);
    OFFER_STEP.guidance.forEach((line, i) => {
      expectFilled(line, `offer.guidance[${i}]`);
    });
  });

  it('is not a pipeline stage', () => {
    expect(isStage('offer')).toBe(false);
  });
});

describe('channels', () => {
  it('has a label for every channel', () => {
    expect(CHANNELS).toEqual(['call', 'email', 'linkedin', 'meeting', 'visit', 'video']);
    for (const channel of CHANNELS) {
      expect(CHANNEL_LABELS[channel].fr).not.toBe('');
      expect(CHANNEL_LABELS[channel].en).not.toBe('');
    }
    expect(isChannel('video')).toBe(true);
    expect(isChannel('fax')).toBe(false);
  });
});

describe('stage navigation', () => {
  it('finds the position, next and previous stage', () => {
    expect(stageIndex('prospecting')).toBe(0);
    expect(stageIndex('proposal')).toBe(3);
    expect(stageIndex('relationship')).toBe(5);
    expect(nextStage('prospecting')).toBe('contact');
    expect(nextStage('closing')).toBe('relationship');
    expect(nextStage('relationship')).toBeNull();
    expect(previousStage('contact')).toBe('prospecting');
    expect(previousStage('relationship')).toBe('closing');
    expect(previousStage('prospecting')).toBeNull();
  });

  it('recognises stage keys only', () => {
    expect(isStage('discovery')).toBe(true);
    expect(isStage('Discovery')).toBe(false);
    expect(isStage('Découverte')).toBe(false);
    expect(isStage('')).toBe(false);
    expect(isStage(undefined)).toBe(false);
    expect(isStage(4)).toBe(false);
    expect(isStage('toString')).toBe(false);
  });
});
