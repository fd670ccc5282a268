/**
 * The one mapping from zod issues to the contract's field issues, used by
 * the SDK (it checks a request before sending it) and by the reference
 * backend (it checks every request it receives): the same bad input gets the
 * same code whoever catches it.
 *
 * | zod issue                              | field issue code  |
 * | -------------------------------------- | ----------------- |
 * | `invalid_type`, the value is missing   | `required`        |
 * | `invalid_type`, the value is present   | `invalid_type`    |
 * | `too_small`                            | `too_short`       |
 * | `too_big`                              | `too_long`        |
 * | `invalid_value` (not one of a list)    | `invalid_format`  |
 * | anything else (pattern, format, …)     | `invalid_format`  |
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import type { FieldIssueCode } from './errors.js';
import type { FieldIssue } from './types.js';

/**
 * The field issue code of one zod issue. Both sides parse with
 * `{ reportInput: true }`: zod keeps the value in an issue only when asked,
 * and a missing value (`required`) is told from one of the wrong type
 * (`invalid_type`) by it. (The option is written out at each `safeParse`
 * rather than shared as a constant: the SDK's bundle is smaller that way.)
 */
export function fieldIssueCode({ code, input }: z.core.$ZodIssue): FieldIssueCode {
  if (code === 'invalid_type') return input === undefined ? 'required' : 'invalid_type';
  return code === 'too_small' ? 'too_short' : code === 'too_big' ? 'too_long' : 'invalid_format';
}

/** Words a field issue's message: for the issue, the field it names and its code. */
export type FieldIssueMessage = (issue: z.core.$ZodIssue, field: string, code: FieldIssueCode) => string;

/**
 * Maps zod issues to the contract's field issues: the field is the issue's
 * path (`a.b`), or `root` for an issue about the whole input (e.g. `body`);
 * the code is {@link fieldIssueCode}'s. Each side words its own messages:
 * the reference backend {@link describeFieldIssue}, the SDK shorter ones (its
 * bundle stays small, and the elements show their own text for each code).
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[], root: string, message: FieldIssueMessage): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || root;
    const code = fieldIssueCode(issue);
    return { field, code, message: message(issue, field, code) };
  });
}

/** The reference backend's plain English message for a field issue made from a zod issue. */
export const describeFieldIssue: FieldIssueMessage = (issue, field, code) => {
  if (code === 'required') return issue.path.length ? `${field} is required.` : `The ${field} is required.`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be of type ${issue.expected}.`;
    case 'too_small':
      return `${field} must be at least ${String(issue.minimum)} long.`;
    case 'too_big':
      return `${field} must be at most ${String(issue.maximum)} long.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return `${field} is not in the expected format.`;
  }
};
