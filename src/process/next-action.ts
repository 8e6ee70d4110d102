import type { Interaction } from '../model/interaction';
import type { Prospect } from '../model/prospect';
import type { Relance } from '../model/relance';
import type { StageEvent } from '../model/stage-event';
import {
  addDays,
  type Cadence,
  type CadenceKey,
  cadenceDueDate,
  DEFAULT_CADENCES,
  daysBetween,
  getCadence,
  type IsoDate,
  todayIso,
} from './cadences';
import { type ChecklistKey, checklistKey, isItemDone, stageCompletion } from './checklist';
import { type Channel, getStage, type Localized, type Stage, stageIndex } from './stages';

/*
 * The "what should I do next with this prospect" list the panel shows. Pure: it reads the
 * prospect's records and returns suggestions; the UI turns each suggestion's `action` into a
 * repository call (schedule, complete, move…), so nothing here touches the database.
 */

/** In the order of their base urgency, which is also the tie-break order between equal priorities. */
export const NEXT_ACTION_KEYS = [
  'overdue-relance',
  'relance-today',
  'record-outcome',
  'proposal-no-relance',
  'ask-decision',
  'no-contact',
  'no-decision-maker',
  'discovery-incomplete',
  'first-contact',
  'after-sales',
  'lost-reopen',
] as const;
export type NextActionKey = (typeof NEXT_ACTION_KEYS)[number];

export type NextActionCommand =
  | { kind: 'schedule-relance'; dueDate: IsoDate; note: Localized }
  | { kind: 'open-checklist'; checklistKey: ChecklistKey }
  | { kind: 'complete-relance'; relanceId: string }
  | { kind: 'log-contact'; channel: Channel }
  | { kind: 'move-stage'; to: Stage }
  | { kind: 'set-outcome' };

export type NextAction = {
  key: NextActionKey;
  /** Higher is more urgent. Comparable across prospects, so a to-do list can merge several prospects' actions. */
  priority: number;
  title: Localized;
  detail: Localized;
  action?: NextActionCommand;
};

export type NextActionInput = {
  prospect: Prospect;
  interactions: Interaction[];
  relances: Relance[];
  stageEvents: StageEvent[];
  today: IsoDate;
  /** Epoch ms of the same moment as `today`: contacts dated later are planned, not made. */
  now: number;
  /** Settings.noContactDays: silence longer than this is flagged. */
  noContactDays: number;
  /** The user's cadences when edited in settings; the playbook defaults otherwise. */
  cadences?: readonly Cadence[];
};

const BASE_PRIORITY: Readonly<Record<NextActionKey, number>> = {
  'overdue-relance': 100,
  'relance-today': 90,
  'record-outcome': 80,
  'proposal-no-relance': 75,
  'ask-decision': 70,
  'no-contact': 65,
  'no-decision-maker': 60,
  'discovery-incomplete': 50,
  'first-contact': 40,
  'after-sales': 35,
  'lost-reopen': 10,
};

// A relance overdue for weeks outranks one a day late, but never climbs into another rule's band.
const MAX_OVERDUE_BONUS = 49;
// A proposal built on a thin discovery is a risk to the deal, more pressing than filling the checklist at discovery.
const PROPOSAL_WITHOUT_DISCOVERY_PRIORITY = 55;
// Qualifying a fresh suspect is desk work: it waits behind everyone already in a conversation.
const QUALIFY_PRIORITY = 30;

/** Below this share of the discovery checklist, the pitch has too little to lean on. */
export const DISCOVERY_SUFFICIENT_RATIO = 0.6;
/** A lost deal is worth a new try once budgets and people have had time to change. */
export const LOST_REOPEN_AFTER_DAYS = 90;

const ACTIVE_STAGES: ReadonlySet<Stage> = new Set(['contact', 'discovery', 'proposal', 'closing']);
// Sending or presenting the proposal happens by email or face to face; a call alone does not deliver a quote.
const PROPOSAL_DELIVERY_CHANNELS: ReadonlySet<Channel> = new Set(['email', 'meeting', 'visit', 'video']);

const CONTACT_DECISION_MAKER = checklistKey('contact', 'decision-maker');
const DISCOVERY_DECISION_MAKER = checklistKey('discovery', 'decision-maker');

