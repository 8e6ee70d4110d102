/**
 * The B2B sales cycle the product guides a rep through (PLAYBOOK.md, steps 1 to 7).
 * Step 1 is the rep's own preparation; steps 2 to 7 are the pipeline stages of a prospect.
 */

export const STAGES = ['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship'] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ['call', 'email', 'linkedin', 'meeting', 'visit', 'video'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Lang = 'fr' | 'en';
export type Localized = Record<Lang, string>;

export type ChecklistItem = {
  /** Stable kebab-case id; stored in ChecklistState, so never rename one. */
  key: string;
  label: Localized;
  hint?: Localized;
  /** Part of the stage's exit criteria: should be done before moving on (moving on anyway only warns). */
  exit: boolean;
};

export type StageStep = 2 | 3 | 4 | 5 | 6 | 7;

export type StageDefinition = {
  key: Stage;
  step: StageStep;
  title: Localized;
  goal: Localized;
  guidance: Localized[];
  goodLooksLike: Localized;
  checklist: ChecklistItem[];
};

export type OfferStepDefinition = {
  step: 1;
  title: Localized;
  goal: Localized;
  guidance: Localized[];
};

export const CHANNEL_LABELS: Readonly<Record<Channel, Localized>> = {
  call: { fr: 'Appel', en: 'Call' },
  email: { fr: 'E-mail', en: 'Email' },
  linkedin: { fr: 'LinkedIn', en: 'LinkedIn' },
  meeting: { fr: 'Rendez-vous', en: 'Meeting' },
  visit: { fr: 'Visite', en: 'Visit' },
  video: { fr: 'Visio', en: 'Video call' },
};

export const OFFER_STEP: OfferStepDefinition = {
  step: 1,
  title: { fr: "Connaître l'offre", en: 'Know the offer' },
  goal: {
    fr: 'Maîtriser vos produits et services — fonctionnement, bénéfices client et limites — pour argumenter avec crédibilité et répondre aux objections.',
    en: 'Master your products and services — how they work, the customer benefits and their limits — to argue credibly and handle objections.',
  },
  guidance: [
    { fr: 'Résumez chaque offre en une phrase simple.', en: 'Sum up each offer in one plain sentence.' },
    {
      fr: 'Listez les bénéfices concrets pour le client, pas seulement les caractéristiques.',
      en: 'List the concrete benefits for the customer, not just the features.',
    },
    { fr: 'Notez honnêtement les limites : elles vous rendent crédible.', en: 'Write down the limits honestly: they make you credible.' },
    { fr: 'Préparez une réponse à chaque objection fréquente.', en: 'Prepare an answer to each common objection.' },
    {
      fr: 'Gardez sous la main preuves, références clients et conditions tarifaires.',
      en: 'Keep proof points, customer references and pricing terms at hand.',
    },
  ],
};

const prospecting: StageDefinition = {
  key: 'prospecting',
  step: 2,
  title: { fr: 'Prospection', en: 'Prospecting' },
  goal: {
    fr: 'Repérer des clients potentiels dans vos cibles et les qualifier : le suspect devient un prospect.',
    en: 'Spot potential customers in your target segments and qualify them: an unqualified lead becomes a prospect.',
  },
  guidance: [
    {
      fr: 'Cherchez dans les segments cibles de votre plan de prospection.',
      en: 'Search within the target segments of your prospecting plan.',
    },
    {
      fr: "Vérifiez le potentiel avant d'investir du temps : besoin plausible, taille, secteur.",
      en: 'Check the potential before investing time: plausible need, size, industry.',
    },
    {
      fr: 'Complétez et vérifiez les coordonnées : e-mail, téléphone, LinkedIn, entreprise, fonction.',
      en: 'Complete and check the contact details: email, phone, LinkedIn, company, role.',
    },
    { fr: "Assurez-vous qu'il n'est pas déjà dans votre fichier prospects.", en: 'Make sure they are not already in your prospect file.' },
    { fr: "Notez d'où vient le contact.", en: 'Record where the lead came from.' },
  ],
  goodLooksLike: {
    fr: 'Un prospect qualifié, dans une cible du plan, avec une fiche complète, exacte et sans doublon.',
    en: 'A qualified prospect in a target segment, with a complete, accurate, duplicate-free record.',
  },
  checklist: [
    {
      key: 'target-segment',
      label: { fr: 'Correspond à un segment cible du plan de prospection', en: 'Matches a target segment of the prospecting plan' },
      hint: { fr: 'Ajoutez le segment en tag.', en: 'Add the segment as a tag.' },
      exit: false,
    },
    {
      key: 'qualified',
      label: { fr: 'Potentiel confirmé (prospect qualifié)', en: 'Potential confirmed (qualified prospect)' },
      hint: {
        fr: "Tant que le potentiel n'est pas confirmé, c'est encore un suspect.",
        en: 'Until the potential is confirmed, it is still an unqualified lead.',
      },
      exit: true,
    },
    {
      key: 'contact-data',
      label: { fr: 'Coordonnées complètes et vérifiées', en: 'Contact details complete and checked' },
      hint: {
        fr: 'E-mail, téléphone, LinkedIn, entreprise, fonction. Un fichier erroné fait perdre du temps et provoque des impairs.',
        en: 'Email, phone, LinkedIn, company, role. A file full of errors wastes time and causes blunders.',
      },
      exit: true,
    },
    {
      key: 'not-duplicate',
      label: { fr: 'Pas de doublon dans le fichier prospects', en: 'Not a duplicate of an existing record' },
      exit: false,
    },
    {
      key: 'source',
      label: { fr: 'Origine du contact renseignée', en: 'Lead source recorded' },
      hint: { fr: 'Salon, recommandation, LinkedIn, site web…', en: 'Trade show, referral, LinkedIn, website…' },
      exit: false,
    },
  ],
};

const contact: StageDefinition = {
  key: 'contact',
  step: 3,
  title: { fr: 'Prise de contact', en: 'Contact' },
  goal: {
    fr: 'Établir un premier vrai échange : téléphone, visite, visio, e-mail ou message LinkedIn.',
    en: 'Have a first real exchange: phone call, visit, video call, email or LinkedIn message.',
  },
  guidance: [
    { fr: 'Choisissez le canal le mieux adapté à ce prospect.', en: 'Pick the channel that suits this prospect best.' },
    {
      fr: "Identifiez le vrai décideur : en B2B, c'est le rencontrer qui fait gagner la commande.",
      en: 'Identify the real decision-maker: in B2B, meeting them is what wins the order.',
    },
    {
      fr: "Présentez-vous en une phrase et donnez une raison concrète d'échanger.",
      en: 'Introduce yourself in one sentence and give a concrete reason to talk.',
    },
    { fr: 'Terminez toujours en fixant le prochain échange.', en: 'Always end by booking the next exchange.' },
  ],
  goodLooksLike: {
    fr: "Le décideur est identifié, un premier échange a eu lieu et le prochain rendez-vous est dans l'agenda.",
    en: 'The decision-maker is identified, a first exchange has happened and the next meeting is in the calendar.',
  },
  checklist: [
    { key: 'channel', label: { fr: 'Canal choisi', en: 'Channel chosen' }, exit: false },
    {
      key: 'decision-maker',
      label: { fr: 'Vrai décideur identifié', en: 'Real decision-maker identified' },
      hint: {
        fr: 'Nom et fonction de la personne qui décide vraiment, pas seulement de votre interlocuteur.',
        en: 'Name and role of the person who actually decides, not just your contact.',
      },
      exit: true,
    },
    { key: 'first-contact', label: { fr: 'Premier contact établi', en: 'First contact made' }, exit: true },
    { key: 'next-exchange', label: { fr: 'Rendez-vous ou prochain échange fixé', en: 'Meeting or next exchange booked' }, exit: false },
  ],
};

const discovery: StageDefinition = {
  key: 'discovery',
  step: 4,
  title: { fr: 'Découverte', en: 'Discovery' },
  goal: {
    fr: "Comprendre ce qui déclencherait une commande : écouter, reformuler, trouver les leviers sur lesquels s'appuiera votre argumentaire.",
    en: 'Understand what would trigger an order: listen, restate, and find the levers your pitch will rely on.',
  },
  guidance: [
    { fr: 'Posez des questions ouvertes et laissez parler le prospect.', en: 'Ask open questions and let the prospect talk.' },
    { fr: 'Notez ses propres mots : ils nourriront votre argumentaire.', en: 'Write down their own words: they will feed your pitch.' },
    { fr: 'Reformulez les besoins et faites-les valider.', en: 'Restate the needs and get them confirmed.' },
    {
      fr: 'Cherchez ce qui déclencherait la commande : gain, économie, risque évité, urgence.',
      en: 'Look for what would trigger the order: gain, savings, risk avoided, urgency.',
    },
    { fr: 'Clarifiez qui décide, avec quel budget et pour quand.', en: 'Clarify who decides, with what budget, and by when.' },
  ],
  goodLooksLike: {
    fr: 'Des besoins reformulés et validés par le prospect, des leviers clairs, et vous savez qui décide, avec quel budget et pour quand.',
    en: 'Needs restated and confirmed by the prospect, clear levers, and you know who decides, with what budget and by when.',
  },
  // Each discovery point holds a short note, not just a tick: the hints prompt what to write.
  checklist: [
    {
      key: 'situation',
      label: { fr: 'Situation actuelle et outils en place', en: 'Current situation and tools' },
      hint: {
        fr: "Comment font-ils aujourd'hui ? Avec quels outils, quels prestataires ?",
        en: 'How do they do it today? With which tools or suppliers?',
      },
      exit: false,
    },
    {
      key: 'needs',
      label: { fr: 'Besoins explicites', en: 'Explicit needs' },
      hint: { fr: 'Ce que le prospect demande, avec ses mots.', en: 'What the prospect asks for, in their own words.' },
      exit: true,
    },
    {
      key: 'levers',
      label: { fr: "Motivations et leviers d'achat", en: 'Motivations and buying levers' },
      hint: {
        fr: 'Ce qui déclencherait la commande : gain, économie, risque évité, image…',
        en: 'What would trigger the order: gain, savings, risk avoided, image…',
      },
      exit: true,
    },
    {
      key: 'reformulation',
      label: { fr: 'Besoins reformulés et validés par le prospect', en: 'Needs restated and confirmed by the prospect' },
      hint: { fr: '« Si je vous ai bien compris… » — notez sa réponse.', en: '“If I understand correctly…” — note their answer.' },
      exit: true,
    },
    {
      key: 'decision-maker',
      label: { fr: 'Décideur et processus de décision', en: 'Decision-maker and decision process' },
      hint: {
        fr: 'Qui décide, qui influence, quelles étapes avant la signature ?',
        en: 'Who decides, who influences, what steps before signing?',
      },
      exit: true,
    },
    {
      key: 'budget',
      label: { fr: 'Budget', en: 'Budget' },
      hint: { fr: 'Enveloppe prévue ou ordre de grandeur acceptable.', en: 'Planned budget or an acceptable ballpark.' },
      exit: true,
    },
    {
      key: 'timing',
      label: { fr: 'Calendrier et échéance', en: 'Timing and deadline' },
      hint: { fr: "Pour quand ? Qu'est-ce qui impose cette date ?", en: 'By when? What drives that date?' },
      exit: false,
    },
    {
      key: 'alternatives',
      label: { fr: 'Alternatives et concurrents envisagés', en: 'Alternatives and competitors considered' },
      hint: {
        fr: 'Autres fournisseurs consultés, solution interne, statu quo.',
        en: 'Other vendors consulted, an in-house option, doing nothing.',
      },
      exit: false,
    },
  ],
};

const proposal: StageDefinition = {
  key: 'proposal',
  step: 5,
  title: { fr: 'Proposition', en: 'Proposal' },
  goal: {
    fr: "Montrer, point par point, le bénéfice qui répond à chaque besoin découvert, avec un discours adapté à l'interlocuteur, puis négocier les conditions.",
    en: 'Show, point by point, the benefit that answers each need you found, with a pitch tailored to the person, then negotiate the terms.',
  },
  guidance: [
    {
      fr: 'Reprenez chaque besoin noté en découverte et associez-lui un bénéfice.',
      en: 'Take each need noted in discovery and match it with a benefit.',
    },
    {
      fr: 'Adaptez votre discours au profil : technique, financier, opérationnel.',
      en: 'Adapt your pitch to the profile: technical, financial, operational.',
    },
    { fr: 'Traitez chaque objection : écoutez, reformulez, répondez.', en: 'Handle each objection: listen, restate, answer.' },
    {
      fr: 'Négociez les conditions (paiement, livraison) contre une contrepartie.',
      en: 'Negotiate the terms (payment, delivery) and get something in return.',
    },
    { fr: 'Envoyez la proposition ou le devis et notez la date.', en: 'Send the proposal or quote and record the date.' },
  ],
  goodLooksLike: {
    fr: 'Chaque besoin a sa réponse, les objections sont levées, les conditions sont négociées et le devis est envoyé.',
    en: 'Every need has an answer, objections are handled, terms are agreed and the quote is sent.',
  },
  checklist: [
    {
      key: 'needs-answered',
      label: { fr: 'Chaque besoin a un bénéfice en réponse', en: 'Each need answered by a benefit' },
      hint: { fr: "Reliez vos notes de découverte aux bénéfices de l'offre.", en: "Link your discovery notes to the offer's benefits." },
      exit: true,
    },
    {
      key: 'pitch-adapted',
      label: { fr: "Discours adapté au profil de l'interlocuteur", en: "Pitch adapted to the person's profile" },
      exit: false,
    },
    {
      key: 'objections',
      label: { fr: 'Objections traitées', en: 'Objections answered' },
      hint: { fr: 'Appuyez-vous sur les réponses préparées dans la fiche offre.', en: 'Use the answers prepared in the offer sheet.' },
      exit: false,
    },
    { key: 'terms', label: { fr: 'Conditions négociées (paiement, livraison)', en: 'Terms negotiated (payment, delivery)' }, exit: false },
    {
      key: 'proposal-sent',
      label: { fr: 'Proposition / devis envoyé', en: 'Proposal / quote sent' },
      hint: { fr: "Notez la date d'envoi : elle lance les relances.", en: 'Record the date sent: it starts the follow-ups.' },
      exit: true,
    },
  ],
};

const closing: StageDefinition = {
  key: 'closing',
  step: 6,
  title: { fr: 'Conclusion', en: 'Closing' },
  goal: {
    fr: 'Concrétiser la vente : demander une décision ferme et obtenir un engagement.',
    en: 'Secure the sale: ask for a firm decision and get a commitment.',
  },
  guidance: [
    {
      fr: 'Demandez clairement la décision, sans attendre que le prospect la propose.',
      en: "Ask for the decision clearly; don't wait for the prospect to offer it.",
    },
    { fr: 'Résumez les bénéfices retenus et les conditions convenues.', en: 'Sum up the benefits and terms you agreed on.' },
    {
      fr: "Remettez le devis sur place ou fixez sa date d'envoi.",
      en: 'Hand over the quote on the spot or set the date you will send it.',
    },
    { fr: 'En cas de refus, notez-en la raison.', en: 'If the answer is no, record the reason.' },
  ],
  goodLooksLike: {
    fr: 'Un engagement ferme et la commande reçue, ou un refus clair avec sa raison.',
    en: 'A firm commitment and the order received, or a clear no with its reason.',
  },
  checklist: [
    { key: 'decision-asked', label: { fr: 'Décision ferme demandée', en: 'Firm decision asked for' }, exit: true },
    { key: 'commitment', label: { fr: 'Engagement obtenu', en: 'Commitment obtained' }, exit: true },
    { key: 'quote-delivered', label: { fr: 'Devis / proposition remis', en: 'Quote / proposal delivered' }, exit: false },
    { key: 'order-received', label: { fr: 'Commande reçue', en: 'Order received' }, exit: false },
  ],
};

const relationship: StageDefinition = {
  key: 'relationship',
  step: 7,
  title: { fr: 'Suivi', en: 'Follow-up' },
  goal: {
    fr: "Relancer la proposition jusqu'à la décision, puis assurer un service après-vente rigoureux pour fidéliser et renouveler les ventes.",
    en: 'Chase the proposal until a decision, then deliver rigorous after-sales service to retain the client and renew sales.',
  },
  guidance: [
    { fr: "Relancez aux dates prévues jusqu'à une décision.", en: 'Follow up on the planned dates until there is a decision.' },
    {
      fr: "Une fois client, vérifiez que la livraison ou la mise en place s'est bien passée.",
      en: 'Once they are a client, check that delivery or onboarding went well.',
    },
    { fr: 'Prenez des nouvelles et mesurez la satisfaction.', en: 'Check in and gauge satisfaction.' },
    { fr: 'Repérez les besoins de renouvellement ou de montée en gamme.', en: 'Spot renewal or upsell opportunities.' },
  ],
  goodLooksLike: {
    fr: 'Un client satisfait, aucun faux pas après la vente, et une prochaine opportunité identifiée.',
    en: 'A satisfied client, no missteps after the sale, and the next opportunity identified.',
  },
  // Last stage: nothing follows it, so it has no exit criteria.
  checklist: [
    { key: 'proposal-chased', label: { fr: "Proposition relancée jusqu'à décision", en: 'Proposal chased until a decision' }, exit: false },
    { key: 'after-sales', label: { fr: 'Point après-vente effectué', en: 'After-sales check done' }, exit: false },
    { key: 'satisfaction', label: { fr: 'Satisfaction vérifiée', en: 'Satisfaction checked' }, exit: false },
    {
      key: 'renewal',
      label: { fr: 'Opportunité de renouvellement ou de montée en gamme identifiée', en: 'Renewal or upsell opportunity identified' },
      exit: false,
    },
  ],
};

export const STAGE_DEFINITIONS: Readonly<Record<Stage, StageDefinition>> = {
  prospecting,
  contact,
  discovery,
  proposal,
  closing,
  relationship,
};

export function isStage(x: unknown): x is Stage {
  return typeof x === 'string' && (STAGES as readonly string[]).includes(x);
}

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && (CHANNELS as readonly string[]).includes(x);
}

export function getStage(stage: Stage): StageDefinition {
  return STAGE_DEFINITIONS[stage];
}

/** 0-based position in the pipeline. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The stage after this one, or null at the last stage. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** The stage before this one, or null at the first stage. */
export function previousStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) - 1] ?? null;
}
