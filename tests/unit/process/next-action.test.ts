import { describe, expect, it } from 'vitest';
import type { Channel, Stage } from '../../../src/model/enums';
import type { Interaction } from '../../../src/model/interaction';
import type { ChecklistState, Outcome, Prospect } from '../../../src/model/prospect';
import type { Relance } from '../../../src/model/relance';
import type { StageEvent } from '../../../src/model/stage-event';
import { type Cadence, DEFAULT_CADENCES } from '../../../src/process/cadences';
import {
  NEXT_ACTION_KEYS,
  type NextAction,
  type NextActionInput,
  type NextActionKey,
  nextBestActions,
} from '../../../src/process/next-action';
import { STAGES } from '../../../src/process/stages';

// Tuesday 10 March 2026. Timestamps are built with the local Date constructor, like the app's records.
const TODAY = '2026-03-10';
const NOW = localMs(TODAY, 12);
const PROSPECT_ID = 'prospect-1';

function localMs(iso: string, hour = 10, minute = 0): number {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute).getTime();
}

function ticked(...keys: string[]): ChecklistState {
  return Object.fromEntries(keys.map((key) => [key, { done: true, doneAt: localMs('2026-01-01') }]));
}

function prospect(overrides: Partial<Prospect> = {}): Prospect {
  return {
    id: PROSPECT_ID,
    fullName: 'Jeanne Dupont',
    phones: [],
    emails: [],
    emailKeys: [],
    nameKey: 'dupont jeanne|acme',
    companyKey: 'acme',
    stage: 'prospecting',
    qualification: 'prospect',
    checklist: {},
    tags: [],
    source: 'manual',
    lockedFields: [],
    createdAt: localMs('2026-03-01'),
    updatedAt: localMs('2026-03-01'),
    ...overrides,
  };
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

function interaction(channel: Channel, day: string, prospectId = PROSPECT_ID): Interaction {
  return { id: nextId('interaction'), prospectId, channel, date: localMs(day), createdAt: localMs(day) };
}

function relance(dueDate: string, status: Relance['status'] = 'open', extra: Partial<Relance> = {}): Relance {
  return { id: nextId('relance'), prospectId: PROSPECT_ID, dueDate, status, createdAt: localMs('2026-02-01'), ...extra };
}

function moved(from: Stage | null, to: Stage, day: string): StageEvent {
  return { id: nextId('event'), prospectId: PROSPECT_ID, from, to, date: localMs(day), forced: false, unmet: [] };
}

function won(day: string): Outcome {
  return { result: 'won', date: localMs(day) };
}

function lost(day: string, reason?: string): Outcome {
  return { result: 'lost', date: localMs(day), ...(reason ? { reason } : {}) };
}

type Scenario = Partial<Omit<NextActionInput, 'prospect'>> & { prospect?: Partial<Prospect> };

function actionsFor(scenario: Scenario = {}): NextAction[] {
  const { prospect: prospectOverrides, ...rest } = scenario;
  return nextBestActions({
    prospect: prospect(prospectOverrides),
    // A recent contact by default, so only the rule under test speaks.
    interactions: [interaction('call', '2026-03-09')],
    relances: [],
    stageEvents: [],
    today: TODAY,
    now: NOW,
    noContactDays: 14,
    ...rest,
  });
}

function find(actions: NextAction[], key: NextActionKey): NextAction | undefined {
  return actions.find((action) => action.key === key);
}

function keysOf(actions: NextAction[]): NextActionKey[] {
  return actions.map((action) => action.key);
}

// Ticks that keep the contact / discovery / closing rules quiet, to isolate another rule.
const DECISION_MAKER = 'contact.decision-maker';
const DISCOVERY_ENOUGH = ['discovery.situation', 'discovery.needs', 'discovery.levers', 'discovery.reformulation', 'discovery.budget'];

describe('NEXT_ACTION_KEYS', () => {
  it('lists every rule once', () => {
    expect(new Set(NEXT_ACTION_KEYS).size).toBe(NEXT_ACTION_KEYS.length);
    expect(NEXT_ACTION_KEYS).toHaveLength(11);
  });
});

describe('overdue-relance', () => {
  it('fires for an open relance due before today, counting the days late', () => {
    const late = relance('2026-03-07', 'open', { note: 'Rappeler pour le devis' });
    const action = find(actionsFor({ relances: [late] }), 'overdue-relance');
    expect(action?.title).toEqual({ fr: 'Relance en retard depuis 3 j', en: 'Relance overdue by 3 days' });
    expect(action?.detail.fr).toContain('« Rappeler pour le devis »');
    expect(action?.detail.fr).toContain('07/03/2026');
    expect(action?.action).toEqual({ kind: 'complete-relance', relanceId: late.id });
  });

  it('points at the oldest one and mentions the others', () => {
    const older = relance('2026-02-20');
    const newer = relance('2026-03-09');
    const action = find(actionsFor({ relances: [newer, older] }), 'overdue-relance');
    expect(action?.action).toEqual({ kind: 'complete-relance', relanceId: older.id });
    expect(action?.title.fr).toBe('Relance en retard depuis 18 j');
    expect(action?.detail.fr).toContain('1 autre relance est aussi en retard');
    expect(action?.detail.en).toContain('1 other relance is overdue too');
    expect(action?.title.en).toBe('Relance overdue by 18 days');
  });

  it('says "1 day" in English for yesterday', () => {
    expect(find(actionsFor({ relances: [relance('2026-03-09')] }), 'overdue-relance')?.title.en).toBe('Relance overdue by 1 day');
  });

  it('grows more urgent with lateness, up to a cap', () => {
    const priorityFor = (due: string) => find(actionsFor({ relances: [relance(due)] }), 'overdue-relance')?.priority ?? 0;
    expect(priorityFor('2026-03-01')).toBeGreaterThan(priorityFor('2026-03-09'));
    expect(priorityFor('2025-01-01')).toBe(priorityFor('2024-01-01'));
  });

  it('stays silent for relances done, cancelled, due today or later, or belonging to another prospect', () => {
    const others = [
      relance('2026-03-01', 'done', { doneAt: localMs('2026-03-02') }),
      relance('2026-03-01', 'cancelled'),
      relance('2026-03-10'),
      relance('2026-03-20'),
      { ...relance('2026-03-01'), prospectId: 'someone-else' },
    ];
    expect(find(actionsFor({ relances: others }), 'overdue-relance')).toBeUndefined();
  });
});

describe('relance-today', () => {
  it('fires for an open relance due today', () => {
    const due = relance(TODAY, 'open', { note: 'Envoyer la plaquette' });
    const action = find(actionsFor({ relances: [due] }), 'relance-today');
    expect(action?.action).toEqual({ kind: 'complete-relance', relanceId: due.id });
    expect(action?.detail.fr).toBe('« Envoyer la plaquette »');
  });

  it('counts the other relances of the day in the title', () => {
    const action = find(actionsFor({ relances: [relance(TODAY), relance(TODAY)] }), 'relance-today');
    expect(action?.title.fr).toBe("Relance prévue aujourd'hui (+1 autre aujourd'hui)");
  });

  it('stays silent for tomorrow, yesterday and a relance already done today', () => {
    const relances = [relance('2026-03-11'), relance('2026-03-09'), relance(TODAY, 'done', { doneAt: NOW })];
    expect(find(actionsFor({ relances }), 'relance-today')).toBeUndefined();
  });
});

describe('no-decision-maker', () => {
  it('fires from the contact stage on while no decision-maker is identified', () => {
    for (const stage of ['contact', 'discovery', 'proposal', 'closing', 'relationship'] as const) {
      const action = find(actionsFor({ prospect: { stage } }), 'no-decision-maker');
      // The point on screen: the contact stage's own, then discovery's "decision-maker and process".
      const checklistKey = stage === 'contact' ? 'contact.decision-maker' : 'discovery.decision-maker';
      expect(action?.action, stage).toEqual({ kind: 'open-checklist', checklistKey });
      expect(action?.title.fr).toContain('décideur');
    }
  });

  it('stays silent before contact, once either decision-maker point is ticked, and on a decided deal', () => {
    expect(find(actionsFor({ prospect: { stage: 'prospecting' } }), 'no-decision-maker')).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'contact', checklist: ticked(DECISION_MAKER) } }), 'no-decision-maker')).toBeUndefined();
    expect(
      find(actionsFor({ prospect: { stage: 'proposal', checklist: ticked('discovery.decision-maker') } }), 'no-decision-maker'),
    ).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'closing', outcome: lost('2026-03-01') } }), 'no-decision-maker')).toBeUndefined();
  });

  it('does not count an unticked entry that only holds a note', () => {
    const checklist: ChecklistState = { [DECISION_MAKER]: { done: false, note: 'peut-être le DAF' } };
    expect(find(actionsFor({ prospect: { stage: 'contact', checklist } }), 'no-decision-maker')).toBeDefined();
  });
});

