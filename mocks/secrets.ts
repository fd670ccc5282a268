/**
 * Random tokens, salted hashes and the normal forms used to compare what
 * people type. WebCrypto only, so the same code runs in Node and in the
 * browser (service worker demo).
 *
 * @module
 */

const encoder = new TextEncoder();

/** Bytes as base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `n` bytes from the platform's CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** An opaque token of 32 random bytes (256 bits), base64url. */
export function randomToken(): string {
  return base64url(randomBytes(32));
}

/** A short id for a request (not a secret). */
export function randomRequestId(): string {
  return `req_${base64url(randomBytes(12))}`;
}

/** SHA-256 of a string, base64url. */
export async function sha256(value: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value))));
}

/**
 * A salted SHA-256 of a secret. The digest is a promise so that seeding
 * (which must be synchronous) can start hashing at once and every check
 * awaits it. The clear value is never kept.
 */
export interface SecretHash {
  readonly salt: string;
  readonly digest: Promise<string>;
}

async function saltedDigest(salt: string, value: string): Promise<string> {
  return sha256(`${salt}\u0000${value}`);
}

/** Hashes a secret with a fresh 16-byte salt. */
export function hashSecret(value: string): SecretHash {
  const salt = base64url(randomBytes(16));
  return { salt, digest: saltedDigest(salt, value) };
}

/** Compares in time independent of where the strings first differ. */
function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Whether `value` is the secret behind `hash`. With no hash (unknown login
 * ID, nothing registered) a dummy digest is still computed, so the answer
 * takes about as long either way.
 */
export async function verifySecret(value: string, hash: SecretHash | null | undefined): Promise<boolean> {
  if (!hash) {
    await saltedDigest('no-such-secret', value);
    return false;
  }
  const [expected, actual] = await Promise.all([hash.digest, saltedDigest(hash.salt, value)]);
  return equalConstantTime(expected, actual);
}

/**
 * The key a login ID is stored and looked up under: NFKC (full-width
 * letters and digits become ASCII) and trimmed. Case-sensitive.
 */
export function loginKey(value: string): string {
  return value.normalize('NFKC').trim();
}

/**
 * The form a secret answer is hashed in: NFKC (width), trimmed, runs of
 * spaces collapsed, lower case; so `ＰＯＣＨＩ ` matches `pochi`.
 */
export function normalizeAnswer(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The form emails are compared in (case-insensitive, trimmed). */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

const TEMP_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const TEMP_DIGITS = '23456789';
const TEMP_ALPHABET = TEMP_LETTERS + TEMP_DIGITS;

/** A uniformly chosen index below `n` (rejection sampling, no modulo bias). */
function randomIndex(n: number): number {
  const limit = 256 - (256 % n);
  for (;;) {
    const [b] = randomBytes(1) as unknown as [number];
    if (b < limit) return b % n;
  }
}

/**
 * A temporary password of `length` letters and digits with at least one of
 * each; look-alike characters (0/O, 1/l/I) are left out since people copy it
 * from a mail.
 */
export function temporaryPassword(length: number): string {
  for (;;) {
    let value = '';
    for (let i = 0; i < length; i++) value += TEMP_ALPHABET[randomIndex(TEMP_ALPHABET.length)];
    if (/[A-Za-z]/.test(value) && /[0-9]/.test(value)) return value;
  }
}
