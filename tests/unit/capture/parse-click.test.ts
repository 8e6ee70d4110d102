import { describe, expect, it } from 'vitest';
import { contactFromClick, contactFromLink, contactFromSelection } from '../../../src/capture/parse-click';

describe('capture from a link', () => {
  it('reads a LinkedIn profile link in any of its forms', () => {
    expect(contactFromLink('https://fr.linkedin.com/in/Sophie-Bernard-7c1/?trk=x')).toEqual({
      site: 'linkedin',
      kind: 'person',
      linkedinUrl: 'https://www.linkedin.com/in/sophie-bernard-7c1/',
    });
    expect(contactFromLink('https://www.linkedin.com/in/sophie/', 'Sophie Bernard')?.fullName).toBe('Sophie Bernard');
  });
  it('reads a mailto link, with the name from the link text', () => {
    expect(contactFromLink('mailto:Jean.Martin@Exemple.fr?subject=Devis', 'Jean Martin')).toEqual({
      site: 'webmail',
      kind: 'person',
      email: 'Jean.Martin@Exemple.fr',
      fullName: 'Jean Martin',
    });
    expect(contactFromLink('mailto:jean@exemple.fr', 'jean@exemple.fr')?.fullName).toBeUndefined();
  });
  it('ignores links that name nobody', () => {
    expect(contactFromLink('https://www.linkedin.com/company/acme/')).toBeNull();
    expect(contactFromLink('mailto:not-an-address')).toBeNull();
    expect(contactFromLink('mailto:%E0%A4%A')).toBeNull();
    expect(contactFromLink('javascript:alert(1)')).toBeNull();
  });
});

describe('capture from a selection', () => {
  it('finds the email and the name written before it', () => {
    expect(contactFromSelection('Marc Lemoine – marc.lemoine@exemple-industrie.fr – 06 12 34 56 78')).toMatchObject({
      fullName: 'Marc Lemoine',
      email: 'marc.lemoine@exemple-industrie.fr',
    });
    expect(contactFromSelection('Cordialement, Élodie Martin-Lefèvre <elodie@acme.fr>')?.fullName).toBe('Élodie Martin-Lefèvre');
  });
  it('keeps a LinkedIn URL found in the selection', () => {
    expect(contactFromSelection('Voir linkedin.com/in/paul-durand et paul@durand.fr')).toMatchObject({
      email: 'paul@durand.fr',
      linkedinUrl: 'https://www.linkedin.com/in/paul-durand/',
    });
  });
  it('returns null when nothing identifies a person', () => {
    expect(contactFromSelection('Bonjour, merci pour votre retour.')).toBeNull();
  });
  it('prefers the link over the selection on a click', () => {
    expect(contactFromClick({ linkUrl: 'mailto:a@b.fr', selectionText: 'c@d.fr' })?.source).toBe('capture-link');
    expect(contactFromClick({ selectionText: 'c@d.fr' })?.source).toBe('capture-selection');
    expect(contactFromClick({ pageUrl: 'https://x.fr' })).toBeNull();
  });
});
