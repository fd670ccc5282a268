/**
 * `npm run docs:api`: writes docs/api.md from the wire contract in
 * src/contract (the endpoint table, the error codes, the schemas and the
 * default credential policy), so the document cannot drift from the code.
 *
 * `npm run docs:api -- --check` writes nothing and exits 1 when the committed
 * docs/api.md differs from what would be generated. The test
 * test/node/docs/api-md.test.ts does the same comparison.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import {
  BILLING_RULES,
  DEFAULT_CREDENTIAL_POLICY,
  DEV_ENDPOINTS,
  DEV_ENDPOINT_DOCS,
  ENDPOINTS,
  ENDPOINT_DOCS,
  ERROR_CODES,
  FIELD_ISSUE_CODES,
  MAIL_SENDER,
  MONTH_PATTERN,
  REGISTERED_NUMBER_PATTERN,
  SESSION_IDLE_MINUTES,
  schemas,
  type EndpointAuth,
  type EndpointDef,
  type EndpointDoc,
  type EndpointId,
} from '../src/contract/index.js';

/** Where the generated document lives. */
export const API_MD_PATH = fileURLToPath(new URL('../docs/api.md', import.meta.url));

/** The prefix under which the reference backend serves every path of the table. */
export const BASE_PATH = '/api/v1';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const LINE_WIDTH = 100;

/** Schemas of the `:name` segments of paths, by name. */
const PATH_PARAMETERS: Record<string, z.ZodMiniType> = { month: schemas.Month };

const AUTH_TEXT: Record<EndpointAuth, string> = {
  public: 'none',
  session: 'session token, any stage',
  'active-session': 'session token, stage `active`',
  dev: 'none (reference backend only)',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A JSON Schema of what the contract's validator accepts, trimmed of noise
 * that helps no reader: the `$schema` line, the regular expressions zod adds
 * beside a `format`, and the ±2^53 bounds of every integer.
 */
export function jsonSchemaOf(schema: z.ZodMiniType): Json {
  const full = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { [key: string]: Json };
  delete full.$schema;
  return trim(full);
}

function trim(value: Json): Json {
  if (Array.isArray(value)) return value.map(trim);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'pattern' && typeof value.format === 'string') continue;
    if (value.type === 'integer' && ((key === 'minimum' && child === -MAX_SAFE) || (key === 'maximum' && child === MAX_SAFE))) continue;
    out[key] = trim(child);
  }
  return out;
}

/**
 * JSON with `: ` and `, ` spacing that keeps an object or array on one line
 * when it fits in {@link LINE_WIDTH}, and breaks it one member per line
 * otherwise (arrays of plain values are packed several to a line).
 *
 * @param indent - columns of indentation of the line the value starts on
 * @param used - columns already taken on that line after the indentation (a key)
 */
export function compactJson(value: Json, indent = 0, used = 0): string {
  const inline = oneLine(value);
  if (indent + used + inline.length <= LINE_WIDTH || value === null || typeof value !== 'object') return inline;
  const pad = ' '.repeat(indent + 2);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  let lines: string[];
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
    lines = [];
    for (const item of value.map(oneLine)) {
      const last = lines.length - 1;
      if (last >= 0 && pad.length + (lines[last] as string).length + 2 + item.length + 1 <= LINE_WIDTH) {
        lines[last] += `, ${item}`;
      } else {
        lines.push(item);
      }
    }
    lines = lines.map((line) => pad + line);
  } else if (Array.isArray(value)) {
    lines = value.map((item) => pad + compactJson(item, indent + 2));
  } else {
    lines = Object.entries(value).map(([key, child]) => {
      const head = `${JSON.stringify(key)}: `;
      return pad + head + compactJson(child, indent + 2, head.length);
    });
  }
  return `${open}\n${lines.join(',\n')}\n${' '.repeat(indent)}${close}`;
}

function oneLine(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
}

function jsonBlock(schema: z.ZodMiniType): string {
  return ['```json', compactJson(jsonSchemaOf(schema)), '```'].join('\n');
}

