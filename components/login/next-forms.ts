/**
 * The forms `<wb-login>` moves on to in place, registered together when it
 * first needs one (one request, not three): the first change after a
 * postcard login, the password change after a reissued password, and the
 * password reissue.
 *
 * @module
 */
import '../credential-setup/define.js';
import '../password-change/define.js';
import '../password-reissue/define.js';