describe('discovery-incomplete', () => {
  it('at discovery under 60 %, says how many points remain and opens the first unmet exit point', () => {
    const checklist = ticked(DECISION_MAKER, 'discovery.situation', 'discovery.needs', 'discovery.timing', 'discovery.alternatives');
    const action = find(actionsFor({ prospect: { stage: 'discovery', checklist } }), 'discovery-incomplete');
    expect(action?.title).toEqual({ fr: 'Découverte à compléter : 4 points restants', en: 'Discovery to complete: 4 points left' });
    expect(action?.detail.fr).toContain('4/8');
    expect(action?.action).toEqual({ kind: 'open-checklist', checklistKey: 'discovery.levers' });
  });

  it('stays silent at discovery from 60 % (5 points of 8)', () => {
    const checklist = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    expect(find(actionsFor({ prospect: { stage: 'discovery', checklist } }), 'discovery-incomplete')).toBeUndefined();
  });

  it('at proposal under 60 %, warns that the proposal lacks discovery, above the discovery-stage reminder', () => {
    const checklist = ticked(DECISION_MAKER, 'discovery.needs', 'discovery.budget');
    const atProposal = find(actionsFor({ prospect: { stage: 'proposal', checklist } }), 'discovery-incomplete');
    const atDiscovery = find(actionsFor({ prospect: { stage: 'discovery', checklist } }), 'discovery-incomplete');
    expect(atProposal?.title).toEqual({ fr: 'Proposition sans découverte suffisante', en: 'Proposal without enough discovery' });
    expect(atProposal?.detail.fr).toContain('25 %');
    expect(atProposal?.priority).toBeGreaterThan(atDiscovery?.priority ?? Number.POSITIVE_INFINITY);
  });

  it('stays silent at proposal with enough discovery, and at the other stages', () => {
    const enough = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    expect(find(actionsFor({ prospect: { stage: 'proposal', checklist: enough } }), 'discovery-incomplete')).toBeUndefined();
    for (const stage of ['prospecting', 'contact', 'closing', 'relationship'] as const) {
      expect(find(actionsFor({ prospect: { stage } }), 'discovery-incomplete'), stage).toBeUndefined();
    }
  });
});

