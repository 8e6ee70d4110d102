import { describe, expect, it } from 'vitest';
import { companyFromHostname, leadFromJsonLd } from '../../../src/capture/page-lead';

describe('lead from a page', () => {
  it('reads a JSON-LD Person, in a @graph, with its company and LinkedIn profile', () => {
    const block = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Équipe' },
        {
          '@type': 'Person',
          name: 'Inès  Moreau',
          jobTitle: ['Directrice commerciale'],
          worksFor: { '@type': 'Organization', name: 'Nordelec' },
          email: 'mailto:ines.moreau@nordelec.example',
          sameAs: ['https://twitter.com/x', 'https://fr.linkedin.com/in/ines-moreau'],
          address: { addressLocality: 'Lille' },
        },
      ],
    });
    expect(leadFromJsonLd(['not json', block])).toEqual({
      site: 'webmail',
      kind: 'person',
      fullName: 'Inès Moreau',
      jobTitle: 'Directrice commerciale',
      company: 'Nordelec',
      email: 'ines.moreau@nordelec.example',
      linkedinUrl: 'https://www.linkedin.com/in/ines-moreau/',
      location: 'Lille',
      confidence: { fullName: 'data' },
    });
  });

  it('falls back to an Organization as a company, and to nothing', () => {
    expect(leadFromJsonLd(['{"@type":"Organization","name":"Acme Industrie"}'])).toMatchObject({
      kind: 'company',
      company: 'Acme Industrie',
    });
    expect(leadFromJsonLd(['[]', '{"@type":"Product","name":"x"}'])).toBeNull();
  });

  it('names a company after the site domain', () => {
    expect(companyFromHostname('www.acme-industrie.fr')).toBe('Acme Industrie');
    expect(companyFromHostname('blog.transports-giraud.co')).toBe('Transports Giraud');
    expect(companyFromHostname('192.168.1.10')).toBeUndefined();
  });
});
