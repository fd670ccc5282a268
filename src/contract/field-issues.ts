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

/**
 * Maps zod issues to the contract's field issues, each with a plain English
 * message. `root` names the field of an issue about the whole input (an
 * empty path), e.g. `body` or `query`.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[], input: unknown, root: string): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || root;
    const code = fieldIssueCode(issue, input);
    let message: string;
    if (code === 'required') message = issue.path.length ? `${field} is required.` : `The ${root} is required.`;
    else if (issue.code === 'invalid_type') message = `${field} must be of type ${issue.expected}.`;
    else if (issue.code === 'too_small') message = `${field} must be at least ${String(issue.minimum)} long.`;
    else if (issue.code === 'too_big') message = `${field} must be at most ${String(issue.maximum)} long.`;
    else if (issue.code === 'invalid_value') message = `${field} must be one of: ${issue.values.map(String).join(', ')}.`;
    else message = `${field} is not in the expected format.`;
    return { field, code, message };
  });
}
