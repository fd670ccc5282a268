/**
 * zod schemas of every request and response body. They are the only source
 * of the wire types (`z.infer`). Shipped code imports `zod/mini`.
 *
 * Request schemas check shape only (types and presence, with generous size
 * caps); the service's rules (lengths, characters, postcard format) are
 * checked by the backend against its published policy, so that one policy
 * can change without a new client.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ERROR_CODE_LIST, FIELD_ISSUE_CODES } from './errors.js';
import { MONTH_PATTERN } from './rules.js';

// The field types that many bodies share, each built once: zod builds every schema object (and binds its
// methods) when this module loads, on the page's main thread before any element renders. One object per
// field was 245 objects and 9 ms of Chromium's time on the demo's login page; shared, 113 and 5.5 ms
// (docs/benchmarks.md). A schema never changes once built, so one object may stand in any number of places.
const text = z.string();
const optionalText = z.optional(text);
const int = z.int();
const positiveInt = z.int().check(z.positive());
// Caps that keep a request bounded; the real rules are in the policy.
const shortText = z.string().check(z.maxLength(256));
const secretText = z.string().check(z.maxLength(1024));

/** Integer yen (negative for discounts). */
export const Yen = int;
/** A billing month, `YYYY-MM`. */
export const Month = z.string().check(z.regex(MONTH_PATTERN));
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** Text in the two languages of the service. */
export const LocalizedText = z.object({ ja: text, en: text });
/** An email address. */
export const EmailAddress = z.string().check(z.maxLength(254));

// ---------------------------------------------------------------- errors

/** One broken rule of one field in a `validation_failed` error. */
export const FieldIssue = z.object({
  field: text,
  code: z.enum(FIELD_ISSUE_CODES),
  message: text,
});

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODE_LIST),
    message: text,
    fields: z.optional(z.array(FieldIssue)),
    details: z.optional(
      z.object({
        remainingAttempts: z.optional(int),
        retryAfterSeconds: z.optional(int),
      }),
    ),
  }),
  requestId: text,
});

// ---------------------------------------------------------------- auth

/** Where a session stands: what the customer may do next. */
export const SessionStage = z.enum(['active', 'credential-setup-required', 'password-change-required']);

/** Body of `POST /auth/initial-login`: the postcard ID and password. */
export const InitialLoginRequest = z.object({ initialLoginId: shortText, initialPassword: secretText });
/** Body of `POST /auth/login`. */
export const LoginRequest = z.object({ loginId: shortText, password: secretText });

/** How a backend holds sessions (see `SessionMode` in the rules). */
export const SessionMode = z.enum(['cookie', 'tab', 'memory']);

/** Answer to a login: the session token (none in the `cookie` mode, where a cookie holds it), its expiry and stage. */
export const LoginResponse = z.object({
  token: z.optional(z.string().check(z.minLength(32))),
  expiresAt: IsoDateTime,
  stage: SessionStage,
  loginId: text,
});

/** Answer of `GET /auth/session`. */
export const SessionResponse = z.object({
  stage: SessionStage,
  loginId: text,
  expiresAt: IsoDateTime,
});

// ---------------------------------------------------------------- credentials

const CredentialFieldPolicySchema = z.object({
  minLength: positiveInt,
  maxLength: positiveInt,
  requireLetterAndDigit: z.boolean(),
  charset: z.enum(['ascii', 'unicode']),
});

/** The published credential policy. */
export const CredentialPolicySchema = z.object({
  loginId: CredentialFieldPolicySchema,
  password: CredentialFieldPolicySchema,
  allowedSymbols: text,
  loginIdMustDifferFromPassword: z.boolean(),
  initialLoginIdLength: int,
  initialPasswordLength: int,
  lockThreshold: positiveInt,
  confirmationLinkTtlHours: positiveInt,
  temporaryPasswordHours: positiveInt,
  sessionMode: z.optional(SessionMode),
  sessionIdleMinutes: z.optional(positiveInt),
});

