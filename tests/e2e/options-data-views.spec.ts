import { expect, type Page, test } from '@playwright/test';
import type { Dexie } from 'dexie';
import { expectNoSeriousA11yViolations } from './support/axe';
import { type Extension, launchExtension } from './support/extension';

/*
 * The options page's data views: the dashboard's figures for a hand-computed dataset, the
 * prospect list (search, filter, sort, bulk actions), and the duplicate finder (merge, "not
 * duplicates"). Records are written through the worker's database handle, so the Zod
 * schemas validate them on the way in.
 */

test.describe.configure({ mode: 'serial' });

let extension: Extension;
let page: Page;

type Hooks = { __relanceTest: { db: Dexie; setLanguage(language: string): Promise<unknown> } };

// ------------------------------------------------------------------------------------
// The dataset, dated relative to today (local time, as the app dates everything).

const now = new Date();
/** Epoch ms of `days` before today at `hour` local. */
const daysAgo = (days: number, hour = 12) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour).getTime();
const pad = (n: number) => String(n).padStart(2, '0');
/** 'YYYY-MM-DD' of `days` before today. */
const isoDaysAgo = (days: number) => {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, 12);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const uuid = (group: number, n: number) => `e2e00000-0000-4000-8000-${String(group * 1000 + n).padStart(12, '0')}`;

type Seed = {
  fullName: string;
  stage: string;
  createdDaysAgo: number;
  outcome?: ['won' | 'lost', number];
  email?: string;
  tags?: string[];
};

const PEOPLE: Seed[] = [
  { fullName: 'Alice Prospect', stage: 'prospecting', createdDaysAgo: 10, email: 'alice@alpha.example', tags: ['PME'] },
  { fullName: 'Bruno Contact', stage: 'contact', createdDaysAgo: 20, email: 'bruno@bravo.example', tags: ['ETI'] },
  { fullName: 'Chloé Découverte', stage: 'discovery', createdDaysAgo: 40, email: 'chloe@charlie.example' },
  { fullName: 'David Proposition', stage: 'proposal', createdDaysAgo: 15, email: 'david@delta.example', tags: ['PME'] },
  { fullName: 'Emma Gagnée', stage: 'relationship', createdDaysAgo: 25, outcome: ['won', 5] },
  { fullName: 'Fabien Gagné', stage: 'closing', createdDaysAgo: 13, outcome: ['won', 3] },
  { fullName: 'Gaëlle Perdue', stage: 'closing', createdDaysAgo: 30, outcome: ['lost', 4], email: 'gaelle@golf.example' },
  { fullName: 'Hugo Ancien', stage: 'relationship', createdDaysAgo: 100, outcome: ['won', 60] },
  { fullName: 'Inès Prospect', stage: 'prospecting', createdDaysAgo: 2, email: 'ines@india.example' },
];
const idOf = (name: string) =>
  uuid(
    1,
    PEOPLE.findIndex((person) => person.fullName === name),
  );

function prospectRecord(seed: Seed, id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    fullName: seed.fullName,
    company: `${seed.fullName.split(' ')[1]} SA`,
    phones: [],
    emails: seed.email ? [seed.email] : [],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    linkedinUrl: `https://www.linkedin.com/in/${id.slice(-6)}/`,
    stage: seed.stage,
    qualification: seed.outcome?.[0] === 'won' ? 'client' : 'prospect',
    ...(seed.outcome ? { outcome: { result: seed.outcome[0], date: daysAgo(seed.outcome[1], 16) } } : {}),
    checklist: {},
    tags: seed.tags ?? [],
    source: 'manual',
    lockedFields: [],
    createdAt: daysAgo(seed.createdDaysAgo),
    updatedAt: daysAgo(Math.min(seed.createdDaysAgo, 1)),
    ...extra,
  };
}

const relance = (n: number, prospect: string, dueDaysAgo: number, status: string, doneDaysAgo?: number) => ({
  id: uuid(4, n),
  prospectId: idOf(prospect),
  dueDate: isoDaysAgo(dueDaysAgo),
  status,
  ...(doneDaysAgo === undefined ? {} : { doneAt: daysAgo(doneDaysAgo, 15) }),
  createdAt: daysAgo(50),
});

const interaction = (n: number, prospectId: string, channel: string, days: number) => ({
  id: uuid(2, n),
  prospectId,
  channel,
  date: daysAgo(days, 11),
  createdAt: daysAgo(days, 11),
});

