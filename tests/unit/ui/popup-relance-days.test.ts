import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCES, proposeNextRelance } from '../../../src/process';
import { snoozeDays } from '../../../src/ui/popup/relance-days';

// Friday 13 March 2026.
const FRIDAY = '2026-03-13';

describe("the popup's snooze days", () => {
  it('skip the weekend with "working days only", counting an overdue relance from today', () => {
    expect(snoozeDays('2026-03-02', FRIDAY, true)).toEqual({
      'relance-snooze': '2026-03-16',
      'relance-snooze-3': '2026-03-16',
      'relance-snooze-monday': '2026-03-16',
    });
    expect(snoozeDays(FRIDAY, FRIDAY, false)).toEqual({
      'relance-snooze': '2026-03-14',
      'relance-snooze-3': '2026-03-16',
      'relance-snooze-monday': '2026-03-16',
    });
  });
});

describe('the relance proposed after "Done"', () => {
  const cadences = [...DEFAULT_CADENCES];
  it('falls on a working day if so set', () => {
    expect(proposeNextRelance('proposal', '2026-03-12', { cadences, workingDaysOnly: true, hasOpenRelance: false })).toBe('2026-03-16');
    expect(proposeNextRelance('proposal', '2026-03-12', { cadences, workingDaysOnly: false, hasOpenRelance: false })).toBe('2026-03-14');
  });

  it('is the cadence step after today, counted from the day the quote went out', () => {
    // Quote sent Monday 2 March: relances on the 4th, then the 9th (+7), not every two days.
    const options = { cadences, workingDaysOnly: true, hasOpenRelance: false, stageSince: '2026-03-02' };
    expect(proposeNextRelance('proposal', '2026-03-04', options)).toBe('2026-03-09');
    expect(proposeNextRelance('proposal', '2026-03-09', options)).toBe('2026-03-16');
  });

  it('is none while the prospect has another open relance', () => {
    expect(proposeNextRelance('proposal', '2026-03-12', { cadences, workingDaysOnly: true, hasOpenRelance: true })).toBeNull();
  });
});