describe('proposal-no-relance', () => {
  const proposalSent = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH, 'proposal.proposal-sent');

  it('fires once the proposal is ticked as sent and nothing is scheduled, at the cadence first step (+2 days)', () => {
    const action = find(actionsFor({ prospect: { stage: 'proposal', checklist: proposalSent } }), 'proposal-no-relance');
    expect(action?.action).toEqual({
      kind: 'schedule-relance',
      dueDate: '2026-03-12',
      note: { fr: 'Relance devis', en: 'Quote follow-up' },
    });
    expect(action?.detail.fr).toContain('J+2, J+7, J+14');
  });

  it('follows the cadence as edited in settings', () => {
    const cadences: Cadence[] = DEFAULT_CADENCES.map((cadence) =>
      cadence.key === 'proposalSent' ? { ...cadence, days: [3, 10] } : cadence,
    );
    const action = find(actionsFor({ prospect: { stage: 'proposal', checklist: proposalSent }, cadences }), 'proposal-no-relance');
    expect(action?.action).toMatchObject({ dueDate: '2026-03-13' });
  });

  it('fires at proposal or closing when an email or meeting was logged after entering proposal', () => {
    const checklist = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    const stageEvents = [moved('discovery', 'proposal', '2026-03-02')];
    const email = [interaction('email', '2026-03-05')];
    expect(
      find(actionsFor({ prospect: { stage: 'proposal', checklist }, stageEvents, interactions: email }), 'proposal-no-relance'),
    ).toBeDefined();
    const meeting = [interaction('meeting', '2026-03-05')];
    const toClosing = [...stageEvents, moved('proposal', 'closing', '2026-03-06')];
    expect(
      find(actionsFor({ prospect: { stage: 'closing', checklist }, stageEvents: toClosing, interactions: meeting }), 'proposal-no-relance'),
    ).toBeDefined();
  });

  it('stays silent when the email predates the proposal stage, when only calls were logged, or before proposal', () => {
    const checklist = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    const stageEvents = [moved('discovery', 'proposal', '2026-03-05')];
    const before = [interaction('email', '2026-03-04'), interaction('call', '2026-03-09')];
    expect(
      find(actionsFor({ prospect: { stage: 'proposal', checklist }, stageEvents, interactions: before }), 'proposal-no-relance'),
    ).toBeUndefined();
    const atDiscovery = [interaction('email', '2026-03-09')];
    expect(
      find(actionsFor({ prospect: { stage: 'discovery', checklist }, stageEvents: [], interactions: atDiscovery }), 'proposal-no-relance'),
    ).toBeUndefined();
  });

  it('does not count an email dated after now (planned, not sent)', () => {
    const checklist = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    const stageEvents = [moved('discovery', 'proposal', '2026-03-02')];
    const planned: Interaction = { ...interaction('email', '2026-03-10'), date: NOW + 60_000 };
    expect(
      find(actionsFor({ prospect: { stage: 'proposal', checklist }, stageEvents, interactions: [planned] }), 'proposal-no-relance'),
    ).toBeUndefined();
  });

  it('stays silent while any relance is open, and once the deal is decided', () => {
    const prospectAtProposal = { stage: 'proposal' as const, checklist: proposalSent };
    expect(find(actionsFor({ prospect: prospectAtProposal, relances: [relance('2026-03-20')] }), 'proposal-no-relance')).toBeUndefined();
    expect(find(actionsFor({ prospect: { ...prospectAtProposal, outcome: lost('2026-03-09') } }), 'proposal-no-relance')).toBeUndefined();
  });

  it('still fires when the only relances are done or cancelled', () => {
    const relances = [relance('2026-03-05', 'done', { doneAt: localMs('2026-03-05') }), relance('2026-03-06', 'cancelled')];
    expect(find(actionsFor({ prospect: { stage: 'proposal', checklist: proposalSent }, relances }), 'proposal-no-relance')).toBeDefined();
  });
});

