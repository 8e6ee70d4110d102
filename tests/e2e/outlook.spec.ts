import { expect, type Page, test } from '@playwright/test';
import { type Extension, launchExtension, openSidePanel, servePages, tabIdOf } from './support/extension';
import { CONVERSATIONS, outlookPage } from './support/outlook-pages';

test.describe.configure({ mode: 'serial' });

const [FIRST, SECOND] = CONVERSATIONS;
if (!FIRST || !SECOND) throw new Error('two fake conversations expected');
/** How long the page watcher watches the whole page after a load (src/content/watch-page.ts), plus a margin. */
const PAST_SETTLE_MS = 6_500;

let extension: Extension;
let outlook: Page;
let panel: Page;

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  await servePages(extension.context, 'https://outlook.office.com/mail/**', (url) => {
    const id = decodeURIComponent(url.pathname.split('/id/')[1] ?? '');
    return outlookPage(CONVERSATIONS.some((conversation) => conversation.id === id) ? id : FIRST.id);
  });
});

test.afterAll(async () => {
  await extension?.close();
});

test('recognises the sender in the reading pane', async () => {
  outlook = await extension.context.newPage();
  await outlook.goto(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(FIRST.id)}`);
  panel = await openSidePanel(extension, await tabIdOf(extension, outlook));
  await expect(panel.getByTestId('recognized-name')).toHaveText(FIRST.from.name);
  await expect(panel.getByText(`« ${FIRST.subject} »`)).toBeVisible();
});

test('follows another message selected in the list, the URL unchanged', async () => {
  const url = outlook.url();
  await outlook.bringToFront();
  await outlook.locator(`#MailList [data-convid="${SECOND.id}"]`).click();
  await expect(panel.getByTestId('recognized-name')).toHaveText(SECOND.from.name);
  await expect(panel.getByText(`« ${SECOND.subject} »`)).toBeVisible();
  expect(outlook.url()).toBe(url);
});

test('still follows the selection once the page has settled (only the reading pane is watched then)', async () => {
  await outlook.waitForTimeout(PAST_SETTLE_MS);
  await outlook.bringToFront();
  await outlook.locator(`#MailList [data-convid="${FIRST.id}"]`).click();
  await expect(panel.getByTestId('recognized-name')).toHaveText(FIRST.from.name);
  await outlook.locator(`#MailList [data-convid="${SECOND.id}"]`).click();
  await expect(panel.getByTestId('recognized-name')).toHaveText(SECOND.from.name);
});

test("a contact logged with one sender does not follow to the next message's sender", async () => {
  const select = async (conversation: typeof FIRST) => {
    await outlook.bringToFront();
    await outlook.locator(`#MailList [data-convid="${conversation.id}"]`).click();
  };
  // Both senders become prospects.
  await select(FIRST);
  await expect(panel.getByTestId('recognized-name')).toHaveText(FIRST.from.name);
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(FIRST.from.name);
  await select(SECOND);
  await expect(panel.getByTestId('recognized-name')).toHaveText(SECOND.from.name);
  await panel.getByTestId('add-prospect').click();
  await expect(panel.getByTestId('prospect-name')).toHaveText(SECOND.from.name);

  // A call logged with the first: the panel proposes their next relance…
  await select(FIRST);
  await expect(panel.getByTestId('prospect-name')).toHaveText(FIRST.from.name);
  await panel.locator('[data-testid="log-contact"][data-channel="call"]').click();
  await expect(panel.getByTestId('relance-proposal')).toBeVisible();
  // …which stays with them: the next message's sender gets a fresh panel (the reading pane
  // swaps in place, so the panel goes from one prospect to the other with nothing between).
  await select(SECOND);
  await expect(panel.getByTestId('prospect-name')).toHaveText(SECOND.from.name);
  await expect(panel.getByTestId('relance-proposal')).toHaveCount(0);
  await expect(panel.locator('[data-testid="log-contact"][data-channel="call"]')).toBeVisible();
});
