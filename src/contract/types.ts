/**
 * Wire types inferred from the schemas. Never written by hand.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type * as s from './schemas.js';

/** The body of every error response. */
export type ErrorBody = z.infer<typeof s.ErrorBody>;
/** One broken rule of one field in a `validation_failed` error. */
export type FieldIssue = z.infer<typeof s.FieldIssue>;
/** Text in Japanese and English. */
export type LocalizedText = z.infer<typeof s.LocalizedText>;
/** Where a session stands: `active`, or a credential change it must make first. */
export type SessionStage = z.infer<typeof s.SessionStage>;
/** Body of `POST /auth/initial-login`: the postcard ID and password. */
export type InitialLoginRequest = z.infer<typeof s.InitialLoginRequest>;
/** Body of `POST /auth/login`. */
export type LoginRequest = z.infer<typeof s.LoginRequest>;
/** Answer to a login: the session token, its expiry and stage. */
export type LoginResponse = z.infer<typeof s.LoginResponse>;
/** Answer of `GET /auth/session`. */
export type SessionResponse = z.infer<typeof s.SessionResponse>;
/** Body of `POST /credentials/setup`: postcard credentials again, new ID twice, new password twice. */
export type CredentialSetupRequest = z.infer<typeof s.CredentialSetupRequest>;
/** Answer to the first credential change. */
export type CredentialSetupResponse = z.infer<typeof s.CredentialSetupResponse>;
/** A mailed link that can still be used: what it confirms, and until when. */
export type LinkCheckResponse = z.infer<typeof s.LinkCheckResponse>;
/** Whether a login ID is free to choose. */
export type LoginIdAvailabilityResponse = z.infer<typeof s.LoginIdAvailabilityResponse>;
/** Body of `POST /credentials/password`. */
export type PasswordChangeRequest = z.infer<typeof s.PasswordChangeRequest>;
/** Answer to a password change. */
export type PasswordChangeResponse = z.infer<typeof s.PasswordChangeResponse>;
/** The registered phone or customer number (digits only). */
export type RegisteredNumber = z.infer<typeof s.RegisteredNumber>;
/** Answer of `GET /account`. */
export type AccountResponse = z.infer<typeof s.AccountResponse>;
/** A communication company billed under the account. */
export type Company = z.infer<typeof s.Company>;
/** A line billed under the account. */
export type Line = z.infer<typeof s.Line>;
/** Answer of `GET /account/lines`. */
export type LinesResponse = z.infer<typeof s.LinesResponse>;
/** One month's billing amount in the history. */
export type HistoryMonth = z.infer<typeof s.HistoryMonth>;
/** Answer of `GET /billing/history`: 15 months, newest first. */
export type HistoryResponse = z.infer<typeof s.HistoryResponse>;
/** Kind of an item of charge: charge, discount, fee or tax. */
export type ItemKind = z.infer<typeof s.ItemKind>;
/** One item of charge on a line (integer yen; negative for discounts). */
export type ChargeItem = z.infer<typeof s.ChargeItem>;
/** One line's items and subtotal. */
export type LineCharges = z.infer<typeof s.LineCharges>;
/** One communication company's lines and subtotal. */
export type CompanyCharges = z.infer<typeof s.CompanyCharges>;
/** How a breakdown is scoped: total, one company, or one line. */
export type BreakdownView = z.infer<typeof s.BreakdownView>;
/** Query of `GET /billing/months/:month/breakdown`. */
export type BreakdownQuery = z.infer<typeof s.BreakdownQuery>;
/** A month's detailed breakdown, with every company, line and item. */
export type BreakdownResponse = z.infer<typeof s.BreakdownResponse>;
/** One usage amount in a billing summary. */
export type UsageEntry = z.infer<typeof s.UsageEntry>;
/** A notice in a billing summary (plain text). */
export type Notice = z.infer<typeof s.Notice>;
/** A month's billing summary: usage amounts and notices. */
export type SummaryResponse = z.infer<typeof s.SummaryResponse>;
/** State of an email registration: none, pending confirmation, or registered. */
export type RegistrationState = z.infer<typeof s.RegistrationState>;
/** A secret question to choose for password reissue. */
export type SecretQuestion = z.infer<typeof s.SecretQuestion>;
/** Answer of `GET /reissue-email/questions`. */
export type SecretQuestionsResponse = z.infer<typeof s.SecretQuestionsResponse>;
/** Body to register or change the email for password reissue. */
export type ReissueEmailRequest = z.infer<typeof s.ReissueEmailRequest>;
/** State of the email for password reissue (addresses masked). */
export type ReissueEmailStatus = z.infer<typeof s.ReissueEmailStatus>;
/** Body of `POST /reissue-email/confirm`: the mailed token with the question and answer again. */
export type ReissueEmailConfirmRequest = z.infer<typeof s.ReissueEmailConfirmRequest>;
/** Type of a notice address: mobile phone or Internet (PC, smartphone, tablet). */
export type NoticeEmailType = z.infer<typeof s.NoticeEmailType>;
/** Body to register or change the billing-notice email. */
export type NoticeEmailRequest = z.infer<typeof s.NoticeEmailRequest>;
/** State of the billing-notice email, with the sender address to allow. */
export type NoticeEmailStatus = z.infer<typeof s.NoticeEmailStatus>;
/** Body of `POST /notice-email/confirm`: the mailed token with the registered number. */
export type NoticeEmailConfirmRequest = z.infer<typeof s.NoticeEmailConfirmRequest>;
/** Body of `POST /password-reissue`. */
export type PasswordReissueRequest = z.infer<typeof s.PasswordReissueRequest>;
/** Answer to a password reissue request, the same whatever matched. */
export type PasswordReissueResponse = z.infer<typeof s.PasswordReissueResponse>;