/** Body of `POST /credentials/setup`: postcard credentials again, new ID twice, new password twice. */
export const CredentialSetupRequest = z.object({
  initialLoginId: shortText,
  initialPassword: secretText,
  newLoginId: shortText,
  newLoginIdConfirm: shortText,
  newPassword: secretText,
  newPasswordConfirm: secretText,
});
/** Answer to the first credential change. */
export const CredentialSetupResponse = z.object({ loginId: text, stage: SessionStage });

/** Query of `GET /credentials/login-id-availability`. */
export const LoginIdAvailabilityQuery = z.object({ loginId: shortText });
/** Whether a login ID is free to choose. */
export const LoginIdAvailabilityResponse = z.object({ loginId: text, available: z.boolean() });

/** Body of `POST /credentials/password`. */
export const PasswordChangeRequest = z.object({
  currentPassword: secretText,
  newPassword: secretText,
  newPasswordConfirm: secretText,
});
/** Answer to a password change. */
export const PasswordChangeResponse = z.object({ stage: SessionStage });

// ---------------------------------------------------------------- account

/** The registered phone or customer number (digits only). */
export const RegisteredNumber = z.object({
  /** `phone`: a mobile or fixed phone number; `customer`: a customer (contract) number. */
  kind: z.enum(['phone', 'customer']),
  number: text,
});

/** Answer of `GET /account`. */
export const AccountResponse = z.object({
  loginId: text,
  customerName: text,
  registeredNumber: RegisteredNumber,
  billing: z.enum(['single', 'combined']),
  lineCount: int,
  companyCount: int,
});

/** A communication company billed under the account. */
export const Company = z.object({ id: text, name: LocalizedText });
/** A line billed under the account. */
export const Line = z.object({
  /** Digits only, no dashes. */
  lineNumber: text,
  companyId: text,
  service: LocalizedText,
});
/** Answer of `GET /account/lines`. */
export const LinesResponse = z.object({ companies: z.array(Company), lines: z.array(Line) });

// ---------------------------------------------------------------- billing

/** One month's billing amount in the history. */
export const HistoryMonth = z.object({
  month: Month,
  amount: Yen,
  dueDate: IsoDate,
  /** `confirmed` once the month's amount is set; the current month may still be `provisional`. */
  status: z.enum(['confirmed', 'provisional']),
  breakdownAvailable: z.boolean(),
});
/** Answer of `GET /billing/history`: 15 months, newest first. */
export const HistoryResponse = z.object({
  currentMonth: Month,
  /** The 15 months including the current one, newest first. */
  months: z.array(HistoryMonth),
});

/** Kind of an item of charge: charge, discount, fee or tax. */
export const ItemKind = z.enum(['charge', 'discount', 'fee', 'tax']);
/** One item of charge on a line (integer yen; negative for discounts). */
export const ChargeItem = z.object({
  code: text,
  label: LocalizedText,
  kind: ItemKind,
  amount: Yen,
});
/** One line's items and subtotal. */
export const LineCharges = z.object({ lineNumber: text, subtotal: Yen, items: z.array(ChargeItem) });
/** One communication company's lines and subtotal. */
export const CompanyCharges = z.object({
  companyId: text,
  name: LocalizedText,
  subtotal: Yen,
  lines: z.array(LineCharges),
});

/** How a breakdown is scoped: total, one company, or one line. */
export const BreakdownView = z.enum(['total', 'company', 'line']);
/** Query of `GET /billing/months/:month/breakdown`. */
export const BreakdownQuery = z.object({
  view: z.optional(BreakdownView),
  company: z.optional(shortText),
  line: z.optional(shortText),
});
/** A month's detailed breakdown, with every company, line and item. */
export const BreakdownResponse = z.object({
  month: Month,
  dueDate: IsoDate,
  view: BreakdownView,
  /** Set when `view` is `company`. */
  companyId: optionalText,
  /** Set when `view` is `line`. */
  lineNumber: optionalText,
  /** Sum of every item shown; equals the sum of the companies' subtotals. */
  total: Yen,
  /** Consumption tax included in `total` (the sum of `tax` items). */
  taxTotal: Yen,
  companies: z.array(CompanyCharges),
});