/** What the rules read, computed once per call. */
type ProspectFacts = {
  prospect: Prospect;
  today: IsoDate;
  noContactDays: number;
  cadences: readonly Cadence[];
  /** Open relances of this prospect, earliest due first. */
  openRelances: Relance[];
  /** Contacts already made (dated up to `now`), latest first. */
  pastInteractions: Interaction[];
  /** When the prospect last entered each stage, from the stage trail. */
  lastEntry: Map<Stage, number>;
};

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function daysLocalized(n: number): Localized {
  return { fr: `${n} j`, en: `${n} ${plural(n, 'day', 'days')}` };
}

function formatDay(iso: IsoDate): Localized {
  const [year, month, day] = iso.split('-');
  return { fr: `${day}/${month}/${year}`, en: iso };
}

function dayOf(ms: number): IsoDate {
  return todayIso(new Date(ms));
}

function hasOutcome(prospect: Prospect): boolean {
  return prospect.outcome !== undefined;
}

function firstStepDueDate(facts: ProspectFacts, key: CadenceKey, fallbackDays: number): IsoDate {
  const cadence = getCadence(key, facts.cadences);
  const offset = cadence?.days[0];
  // A user may delete a cadence or empty it; the suggestion still needs a date.
  if (cadence === undefined || offset === undefined) return addDays(facts.today, fallbackDays);
  return cadenceDueDate(cadence, facts.today, offset);
}

function overdueRelance(facts: ProspectFacts): NextAction | null {
  const overdue = facts.openRelances.filter((relance) => relance.dueDate < facts.today);
  const oldest = overdue[0];
  if (oldest === undefined) return null;
  const late = daysBetween(oldest.dueDate, facts.today);
  const due = formatDay(oldest.dueDate);
  const others = overdue.length - 1;
  const more: Localized =
    others === 0
      ? { fr: '', en: '' }
      : {
          fr: ` ${others} ${plural(others, 'autre relance est', 'autres relances sont')} aussi en retard.`,
          en: ` ${others} other ${plural(others, 'relance is', 'relances are')} overdue too.`,
        };
  const lateDays = daysLocalized(late);
  return {
    key: 'overdue-relance',
    priority: BASE_PRIORITY['overdue-relance'] + Math.min(late, MAX_OVERDUE_BONUS),
    title: { fr: `Relance en retard depuis ${lateDays.fr}`, en: `Relance overdue by ${lateDays.en}` },
    detail: {
      fr: `${oldest.note ? `« ${oldest.note} » — prévue` : 'Prévue'} le ${due.fr}. Faites-la, puis marquez-la comme faite.${more.fr}`,
      en: `${oldest.note ? `“${oldest.note}” — due` : 'Due'} on ${due.en}. Do it, then mark it done.${more.en}`,
    },
    action: { kind: 'complete-relance', relanceId: oldest.id },
  };
}

function relanceToday(facts: ProspectFacts): NextAction | null {
  const dueToday = facts.openRelances.filter((relance) => relance.dueDate === facts.today);
  const first = dueToday[0];
  if (first === undefined) return null;
  const others = dueToday.length - 1;
  const more: Localized =
    others === 0 ? { fr: '', en: '' } : { fr: ` (+${others} autre${plural(others, '', 's')} aujourd'hui)`, en: ` (+${others} more today)` };
  return {
    key: 'relance-today',
    priority: BASE_PRIORITY['relance-today'],
    title: { fr: `Relance prévue aujourd'hui${more.fr}`, en: `Relance due today${more.en}` },
    detail: first.note
      ? { fr: `« ${first.note} »`, en: `“${first.note}”` }
      : {
          fr: 'Rappelez, renvoyez le message ou relancez le devis, puis marquez-la comme faite.',
          en: 'Call back, re-send the message or chase the quote, then mark it done.',
        },
    action: { kind: 'complete-relance', relanceId: first.id },
  };
}

function recordOutcome(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (prospect.stage !== 'closing' || hasOutcome(prospect)) return null;
  const committed = isItemDone('closing', 'commitment', prospect.checklist) || isItemDone('closing', 'order-received', prospect.checklist);
  if (!committed) return null;
  return {
    key: 'record-outcome',
    priority: BASE_PRIORITY['record-outcome'],
    title: { fr: "Enregistrer l'issue : gagné ou perdu", en: 'Record the outcome: won or lost' },
    detail: {
      fr: "L'engagement est obtenu : notez le résultat pour passer le client en suivi après-vente.",
      en: 'The commitment is secured: record the result to move the client on to after-sales follow-up.',
    },
    action: { kind: 'set-outcome' },
  };
}