const DATASET = {
  prospects: PEOPLE.map((seed, index) => prospectRecord(seed, uuid(1, index))),
  relances: [
    relance(1, 'Alice Prospect', 5, 'done', 6), // on time
    relance(2, 'David Proposition', 8, 'done', 6), // late
    relance(3, 'Chloé Découverte', 10, 'done', 10), // on time, the same day
    relance(4, 'Alice Prospect', 2, 'open'), // overdue
    relance(5, 'David Proposition', 0, 'open'), // due today: pending
    relance(6, 'Bruno Contact', 40, 'open'), // overdue, but due before the period
    relance(7, 'Chloé Découverte', 3, 'cancelled'),
  ],
  interactions: [
    interaction(1, idOf('Alice Prospect'), 'call', 1),
    interaction(2, idOf('Bruno Contact'), 'email', 2),
    interaction(3, idOf('Chloé Découverte'), 'linkedin', 9),
    interaction(4, idOf('Chloé Découverte'), 'meeting', 40), // before the period
  ],
};

async function seed(data: Record<string, unknown[]>): Promise<void> {
  await extension.worker.evaluate(async (tables) => {
    const { db } = (globalThis as unknown as Hooks).__relanceTest;
    for (const [table, rows] of Object.entries(tables)) await db.table(table).bulkPut(rows);
  }, data);
}

/** A stored record, read in the worker. */
function stored<T = Record<string, unknown>>(table: string, id: string): Promise<T | undefined> {
  return extension.worker.evaluate(({ table, id }) => (globalThis as unknown as Hooks).__relanceTest.db.table(table).get(id), {
    table,
    id,
  }) as Promise<T | undefined>;
}

/** The records of one prospect in a table (interactions, stage events…). */
function ofProspect<T = Record<string, unknown>>(table: string, prospectId: string): Promise<T[]> {
  return extension.worker.evaluate(
    ({ table, prospectId }) =>
      (globalThis as unknown as Hooks).__relanceTest.db.table(table).where('prospectId').equals(prospectId).toArray(),
    { table, prospectId },
  ) as Promise<T[]>;
}

const countOf = (table: string) =>
  extension.worker.evaluate((name) => (globalThis as unknown as Hooks).__relanceTest.db.table(name).count(), table);

async function setLanguage(language: 'fr' | 'en'): Promise<void> {
  await extension.worker.evaluate((lang) => (globalThis as unknown as Hooks).__relanceTest.setLanguage(lang), language);
}

/** A fresh load of the view (going to the same URL with a hash would keep the page as it is). */
const open = async (view: string) => {
  await page.goto('about:blank');
  await page.goto(`chrome-extension://${extension.id}/options.html#/${view}`);
};

/** The period choice's visible label (the radio itself is visually hidden). */
const preset = (key: string) => page.locator('label', { has: page.locator(`[data-testid="period-preset"][data-preset="${key}"]`) });
const row = (name: string) => page.locator(`[data-testid="prospect-row"][data-prospect-name="${name}"]`);
const rowNames = () => page.getByTestId('prospect-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-prospect-name')));

test.beforeAll(async () => {
  extension = await launchExtension({ locale: 'fr-FR' });
  page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await seed(DATASET);
});

test.afterAll(async () => {
  await extension?.close();
});

// ------------------------------------------------------------------------------------

