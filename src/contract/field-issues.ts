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

/** The value at `path` inside `input`, or undefined where the path leaves it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The field issue code of one zod issue. `input` is what was parsed: zod does
 * not keep the value in its issues, so a missing value (`required`) is told
 * from one of the wrong type (`invalid_type`) by looking it up there.
 */
export function fieldIssueCode(issue: z.core.$ZodIssue, input: unknown): FieldIssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    default:
      return 'invalid_format';
  }
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
export function issuesToFields(issues: readonly z.core.$ZodIssue[], input: unknown, root: string, message: FieldIssueMessage): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || root;
    const code = fieldIssueCode(issue, input);
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
