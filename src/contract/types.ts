/**
 * Wire types inferred from the schemas. Never written by hand.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type * as s from './schemas.js';

export type ErrorBody = z.infer<typeof s.ErrorBody>;
export type FieldIssue = z.infer<typeof s.FieldIssue>;
export type LocalizedText = z.infer<typeof s.LocalizedText>;
export type SessionStage = z.infer<typeof s.SessionStage>;
export type InitialLoginRequest = z.infer<typeof s.InitialLoginRequest>;
export type LoginRequest = z.infer<typeof s.LoginRequest>;
export type LoginResponse = z.infer<typeof s.LoginResponse>;
export type SessionResponse = z.infer<typeof s.SessionResponse>;
export type CredentialSetupRequest = z.infer<typeof s.CredentialSetupRequest>;
export type CredentialSetupResponse = z.infer<typeof s.CredentialSetupResponse>;
export type LoginIdAvailabilityResponse = z.infer<typeof s.LoginIdAvailabilityResponse>;
export type PasswordChangeRequest = z.infer<typeof s.PasswordChangeRequest>;
export type PasswordChangeResponse = z.infer<typeof s.PasswordChangeResponse>;
export type RegisteredNumber = z.infer<typeof s.RegisteredNumber>;
export type AccountResponse = z.infer<typeof s.AccountResponse>;
export type Company = z.infer<typeof s.Company>;
export type Line = z.infer<typeof s.Line>;
export type LinesResponse = z.infer<typeof s.LinesResponse>;
export type HistoryMonth = z.infer<typeof s.HistoryMonth>;
export type HistoryResponse = z.infer<typeof s.HistoryResponse>;
export type ItemKind = z.infer<typeof s.ItemKind>;
export type ChargeItem = z.infer<typeof s.ChargeItem>;
export type LineCharges = z.infer<typeof s.LineCharges>;
export type CompanyCharges = z.infer<typeof s.CompanyCharges>;
export type BreakdownView = z.infer<typeof s.BreakdownView>;
export type BreakdownQuery = z.infer<typeof s.BreakdownQuery>;
export type BreakdownResponse = z.infer<typeof s.BreakdownResponse>;
export type UsageEntry = z.infer<typeof s.UsageEntry>;
export type Notice = z.infer<typeof s.Notice>;
export type SummaryResponse = z.infer<typeof s.SummaryResponse>;
export type RegistrationState = z.infer<typeof s.RegistrationState>;
export type SecretQuestion = z.infer<typeof s.SecretQuestion>;
export type SecretQuestionsResponse = z.infer<typeof s.SecretQuestionsResponse>;
export type ReissueEmailRequest = z.infer<typeof s.ReissueEmailRequest>;
export type ReissueEmailStatus = z.infer<typeof s.ReissueEmailStatus>;
export type ReissueEmailConfirmRequest = z.infer<typeof s.ReissueEmailConfirmRequest>;
export type NoticeEmailType = z.infer<typeof s.NoticeEmailType>;
export type NoticeEmailRequest = z.infer<typeof s.NoticeEmailRequest>;
export type NoticeEmailStatus = z.infer<typeof s.NoticeEmailStatus>;
export type NoticeEmailConfirmRequest = z.infer<typeof s.NoticeEmailConfirmRequest>;
export type PasswordReissueRequest = z.infer<typeof s.PasswordReissueRequest>;
export type PasswordReissueResponse = z.infer<typeof s.PasswordReissueResponse>;
