/**
 * `npm run demo`: builds the extension, opens Chromium with it in a fresh profile seeded
 * with sample prospects and relances, on a sample LinkedIn profile served locally, with
 * the side panel shown. Without a display it runs headless, saves screenshots of the side
 * panel and the popup (French and English) to demo-output/, and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchExtension, openPopup, openSidePanel, servePages, tabIdOf } from '../tests/e2e/support/extension';
import { type FakeProfile, profilePage } from '../tests/e2e/support/linkedin-pages';

const SAMPLE: FakeProfile = {
  slug: 'jeanne-dupont-demo',
  name: 'Jeanne Dupont',
  headline: 'Directrice achats chez Acme Industrie',
  company: 'Acme Industrie',
  location: 'Lyon, Auvergne-Rhône-Alpes, France',
};
const OUT = path.resolve('demo-output');
const headless = !process.env.DISPLAY;

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, RELANCE_TEST_HOOKS: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const extension = await launchExtension({ locale: 'fr-FR', headless });
await extension.worker.evaluate(() =>
  (globalThis as unknown as { __relanceTest: { seedDemo(): Promise<unknown> } }).__relanceTest.seedDemo(),
);
await servePages(extension.context, 'https://www.linkedin.com/in/**', () => profilePage(SAMPLE));

const profile = extension.context.pages()[0] ?? (await extension.context.newPage());
await profile.goto(`https://www.linkedin.com/in/${SAMPLE.slug}/`);
const panel = await openSidePanel(extension, await tabIdOf(extension, profile));
await panel.setViewportSize({ width: 400, height: 1400 });
await panel.getByTestId('prospect-name').waitFor();

if (!headless) {
  console.log('Relance demo: the sample profile and the side panel are open. Close the browser to end.');
  await new Promise<void>((resolve) => extension.context.on('close', () => resolve()));
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const setLanguage = (language: 'fr' | 'en') =>
  extension.worker.evaluate(
    (lang) => (globalThis as unknown as { __relanceTest: { setLanguage(l: string): Promise<unknown> } }).__relanceTest.setLanguage(lang),
    language,
  );
for (const lang of ['fr', 'en'] as const) {
  await setLanguage(lang);
  await panel.waitForFunction((l) => document.documentElement.lang === l, lang);
  await panel.screenshot({ path: path.join(OUT, `sidepanel-${lang}.png`), fullPage: true });
  const popup = await openPopup(extension);
  await popup.getByTestId('relance-item').first().waitFor();
  await popup.screenshot({ path: path.join(OUT, `popup-${lang}.png`) });
  await popup.close();
}
await extension.close();
console.log(`Relance demo: screenshots saved to ${OUT}`);
