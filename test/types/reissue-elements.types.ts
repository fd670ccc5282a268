/**
 * Compile-only checks (run by `tsc`, never executed): the tag map gives the
 * element classes, the event map gives typed events, and no event carries an
 * email, an answer or a token.
 */
import type { WbPasswordReissue } from '../../components/password-reissue/password-reissue.js';
import type { WbRestartRegistrationEvent } from '../../components/reissue-email/events.js';
import type { WbReissueEmail } from '../../components/reissue-email/reissue-email.js';
import type {} from '../../components/password-reissue/define.js';
import type {} from '../../components/reissue-email/define.js';

export function typeChecks(): void {
  document.createElement('wb-reissue-email') satisfies WbReissueEmail;
  document.createElement('wb-password-reissue') satisfies WbPasswordReissue;
  document.createElement('wb-reissue-email').token satisfies string;
  document.createElement('wb-password-reissue').loginId satisfies string;

  document.addEventListener('wb-reissue-email-restart', (event) => {
    event satisfies WbRestartRegistrationEvent;
  });
  document.addEventListener('wb-email-registered', (event) => {
    event.state satisfies 'pending' | 'registered';
    event.purpose satisfies 'reissue' | 'notice';
    // @ts-expect-error the event carries no email address
    void event.email;
    // @ts-expect-error nor the answer
    void event.answer;
  });
  document.addEventListener('wb-password-reissue-requested', (event) => {
    // @ts-expect-error the event carries no login ID, email or answer
    void event.loginId;
  });
  document.addEventListener('wb-email-deleted', (event) => {
    event.purpose satisfies 'reissue' | 'notice';
  });
}
