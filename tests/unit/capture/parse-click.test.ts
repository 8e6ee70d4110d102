import { describe, expect, it } from 'vitest';
import { contactFromLink } from '../../../src/capture/parse-click';

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