describe('no-contact', () => {
  const quiet = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);

  it('fires in an active stage when the last contact is more than noContactDays old, proposing a relance today', () => {
    const action = find(
      actionsFor({ prospect: { stage: 'discovery', checklist: quiet }, interactions: [interaction('call', '2026-02-23')] }),
      'no-contact',
    );
    expect(action?.title).toEqual({ fr: 'Sans contact depuis 15 j', en: 'No contact for 15 days' });
    expect(action?.action).toEqual({
      kind: 'schedule-relance',
      dueDate: TODAY,
      note: { fr: 'Reprendre contact', en: 'Get back in touch' },
    });
  });

  it('stays silent at exactly noContactDays, and with a shorter setting fires sooner', () => {
    const interactions = [interaction('call', '2026-02-24'), interaction('email', '2026-02-25')];
    expect(find(actionsFor({ prospect: { stage: 'contact', checklist: quiet }, interactions }), 'no-contact')).toBeUndefined();
    expect(
      find(actionsFor({ prospect: { stage: 'contact', checklist: quiet }, interactions, noContactDays: 7 }), 'no-contact'),
    ).toBeDefined();
  });

  it('without any contact, counts from entering the stage, or from creation when there is no trail', () => {
    const fromEntry = find(
      actionsFor({
        prospect: { stage: 'contact', checklist: quiet, createdAt: localMs('2026-01-01') },
        interactions: [],
        stageEvents: [moved(null, 'prospecting', '2026-01-01'), moved('prospecting', 'contact', '2026-02-20')],
      }),
      'no-contact',
    );
    expect(fromEntry?.title.fr).toBe('Sans contact depuis 18 j');
    expect(fromEntry?.detail.fr).toContain('Prise de contact');
    const fromCreation = find(
      actionsFor({ prospect: { stage: 'contact', checklist: quiet, createdAt: localMs('2026-02-01') }, interactions: [] }),
      'no-contact',
    );
    expect(fromCreation?.title.fr).toBe('Sans contact depuis 37 j');
    const recentEntry = find(
      actionsFor({
        prospect: { stage: 'contact', checklist: quiet, createdAt: localMs('2026-01-01') },
        interactions: [],
        stageEvents: [moved('prospecting', 'contact', '2026-03-01')],
      }),
      'no-contact',
    );
    expect(recentEntry).toBeUndefined();
  });

  it('stays silent outside the active stages, on decided deals, and while a relance is planned', () => {
    const stale = [interaction('call', '2026-01-01')];
    for (const stage of ['prospecting', 'relationship'] as const) {
      expect(find(actionsFor({ prospect: { stage }, interactions: stale }), 'no-contact'), stage).toBeUndefined();
    }
    expect(
      find(actionsFor({ prospect: { stage: 'closing', outcome: won('2026-02-01') }, interactions: stale }), 'no-contact'),
    ).toBeUndefined();
    expect(
      find(
        actionsFor({ prospect: { stage: 'contact', checklist: quiet }, interactions: stale, relances: [relance('2026-04-01')] }),
        'no-contact',
      ),
    ).toBeUndefined();
  });

  it('ignores a contact dated in the future and contacts with other prospects', () => {
    const interactions = [
      interaction('call', '2026-01-01'),
      { ...interaction('meeting', '2026-03-10'), date: NOW + 3_600_000 },
      interaction('call', '2026-03-09', 'someone-else'),
    ];
    expect(find(actionsFor({ prospect: { stage: 'contact', checklist: quiet }, interactions }), 'no-contact')).toBeDefined();
  });
});

