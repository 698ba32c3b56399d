from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def role_required(*roles):
    """Sign-in required (else redirect to sign in); then one of `roles` required (else 403).

    A 403 says "this kind of page is not for you"; an object outside the user's scope is a
    404, which the fetch helpers (``get_<thing>_for_user``) give.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