/** A proposal counts as out when ticked, or when a delivering contact was logged since the prospect entered the proposal stage. */
function proposalIsOut(facts: ProspectFacts): boolean {
  const { prospect } = facts;
  if (isItemDone('proposal', 'proposal-sent', prospect.checklist)) return true;
  if (prospect.stage !== 'proposal' && prospect.stage !== 'closing') return false;
  // A prospect created at, or jumped straight to, closing has no proposal entry: its closing entry (or creation) stands in.
  const since = facts.lastEntry.get('proposal') ?? facts.lastEntry.get(prospect.stage) ?? prospect.createdAt;
  return facts.pastInteractions.some((interaction) => interaction.date >= since && PROPOSAL_DELIVERY_CHANNELS.has(interaction.channel));
}

function proposalNoRelance(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (hasOutcome(prospect) || prospect.stage === 'relationship' || facts.openRelances.length > 0) return null;
  if (!proposalIsOut(facts)) return null;
  const steps = getCadence('proposalSent', facts.cadences)?.days ?? [];
  const dueDate = firstStepDueDate(facts, 'proposalSent', 2);
  const plan: Localized =
    steps.length > 0
      ? {
          fr: ` Cadence conseillée : J+${steps.join(', J+')} jusqu'à décision.`,
          en: ` Suggested cadence: day +${steps.join(', +')} until a decision.`,
        }
      : { fr: '', en: '' };
  return {
    key: 'proposal-no-relance',
    priority: BASE_PRIORITY['proposal-no-relance'],
    title: { fr: 'Planifier la relance du devis', en: 'Schedule the quote follow-up' },
    detail: {
      fr: `La proposition est envoyée mais aucune relance n'est prévue.${plan.fr}`,
      en: `The proposal is out but no relance is scheduled.${plan.en}`,
    },
    action: { kind: 'schedule-relance', dueDate, note: { fr: 'Relance devis', en: 'Quote follow-up' } },
  };
}

function askDecision(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (prospect.stage !== 'closing' || hasOutcome(prospect) || isItemDone('closing', 'decision-asked', prospect.checklist)) return null;
  return {
    key: 'ask-decision',
    priority: BASE_PRIORITY['ask-decision'],
    title: { fr: 'Demander une décision ferme', en: 'Ask for a firm decision' },
    detail: {
      fr: "Posez clairement la question de l'engagement : oui, non, ou à quelle condition ?",
      en: 'Ask plainly for the commitment: yes, no, or on what condition?',
    },
    action: { kind: 'open-checklist', checklistKey: checklistKey('closing', 'decision-asked') },
  };
}

function noContact(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  // A planned relance, whatever its date, already answers "when do I get back to them?"; the relance rules cover it once due.
  if (!ACTIVE_STAGES.has(prospect.stage) || hasOutcome(prospect) || facts.openRelances.length > 0) return null;
  const lastContact = facts.pastInteractions[0];
  const since = lastContact?.date ?? facts.lastEntry.get(prospect.stage) ?? prospect.createdAt;
  const silentDays = daysBetween(dayOf(since), facts.today);
  if (silentDays <= facts.noContactDays) return null;
  const silence = daysLocalized(silentDays);
  const stageTitle = getStage(prospect.stage).title;
  return {
    key: 'no-contact',
    priority: BASE_PRIORITY['no-contact'],
    title: { fr: `Sans contact depuis ${silence.fr}`, en: `No contact for ${silence.en}` },
    detail: lastContact
      ? {
          fr: "Reprenez contact aujourd'hui, ou notez l'échange s'il a eu lieu sans être enregistré.",
          en: 'Get back in touch today, or log the exchange if it happened without being recorded.',
        }
      : {
          fr: `Aucun contact noté depuis l'entrée en ${stageTitle.fr} : reprenez contact aujourd'hui.`,
          en: `No contact logged since entering ${stageTitle.en}: get back in touch today.`,
        },
    action: { kind: 'schedule-relance', dueDate: facts.today, note: { fr: 'Reprendre contact', en: 'Get back in touch' } },
  };
}

