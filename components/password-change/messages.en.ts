/** English messages of `<wb-password-change>`. */
export default {
  title: 'Change your password',
  introReissued: 'You logged in with a reissued password. Enter the password from the email again, then choose a new password of your own.',
  introVoluntary: 'Enter your current password, then choose a new one.',
  currentReissued: 'Password from the email',
  currentVoluntary: 'Current password',
  requiredReissued: 'Enter the password from the email.',
  requiredVoluntary: 'Enter your current password.',
  wrongReissued: 'This does not match the password in the email. Enter it again exactly as written; the password fields were cleared.',
  wrongVoluntary: 'The current password is incorrect. Enter it again; the password fields were cleared.',
  setupFirst: 'You are logged in with the initial login ID from the postcard. Please choose your own login ID and password first.',
  submit: 'Update',
  doneTitle: 'Password changed',
  done: 'Changing the login password is now completed. Please do not forget the password you chose: it is important.',
};