/** The anchor GitHub gives a heading (lower case, punctuation dropped, spaces to dashes). */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function statusText(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function isNoContent(schema: z.ZodMiniType): boolean {
  return schema === schemas.NoContent;
}

function endpointHeading(id: string): string {
  return `\`${id}\``;
}

function renderEndpoint(id: string, endpoint: EndpointDef, doc: EndpointDoc): string {
  const out: string[] = [];
  out.push(`### ${endpointHeading(id)}`, '');
  out.push('```http', `${endpoint.method} ${BASE_PATH}${endpoint.path}`, '```', '');
  out.push(doc.summary, '');
  out.push(`- Auth: ${AUTH_TEXT[endpoint.auth]}`);
  out.push(`- Success: \`${statusText(endpoint.status)}\``);
  out.push('');

  const params = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  if (params.length) {
    out.push('Path parameters:', '');
    out.push(
      table(
        ['name', 'schema'],
        params.map((name) => {
          const schema = PATH_PARAMETERS[name];
          return [`\`${name}\``, `\`${oneLine(schema ? jsonSchemaOf(schema) : { type: 'string' })}\``];
        }),
      ),
      '',
    );
  }
  if (endpoint.query) out.push('Query:', '', jsonBlock(endpoint.query), '');
  if (endpoint.body) out.push('Request body:', '', jsonBlock(endpoint.body), '');
  if (isNoContent(endpoint.response)) out.push(`Response: no body (\`${statusText(endpoint.status)}\`).`, '');
  else out.push(`Response (\`${statusText(endpoint.status)}\`):`, '', jsonBlock(endpoint.response), '');

  const errors = doc.errors.map((code) => `\`${code}\` ${ERROR_CODES[code].status}`);
  out.push(`Errors: ${errors.length ? errors.join(', ') : 'none'}.`);
  out.push('');
  return out.join('\n');
}

function renderIndex(table_: Record<string, EndpointDef>): string {
  return table(
    ['endpoint', 'method', 'path', 'auth', 'success'],
    Object.entries(table_).map(([id, e]) => [
      `[${id}](#${slug(endpointHeading(id))})`,
      e.method,
      `\`${BASE_PATH}${e.path}\``,
      AUTH_TEXT[e.auth],
      String(e.status),
    ]),
  );
}

function renderCredentialRules(): string {
  const p = DEFAULT_CREDENTIAL_POLICY;
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const charset = (c: 'ascii' | 'unicode') =>
    c === 'ascii' ? 'ASCII letters, ASCII digits and the allowed symbols' : 'any printable Unicode character';
  return [
    table(
      ['rule', 'login ID', 'password'],
      [
        ['length (code points)', `${p.loginId.minLength}–${p.loginId.maxLength}`, `${p.password.minLength}–${p.password.maxLength}`],
        ['letters and digits both required', yesNo(p.loginId.requireLetterAndDigit), yesNo(p.password.requireLetterAndDigit)],
        ['characters', charset(p.loginId.charset), charset(p.password.charset)],
        ['must differ from the other', yesNo(p.loginIdMustDifferFromPassword), yesNo(p.loginIdMustDifferFromPassword)],
        [
          'postcard (initial) credential',
          `${p.initialLoginIdLength} ASCII alphanumerics, single use`,
          `${p.initialPasswordLength} ASCII alphanumerics, single use`,
        ],
      ],
    ),
    '',
    table(
      ['setting', 'value'],
      [
        [`allowed symbols (${[...p.allowedSymbols].length})`, `\`${p.allowedSymbols}\``],
        ['consecutive failed logins before the account locks', String(p.lockThreshold)],
        ['confirmation links valid for', `${p.confirmationLinkTtlHours} hours, single use`],
        ['a reissued temporary password logs in for', `${p.temporaryPasswordHours} hours, until the forced change`],
        ['session idle timeout', `${SESSION_IDLE_MINUTES} minutes`],
      ],
    ),
  ].join('\n');
}

function renderBillingRules(): string {
  const b = BILLING_RULES;
  return table(
    ['rule', 'value'],
    [
      ['billing history', `the past ${b.historyMonths} months including the current one`],
      ['breakdowns and summaries', `the past ${b.breakdownMonths} months including the current one`],
      ['due date', `day ${b.dueDay} of the billing month`],
      ['monthly amount mail', `${b.noticeMailDaysBeforeDue} days before the due date`],
      ['months on the wire', `\`YYYY-MM\`, pattern \`${MONTH_PATTERN.source}\``],
      ['phone or customer numbers on the wire', `ASCII digits without dashes, pattern \`${REGISTERED_NUMBER_PATTERN.source}\``],
      ['amounts', 'integer yen, negative for discounts'],
      ['sender of every mail', `\`${MAIL_SENDER}\``],
    ],
  );
}

/** The whole of docs/api.md. */
export function renderApiMarkdown(): string {
  const out: string[] = [];
  out.push(
    '<!-- Generated by scripts/gen-api-md.ts from src/contract. Do not edit: run `npm run docs:api`. -->',
    '',
    '# Web Billing API',
    '',
    `Every path below is relative to the service's base URL; the reference backend serves them under \`${BASE_PATH}\`` +
      ' (for example `http://localhost:<port>/api/v1/auth/login` with `npm run backend`).',
    'Request and response bodies are JSON (`content-type: application/json`).',
    'Calls that need a session send the token from the login response as `authorization: Bearer <token>`;',
    'a session in stage `credential-setup-required` or `password-change-required` may only change credentials.',
    '',
    'Schemas are JSON Schema (draft 2020-12) generated from the contract\'s zod schemas and describe what the',
    'validator accepts. Unknown properties are ignored, not rejected. `format: date-time` values carry an offset',
    '(for example `2026-11-24T09:00:00+09:00` or `…Z`).',
    '',
    '## Endpoints',
    '',
    renderIndex(ENDPOINTS),
    '',
    '## Errors',
    '',
    'Every error response has this body, and its `code` always comes with the status listed below.',
    '`fields` is present for `validation_failed` and says which field broke which rule;',
    '`details.remainingAttempts` comes with `invalid_credentials`, `details.retryAfterSeconds` with `rate_limited`',
    '(which also sends a `Retry-After` header).',
    '',
    jsonBlock(schemas.ErrorBody),
    '',
    table(
      ['code', 'status', 'meaning'],
      Object.entries(ERROR_CODES).map(([code, e]) => [`\`${code}\``, `\`${statusText(e.status)}\``, e.description]),
    ),
    '',
    `Field issue codes (\`error.fields[].code\`): ${FIELD_ISSUE_CODES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    '## Credential rules',
    '',
    'The backend publishes its credential policy at `GET /credentials/policy`, and clients check against what it says.',
    'These are the documented defaults (`DEFAULT_CREDENTIAL_POLICY`), which clients use only when the policy cannot be fetched.',
    '',
    renderCredentialRules(),
    '',
    '## Billing rules',
    '',
    renderBillingRules(),
    '',
    '## Operations',
    '',
  );
  for (const [id, endpoint] of Object.entries(ENDPOINTS)) out.push(renderEndpoint(id, endpoint, ENDPOINT_DOCS[id as EndpointId]));
  out.push(
    '## Development routes of the reference backend',
    '',
    'Served only by the reference backend (`web-billing-kit/mocks`, `npm run backend`), for tests and demos:',
    'a partner\'s backend does not implement them, and the SDK does not call them.',
    '',
    renderIndex(DEV_ENDPOINTS),
    '',
  );
  for (const [id, endpoint] of Object.entries(DEV_ENDPOINTS)) out.push(renderEndpoint(id, endpoint, DEV_ENDPOINT_DOCS[id as keyof typeof DEV_ENDPOINTS]));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The first line at which two texts differ (1-based), for a useful message. */
export function firstDifference(a: string, b: string): { line: number; expected: string; actual: string } | undefined {
  if (a === b) return undefined;
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, expected: la[i] ?? '(end of file)', actual: lb[i] ?? '(end of file)' };
  }
  return undefined;
}

function readCommitted(): string | undefined {
  try {
    return readFileSync(API_MD_PATH, 'utf8');
  } catch {
    return undefined;
  }
}

function main(argv: string[]): number {
  const generated = renderApiMarkdown();
  if (argv.includes('--check')) {
    const committed = readCommitted();
    if (committed === undefined) {
      console.error('docs/api.md is missing. Run `npm run docs:api` and commit it.');
      return 1;
    }
    const diff = firstDifference(generated, committed);
    if (diff) {
      console.error(
        'docs/api.md is stale: it differs from what src/contract generates.\n' +
          `  first difference at line ${diff.line}\n` +
          `    generated: ${diff.expected}\n` +
          `    committed: ${diff.actual}\n` +
          'Run `npm run docs:api` and commit docs/api.md.',
      );
      return 1;
    }
    console.log('docs/api.md is up to date.');
    return 0;
  }
  writeFileSync(API_MD_PATH, generated);
  console.log(`wrote docs/api.md (${Object.keys(ENDPOINTS).length} endpoints, ${Object.keys(DEV_ENDPOINTS).length} development routes)`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