test('dashboard: the figures of the last 30 days, as computed by hand', async () => {
  await open('dashboard');
  await preset('last30').click();
  await expect(page.getByTestId('dashboard-view')).toHaveAttribute('data-period-from', isoDaysAgo(29));

  // Open deals by their current stage; decided ones apart (whatever the period).
  const funnel = page.getByTestId('kpi-funnel');
  const expected = { prospecting: 2, contact: 1, discovery: 1, proposal: 1, closing: 0, relationship: 0 };
  for (const [stage, count] of Object.entries(expected)) {
    await expect(funnel.locator(`tr[data-stage="${stage}"]`)).toHaveAttribute('data-count', String(count));
  }
  await expect(funnel.locator('tr[data-outcome="won"]')).toHaveAttribute('data-count', '3');
  await expect(funnel.locator('tr[data-outcome="lost"]')).toHaveAttribute('data-count', '1');

  // Decided in the period: Emma and Fabien won, Gaëlle lost (Hugo's win is older).
  const winRate = page.getByTestId('kpi-win-rate');
  await expect(winRate).toHaveAttribute('data-value', '0.6667');
  await expect(winRate).toHaveAttribute('data-won', '2');
  await expect(winRate).toHaveAttribute('data-lost', '1');
  await expect(winRate).toContainText('67');

  // Emma: created 25 days ago, won 5 days ago (20 days); Fabien: 13 → 3 (10 days).
  await expect(page.getByTestId('kpi-cycle')).toHaveAttribute('data-days', '15');
  await expect(page.getByTestId('kpi-cycle')).toHaveAttribute('data-deals', '2');

  // Due in the period: two done on time, one late, one open and overdue, one due today.
  const relances = page.getByTestId('kpi-relances');
  await expect(relances).toHaveAttribute('data-on-time', '2');
  await expect(relances).toHaveAttribute('data-late', '1');
  await expect(relances).toHaveAttribute('data-overdue', '1');
  await expect(relances).toHaveAttribute('data-pending', '1');

  await expect(page.getByTestId('kpi-contacts-week')).toHaveAttribute('data-total', '3');
  await expect(page.getByTestId('kpi-conversion').locator('tr[data-from]')).toHaveCount(5);
  await expect(page.getByTestId('kpi-days-in-stage').locator('tr[data-stage]')).toHaveCount(6);

  // The numbers are one click away, as a table.
  await funnel.getByText('Voir les chiffres').click();
  await expect(funnel.getByRole('table')).toBeVisible();
  await expect(funnel.getByRole('row', { name: /Prospection/ })).toContainText('2');

  // Without objectives, the way to set them.
  await expect(page.getByTestId('objectives-none')).toBeVisible();
  await expect(page.getByTestId('objectives-none').getByRole('link')).toHaveAttribute('href', '#/settings');
  const computeMs = Number(await page.getByTestId('dashboard-view').getAttribute('data-compute-ms'));
  expect(computeMs).toBeLessThan(500);
});

test('dashboard: objectives are compared with the period; a custom period is checked', async () => {
  await extension.worker.evaluate(() =>
    (globalThis as unknown as { __relanceTest: { saveSettings(patch: unknown): Promise<unknown> } }).__relanceTest.saveSettings({
      objectives: { contactsPerWeek: 10 },
    }),
  );
  const objectives = page.getByTestId('kpi-objectives');
  await expect(objectives.locator('tr[data-objective="contactsPerWeek"]')).toHaveAttribute('data-target', '10');
  // 3 contacts over 30 days: 0.7 a week.
  await expect(objectives.locator('tr[data-objective="contactsPerWeek"]')).toHaveAttribute('data-actual', '0.7');
  // Judged against what the plan expects of 30 days (10 × 30 / 7), not as a pace alone.
  await expect(objectives.locator('tr[data-objective="contactsPerWeek"]')).toHaveAttribute('data-expected', '42.86');
  await expect(objectives.locator('tr[data-objective="contactsPerWeek"]')).toHaveAttribute('data-count', '3');

  await preset('custom').click();
  await page.getByTestId('period-from').fill(isoDaysAgo(6));
  await page.getByTestId('period-to').fill(isoDaysAgo(0));
  await expect(page.getByTestId('kpi-relances')).toHaveAttribute('data-on-time', '1');
  await expect(page.getByTestId('kpi-relances')).toHaveAttribute('data-late', '0');
  await page.getByTestId('period-to').fill(isoDaysAgo(10));
  await expect(page.getByRole('alert')).toBeVisible();
});

