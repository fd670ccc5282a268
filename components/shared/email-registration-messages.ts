import type { Widened } from './localize.js';
import type shared from './email-registration-messages.en.js';

/** The messages the shared registration modules (`email-registration-messages.en.ts`, `.ja.ts`) leave to each element, in the words of its service. */
export interface OwnRegistrationMessages {
  title: string;
  intro: string;
  registerTitle: string;
  changeTitle: string;
  reviewIntro: string;
  sentTitle: string;
  sent: (email: string) => string;
  sender: (sender: string) => string;
  within24h: (until: string) => string;
  pendingTitle: string;
  pending: (email: string, until: string) => string;
  deleteTitle: string;
  deleteWarning: string;
  deleted: string;
  confirmTitle: string;
  confirmIntro: string;
  completedTitle: string;
  completed: string;
}

/** Every message the shared registration screens use. */
export type EmailRegistrationMessages = Widened<typeof shared> & OwnRegistrationMessages;
