"""Staff and journalists' accounts: the back office's site and sign-in (password, then an
authenticator app's code for those who turned two-factor authentication on), TOTP enrolment,
and the page shown after too many failed sign-ins (django-axes)."""
