import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { autoMap, type MappableField, outcomeFromText, stageFromText } from '../../../src/import/mapping';
import { closeDatabases, freshDb, planCsvText } from './support';

afterEach(closeDatabases);

function mappedAlone(header: string): MappableField | null {
  return autoMap(['Colonne inconnue', header])[1] ?? null;
}

describe('headers French teams use', () => {
  it.each<[string, MappableField]>([
    ['N° de téléphone', 'phone'],
    ['Numéro de tél.', 'phone'],
    ['Téléphone direct', 'phone'],
    ['Tél. direct', 'phone'],
    ['Tél. portable', 'phone'],
    ['Mobile', 'phone'],
    ['Date de création', 'createdAt'],
    ['Créé le', 'createdAt'],
    ['Create Date', 'createdAt'],
    ['Résultat', 'outcome'],
    ['Motif de perte', 'outcomeReason'],
    ['Date du résultat', 'outcomeDate'],
  ])('maps "%s" to %s', (header, field) => {
    expect(mappedAlone(header)).toBe(field);
  });

  it('gathers every phone column of a CRM export', () => {
    const mapping = autoMap(['Nom', 'N° de téléphone', 'Téléphone direct', 'Tél. portable', 'Date de création']);
    expect(Object.values(mapping)).toEqual(['fullName', 'phone', 'phone', 'phone', 'createdAt']);
  });
});

describe('stage names', () => {
  it("reads the playbook's own step titles in French and English, accent- and case-insensitive", () => {
    expect(
      [
        'Trouver des prospects',
        'Prendre contact',
        'Découvrir les besoins',
        "Présenter l'offre et négocier",
        'Conclure la vente',
        'Suivre et construire la relation',
      ].map(stageFromText),
    ).toEqual(['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship']);
    expect(
      ['Find prospects', 'MAKE CONTACT', 'discover needs', 'Present and negotiate', 'Close', 'Follow up and build the relationship'].map(
        stageFromText,
      ),
    ).toEqual(['prospecting', 'contact', 'discovery', 'proposal', 'closing', 'relationship']);
    expect(['PRENDRE CONTACT', 'decouvrir les besoins', 'Présenter l’offre et négocier', 'conclure la VENTE'].map(stageFromText)).toEqual([
      'contact',
      'discovery',
      'proposal',
      'closing',
    ]);
  });

  it('reads the usual CRM pipeline words: negotiation is step 5, present and negotiate', () => {
    expect(['Négociation', 'negociation', 'Negotiation', 'Devis envoyé', 'Rendez-vous', 'Signature'].map(stageFromText)).toEqual([
      'proposal',
      'proposal',
      'proposal',
      'proposal',
      'contact',
      'closing',
    ]);
  });

  it('reads won and lost as an outcome, not a stage', () => {
    expect(['Gagné', 'GAGNEE', 'Won', 'Closed Won', 'Perdu', 'perdue', 'Lost', 'closedlost', 'Négociation'].map(outcomeFromText)).toEqual([
      'won',
      'won',
      'won',
      'won',
      'lost',
      'lost',
      'lost',
      'lost',
      null,
    ]);
    expect(['Gagné', 'Perdu'].map(stageFromText)).toEqual([null, null]);
  });

  it('imports the rows at those stages without an unknown-stage warning', async () => {
    const plan = await planCsvText(
      freshDb(),
      'Nom;Étape;N° de téléphone\n' +
        'Jeanne Dupont;Prendre contact;04 72 10 20 30\n' +
        'Paul Martin;Négociation;06 11 22 33 44\n' +
        "Luc Petit;Présenter l'offre et négocier;\n" +
        'Marie Curie;Conclure la vente;\n',
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.ok.map((row) => [row.contact.fullName, row.contact.stage, row.contact.phones])).toEqual([
      ['Jeanne Dupont', 'contact', ['04 72 10 20 30']],
      ['Paul Martin', 'proposal', ['06 11 22 33 44']],
      ['Luc Petit', 'proposal', []],
      ['Marie Curie', 'closing', []],
    ]);
  });
});