function noDecisionMaker(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (stageIndex(prospect.stage) < stageIndex('contact') || hasOutcome(prospect)) return null;
  // Discovery asks for the decision-maker and the decision process: knowing the process means knowing who decides.
  if (prospect.checklist[CONTACT_DECISION_MAKER]?.done || prospect.checklist[DISCOVERY_DECISION_MAKER]?.done) return null;
  return {
    key: 'no-decision-maker',
    priority: BASE_PRIORITY['no-decision-maker'],
    title: { fr: 'Identifier le vrai décideur', en: 'Identify the real decision-maker' },
    detail: {
      fr: "En B2B, c'est le décideur qui signe : trouvez qui décide vraiment et obtenez de le rencontrer.",
      en: 'In B2B the decision-maker signs the order: find out who really decides and get to meet them.',
    },
    // The point of the stage on screen: past contact, discovery's own decision-maker point (either one clears this).
    action: {
      kind: 'open-checklist',
      checklistKey: stageIndex(prospect.stage) > stageIndex('contact') ? DISCOVERY_DECISION_MAKER : CONTACT_DECISION_MAKER,
    },
  };
}

function discoveryIncomplete(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if ((prospect.stage !== 'discovery' && prospect.stage !== 'proposal') || hasOutcome(prospect)) return null;
  const { done, total, ratio } = stageCompletion('discovery', prospect.checklist);
  if (ratio >= DISCOVERY_SUFFICIENT_RATIO) return null;
  const items = getStage('discovery').checklist.filter((item) => !isItemDone('discovery', item.key, prospect.checklist));
  // Exit points first: they are the ones that block the move to the proposal.
  const next = items.find((item) => item.exit) ?? items[0];
  const action: NextActionCommand | undefined = next && { kind: 'open-checklist', checklistKey: checklistKey('discovery', next.key) };
  const remaining = total - done;
  if (prospect.stage === 'proposal') {
    const percent = Math.round(ratio * 100);
    return {
      key: 'discovery-incomplete',
      priority: PROPOSAL_WITHOUT_DISCOVERY_PRIORITY,
      title: { fr: 'Proposition sans découverte suffisante', en: 'Proposal without enough discovery' },
      detail: {
        fr: `Découverte renseignée à ${percent} % (${done}/${total}) : sans besoins ni leviers notés, l'argumentaire tombe à plat. Complétez-la avant d'envoyer le devis.`,
        en: `Discovery only ${percent}% filled in (${done}/${total}): without needs and levers noted, the pitch falls flat. Complete it before sending the quote.`,
      },
      ...(action ? { action } : {}),
    };
  }
  return {
    key: 'discovery-incomplete',
    priority: BASE_PRIORITY['discovery-incomplete'],
    title: {
      fr: `Découverte à compléter : ${remaining} ${plural(remaining, 'point restant', 'points restants')}`,
      en: `Discovery to complete: ${remaining} ${plural(remaining, 'point', 'points')} left`,
    },
    detail: {
      fr: `${done}/${total} points renseignés. Besoins, leviers, décideur, budget et délai : notez-les avant de proposer.`,
      en: `${done}/${total} points filled in. Needs, levers, decision-maker, budget and timing: note them before proposing.`,
    },
    ...(action ? { action } : {}),
  };
}

function firstContact(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (prospect.stage !== 'prospecting' || hasOutcome(prospect)) return null;
  const qualified = isItemDone('prospecting', 'qualified', prospect.checklist);
  const contactData = isItemDone('prospecting', 'contact-data', prospect.checklist);
  if (qualified && contactData) {
    return {
      key: 'first-contact',
      priority: BASE_PRIORITY['first-contact'],
      title: { fr: 'Prêt pour la prise de contact', en: 'Ready for the first contact' },
      detail: {
        fr: 'Prospect qualifié, coordonnées vérifiées : passez à la prise de contact et visez le décideur.',
        en: 'Qualified, contact details checked: move on to the contact stage and aim for the decision-maker.',
      },
      action: { kind: 'move-stage', to: 'contact' },
    };
  }
  if (facts.pastInteractions.length > 0) {
    // The rep already talked to them: the record lags behind reality, so the move matters more than the ticks.
    return {
      key: 'first-contact',
      priority: BASE_PRIORITY['first-contact'],
      title: { fr: 'Contact déjà établi', en: 'Contact already made' },
      detail: {
        fr: 'Un échange est noté : passez à la prise de contact et confirmez la qualification et les coordonnées.',
        en: 'An exchange is logged: move on to the contact stage and confirm the qualification and contact details.',
      },
      action: { kind: 'move-stage', to: 'contact' },
    };
  }
  const missing = qualified ? 'contact-data' : 'qualified';
  return {
    key: 'first-contact',
    priority: QUALIFY_PRIORITY,
    title: { fr: 'Qualifier ce suspect', en: 'Qualify this lead' },
    detail: {
      fr: 'Confirmez le potentiel et vérifiez les coordonnées avant le premier contact : un fichier faux fait perdre du temps.',
      en: 'Confirm the potential and check the contact details before the first contact: a wrong record wastes time.',
    },
    action: { kind: 'open-checklist', checklistKey: checklistKey('prospecting', missing) },
  };
}