describe('first-contact', () => {
  it('moves a qualified prospect with checked contact data on to contact', () => {
    const action = find(
      actionsFor({ prospect: { checklist: ticked('prospecting.qualified', 'prospecting.contact-data') } }),
      'first-contact',
    );
    expect(action?.action).toEqual({ kind: 'move-stage', to: 'contact' });
  });

  it('asks to qualify a fresh suspect with nothing logged, pointing at the missing point', () => {
    const fresh = find(actionsFor({ interactions: [] }), 'first-contact');
    expect(fresh?.title).toEqual({ fr: 'Qualifier ce suspect', en: 'Qualify this lead' });
    expect(fresh?.action).toEqual({ kind: 'open-checklist', checklistKey: 'prospecting.qualified' });
    const qualifiedOnly = find(actionsFor({ interactions: [], prospect: { checklist: ticked('prospecting.qualified') } }), 'first-contact');
    expect(qualifiedOnly?.action).toEqual({ kind: 'open-checklist', checklistKey: 'prospecting.contact-data' });
  });

  it('suggests the move when a contact is already logged though the qualification is not ticked', () => {
    const action = find(actionsFor({ interactions: [interaction('linkedin', '2026-03-08')] }), 'first-contact');
    expect(action?.action).toEqual({ kind: 'move-stage', to: 'contact' });
    expect(action?.title.fr).toBe('Contact déjà établi');
  });

  it('stays silent past prospecting and for a lost lead', () => {
    const checklist = ticked('prospecting.qualified', 'prospecting.contact-data');
    expect(find(actionsFor({ prospect: { stage: 'contact', checklist } }), 'first-contact')).toBeUndefined();
    expect(find(actionsFor({ prospect: { checklist, outcome: lost('2026-03-01') } }), 'first-contact')).toBeUndefined();
  });
});

