import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';

/** Sites not walked through elsewhere: each recognised in the real extension, in Chromium. */
let extension: Extension;

const fixture = (relative: string) => {
  const base = path.resolve(import.meta.dirname, '../fixtures', relative);
  return {
    html: readFileSync(`${base}.html`, 'utf8'),
    json: JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { url: string; contact: { fullName: string } },
  };
};

const SALES_NAV_LEAD = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Sales Navigator</title></head><body>
<main><section class="_header_lead"><h1 data-x--lead--name data-anonymize="person-name">Aurélie Fontaine</h1>
<span data-anonymize="headline">Directrice logistique chez Frigo Ouest</span>
<span data-anonymize="job-title">Directrice logistique</span>
<a data-anonymize="company-name" href="/sales/company/123">Frigo Ouest</a>
<span data-anonymize="location">Rennes, Bretagne, France</span></section></main></body></html>`;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
});

test.afterAll(async () => {
  await extension?.close();
});

for (const site of ['yahoo/conversation-open', 'proton/conversation-open']) {
  test(`${site.split('/')[0]}: the open conversation's sender is recognised`, async () => {
    const { html, json } = fixture(site);
    const url = new URL(json.url);
    await servePages(extension.context, `${url.origin}/**`, () => html);
    const page = await extension.context.newPage();
    await page.goto(json.url);
    const panel = await openSidePanel(extension, await tabIdOf(extension, page));
    await expect(panel.getByTestId('recognized-name')).toHaveText(json.contact.fullName);
    await panel.close();
    await page.close();
  });
}

test('Sales Navigator: a lead page is recognised and added with its lead id', async () => {
  await servePages(extension.context, 'https://www.linkedin.com/sales/**', () => SALES_NAV_LEAD);
  const page = await extension.context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAB1x2y3z,NAME_SEARCH,k9Qw');
  const panel = await openSidePanel(extension, await tabIdOf(extension, page));
  await expect(panel.getByTestId('recognized-name')).toHaveText('Aurélie Fontaine');
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText('Aurélie Fontaine');
  await expect(panel.getByText('Sales Navigator', { exact: true })).toBeVisible();
  const salesNavId = await extension.worker.evaluate(async () => {
    const { db } = (
      globalThis as unknown as { __relanceTest: { db: { prospects: { toArray(): Promise<Array<{ salesNavId?: string }>> } } } }
    ).__relanceTest;
    return (await db.prospects.toArray())[0]?.salesNavId;
  });
  expect(salesNavId).toBe('ACwAAB1x2y3z');
});

test('Zimbra on a self-hosted domain enabled from the options page', async () => {
  const { html } = fixture('zimbra/classic-message-view');
  const domain = 'webmail.exemple-test.fr';
  await servePages(extension.context, `https://${domain}/**`, () => html);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.id}/options.html#/webmails`);
  await options.getByLabel('Domaine du webmail').fill(domain);
  await options.getByTestId('webmail-domain-enable').click();
  await expect(options.getByRole('status')).toContainText(`${domain} est activé`);

  const page = await extension.context.newPage();
  await page.goto(`https://${domain}/#1`);
  const panel = await openSidePanel(extension, await tabIdOf(extension, page));
  await expect(panel.getByTestId('recognized-name')).toHaveText('Bernard Roussel');
});
