import { canonicalLinkedinUrl } from '../matching/linkedin-url';
import type { PageContact } from '../model/page-contact';

/**
 * Leads from a whole page when no site adapter recognised anyone on it: a JSON-LD Person
 * (or an Organization, as a company), else the site's own domain as the company.
 */

type JsonObject = Record<string, unknown>;

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject).name);
  return undefined;
};

function nodesOf(json: unknown): JsonObject[] {
  if (Array.isArray(json)) return json.flatMap(nodesOf);
  if (!json || typeof json !== 'object') return [];
  const node = json as JsonObject;
  return [node, ...nodesOf(node['@graph'])];
}

const isType = (node: JsonObject, type: string) => [node['@type']].flat().includes(type);

/** The first Person (else Organization) described by the page's JSON-LD blocks. */
export function leadFromJsonLd(blocks: readonly string[]): PageContact | null {
  const nodes = blocks.flatMap((block) => {
    try {
      return nodesOf(JSON.parse(block));
    } catch {
      return [];
    }
  });
  const person = nodes.find((node) => isType(node, 'Person') && text(node.name));
  if (person) {
    const email = text(person.email)?.replace(/^mailto:/i, '');
    const sameAs = [person.sameAs, person.url]
      .flat()
      .map(text)
      .find((url) => url && canonicalLinkedinUrl(url));
    const address = person.address as JsonObject | undefined;
    return {
      site: 'webmail',
      kind: 'person',
      fullName: text(person.name),
      ...(text(person.jobTitle) ? { jobTitle: text(person.jobTitle) } : {}),
      ...(text(person.worksFor) ? { company: text(person.worksFor) } : {}),
      ...(email ? { email } : {}),
      ...(sameAs ? { linkedinUrl: canonicalLinkedinUrl(sameAs) ?? undefined } : {}),
      ...(text(address?.addressLocality) ? { location: text(address?.addressLocality) } : {}),
      confidence: { fullName: 'data' },
    };
  }
  const organization = nodes.find((node) => isType(node, 'Organization') && text(node.name));
  if (organization) return { site: 'webmail', kind: 'company', company: text(organization.name), confidence: { company: 'data' } };
  return null;
}

/** "www.acme-industrie.fr" → "Acme Industrie": the last resort name of a company page. */
export function companyFromHostname(hostname: string): string | undefined {
  const labels = hostname
    .toLowerCase()
    .replace(/^www\d?\./, '')
    .split('.');
  const name = labels.length > 1 ? labels[labels.length - 2] : labels[0];
  if (!name || /^\d+$/.test(name)) return undefined;
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}
