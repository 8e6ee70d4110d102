import { RecordNotFoundError, ValidationError, type ValidationIssue } from '../../db/errors';
import type { Messages } from '../../i18n';

type Problems = Messages['problem'];

// The repository's and schemas' English wording (src/db/repository.ts, src/model/fields.ts), most specific first.
const PROBLEMS: [RegExp, (problem: Problems, match: RegExpExecArray) => string][] = [
  [/^Required \(no name/, (problem) => problem.nameNeeded],
  [/^Required/, (problem) => problem.required],
  [/^Too long \(max (\d+)\)$/, (problem, match) => problem.tooLong(Number(match[1]))],
  [/^Too many entries \(max (\d+)\)$/, (problem, match) => problem.tooMany(Number(match[1]))],
  [/^Not an email address$/, (problem) => problem.notEmail],
  [/LinkedIn profile URL/, (problem) => problem.notLinkedin],
  [/^Already the profile of (.+)$/, (problem, match) => problem.linkedinTaken(match[1] ?? '')],
];

/** "emails.1" → "E-mail n° 2": the field in the rep's words, and which entry of a list. */
function fieldName(path: string, t: Messages): string {
  const [head = '', index] = path.split('.');
  const name = t.refusedField[head] ?? head;
  return index !== undefined && /^\d+$/.test(index) ? t.refusedItem(name, Number(index) + 1) : name;
}

function issueText(issue: ValidationIssue, t: Messages): string {
  let problem = t.problem.invalid;
  for (const [pattern, word] of PROBLEMS) {
    const match = pattern.exec(issue.message);
    if (match) {
      problem = word(t.problem, match);
      break;
    }
  }
  return issue.path ? t.refused(fieldName(issue.path, t), problem) : problem;
}

/**
 * Why a save failed, in the panel's language: the checks' messages are English and technical
 * ("Invalid prospect: fullName: Required"), so each refused field is named and its problem
 * worded; a problem this table does not know still names the field.
 */
export function failureMessage(failure: unknown, t: Messages): string {
  if (failure instanceof ValidationError && failure.issues.length > 0) {
    return failure.issues.map((issue) => issueText(issue, t)).join(' · ');
  }
  if (failure instanceof RecordNotFoundError) return t.recordGone;
  return t.saveFailed(failure instanceof Error ? failure.message : String(failure));
}