describe('ask-decision', () => {
  it('fires at closing until the firm decision is asked', () => {
    const action = find(actionsFor({ prospect: { stage: 'closing' } }), 'ask-decision');
    expect(action?.action).toEqual({ kind: 'open-checklist', checklistKey: 'closing.decision-asked' });
  });

  it('stays silent once asked, before closing, and once decided', () => {
    expect(
      find(actionsFor({ prospect: { stage: 'closing', checklist: ticked('closing.decision-asked') } }), 'ask-decision'),
    ).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'proposal' } }), 'ask-decision')).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'closing', outcome: won('2026-03-09') } }), 'ask-decision')).toBeUndefined();
  });
});

describe('record-outcome', () => {
  it('fires at closing when the commitment is obtained (or the order received) and no outcome is set', () => {
    expect(find(actionsFor({ prospect: { stage: 'closing', checklist: ticked('closing.commitment') } }), 'record-outcome')?.action).toEqual(
      {
        kind: 'set-outcome',
      },
    );
    expect(
      find(actionsFor({ prospect: { stage: 'closing', checklist: ticked('closing.order-received') } }), 'record-outcome'),
    ).toBeDefined();
  });

  it('stays silent without commitment, once the outcome is set, and outside closing', () => {
    expect(find(actionsFor({ prospect: { stage: 'closing' } }), 'record-outcome')).toBeUndefined();
    const committed = ticked('closing.commitment');
    expect(
      find(actionsFor({ prospect: { stage: 'closing', checklist: committed, outcome: won(TODAY) } }), 'record-outcome'),
    ).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'proposal', checklist: committed } }), 'record-outcome')).toBeUndefined();
  });
});

describe('after-sales', () => {
  const client = { stage: 'relationship' as const, qualification: 'client' as const, outcome: won('2026-03-05') };

  it('fires for a won client without a relance, scheduling the check at +7 days', () => {
    const action = find(actionsFor({ prospect: client }), 'after-sales');
    expect(action?.action).toEqual({
      kind: 'schedule-relance',
      dueDate: '2026-03-17',
      note: { fr: 'Point après-vente', en: 'After-sales check' },
    });
  });

  it('stays silent once done, while a relance is open, and without a won outcome', () => {
    expect(find(actionsFor({ prospect: { ...client, checklist: ticked('relationship.after-sales') } }), 'after-sales')).toBeUndefined();
    expect(find(actionsFor({ prospect: client, relances: [relance('2026-04-01')] }), 'after-sales')).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'relationship' } }), 'after-sales')).toBeUndefined();
    expect(find(actionsFor({ prospect: { ...client, outcome: lost('2026-03-05') } }), 'after-sales')).toBeUndefined();
    expect(find(actionsFor({ prospect: { ...client, stage: 'closing' } }), 'after-sales')).toBeUndefined();
  });
});

