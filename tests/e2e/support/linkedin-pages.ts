/**
 * LinkedIn-like profile pages written for these tests (2022-era app markup: the title,
 * an h1.text-heading-xlarge, the headline, the right panel's current company, and the
 * contact-info link that carries the slug). Links to other profiles behave like LinkedIn's
 * SPA: the URL changes at once, the new person is rendered `renderDelayMs` later.
 */
export interface FakeProfile {
  slug: string;
  name: string;
  headline: string;
  company: string;
  location: string;
}

export const PROFILES: Record<string, FakeProfile> = {
  'camille-laurent-4b2a19': {
    slug: 'camille-laurent-4b2a19',
    name: 'Camille Laurent',
    headline: 'Directrice des achats chez Transports Morel',
    company: 'Transports Morel',
    location: 'Lyon, Auvergne-Rhône-Alpes, France',
  },
  'thomas-girard-88': {
    slug: 'thomas-girard-88',
    name: 'Thomas Girard',
    headline: 'Head of Operations at Brightwave Logistics',
    company: 'Brightwave Logistics',
    location: 'Nantes, Pays de la Loire, France',
  },
  'hostile-name': {
    slug: 'hostile-name',
    name: 'Mallory <img src=x onerror=alert(1)>',
    headline: '<script>alert(2)</script> Growth',
    company: 'Evil & Co',
    location: 'Paris',
  },
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function topCard(profile: FakeProfile): string {
  return `
  <section class="artdeco-card pv-top-card" data-member-id="${profile.slug.length * 1000}">
    <div class="pv-text-details__left-panel">
      <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">${escapeHtml(profile.name)}</h1>
      <div class="text-body-medium break-words">${escapeHtml(profile.headline)}</div>
      <span class="text-body-small inline t-black--light break-words">${escapeHtml(profile.location)}</span>
      <a id="top-card-text-details-contact-info" href="/in/${profile.slug}/overlay/contact-info/">Contact info</a>
    </div>
    <ul class="pv-text-details__right-panel">
      <li><button aria-label="Current company: ${escapeHtml(profile.company)}. Click to skip to experience card">
        <span>${escapeHtml(profile.company)}</span></button></li>
    </ul>
  </section>`;
}

export function profilePage(profile: FakeProfile, options: { renderDelayMs?: number; links?: string[] } = {}): string {
  const profilesJson = JSON.stringify(
    Object.fromEntries(Object.values(PROFILES).map((p) => [p.slug, { title: `${p.name} | LinkedIn`, card: topCard(p) }])),
  ).replace(/</g, '\\u003c');
  const links = (options.links ?? [])
    .map((slug) => `<a class="spa-link" data-slug="${slug}" href="/in/${slug}/">${escapeHtml(PROFILES[slug]?.name ?? slug)}</a>`)
    .join(' ');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>(3) ${escapeHtml(profile.name)} | LinkedIn</title>
<meta name="service" content="voyager-web"></head>
<body><header id="global-nav"><nav>${links}</nav></header>
<main id="main" class="scaffold-layout__main">${topCard(profile)}</main>
<script>
const PROFILES = ${profilesJson};
document.addEventListener('click', (event) => {
  const link = event.target.closest('a.spa-link');
  if (!link) return;
  event.preventDefault();
  const next = PROFILES[link.dataset.slug];
  history.pushState({}, '', link.getAttribute('href'));
  setTimeout(() => {
    document.title = next.title;
    document.getElementById('main').innerHTML = next.card;
  }, ${options.renderDelayMs ?? 400});
});
</script></body></html>`;
}
