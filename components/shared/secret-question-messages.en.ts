/** English messages of the secret-question forms (`<wb-reissue-email>`, `<wb-password-reissue>`). */
export default {
  loadFailed: 'This could not be loaded from the billing service. Please try again.',
  needsLogin: 'Please log in first: the email address for password reissue can be registered or changed only after you log in.',
  choose: 'Choose a question',
};