test('dashboard: no serious accessibility issue, in French and in English', async () => {
  await open('dashboard');
  await expect(page.getByTestId('kpi-funnel')).toBeVisible();
  for (const details of await page.locator('details').all()) await details.locator('summary').click();
  await expectNoSeriousA11yViolations(page);
  await setLanguage('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(page.getByTestId('kpi-funnel')).toContainText('Prospects by stage');
  await expectNoSeriousA11yViolations(page);
  await setLanguage('fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
});

// ------------------------------------------------------------------------------------

test('prospects: search by name (accents ignored), company or email', async () => {
  await open('prospects');
  await expect(page.getByTestId('prospect-row')).toHaveCount(PEOPLE.length);
  const search = page.getByTestId('prospect-search');
  await search.fill('gaelle');
  await expect(page.getByTestId('prospect-row')).toHaveCount(1);
  await expect(row('Gaëlle Perdue')).toBeVisible();
  await search.fill('delta.example');
  await expect(page.getByTestId('prospect-row')).toHaveCount(1);
  await expect(row('David Proposition')).toBeVisible();
  await search.fill('prospect sa');
  await expect(page.getByTestId('prospect-row')).toHaveCount(2);
  await search.fill('');
  await expect(page.getByTestId('prospect-row')).toHaveCount(PEOPLE.length);
});

test('prospects: filter by stage, segment and overdue relance', async () => {
  await page.getByTestId('prospect-filter-stage').selectOption('prospecting');
  await expect(page.getByTestId('prospect-row')).toHaveCount(2);
  expect((await rowNames()).sort()).toEqual(['Alice Prospect', 'Inès Prospect']);
  await page.getByTestId('prospect-filter-stage').selectOption('');

  await page.getByTestId('prospect-filter-tag').selectOption('PME');
  expect((await rowNames()).sort()).toEqual(['Alice Prospect', 'David Proposition']);
  await page.getByTestId('prospect-filter-tag').selectOption('');

  await page.getByTestId('prospect-filter-overdue').check();
  await expect(page.getByTestId('prospect-row')).toHaveCount(2);
  expect((await rowNames()).sort()).toEqual(['Alice Prospect', 'Bruno Contact']);
  await page.getByTestId('prospect-filter-overdue').uncheck();
  await expect(page.getByTestId('prospect-row')).toHaveCount(PEOPLE.length);
});

test('prospects: sort by name, both ways, and by stage', async () => {
  const sorted = PEOPLE.map((person) => person.fullName).sort((a, b) => a.localeCompare(b, 'fr'));
  await page.locator('[data-testid="prospect-sort"][data-sort="name"]').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Nom');
  expect(await rowNames()).toEqual(sorted);
  await page.locator('[data-testid="prospect-sort"][data-sort="name"]').click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Nom');
  expect(await rowNames()).toEqual([...sorted].reverse());
  await page.locator('[data-testid="prospect-sort"][data-sort="stage"]').click();
  const stages = await page.getByTestId('prospect-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage')));
  expect(stages[0]).toBe('prospecting');
  expect(stages[stages.length - 1]).toBe('relationship');
});

test('prospects: the drawer shows the record and links to the LinkedIn profile', async () => {
  await row('Chloé Découverte').click();
  const drawer = page.getByTestId('prospect-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Chloé Découverte' })).toBeVisible();
  await expect(drawer).toContainText('chloe@charlie.example');
  await expect(drawer.getByTestId('drawer-linkedin')).toHaveAttribute(
    'href',
    `https://www.linkedin.com/in/${idOf('Chloé Découverte').slice(-6)}/`,
  );
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
});

