// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/instance';
import type { Prospect } from '../../../src/model';
import { DuplicatesView } from '../../../src/ui/options/duplicates/DuplicatesView';
import { numberedProspect, T0 } from '../db/prospect-record';
import { q as find, render, unmount, until } from './react-harness';

/** Prospect `n` at Acme, made `n` ms after T0. */
const prospect = (n: number, fullName: string): Prospect =>
  numberedProspect(n, { fullName, company: 'Acme', createdAt: T0 + n, updatedAt: T0 + n });

beforeEach(async () => {
  await db.delete();
  await db.open();
});

afterEach(unmount);

describe('DuplicatesView: keyboard focus', () => {
  it('stays on the heading when merging the last group shows the empty state', async () => {
    await db.prospects.bulkPut([prospect(1, 'Jeanne Dupont'), prospect(2, 'Jeanne DUPONT')]);
    await render(createElement(DuplicatesView));
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
    await render(createElement(DuplicatesView));
    await until(() => find('[data-testid="duplicate-not"]') !== null, 'the group shown');

    await act(async () => find<HTMLButtonElement>('[data-testid="duplicate-not"]')?.click());
    await until(() => find('[data-testid="duplicates-empty"]') !== null, 'the empty state shown');

    expect(document.activeElement).toBe(find('[data-testid="duplicates-empty"] h2'));
  });
});
