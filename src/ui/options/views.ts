import type { ComponentType } from 'react';

/** The options page's sections, in menu order; each view lives in its own folder. */
export const VIEW_KEYS = ['dashboard', 'prospects', 'data', 'duplicates', 'offers', 'playbook', 'settings', 'webmails'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export type ViewRegistry = Partial<Record<ViewKey, ComponentType>>;

/** `#/data` → 'data'; anything else → the first view. */
export function viewFromHash(hash: string): ViewKey | null {
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (key === '') return VIEW_KEYS[0];
  return (VIEW_KEYS as readonly string[]).includes(key) ? (key as ViewKey) : null;
}
