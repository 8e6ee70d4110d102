// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useToday } from '../../../src/ui/use-today';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function ShowToday() {
  return createElement('p', null, useToday());
}

let root: Root;
let container: HTMLElement;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 2, 10, 23, 59, 30));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(ShowToday)));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.useRealTimers();
});

it('turns to the new day at local midnight, and again the night after, with nothing else happening', async () => {
  expect(container.textContent).toBe('2026-03-10');
  await act(async () => {
    vi.advanceTimersByTime(29_000);
  });
  expect(container.textContent).toBe('2026-03-10');
  await act(async () => {
    vi.advanceTimersByTime(2_000);
  });
  expect(container.textContent).toBe('2026-03-11');
  await act(async () => {
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
  });
  expect(container.textContent).toBe('2026-03-12');
});

it('catches up when the page comes back into focus after the computer slept through midnight', async () => {
  // A sleeping computer runs no timer: the clock jumps, the midnight timer has not fired.
  vi.setSystemTime(new Date(2026, 2, 11, 8, 45));
  await act(async () => {
    window.dispatchEvent(new Event('focus'));
  });
  expect(container.textContent).toBe('2026-03-11');
});
