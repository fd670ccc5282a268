/**
 * Light-DOM styles of the screens `RegistrationFlow` renders for both
 * email registrations, wrapped in `:where()` so any partner rule wins.
 *
 * @module
 */
import { css } from 'lit';

/** Styles of the review step of the email registrations (`<wb-notice-email>`, `<wb-reissue-email>`): what was entered, as a list. */
export const reviewStyles = css`
  :where(.wb-review) { display: grid; gap: 0.5rem; margin: 0; }
  :where(.wb-review dt) { font-weight: 600; }
  :where(.wb-review dd) { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
`;
