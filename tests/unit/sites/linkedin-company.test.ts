// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedinCompanyAdapter } from '../../../src/sites/linkedin-company';
import { recognize } from '../../../src/sites/registry';

const fixture = (name: string) =>
  new DOMParser().parseFromString(readFileSync(path.resolve(__dirname, '../../fixtures/linkedin-company', name), 'utf8'), 'text/html');

describe('LinkedIn company pages', () => {
  it('reads the logged-in app page: name, website, size, canonical company URL', () => {
    const doc = fixture('2023-app-org-top-card.html');
    expect(recognize('https://fr.linkedin.com/company/Transports-Morel/about/?trk=x', doc)).toEqual({
      site: 'linkedin',
      kind: 'company',
      company: 'Transports Morel',
      companyUrl: 'https://www.linkedin.com/company/transports-morel/',
      website: 'https://www.transports-morel.example',
      companySize: '201-500 employés',
      confidence: { companyUrl: 'url', company: 'markup' },
    });
  });

  it('reads the guest page', () => {
    const contact = recognize('https://www.linkedin.com/company/brightwave-logistics/', fixture('guest-top-card-layout.html'));
    expect(contact).toMatchObject({
      company: 'Brightwave Logistics',
      website: 'https://brightwave.example/',
      companySize: '51-200 employees',
    });
  });

  it('matches only company pages', () => {
    const matches = (url: string) => linkedinCompanyAdapter.matches(new URL(url));
    expect(matches('https://www.linkedin.com/company/acme/')).toBe(true);
    expect(matches('https://www.linkedin.com/company/')).toBe(false);
    expect(matches('https://www.linkedin.com/in/acme/')).toBe(false);
    expect(matches('https://linkedin.com.evil.fr/company/acme/')).toBe(false);
    expect(matches('http://www.linkedin.com/company/acme/')).toBe(false);
  });
});
