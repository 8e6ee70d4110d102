import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src/ui/format';

describe('formatDay', () => {
  it('writes the local calendar day, in each language, the same on every call', () => {
    const expected = (iso: string, lang: string) =>
      new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).toLocaleDateString(lang, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      });
    for (const lang of ['fr', 'en', 'fr', 'en'] as const) {
      for (const iso of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31', '2027-02-28']) {
        expect(formatDay(iso, lang)).toBe(expected(iso, lang));
      }
    }
    expect(formatDay('2026-12-31', 'fr')).toMatch(/^jeu\.? 31 déc/);
    expect(formatDay('2026-12-31', 'en')).toMatch(/Thu, Dec 31/);
  });
});
