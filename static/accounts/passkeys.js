/* Passkeys page: once the library (otp_webauthn_register.js) has registered a passkey, show the
 * list again with it. */
(function () {
  "use strict";
  document.addEventListener("otp_webauthn.register_complete", function () {
    window.location.reload();
  });
}());
