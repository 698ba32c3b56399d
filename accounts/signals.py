"""At sign-in (Django's signal: its LoginView is not ours), start the session clock and
decide where the session stands with two-step verification."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import start_session_clock
from .two_step import STATE_KEY, two_step_state


@receiver(user_logged_in, dispatch_uid="accounts_session_start")
def start_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    start_session_clock(request.session)
    request.session[STATE_KEY] = two_step_state(user)
