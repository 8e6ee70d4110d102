// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/instance';
import type { Prospect } from '../../../src/model';
import { withDerivedKeys } from '../../../src/model/prospect';
import { I18nProvider } from '../../../src/ui/i18n-context';
import { DuplicatesView } from '../../../src/ui/options/duplicates/DuplicatesView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const T0 = new Date(2026, 0, 5, 10).getTime();

function prospect(n: number, fullName: string): Prospect {
  return withDerivedKeys({
    id: uuid(n),
    fullName,
    company: 'Acme',
    phones: [],
    emails: [],
    emailKeys: [],
    nameKey: '',
    companyKey: '',
    stage: 'prospecting',
    qualification: 'suspect',
    checklist: {},
    tags: [],
    source: 'manual',
    lockedFields: [],
    createdAt: T0 + n,
    updatedAt: T0 + n,
  });
}

let root: Root | null = null;
let container: HTMLElement | null = null;

async function render(): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  const mounted = createRoot(container);
  root = mounted;
  await act(async () => mounted.render(createElement(I18nProvider, null, createElement(DuplicatesView))));
}

const find = <T extends HTMLElement>(selector: string) => container?.querySelector<T>(selector) ?? null;

async function until(check: () => boolean, label: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  throw new Error(`timed out: ${label}\n${container?.textContent ?? ''}`);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

afterEach(async () => {
  const mounted = root;
  if (mounted) await act(async () => mounted.unmount());
  container?.remove();
  root = null;
  container = null;
});

describe('DuplicatesView: keyboard focus', () => {
  it('stays on the heading when merging the last group shows the empty state', async () => {
    await db.prospects.bulkPut([prospect(1, 'Jeanne Dupont'), prospect(2, 'Jeanne DUPONT')]);
    await render();
    await until(() => find('[data-testid="duplicate-merge"]') !== null, 'the group shown');
    const countHeading = find('[data-testid="duplicates-count"]');
    expect(countHeading?.tagName).toBe('H2');

    await act(async () => find<HTMLButtonElement>('[data-testid="duplicate-merge"]')?.click());
    await until(() => find('[data-testid="duplicates-empty"]') !== null, 'the empty state shown');

    const heading = find('[data-testid="duplicates-empty"] h2');
    expect(heading).not.toBeNull();
    expect(document.activeElement).toBe(heading);
    expect(await db.prospects.count()).toBe(1);
  });

  it('stays on the heading when "not duplicates" empties the list', async () => {
    await db.prospects.bulkPut([prospect(1, 'Paul Martin'), prospect(2, 'Paul MARTIN')]);
    await render();
    await until(() => find('[data-testid="duplicate-not"]') !== null, 'the group shown');

    await act(async () => find<HTMLButtonElement>('[data-testid="duplicate-not"]')?.click());
    await until(() => find('[data-testid="duplicates-empty"]') !== null, 'the empty state shown');

    expect(document.activeElement).toBe(find('[data-testid="duplicates-empty"] h2'));
  });
});