function afterSales(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  if (prospect.stage !== 'relationship' || prospect.outcome?.result !== 'won' || facts.openRelances.length > 0) return null;
  if (isItemDone('relationship', 'after-sales', prospect.checklist)) return null;
  return {
    key: 'after-sales',
    priority: BASE_PRIORITY['after-sales'],
    title: { fr: 'Prévoir le point après-vente', en: 'Plan the after-sales check' },
    detail: {
      fr: 'Nouveau client : un point après-vente évite tout impair et prépare le renouvellement.',
      en: 'New client: an after-sales check avoids any misstep and paves the way for renewal.',
    },
    action: {
      kind: 'schedule-relance',
      dueDate: firstStepDueDate(facts, 'newClient', 7),
      note: { fr: 'Point après-vente', en: 'After-sales check' },
    },
  };
}

function lostReopen(facts: ProspectFacts): NextAction | null {
  const { prospect } = facts;
  const outcome = prospect.outcome;
  if (outcome?.result !== 'lost' || facts.openRelances.length > 0) return null;
  const lostDay = dayOf(outcome.date);
  const reopenDay = addDays(lostDay, LOST_REOPEN_AFTER_DAYS);
  // Long lost: the reopening is due now rather than on a day already past.
  const dueDate = daysBetween(facts.today, reopenDay) > 0 ? reopenDay : facts.today;
  const lostOn = formatDay(lostDay);
  const reason: Localized = outcome.reason ? { fr: ` (${outcome.reason})`, en: ` (${outcome.reason})` } : { fr: '', en: '' };
  return {
    key: 'lost-reopen',
    priority: BASE_PRIORITY['lost-reopen'],
    title: { fr: 'Affaire perdue : prévoir une reprise de contact', en: 'Deal lost: plan to get back in touch' },
    detail: {
      fr: `Perdue le ${lostOn.fr}${reason.fr}. Besoins, budgets et interlocuteurs changent : retentez dans quelques mois.`,
      en: `Lost on ${lostOn.en}${reason.en}. Needs, budgets and people change: try again in a few months.`,
    },
    action: { kind: 'schedule-relance', dueDate, note: { fr: 'Reprise de contact', en: 'Get back in touch' } },
  };
}

const RULES: readonly ((facts: ProspectFacts) => NextAction | null)[] = [
  overdueRelance,
  relanceToday,
  recordOutcome,
  proposalNoRelance,
  askDecision,
  noContact,
  noDecisionMaker,
  discoveryIncomplete,
  firstContact,
  afterSales,
  lostReopen,
];

function collectFacts(input: NextActionInput): ProspectFacts {
  const { prospect } = input;
  // Callers pass one prospect's records; filtering again keeps a stray record from another prospect from steering the advice.
  const ownId = prospect.id;
  const openRelances = input.relances
    .filter((relance) => relance.prospectId === ownId && relance.status === 'open')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const pastInteractions = input.interactions
    .filter((interaction) => interaction.prospectId === ownId && interaction.date <= input.now)
    .sort((a, b) => b.date - a.date);
  const lastEntry = new Map<Stage, number>();
  for (const event of input.stageEvents) {
    if (event.prospectId !== ownId) continue;
    const known = lastEntry.get(event.to);
    if (known === undefined || event.date > known) lastEntry.set(event.to, event.date);
  }
  return {
    prospect,
    today: input.today,
    noContactDays: input.noContactDays,
    cadences: input.cadences ?? DEFAULT_CADENCES,
    openRelances,
    pastInteractions,
    lastEntry,
  };
}

/** The prospect's suggested next steps, most urgent first; at most one per key. */
export function nextBestActions(input: NextActionInput): NextAction[] {
  const facts = collectFacts(input);
  const actions: NextAction[] = [];
  for (const rule of RULES) {
    const action = rule(facts);
    if (action) actions.push(action);
  }
  // Array.prototype.sort is stable, so equal priorities keep the rules' order.
  return actions.sort((a, b) => b.priority - a.priority);
}
