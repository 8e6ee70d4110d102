import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadToPageContact, type ParsedLead, parseSignature } from '../../../src/capture/signature';
import { isEmail } from '../../../src/matching/keys';
import { pageContactSchema } from '../../../src/model/page-contact';

/*
 * Every signature is read twice: as written (lines) and as Chromium's selectionText gives it
 * (white space collapsed to single spaces). Both must give the same lead unless a case says why not.
 */

interface SignatureCase {
  name: string;
  text: string;
  lead: ParsedLead;
  /** The lead read from the flattened text, when it differs from the multi-line one. */
  flattened?: ParsedLead;
}

const cases: SignatureCase[] = [
  {
    name: 'French signature at the end of an email body, with address, landline, mobile and website',
    text: `Bonjour Paul,

Suite à notre échange de ce matin, voici notre proposition pour le lot 2.
Le rendez-vous du 12/03/2025 à 10h30 est confirmé (commande n° 0612345678, montant 1 250,00 €).

Bien cordialement,

Jean Dupont
Directeur commercial
Acme Industrie
12 rue de la Paix 75002 Paris
Tél : 01 23 45 67 89
Mob. 06 12 34 56 78
jean.dupont@acme-industrie.fr
www.acme-industrie.fr`,
    lead: {
      fullName: 'Jean Dupont',
      jobTitle: 'Directeur commercial',
      company: 'Acme Industrie',
      emails: ['jean.dupont@acme-industrie.fr'],
      phones: ['+33123456789', '+33612345678'],
      website: 'https://www.acme-industrie.fr',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data', website: 'data' },
    },
  },
  {
    name: 'English signature with "Title | Company", a UK number and a LinkedIn profile',
    text: `Best regards,
Sarah O'Connor
Head of Sales EMEA | Globex Ltd
+44 20 7946 0958
sarah.oconnor@globex.co.uk
https://uk.linkedin.com/in/Sarah-OConnor-1234?trk=email`,
    lead: {
      fullName: "Sarah O'Connor",
      jobTitle: 'Head of Sales EMEA',
      company: 'Globex Ltd',
      emails: ['sarah.oconnor@globex.co.uk'],
      phones: ['+442079460958'],
      linkedinUrl: 'https://www.linkedin.com/in/sarah-oconnor-1234/',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data', linkedinUrl: 'data' },
    },
  },
  {
    name: 'name with particles, "Title chez Company", +33 (0) numbers and a French disclaimer',
    text: `--
Marie de La Tour
Responsable achats chez Bâtiments Durand
T : +33 (0)1 42 68 53 00 - M : +33 6 98 76 54 32
marie.delatour@batiments-durand.fr

Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.
Si vous avez reçu ce message par erreur, merci de le détruire. Contact : dpo@batiments-durand.fr`,
    lead: {
      fullName: 'Marie de La Tour',
      jobTitle: 'Responsable achats',
      company: 'Bâtiments Durand',
      emails: ['marie.delatour@batiments-durand.fr'],
      phones: ['+33142685300', '+33698765432'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'ALL-CAPS family name, "CEO @ Company", an [at] address and a Gmail quoted reply in French',
    text: `Merci Paul pour ce retour rapide, je te rappelle demain.

Cordialement,
Jean DUPONT
CEO @ Nexora
jean [at] nexora.io

Le lun. 3 mars 2025 à 10:02, Paul Martin <paul.martin@client-industries.fr> a écrit :
> Bonjour Jean,
> Pouvez-vous me rappeler au 01 98 76 54 32 ?
> Paul Martin
> Directeur des achats`,
    lead: {
      fullName: 'Jean DUPONT',
      jobTitle: 'CEO',
      company: 'Nexora',
      emails: ['jean@nexora.io'],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data' },
    },
  },
  {
    name: 'English reply: "Title at Company", US number, website, and a Gmail "On … wrote:" quote',
    text: `Hi Claire,

Thanks for the deck, let's talk Thursday.

Kind regards,
Michael Chen
VP of Marketing at Northwind Traders
+1 (415) 555-0132
https://northwind-traders.com/

On Mon, Mar 3, 2025 at 10:02 AM Claire Petit <claire.petit@acme.fr> wrote:
> Hello Michael,
> Please find attached our offer. +33 6 11 22 33 44`,
    lead: {
      fullName: 'Michael Chen',
      jobTitle: 'VP of Marketing',
      company: 'Northwind Traders',
      emails: [],
      phones: ['+14155550132'],
      website: 'https://northwind-traders.com',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', phones: 'data', website: 'data' },
    },
  },
  {
    name: 'Outlook "De : / Envoyé : / À : / Objet :" block after the signature',
    text: `Bonjour,

Je vous confirme notre commande.

Bien à vous,

Isabelle Garnier
Acheteuse
Transports Garnier
Ligne directe : 04 72 11 22 33
isabelle.garnier@transports-garnier.fr

________________________________
De : Lucas Moreau <lucas.moreau@nexwell.fr>
Envoyé : lundi 3 mars 2025 10:02
À : Isabelle Garnier <isabelle.garnier@transports-garnier.fr>
Objet : RE: Devis 2025-118

Lucas Moreau
Business Developer
06 55 44 33 22`,
    lead: {
      fullName: 'Isabelle Garnier',
      jobTitle: 'Acheteuse',
      company: 'Transports Garnier',
      emails: ['isabelle.garnier@transports-garnier.fr'],
      phones: ['+33472112233'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: '"-----Original Message-----" quote and a "Title, Company" line',
    text: `Regards,
David Miller
Procurement Manager, Contoso Pharma
Phone: +32 2 555 12 12
david.miller@contoso-pharma.be

-----Original Message-----
From: Anna Schmidt [mailto:anna.schmidt@muster.de]
Sent: Monday, March 3, 2025 10:02 AM
To: David Miller
Subject: Quote`,
    lead: {
      fullName: 'David Miller',
      jobTitle: 'Procurement Manager',
      company: 'Contoso Pharma',
      emails: ['david.miller@contoso-pharma.be'],
      phones: ['+3225551212'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'free-mail address and a dotted mobile: no company guessed from gmail.com',
    text: `Cordialement,
Thomas Bernard
Consultant indépendant
06.12.34.56.78
thomas.bernard.pro@gmail.com`,
    lead: {
      fullName: 'Thomas Bernard',
      jobTitle: 'Consultant indépendant',
      emails: ['thomas.bernard.pro@gmail.com'],
      phones: ['+33612345678'],
      confidence: { fullName: 'markup', jobTitle: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'a signature with only an email: the company is guessed from the domain',
    text: `claire.martin@exemple-conseil.fr`,
    lead: {
      company: 'Exemple Conseil',
      emails: ['claire.martin@exemple-conseil.fr'],
      phones: [],
      confidence: { company: 'guess', emails: 'data' },
    },
  },
  {
    name: 'several addresses: the personal one first, duplicates dropped with their first spelling',
    text: `Sophie Bernard
Directrice marketing – Lumen Cosmétiques
contact@lumen-cosmetiques.fr / Sophie.Bernard@Lumen-Cosmetiques.fr
Écrivez-moi aussi sur sophie.bernard@lumen-cosmetiques.fr ou s.bernard@gmail.com`,
    lead: {
      fullName: 'Sophie Bernard',
      jobTitle: 'Directrice marketing',
      company: 'Lumen Cosmétiques',
      emails: ['Sophie.Bernard@Lumen-Cosmetiques.fr', 's.bernard@gmail.com', 'contact@lumen-cosmetiques.fr'],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data' },
    },
  },
  {
    name: 'legal footer: SIRET, SIREN, RCS, VAT, IBAN and capital are not phone numbers',
    text: `Nicolas Faure
Gérant
Menuiserie Faure SARL
Tél. 05 56 12 34 56
SARL au capital de 50 000 € – RCS Bordeaux 812 345 678 – SIRET 812 345 678 00019
N° TVA intracommunautaire : FR12812345678 – IBAN FR76 3000 6000 0112 3456 7890 189
Facture 0556123457 – Commande n° 0612345679`,
    lead: {
      fullName: 'Nicolas Faure',
      jobTitle: 'Gérant',
      company: 'Menuiserie Faure SARL',
      emails: [],
      phones: ['+33556123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', phones: 'data' },
    },
  },
  {
    name: 'the same mobile written three ways is one phone; the fax is left out',
    text: `Bien à vous,
Élodie Martin-Lefèvre
Chargée d'affaires
Groupe Martin & Fils
Portable : +33 (0)6 12 34 56 78
Mobile : 0033 6 12 34 56 78 / 0612345678
Fax : 01 45 67 89 10
elodie.martin-lefevre@groupe-martin.fr`,
    lead: {
      fullName: 'Élodie Martin-Lefèvre',
      jobTitle: "Chargée d'affaires",
      company: 'Groupe Martin & Fils',
      emails: ['elodie.martin-lefevre@groupe-martin.fr'],
      phones: ['+33612345678'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'Swiss and Belgian numbers with English labels',
    text: `Kind regards,

Laura Keller
Key Account Manager
Helvetia Data Systems
Phone: +41 22 555 12 34
Mobile: +32 470 12 34 56
laura.keller@helvetia-data.ch`,
    lead: {
      fullName: 'Laura Keller',
      jobTitle: 'Key Account Manager',
      company: 'Helvetia Data Systems',
      emails: ['laura.keller@helvetia-data.ch'],
      phones: ['+41225551234', '+32470123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'German signature with a particle, a GmbH and a street address',
    text: `Mit freundlichen Grüßen

Hans von Weber
Managing Director
Muster Maschinenbau GmbH
Friedrichstraße 123, 10117 Berlin
Tel.: +49 30 123456
h.vonweber@muster-maschinenbau.de`,
    lead: {
      fullName: 'Hans von Weber',
      jobTitle: 'Managing Director',
      company: 'Muster Maschinenbau GmbH',
      emails: ['h.vonweber@muster-maschinenbau.de'],
      phones: ['+4930123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'hyphenated given name, "Ligne directe" and a standard number',
    text: `Anne-Sophie Lefèvre
Directrice commerciale
Sopra Logistique
Ligne directe : 01 84 12 34 56
Standard : 01 84 12 34 00
anne-sophie.lefevre@sopra-logistique.fr
sopra-logistique.fr`,
    lead: {
      fullName: 'Anne-Sophie Lefèvre',
      jobTitle: 'Directrice commerciale',
      company: 'Sopra Logistique',
      emails: ['anne-sophie.lefevre@sopra-logistique.fr'],
      phones: ['+33184123456', '+33184123400'],
      website: 'https://sopra-logistique.fr',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data', website: 'data' },
    },
  },
  {
    name: 'a short mobile signature with "Envoyé de mon iPhone"',
    text: `Ok pour jeudi 14h.

Thomas Girard
06 11 22 33 44

Envoyé de mon iPhone`,
    lead: {
      fullName: 'Thomas Girard',
      emails: [],
      phones: ['+33611223344'],
      confidence: { fullName: 'markup', phones: 'data' },
    },
  },
  {
    name: 'environment notice and social links are not a company or a website',
    text: `Cordialement,
Julien Roux
Responsable grands comptes
Altima Solutions
julien.roux@altima-solutions.fr
Suivez-nous : https://www.linkedin.com/company/altima-solutions | https://twitter.com/altima
Pensez à l'environnement avant d'imprimer ce mail.`,
    lead: {
      fullName: 'Julien Roux',
      jobTitle: 'Responsable grands comptes',
      company: 'Altima Solutions',
      emails: ['julien.roux@altima-solutions.fr'],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data' },
    },
  },
  {
    name: 'English disclaimer after the signature',
    text: `Thanks,

Emily Walker
Chief Revenue Officer
Brightpath Analytics Inc.
+1 212-555-0187 | emily@brightpath.io

This email and any attachments are confidential and intended solely for the addressee. If you are not the intended recipient, call +1 212-555-0100.`,
    lead: {
      fullName: 'Emily Walker',
      jobTitle: 'Chief Revenue Officer',
      company: 'Brightpath Analytics Inc.',
      emails: ['emily@brightpath.io'],
      phones: ['+12125550187'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'everything on one line with dashes',
    text: `Paul Martin – Acheteur – Fournitures Lemaire – 03 20 12 34 56 – p.martin@fournitures-lemaire.fr`,
    lead: {
      fullName: 'Paul Martin',
      jobTitle: 'Acheteur',
      company: 'Fournitures Lemaire',
      emails: ['p.martin@fournitures-lemaire.fr'],
      phones: ['+33320123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'Dutch name with "van den" and pipes',
    text: `Pieter van den Berg | Account Executive | Brightwave
+32 2 555 12 12 | pieter.vandenberg@brightwave.eu | www.brightwave.eu`,
    lead: {
      fullName: 'Pieter van den Berg',
      jobTitle: 'Account Executive',
      company: 'Brightwave',
      emails: ['pieter.vandenberg@brightwave.eu'],
      phones: ['+3225551212'],
      website: 'https://www.brightwave.eu',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data', website: 'data' },
    },
  },
  {
    name: 'civility before the name',
    text: `Très cordialement,

Mme Claire Rousseau
Directrice des ressources humaines
Clinique Saint-Roch
Tél : 04 67 12 34 56
c.rousseau@clinique-saintroch.fr`,
    lead: {
      fullName: 'Claire Rousseau',
      jobTitle: 'Directrice des ressources humaines',
      company: 'Clinique Saint-Roch',
      emails: ['c.rousseau@clinique-saintroch.fr'],
      phones: ['+33467123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'company line before the title line',
    text: `Merci,

Lucas Moreau
Nexwell
Business Developer
lucas.moreau@nexwell.fr
06 55 44 33 22`,
    lead: {
      fullName: 'Lucas Moreau',
      jobTitle: 'Business Developer',
      company: 'Nexwell',
      emails: ['lucas.moreau@nexwell.fr'],
      phones: ['+33655443322'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'obfuscated addresses with (at) and arobase',
    text: `Luc Petit
Avocat associé
Cabinet Petit Avocats
luc.petit (at) petit-avocats.fr – secretariat arobase petit-avocats.fr
01 53 45 67 89`,
    lead: {
      fullName: 'Luc Petit',
      jobTitle: 'Avocat associé',
      company: 'Cabinet Petit Avocats',
      emails: ['luc.petit@petit-avocats.fr', 'secretariat@petit-avocats.fr'],
      phones: ['+33153456789'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'no title: the name line, then the company',
    text: `Bonne journée,
Camille Durand
Durand Emballages
camille@durand-emballages.com
+33 2 40 12 34 56`,
    lead: {
      fullName: 'Camille Durand',
      company: 'Durand Emballages',
      emails: ['camille@durand-emballages.com'],
      phones: ['+33240123456'],
      confidence: { fullName: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'no title and no company written: company guessed from the address',
    text: `A bientôt,
Hugo Lambert
hugo.lambert@verdane-energie.fr
07 81 23 45 67`,
    lead: {
      fullName: 'Hugo Lambert',
      company: 'Verdane Energie',
      emails: ['hugo.lambert@verdane-energie.fr'],
      phones: ['+33781234567'],
      confidence: { fullName: 'markup', company: 'guess', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'US address with suite and state is not the company',
    text: `Best,
Rachel Green
Senior Account Executive
Lakeshore Software
500 Howard Street, Suite 200, San Francisco, CA 94105
Office: +1 415 555 0199
rachel.green@lakeshoresoftware.com`,
    lead: {
      fullName: 'Rachel Green',
      jobTitle: 'Senior Account Executive',
      company: 'Lakeshore Software',
      emails: ['rachel.green@lakeshoresoftware.com'],
      phones: ['+14155550199'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'French postcode with CEDEX and a BP line',
    text: `Cordialement

Bruno Lefebvre
Responsable des achats
Papeteries Lefebvre
ZI des Forges – BP 45
59100 Roubaix Cedex
T. 03 20 11 22 33
bruno.lefebvre@papeteries-lefebvre.fr`,
    lead: {
      fullName: 'Bruno Lefebvre',
      jobTitle: 'Responsable des achats',
      company: 'Papeteries Lefebvre',
      emails: ['bruno.lefebvre@papeteries-lefebvre.fr'],
      phones: ['+33320112233'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'Co-founder & CEO with a LinkedIn link written without a scheme',
    text: `Cheers,
Nadia Benali
Co-founder & CEO – Kumo Labs
nadia@kumolabs.io
linkedin.com/in/nadia-benali`,
    lead: {
      fullName: 'Nadia Benali',
      jobTitle: 'Co-founder & CEO',
      company: 'Kumo Labs',
      emails: ['nadia@kumolabs.io'],
      phones: [],
      linkedinUrl: 'https://www.linkedin.com/in/nadia-benali/',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', linkedinUrl: 'data' },
    },
  },
  {
    name: 'sign-off and name on the same line, name with an email in angle brackets',
    text: `Merci d'avance, Olivier Masson <olivier.masson@cerealis.fr>
Responsable qualité
Cerealis
Tél : +33 3 26 12 34 56`,
    lead: {
      fullName: 'Olivier Masson',
      jobTitle: 'Responsable qualité',
      company: 'Cerealis',
      emails: ['olivier.masson@cerealis.fr'],
      phones: ['+33326123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'name, title and company separated by commas',
    text: `Regards, Karim Haddad, Sales Director, Orionis Telecom, +33 1 70 12 34 56, karim.haddad@orionis-telecom.com`,
    lead: {
      fullName: 'Karim Haddad',
      jobTitle: 'Sales Director',
      company: 'Orionis Telecom',
      emails: ['karim.haddad@orionis-telecom.com'],
      phones: ['+33170123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'family name first in capitals',
    text: `Cordialement,
MOREL Alice
Ingénieure d'affaires
Hydrotech Services
alice.morel@hydrotech-services.fr
09 72 12 34 56`,
    lead: {
      fullName: 'MOREL Alice',
      jobTitle: "Ingénieure d'affaires",
      company: 'Hydrotech Services',
      emails: ['alice.morel@hydrotech-services.fr'],
      phones: ['+33972123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'two landlines on consecutive lines without labels',
    text: `Bien cordialement,
Pauline Mercier
Office Manager
Atelier Mercier
01 44 55 66 77
06 98 76 54 32
pauline@atelier-mercier.fr`,
    lead: {
      fullName: 'Pauline Mercier',
      jobTitle: 'Office Manager',
      company: 'Atelier Mercier',
      emails: ['pauline@atelier-mercier.fr'],
      phones: ['+33144556677', '+33698765432'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'website with https and a path, LinkedIn profile, no email',
    text: `Antoine Leroy
Fondateur
Leroy Conseil
+33 6 45 67 89 01
https://leroy-conseil.fr/equipe
https://www.linkedin.com/in/antoine-leroy-8b2a1c/`,
    lead: {
      fullName: 'Antoine Leroy',
      jobTitle: 'Fondateur',
      company: 'Leroy Conseil',
      emails: [],
      phones: ['+33645678901'],
      website: 'https://leroy-conseil.fr/equipe',
      linkedinUrl: 'https://www.linkedin.com/in/antoine-leroy-8b2a1c/',
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', phones: 'data', website: 'data', linkedinUrl: 'data' },
    },
  },
  {
    name: 'three-word name without a hyphen, then an acronym title',
    text: `Marie Anne Girard
Responsable RH
Biolys
marie-anne.girard@biolys.fr`,
    lead: {
      fullName: 'Marie Anne Girard',
      jobTitle: 'Responsable RH',
      company: 'Biolys',
      emails: ['marie-anne.girard@biolys.fr'],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data' },
    },
  },
  {
    name: 'abbreviated seniority, a title going on after a comma, and one-letter labels',
    text: `Best,

Tom Becker
Sr. Solutions Engineer, EMEA
Datacore
m: +44 7911 123456
e: tom.becker@datacore.io`,
    lead: {
      fullName: 'Tom Becker',
      jobTitle: 'Sr. Solutions Engineer, EMEA',
      company: 'Datacore',
      emails: ['tom.becker@datacore.io'],
      phones: ['+447911123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: '"Director, Strategic Partnerships" is one title',
    text: `Regards
Priya Sharma
Director, Strategic Partnerships
Nimbus Cloud Inc.
T +1 650 555 0188
priya.sharma@nimbuscloud.com`,
    lead: {
      fullName: 'Priya Sharma',
      jobTitle: 'Director, Strategic Partnerships',
      company: 'Nimbus Cloud Inc.',
      emails: ['priya.sharma@nimbuscloud.com'],
      phones: ['+16505550188'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'first-name sign-off above the full signature',
    text: `Merci et bonne journée,
Jean-Marc

Jean-Marc Olivier
Responsable logistique
TransEuropa
+33 (0) 3 88 12 34 56`,
    lead: {
      fullName: 'Jean-Marc Olivier',
      jobTitle: 'Responsable logistique',
      company: 'TransEuropa',
      emails: [],
      phones: ['+33388123456'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', phones: 'data' },
    },
  },
  {
    name: 'doctor with a lowercase title word and a postcode',
    text: `Salutations distinguées,

Dr. Henri Blanchard
Médecin coordinateur
Clinique des Alpes
38000 Grenoble`,
    lead: {
      fullName: 'Henri Blanchard',
      jobTitle: 'Médecin coordinateur',
      company: 'Clinique des Alpes',
      emails: [],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup' },
    },
  },
  {
    name: 'Spanish name with two family names and a S.L. company',
    text: `Best regards

Maria Garcia Lopez
Export Manager Spain & Portugal
Vinos del Sol S.L.
+34 912 345 678`,
    lead: {
      fullName: 'Maria Garcia Lopez',
      jobTitle: 'Export Manager Spain & Portugal',
      company: 'Vinos del Sol S.L.',
      emails: [],
      phones: ['+34912345678'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', phones: 'data' },
    },
  },
  {
    name: 'acronym title, company after a dash, numbers with labels in brackets',
    text: `--
Julie Fabre
DRH – Groupe Fabre
j.fabre@groupe-fabre.com
04 91 23 45 67 (standard)
07 12 34 56 78 (portable)`,
    lead: {
      fullName: 'Julie Fabre',
      jobTitle: 'DRH',
      company: 'Groupe Fabre',
      emails: ['j.fabre@groupe-fabre.com'],
      phones: ['+33491234567', '+33712345678'],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup', emails: 'data', phones: 'data' },
    },
  },
  {
    name: 'a place after the title on its own line: only the lines tell it from the company',
    text: `Jean Dupont
Sales Manager, France
Acme`,
    lead: {
      fullName: 'Jean Dupont',
      jobTitle: 'Sales Manager',
      company: 'Acme',
      emails: [],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup' },
    },
    // Flattened, "France Acme" reads like "France Boissons": the line break was the only clue.
    flattened: {
      fullName: 'Jean Dupont',
      jobTitle: 'Sales Manager',
      company: 'France Acme',
      emails: [],
      phones: [],
      confidence: { fullName: 'markup', jobTitle: 'markup', company: 'markup' },
    },
  },
];

describe('parseSignature on real-shaped signatures', () => {
  for (const signature of cases) {
    it(`${signature.name} (as written)`, () => {
      expect(parseSignature(signature.text)).toEqual(signature.lead);
    });
    it(`${signature.name} (flattened)`, () => {
      expect(parseSignature(signature.text.replace(/\s+/g, ' '))).toEqual(signature.flattened ?? signature.lead);
    });
  }
});

describe('flattening keeps the contact data', () => {
  it('reads the same emails, phones and links from any two signatures pasted together, as written or flattened', {
    timeout: 60_000,
  }, () => {
    for (const first of cases) {
      for (const second of cases) {
        const text = `${first.text}\n\n${second.text}`;
        const written = parseSignature(text);
        const flattened = parseSignature(text.replace(/\s+/g, ' '));
        expect([flattened.emails, flattened.phones, flattened.website, flattened.linkedinUrl]).toEqual([
          written.emails,
          written.phones,
          written.website,
          written.linkedinUrl,
        ]);
      }
    }
  });
});

describe('parseSignature options and edge cases', () => {
  it('reads national numbers for another default country', () => {
    expect(parseSignature('Tél. 02 555 12 12', { defaultCountry: 'BE' }).phones).toEqual(['+3225551212']);
    expect(parseSignature('Call (415) 555-0132', { defaultCountry: 'US' }).phones).toEqual(['+14155550132']);
    expect(parseSignature('Call (415) 555-0132').phones).toEqual([]);
  });
  it('falls back to France for an unknown country', () => {
    const options = { defaultCountry: 'ZZ' } as unknown as Parameters<typeof parseSignature>[1];
    expect(parseSignature('06 12 34 56 78', options).phones).toEqual(['+33612345678']);
  });
  it('keeps markup as plain text and never runs it', () => {
    const lead = parseSignature(
      '<script>alert("x")</script><b>Jean Dupont</b><br>Directeur<br><a href="mailto:jean.dupont@acme.fr">jean.dupont@acme.fr</a>',
    );
    expect(lead.emails).toEqual(['jean.dupont@acme.fr']);
    expect(lead.fullName).toBe('Jean Dupont');
    expect(lead.jobTitle).toBe('Directeur');
  });
  it('returns an empty lead for empty, blank or non-string input', () => {
    const empty = { emails: [], phones: [], confidence: {} };
    expect(parseSignature('')).toEqual(empty);
    expect(parseSignature(' \n\t ')).toEqual(empty);
    expect(parseSignature(undefined as unknown as string)).toEqual(empty);
    expect(parseSignature(42 as unknown as string)).toEqual(empty);
  });
  it('does not take dates, prices, times or references in a body for phones', () => {
    const body =
      'Le devis n° 2025-0042 du 03/03/2025, total 12 345,67 € HT, livraison le 15.04.2025 à 10:30, réf. 0612345678, code postal 75008.';
    expect(parseSignature(body).phones).toEqual([]);
  });
  it('finds a lead whose signature comes before a long quoted thread', () => {
    const thread = `Jean Dupont\nDirecteur commercial\njean.dupont@acme-industrie.fr\n\nLe mar. 4 mars 2025 à 09:00, Paul <paul@client.fr> a écrit :\n${'> texte cité 01 23 45 67 89 autre@client.fr\n'.repeat(3000)}`;
    const lead = parseSignature(thread);
    expect(lead.emails).toEqual(['jean.dupont@acme-industrie.fr']);
    expect(lead.phones).toEqual([]);
    expect(lead.fullName).toBe('Jean Dupont');
  });
});

describe('leadToPageContact', () => {
  it('maps a lead to a webmail person with the first email and field confidences', () => {
    const lead = parseSignature(cases[1]?.text ?? '');
    const contact = leadToPageContact(lead);
    expect(contact).toEqual({
      site: 'webmail',
      kind: 'person',
      fullName: "Sarah O'Connor",
      email: 'sarah.oconnor@globex.co.uk',
      jobTitle: 'Head of Sales EMEA',
      company: 'Globex Ltd',
      linkedinUrl: 'https://www.linkedin.com/in/sarah-oconnor-1234/',
      confidence: { fullName: 'markup', email: 'data', jobTitle: 'markup', company: 'markup', linkedinUrl: 'data' },
    });
    expect(pageContactSchema.safeParse(contact).success).toBe(true);
  });
  it('keeps a guessed company as a guess', () => {
    expect(leadToPageContact(parseSignature('claire.martin@exemple-conseil.fr'))).toEqual({
      site: 'webmail',
      kind: 'person',
      email: 'claire.martin@exemple-conseil.fr',
      company: 'Exemple Conseil',
      confidence: { email: 'data', company: 'guess' },
    });
  });
  it('names a person by a LinkedIn URL alone', () => {
    expect(leadToPageContact(parseSignature('https://www.linkedin.com/in/nadia-benali'))).toEqual({
      site: 'webmail',
      kind: 'person',
      linkedinUrl: 'https://www.linkedin.com/in/nadia-benali/',
      confidence: { linkedinUrl: 'data' },
    });
  });
  it('is null when nothing names a person', () => {
    expect(leadToPageContact(parseSignature('Tél : 01 23 45 67 89 – www.acme.fr – Acme Industrie'))).toBeNull();
    expect(leadToPageContact({ emails: [], phones: [], confidence: {} })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: whatever the selection, a well-formed lead and no exception

const E164 = /^\+[1-9]\d{6,14}$/;
const FIELDS = ['fullName', 'jobTitle', 'company', 'website', 'linkedinUrl'] as const;

function assertWellFormed(lead: ParsedLead): void {
  expect(Array.isArray(lead.emails) && Array.isArray(lead.phones)).toBe(true);
  for (const email of lead.emails) expect(isEmail(email)).toBe(true);
  expect(new Set(lead.emails.map((email) => email.toLowerCase())).size).toBe(lead.emails.length);
  for (const phone of lead.phones) expect(phone).toMatch(E164);
  expect(new Set(lead.phones).size).toBe(lead.phones.length);
  for (const field of FIELDS) {
    const value = lead[field];
    if (value === undefined) {
      expect(lead.confidence[field]).toBeUndefined();
      continue;
    }
    expect(value.trim()).toBe(value);
    expect(value.length).toBeGreaterThan(0);
    expect(value.length).toBeLessThanOrEqual(400);
    expect(lead.confidence[field]).toBeDefined();
  }
  if (lead.website) expect(lead.website).toMatch(/^https?:\/\/[^\s]+$/);
  if (lead.linkedinUrl) expect(lead.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[^/]+\/$/);
  const contact = leadToPageContact(lead);
  if (contact) expect(pageContactSchema.safeParse(contact).success).toBe(true);
}

const FRAGMENTS = [
  ...cases.flatMap((signature) => signature.text.split('\n')),
  'Cordialement,',
  'Best regards',
  '--',
  '> ',
  'a écrit :',
  'wrote:',
  'De : ',
  'Envoyé : ',
  '-----Original Message-----',
  '[at]',
  '(at)',
  ' arobase ',
  '[dot]',
  '@',
  '@@',
  'a@b',
  '.fr',
  'www.',
  'https://',
  'linkedin.com/in/',
  '+33',
  '+',
  '(0)',
  '0033',
  '06',
  '12 34',
  'SIRET',
  'n°',
  'Tél :',
  'Fax :',
  'M.',
  'chez',
  ' at ',
  '|',
  '–',
  '<script>alert(1)</script>',
  '<b>',
  '%E0%A4%A',
  '\u0000',
  '\u001f',
  '\uE000',
  '\u200b',
  '\ud800',
  'é',
  'ß',
  '𝒥𝑒𝒶𝓃',
];
const SEPARATOR = fc.constantFrom(' ', '\n', '', ' | ', ', ', '\n\n', '\t', ' – ');
const FRAGMENT_MIX = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), SEPARATOR), { maxLength: 30 })
  .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));

describe('parseSignature properties', () => {
  it('never throws and returns a well-formed lead on arbitrary strings', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme-ascii', maxLength: 400 })),
        (text) => {
          assertWellFormed(parseSignature(text));
        },
      ),
      { numRuns: 10000 },
    );
  });
  it('never throws and returns a well-formed lead on mixes of signature fragments', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(FRAGMENT_MIX, fc.boolean(), (text, flatten) => {
        assertWellFormed(parseSignature(flatten ? text.replace(/\s+/g, ' ') : text));
      }),
      { numRuns: 10000 },
    );
  });
});

describe('parseSignature cost', () => {
  const hundredKb = 100 * 1024;
  const inputs: Record<string, string> = {
    'repeated signatures': (cases[0]?.text ?? '').repeat(200).slice(0, hundredKb),
    'one long word': 'a'.repeat(hundredKb),
    'at signs': 'a@'.repeat(hundredKb / 2),
    'digits and spaces': '0 6'.repeat(hundredKb / 3),
    'obfuscation markers': 'jean [dot] '.repeat(hundredKb / 11),
    'capitalised words': 'Jean Dupont '.repeat(hundredKb / 12),
    'phone numbers': '06 12 34 56 78 '.repeat(hundredKb / 15),
    'short lines': 'Jean\n'.repeat(hundredKb / 5),
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`reads 100 KB of ${name} in well under 200 ms`, () => {
      parseSignature(text); // warm-up: regex compilation and metadata loading are one-off
      const started = performance.now();
      parseSignature(text);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(200);
    });
  }
});
