import { describe, expect, it } from 'vitest';
import { matchBenefitsToNeeds, searchObjections, stemsOf } from '../../../src/process/offer-match';

describe('matching offer benefits to discovery needs', () => {
  const benefits = [
    'Accompagnement par un chef de projet dédié',
    'Synchronisation automatique des commandes entre CRM et ERP',
    'Tableaux de bord commerciaux en temps réel',
  ];

  it('puts the benefits that answer a noted need first, with that need', () => {
    const matches = matchBenefitsToNeeds(benefits, ['Supprimer la double saisie des commandes entre CRM et ERP', 'Budget validé']);
    expect(matches[0]).toEqual({
      benefit: 'Synchronisation automatique des commandes entre CRM et ERP',
      needs: ['Supprimer la double saisie des commandes entre CRM et ERP'],
      score: 3,
    });
    expect(matches.slice(1).map((m) => m.score)).toEqual([0, 0]);
  });

  it('keeps the offer order when nothing matches', () => {
    expect(matchBenefitsToNeeds(benefits, []).map((m) => m.benefit)).toEqual(benefits);
  });

  it('ignores accents, case, plurals and short or common words', () => {
    expect(stemsOf('Les Tableaux de bord, réels et CRM')).toEqual(new Set(['table', 'bord', 'reels', 'crm']));
    expect(matchBenefitsToNeeds(['Rapports détaillés'], ['rapport detaille attendu'])[0]?.score).toBe(2);
  });
});

describe('searching objections', () => {
  const objections = [
    { objection: 'C’est trop cher', answer: 'Le retour sur investissement est atteint en 6 mois.' },
    { objection: 'Nous avons déjà un outil', answer: 'Nous nous intégrons à Salesforce.' },
  ];
  it('finds by any word of the objection or the answer, without accents', () => {
    expect(searchObjections(objections, 'cher')).toHaveLength(1);
    expect(searchObjections(objections, 'deja OUTIL')).toEqual([objections[1]]);
    expect(searchObjections(objections, 'salesforce')).toEqual([objections[1]]);
    expect(searchObjections(objections, '  ')).toEqual(objections);
    expect(searchObjections(objections, 'prix licence')).toEqual([]);
  });
});
