/**
 * The fixtures file: the test accounts a backend has seeded for the suite.
 * Only `active` is required; a case whose account is missing is skipped and
 * says which fixture it needs.
 *
 * @module
 */
import * as z from 'zod/mini';

const ReissueEmailFixture = z.object({ email: z.string(), questionId: z.string(), answer: z.string() });

/** The fixtures file's schema. */
export const Fixtures = z.object({
  /**
   * An account with its own login ID and password, not locked. Its password
   * is changed and changed back; its registrations are changed to the same
   * values and confirmed again.
   */
  active: z.object({
    loginId: z.string(),
    password: z.string(),
    /** Its confirmed email for password reissue, if any. */
    reissueEmail: z.optional(ReissueEmailFixture),
    /** Its confirmed billing-notice email, if any. */
    noticeEmail: z.optional(z.object({ type: z.enum(['mobile', 'internet']), email: z.string() })),
    /** Its registered phone or customer number, digits only. */
    registeredNumber: z.optional(z.string()),
  }),
  /** Postcard credentials that have not been used yet. Consumed by the suite (single use). */
  postcard: z.optional(z.object({ initialLoginId: z.string(), initialPassword: z.string() })),
  /** A locked account with a confirmed reissue email. The suite unlocks it with a reissue and sets its password back. */
  locked: z.optional(z.object({ loginId: z.string(), password: z.string(), reissueEmail: ReissueEmailFixture })),
  /** An account the suite may lock by failing logins (it stays locked unless the backend is reset). */
  lockable: z.optional(z.object({ loginId: z.string(), password: z.string() })),
  /** A login ID that no account has (default `no-such-id-2099`). */
  unknownLoginId: z.optional(z.string()),
});

/** The test accounts of a backend. */
export type Fixtures = z.infer<typeof Fixtures>;

/** Parses a fixtures file's text; throws an error naming the broken fields. */
export function parseFixtures(text: string): Fixtures {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The fixtures file is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = Fixtures.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`The fixtures file does not match the expected shape: ${where}`);
  }
  return parsed.data;
}
