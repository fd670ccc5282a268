import '../password-input/define.js';
import { defineElement } from '../shared/define.js';
import { WbCredentialSetup } from './credential-setup.js';

export { WbCredentialSetup };
defineElement('wb-credential-setup', WbCredentialSetup);

declare global {
  interface HTMLElementTagNameMap {
    'wb-credential-setup': WbCredentialSetup;
  }
}