test('prospects: bulk stage change of two rows records their stage events', async () => {
  await row('Alice Prospect').getByTestId('prospect-select').check();
  await row('Inès Prospect').getByTestId('prospect-select').check();
  await expect(page.getByTestId('prospect-selected-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId('bulk-stage').selectOption('contact');
  await page.getByTestId('bulk-stage-apply').click();
  await expect(row('Alice Prospect')).toHaveAttribute('data-stage', 'contact');
  await expect(row('Inès Prospect')).toHaveAttribute('data-stage', 'contact');
  await expect(page.getByTestId('toast')).toContainText('2 prospects passés');
  const events = await ofProspect<{ from: string; to: string }>('stageEvents', idOf('Alice Prospect'));
  expect(events.map((event) => `${event.from}→${event.to}`)).toEqual(['prospecting→contact']);
  await page.getByRole('button', { name: 'Désélectionner' }).click();
});

test('prospects: erasing asks for confirmation with the count', async () => {
  await row('Hugo Ancien').getByTestId('prospect-select').check();
  await page.getByTestId('bulk-erase').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Effacer 1 prospect');
  await page.getByTestId('confirm-cancel').click();
  await expect(row('Hugo Ancien')).toBeVisible();

  await page.getByTestId('bulk-erase').click();
  await page.getByTestId('confirm-ok').click();
  await expect(row('Hugo Ancien')).toHaveCount(0);
  await expect(page.getByTestId('prospect-row')).toHaveCount(PEOPLE.length - 1);
  expect(await stored('prospects', idOf('Hugo Ancien'))).toBeUndefined();
  await expect(page.getByTestId('toast')).toContainText('1 prospect effacé');
});

test('prospects: a record written elsewhere (the worker) shows up live', async () => {
  const zoe: Seed = { fullName: 'Zoé Nouvelle', stage: 'proposal', createdDaysAgo: 0, email: 'zoe@zulu.example' };
  await seed({ prospects: [prospectRecord(zoe, uuid(6, 1))] });
  await expect(row('Zoé Nouvelle')).toHaveAttribute('data-stage', 'proposal');
  await extension.worker.evaluate(
    (id) => (globalThis as unknown as Hooks).__relanceTest.db.table('prospects').update(id, { stage: 'closing' }),
    uuid(6, 1),
  );
  await expect(row('Zoé Nouvelle')).toHaveAttribute('data-stage', 'closing');
  await extension.worker.evaluate((id) => (globalThis as unknown as Hooks).__relanceTest.db.table('prospects').delete(id), uuid(6, 1));
  await expect(row('Zoé Nouvelle')).toHaveCount(0);
});

test('prospects: no serious accessibility issue, in French and in English', async () => {
  // The shared toast's action button is unreadable for now (text-slate-600 on slate-900, in
  // src/ui/toast.tsx): let the erase toast go before judging this view.
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
  await row('Alice Prospect').getByTestId('prospect-select').check();
  await expectNoSeriousA11yViolations(page);
  await setLanguage('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prospect file');
  await expectNoSeriousA11yViolations(page);
  await setLanguage('fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fichier prospects');
});

// ------------------------------------------------------------------------------------

const DUPLICATES = {
  prospects: [
    prospectRecord({ fullName: 'Jeanne Dupont', stage: 'discovery', createdDaysAgo: 30, email: 'jeanne.dupont@acme.example' }, uuid(5, 1), {
      company: 'Acme',
      notes: 'Préfère le téléphone.',
    }),
    prospectRecord({ fullName: 'J. Dupont', stage: 'contact', createdDaysAgo: 12 }, uuid(5, 2), {
      company: 'Acme Industrie',
      emails: ['JEANNE.DUPONT@acme.example', 'jd@perso.example'],
      notes: 'Rencontrée au salon.',
    }),
    // Two different people who happen to share a name at the same company.
    prospectRecord({ fullName: 'Paul Martin', stage: 'prospecting', createdDaysAgo: 5 }, uuid(5, 3), { company: 'Batiplus' }),
    prospectRecord({ fullName: 'Paul MARTIN', stage: 'contact', createdDaysAgo: 8 }, uuid(5, 4), { company: 'Batiplus SAS' }),
  ],
  interactions: [
    interaction(11, uuid(5, 1), 'call', 3),
    interaction(12, uuid(5, 1), 'email', 4),
    interaction(13, uuid(5, 2), 'meeting', 6),
  ],
};

const group = (name: string) =>
  page.getByTestId('duplicate-group').filter({ has: page.locator(`[data-testid="duplicate-record"][data-prospect-name="${name}"]`) });

test('duplicates: the same email groups two records; the merge keeps both emails and every interaction', async () => {
  await seed(DUPLICATES);
  await open('duplicates');
  await expect(page.getByTestId('duplicate-group')).toHaveCount(2);
  const jeanne = group('Jeanne Dupont');
  await expect(jeanne).toContainText('jeanne.dupont@acme.example');
  await expect(jeanne.getByTestId('duplicate-record')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  await jeanne.getByRole('radio', { name: /Jeanne Dupont/ }).check();
  await jeanne.getByTestId('duplicate-merge').click();
  await expect(page.getByTestId('toast')).toContainText('Jeanne Dupont');
  await expect(page.getByTestId('duplicate-group')).toHaveCount(1);

  const kept = await stored<{ emails: string[]; notes: string }>('prospects', uuid(5, 1));
  expect(kept?.emails).toEqual(['jeanne.dupont@acme.example', 'jd@perso.example']);
  expect(kept?.notes).toContain('Préfère le téléphone.');
  expect(kept?.notes).toContain('Rencontrée au salon.');
  expect(await stored('prospects', uuid(5, 2))).toBeUndefined();
  expect(await ofProspect('interactions', uuid(5, 1))).toHaveLength(3);
});

test('duplicates: "not duplicates" is remembered after a reload', async () => {
  const paul = group('Paul Martin');
  await expect(paul).toContainText('Même nom dans la même société');
  await paul.getByTestId('duplicate-not').click();
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();
  await expect(page.getByTestId('duplicate-group')).toHaveCount(0);
  expect(await countOf('prospects')).toBe(PEOPLE.length - 1 + 3);
});

test('duplicates: no serious accessibility issue, in French and in English', async () => {
  await expectNoSeriousA11yViolations(page);
  await setLanguage('en');
  await expect(page.getByTestId('duplicates-empty')).toContainText('No likely duplicate');
  await expectNoSeriousA11yViolations(page);
  await setLanguage('fr');
});
