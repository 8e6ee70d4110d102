import type { issueStrings } from './strings';

type IssueStrings = (typeof issueStrings)['fr'];

const RULES: [RegExp, (s: IssueStrings, match: RegExpExecArray) => string][] = [
  [/^Required/, (s) => s.required],
  [/^Too long \(max (\d+)\)$/, (s, m) => s.tooLong(Number(m[1]))],
  [/^Too many entries \(max (\d+)\)$/, (s, m) => s.tooMany(Number(m[1]))],
  [/^At least (\d+)/, (s, m) => s.atLeast(m[1] ?? '')],
  [/^At most (\d+)/, (s, m) => s.atMost(m[1] ?? '')],
  [/^A whole number/, (s) => s.wholeNumber],
  [/^A number/, (s) => s.number],
  [/HH:MM/, (s) => s.time],
  [/^Start and end must differ$/, (s) => s.timesDiffer],
  [/^Write it in French or in English$/, (s) => s.bilingual],
  [/^Two checklist points share a key$/, (s) => s.duplicateKey],
];

/**
 * A schema message ("Too long (max 200)", "At least 1 day"…) in the page's language; a
 * message this table does not know is shown as written.
 */
export function localizeIssue(message: string, s: IssueStrings): string {
  for (const [pattern, text] of RULES) {
    const match = pattern.exec(message);
    if (match) return text(s, match);
  }
  return message;
}
