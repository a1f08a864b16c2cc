"""Sign-in defences: lockout after repeated failures (django-axes) and two-factor sign-in
(django-otp: an authenticator app plus one-use recovery codes)."""
