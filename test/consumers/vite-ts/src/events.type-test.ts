// Compile-only: `tsc --noEmit` (strict) fails if the kit's events or tags are not typed.
import type { WbLogin } from 'web-billing-kit/elements/login';
import type { WbLinePicker } from 'web-billing-kit/elements/line-picker';
import type { CustomElements } from 'web-billing-kit/custom-elements-jsx';
import { WbLoggedInEvent, type WbLineSelectedEvent } from 'web-billing-kit/elements';

export function typedEvents(login: WbLogin, picker: WbLinePicker): void {
  login.addEventListener('wb-logged-in', (event) => {
    const typed: WbLoggedInEvent = event;
    const loginId: string = event.loginId;
    // @ts-expect-error: a WbLoggedInEvent carries no password
    void event.password;
    void typed;
    void loginId;
  });
  picker.addEventListener('wb-line-selected', (event) => {
    const typed: WbLineSelectedEvent = event;
    void typed;
  });
  document.addEventListener('wb-logged-in', (event) => {
    const stage: WbLoggedInEvent['stage'] = event.stage;
    void stage;
  });
  const tag: WbLogin = document.createElement('wb-login');
  // @ts-expect-error: not a kit element
  const notAKitElement: WbLogin = document.createElement('div');
  void tag;
  void notAKitElement;
  void new WbLoggedInEvent('active', 'taro2024');
}

// The JSX types for other frameworks (web-billing-kit/custom-elements-jsx), generated from the manifest.

export const loginProps: CustomElements['wb-login'] = {
  'login-id': 'taro2024',
  'onwb-logged-in': (event) => {
    const stage: WbLoggedInEvent['stage'] = event.stage;
    void stage;
  },
};
// @ts-expect-error: a WbLoggedInEvent has no month
export const wrongHandler: CustomElements['wb-login'] = { 'onwb-logged-in': (event) => event.month };
