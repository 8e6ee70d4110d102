import type { Page } from '@playwright/test';
import { tabIdOf } from '../../tests/e2e/support/extension';
import { gmailPage, THREADS } from '../../tests/e2e/support/gmail-pages';
import { type FakeProfile, PROFILES, profilePage } from '../../tests/e2e/support/linkedin-pages';
import { injectBench, inPage, serve } from './browser';
import { benchPerson } from './french-data';
import { extensionUrl, type Session } from './session';
import { type Sampled, sampled } from './stats';

export const LINKEDIN_PATTERN = /^https:\/\/www\.linkedin\.com\/in\//;
const GMAIL_PATTERN = /^https:\/\/mail\.google\.com\/mail\//;
/** As the harness pages do by default: the URL changes at once, the new person renders later. */
const RENDER_DELAY_MS = 300;
/** Between navigations, so each one starts from a settled panel. */
const PAUSE_MS = 400;

/**
 * The harness's profiles, plus any bench person by slug (`<first>-<last>-<index in base 36>`),
 * so the side panel can be pointed at a seeded prospect.
 */
export function profileForSlug(slug: string): FakeProfile {
  const known = PROFILES[slug];
  if (known) return known;
  const index = Number.parseInt(slug.split('-').at(-1) ?? '', 36);
  const person = benchPerson(Number.isFinite(index) ? index : 0);
  return {
    slug,
    name: person.fullName,
    headline: `${person.jobTitle} chez ${person.company}`,
    company: person.company,
    location: `${person.city}, France`,
  };
}

export const slugOfUrl = (url: URL): string => decodeURIComponent(url.pathname.split('/')[2] ?? '');

export type SpaFigures = {
  /** Median over every navigation of both sites. */
  medianMs: number;
  linkedin: Sampled;
  gmail: Sampled;
  /** Both tabs must be visible (own windows), or timers in the hidden one would be throttled. */
  visibility: { host: string; panel: string };
};

/** The side panel page in a window of its own, next to the host tab, as the real side panel sits. */
async function openPanelWindow(session: Session, host: Page): Promise<Page> {
  const tabId = await tabIdOf(session.extension, host);
  const url = extensionUrl(session, `sidepanel.html?tabId=${tabId}`);
  const opened = session.extension.context.waitForEvent('page');
  await session.extension.worker.evaluate(async (panelUrl) => {
    await chrome.windows.create({ url: panelUrl, width: 400, height: 900 });
  }, url);
  const panel = await opened;
  await panel.waitForURL((current) => current.href.startsWith(url));
  await panel.waitForLoadState();
  await injectBench(panel, session.benchScript);
  return panel;
}

type Navigation = { to: string; expectedName: string; hostSelector: string };

/**
 * Each navigation: both pages arm an observer (epoch clock), the host page navigates, and the
 * latency is when the panel shows the new name minus when the host page rendered it.
 */
async function timeNavigations(host: Page, panel: Page, navigations: Navigation[], navigate: (to: string) => Promise<void>) {
  const latencies: number[] = [];
  for (const navigation of navigations) {
    await inPage(host, 'armAppearance', 'host', { selector: navigation.hostSelector, textEquals: navigation.expectedName, clock: 'epoch' });
    await inPage(panel, 'armAppearance', 'panel', {
      selector: '[data-testid="recognized-name"]',
      textEquals: navigation.expectedName,
      clock: 'epoch',
    });
    await navigate(navigation.to);
    const rendered = await inPage(host, 'appearance', 'host', 10_000);
    const shown = await inPage(panel, 'appearance', 'panel', 10_000);
    latencies.push(shown.at - rendered.at);
    await host.waitForTimeout(PAUSE_MS);
  }
  return latencies;
}

async function measureLinkedin(session: Session, count: number): Promise<{ latencies: number[]; visibility: SpaFigures['visibility'] }> {
  const people = [PROFILES['camille-laurent-4b2a19'], PROFILES['thomas-girard-88']].filter((p): p is FakeProfile => p !== undefined);
  const links = people.map((person) => person.slug);
  await serve(session.extension.context, LINKEDIN_PATTERN, (url) =>
    profilePage(profileForSlug(slugOfUrl(url)), { renderDelayMs: RENDER_DELAY_MS, links }),
  );
  const [first, second] = people;
  if (!first || !second) throw new Error('the harness lost its LinkedIn profiles');
  const host = await session.extension.context.newPage();
  await host.goto(`https://www.linkedin.com/in/${first.slug}/`);
  await injectBench(host, session.benchScript);
  const panel = await openPanelWindow(session, host);
  try {
    await panel.getByTestId('recognized-name').filter({ hasText: first.name }).waitFor();
    const visibility = { host: await inPage(host, 'visibility'), panel: await inPage(panel, 'visibility') };
    const navigations = Array.from({ length: count }, (_, index): Navigation => {
      const person = index % 2 === 0 ? second : first;
      return { to: person.slug, expectedName: person.name, hostSelector: 'main h1.text-heading-xlarge' };
    });
    const latencies = await timeNavigations(host, panel, navigations, (slug) =>
      inPage(host, 'clickElement', `a.spa-link[data-slug="${slug}"]`),
    );
    return { latencies, visibility };
  } finally {
    await panel.close();
    await host.close();
  }
}

async function measureGmail(session: Session, count: number): Promise<number[]> {
  const [first, second] = THREADS;
  if (!first || !second) throw new Error('the harness lost its Gmail threads');
  await serve(session.extension.context, GMAIL_PATTERN, () => gmailPage({ renderDelayMs: RENDER_DELAY_MS }));
  const host = await session.extension.context.newPage();
  await host.goto(`https://mail.google.com/mail/u/0/#inbox/${first.token}`);
  await injectBench(host, session.benchScript);
  const panel = await openPanelWindow(session, host);
  try {
    await panel.getByTestId('recognized-name').filter({ hasText: first.from.name }).waitFor();
    const navigations = Array.from({ length: count }, (_, index): Navigation => {
      const thread = index % 2 === 0 ? second : first;
      return {
        to: thread.token,
        expectedName: thread.from.name,
        // The view Gmail shows (the one it hid keeps an inline display: none until replaced).
        hostSelector: `div.nH[data-view="${thread.token}"]:not([style*="none"]) span.gD`,
      };
    });
    return await timeNavigations(host, panel, navigations, (token) =>
      host.evaluate((hash) => {
        location.hash = hash;
      }, `#inbox/${token}`),
    );
  } finally {
    await panel.close();
    await host.close();
  }
}

export async function measureSpaToPanel(session: Session): Promise<SpaFigures> {
  const count = session.scale.spaNavigationsPerSite;
  const linkedin = await measureLinkedin(session, count);
  session.log(`  LinkedIn SPA → panel: ${linkedin.latencies.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  const gmail = await measureGmail(session, count);
  session.log(`  Gmail SPA → panel: ${gmail.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return {
    medianMs: sampled([...linkedin.latencies, ...gmail]).median,
    linkedin: sampled(linkedin.latencies),
    gmail: sampled(gmail),
    visibility: linkedin.visibility,
  };
}
