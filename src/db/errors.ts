import type { z } from '../model/zod';

export type ValidationIssue = { path: string; message: string };

/**
 * A record was refused before reaching IndexedDB. Thrown inside the write, so the enclosing
 * transaction aborts and nothing partial is stored. The message reads as is in the UI:
 * `Invalid prospect: fullName: Too long (max 200)`.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    message: string,
    /** What was refused: 'prospect', 'relance'… */
    readonly entity: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
  }

  static fromIssues(entity: string, issues: readonly ValidationIssue[]): ValidationError {
    const detail = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    return new ValidationError(`Invalid ${entity}: ${detail}`, entity, issues);
  }

  static fromZod(entity: string, error: z.core.$ZodError): ValidationError {
    return ValidationError.fromIssues(
      entity,
      error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
}

/**
 * The record an operation targets does not exist (erased meanwhile, stale id from a message…).
 * Not named "NotFoundError": Dexie re-wraps errors bearing an IndexedDB error name.
 */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id ${id}`);
  }
}