/** One usage amount in a billing summary. */
export const UsageEntry = z.object({
  code: text,
  label: LocalizedText,
  quantity: z.number(),
  unit: z.enum(['minutes', 'MB', 'GB', 'messages', 'lines']),
  amount: Yen,
});
/** A notice in a billing summary (plain text). */
export const Notice = z.object({
  id: text,
  title: LocalizedText,
  /** Plain text. Render as text, never as HTML. */
  body: LocalizedText,
});
/** A month's billing summary: usage amounts and notices. */
export const SummaryResponse = z.object({
  month: Month,
  dueDate: IsoDate,
  total: Yen,
  usage: z.array(UsageEntry),
  notices: z.array(Notice),
});

// ---------------------------------------------------------------- emails

/**
 * Where an email registration stands: `none`; `pending` when only an
 * unconfirmed registration exists (its mailed link not yet followed);
 * `registered` when a confirmed one exists, also while a change of it waits
 * for confirmation (then `pendingEmail` is set as well).
 */
export const RegistrationState = z.enum(['none', 'pending', 'registered']);

/** A secret question to choose for password reissue. */
export const SecretQuestion = z.object({ id: text, text: LocalizedText });
/** Answer of `GET /reissue-email/questions`. */
export const SecretQuestionsResponse = z.object({ questions: z.array(SecretQuestion) });

/** Body to register or change the email for password reissue. */
export const ReissueEmailRequest = z.object({
  email: EmailAddress,
  emailConfirm: EmailAddress,
  questionId: shortText,
  answer: secretText,
});
/** State of the email for password reissue (addresses masked). */
export const ReissueEmailStatus = z.object({
  state: RegistrationState,
  /** The confirmed address, masked (`ta***@example.jp`). */
  email: optionalText,
  questionId: optionalText,
  /** The address waiting for confirmation, masked. */
  pendingEmail: optionalText,
  /** When the pending confirmation link expires. */
  pendingExpiresAt: z.optional(IsoDateTime),
});
/** Query of `GET /reissue-email/confirm` and `GET /notice-email/confirm`: the mailed token, checked without using it. */
export const LinkCheckQuery = z.object({ token: shortText });
/** A mailed link that can still be used (one that cannot answers 410 `link_expired`): what it confirms, and until when. */
export const LinkCheckResponse = z.object({
  valid: z.literal(true),
  purpose: z.enum(['reissue-email', 'notice-email']),
  expiresAt: IsoDateTime,
});
/** Body of `POST /reissue-email/confirm`: the mailed token with the question and answer again. */
export const ReissueEmailConfirmRequest = z.object({
  token: shortText,
  questionId: shortText,
  answer: secretText,
});

/** Type of a notice address: mobile phone or Internet (PC, smartphone, tablet). */
export const NoticeEmailType = z.enum(['mobile', 'internet']);
/** Body to register or change the billing-notice email. */
export const NoticeEmailRequest = z.object({ type: NoticeEmailType, email: EmailAddress });
/** State of the billing-notice email, with the sender address to allow. */
export const NoticeEmailStatus = z.object({
  state: RegistrationState,
  type: z.optional(NoticeEmailType),
  email: optionalText,
  pendingType: z.optional(NoticeEmailType),
  pendingEmail: optionalText,
  pendingExpiresAt: z.optional(IsoDateTime),
  /** Where the service's mails come from, for spam-filter settings. */
  sender: text,
});
/** Body of `POST /notice-email/confirm`: the mailed token with the registered number. */
export const NoticeEmailConfirmRequest = z.object({
  token: shortText,
  /** The registered phone or customer number: ASCII digits, no dashes. */
  registeredNumber: shortText,
});

// ---------------------------------------------------------------- password reissue

/** Body of `POST /password-reissue`. */
export const PasswordReissueRequest = z.object({
  loginId: shortText,
  email: EmailAddress,
  questionId: shortText,
  answer: secretText,
});
/** The same body whether or not anything matched. */
export const PasswordReissueResponse = z.object({ accepted: z.literal(true) });

/** Bodies for a response with nothing to say (`204`). */
export const NoContent = z.undefined();