describe('lost-reopen', () => {
  it('suggests getting back in touch 90 days after a recent loss, at low priority', () => {
    const actions = actionsFor({ prospect: { stage: 'proposal', outcome: lost('2026-03-01', 'budget gelé') } });
    const action = find(actions, 'lost-reopen');
    expect(action?.action).toEqual({
      kind: 'schedule-relance',
      dueDate: '2026-05-30',
      note: { fr: 'Reprise de contact', en: 'Get back in touch' },
    });
    expect(action?.detail.fr).toContain('01/03/2026 (budget gelé)');
    expect(action?.priority).toBeLessThan(30);
  });

  it('proposes today when the loss is older than that', () => {
    expect(find(actionsFor({ prospect: { stage: 'closing', outcome: lost('2025-06-01') } }), 'lost-reopen')?.action).toMatchObject({
      dueDate: TODAY,
    });
  });

  it('is the only pipeline advice on a lost deal, while its relances still surface', () => {
    const overdue = relance('2026-03-05');
    const keys = keysOf(actionsFor({ prospect: { stage: 'contact', outcome: lost('2026-03-01') }, interactions: [], relances: [overdue] }));
    expect(keys).toEqual(['overdue-relance']);
    expect(keysOf(actionsFor({ prospect: { stage: 'contact', outcome: lost('2026-03-01') }, interactions: [] }))).toEqual(['lost-reopen']);
  });

  it('stays silent for a won deal and for a deal without outcome', () => {
    expect(find(actionsFor({ prospect: { stage: 'relationship', outcome: won('2026-03-01') } }), 'lost-reopen')).toBeUndefined();
    expect(find(actionsFor({ prospect: { stage: 'closing' } }), 'lost-reopen')).toBeUndefined();
  });
});

describe('ordering', () => {
  it('puts overdue relances first and the rest by urgency', () => {
    const actions = actionsFor({
      prospect: { stage: 'closing', checklist: ticked('closing.commitment') },
      relances: [relance('2026-03-06'), relance(TODAY)],
    });
    expect(keysOf(actions)).toEqual(['overdue-relance', 'relance-today', 'record-outcome', 'ask-decision', 'no-decision-maker']);
  });

  it('ranks a proposal built on a thin discovery above the decision-maker reminder below the quote follow-up', () => {
    const actions = actionsFor({ prospect: { stage: 'proposal', checklist: ticked('proposal.proposal-sent') } });
    expect(keysOf(actions)).toEqual(['proposal-no-relance', 'no-decision-maker', 'discovery-incomplete']);
  });

  it('puts a silent prospect ahead of the checklist reminders', () => {
    const actions = actionsFor({ prospect: { stage: 'discovery' }, interactions: [interaction('call', '2026-01-15')] });
    expect(keysOf(actions)).toEqual(['no-contact', 'no-decision-maker', 'discovery-incomplete']);
  });

  it('is sorted, has one action per key and bilingual copy in every state', () => {
    const outcomes: (Outcome | undefined)[] = [undefined, won('2026-03-01'), lost('2026-03-01')];
    const checklists = [{}, ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH, 'proposal.proposal-sent', 'closing.commitment')];
    const relanceSets = [[], [relance('2026-03-01'), relance(TODAY)]];
    const interactionSets = [[], [interaction('email', '2026-01-10')], [interaction('meeting', '2026-03-09')]];
    for (const stage of STAGES) {
      for (const outcome of outcomes) {
        for (const checklist of checklists) {
          for (const relances of relanceSets) {
            for (const interactions of interactionSets) {
              const actions = actionsFor({ prospect: { stage, checklist, ...(outcome ? { outcome } : {}) }, relances, interactions });
              const priorities = actions.map((action) => action.priority);
              expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
              expect(new Set(keysOf(actions)).size).toBe(actions.length);
              for (const action of actions) {
                expect(NEXT_ACTION_KEYS).toContain(action.key);
                for (const text of [action.title.fr, action.title.en, action.detail.fr, action.detail.en]) expect(text.trim()).not.toBe('');
              }
            }
          }
        }
      }
    }
  });

  it('has nothing to say about a well-followed prospect', () => {
    const checklist = ticked(DECISION_MAKER, ...DISCOVERY_ENOUGH);
    expect(actionsFor({ prospect: { stage: 'discovery', checklist }, relances: [relance('2026-03-17')] })).toEqual([]);
  });
});
