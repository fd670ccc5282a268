/**
 * The mail outbox: every mail the backend "sends" is kept here, in the wire
 * form of `schemas.OutboxMail`, and served at `GET /_dev/outbox`.
 * The texts themselves are in `mails.ts`.
 *
 * @module
 */
import type { OutboxMail } from '../src/contract/dev.js';
import type { LocalizedText } from '../src/contract/types.js';
import type { Clock } from './clock.js';
import { fromLine, senderNameOf, subjectLine } from './mails.js';

/** What a sender gives; the outbox adds `id`, `from` and `sentAt`. */
export type MailDraft = Omit<OutboxMail, 'id' | 'from' | 'sentAt'>;

/** The mail outbox. */
export interface Outbox {
  /**
   * Records a mail as sent now (by the backend clock), from the sender's name
   * and the service's address, its subject (a topic) after the sender's name.
   */
  send(draft: MailDraft): OutboxMail;
  /** Every mail sent, oldest first (copies). */
  list(): OutboxMail[];
  /** The newest mail matching the filter, if any. */
  latest(filter?: { to?: string; kind?: OutboxMail['kind'] }): OutboxMail | undefined;
  /** Forgets every mail. */
  clear(): void;
}

/** An outbox's whole state (part of a backend snapshot). */
export interface OutboxState {
  /** Every mail sent, oldest first. */
  mails: OutboxMail[];
  /** The number in the last mail's id (`mail-0007`); the next mail gets the one after. */
  sequence: number;
}

/** An outbox whose state its backend can save and load (the backend's own view; users get an {@link Outbox}). */
export interface StatefulOutbox extends Outbox {
  /** The mails (copies) and the sequence. */
  state(): OutboxState;
  /** Replaces the mails and the sequence with saved ones (copied). */
  load(state: OutboxState): void;
}

/** Creates an empty outbox stamped by `clock`, sending as `senderName` (default "Web Billing", see `mails.ts`). */
export function createOutbox(clock: Clock, senderName?: string | LocalizedText): StatefulOutbox {
  const sender = senderNameOf(senderName);
  let mails: OutboxMail[] = [];
  let sequence = 0;
  const copy = (mail: OutboxMail): OutboxMail => structuredClone(mail);
  return {
    send(draft) {
      sequence += 1;
      // The short fields first (link and temporary password before the long
      // texts), so the outbox reads well as raw JSON and greps well in scripts.
      const mail: OutboxMail = {
        id: `mail-${String(sequence).padStart(4, '0')}`,
        kind: draft.kind,
        to: draft.to,
        from: fromLine(sender),
        sentAt: clock.now().toISOString(),
        ...(draft.link !== undefined ? { link: draft.link } : {}),
        ...(draft.temporaryPassword !== undefined ? { temporaryPassword: draft.temporaryPassword } : {}),
        subject: subjectLine(sender, draft.subject),
        body: draft.body,
      };
      mails.push(mail);
      return copy(mail);
    },
    list: () => mails.map(copy),
    latest(filter = {}) {
      for (let i = mails.length - 1; i >= 0; i--) {
        const mail = mails[i]!;
        if (filter.to !== undefined && mail.to.toLowerCase() !== filter.to.toLowerCase()) continue;
        if (filter.kind !== undefined && mail.kind !== filter.kind) continue;
        return copy(mail);
      }
      return undefined;
    },
    clear() {
      mails = [];
      sequence = 0;
    },
    state: () => ({ mails: mails.map(copy), sequence }),
    load(state) {
      mails = state.mails.map(copy);
      sequence = state.sequence;
    },
  };
}
