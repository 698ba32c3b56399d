"""`no_store`: for every page that shows personal information. Importable from any app."""

from functools import wraps

NO_STORE = "no-store, private"


def no_store(view):
    """Tell browsers and proxies to keep no copy of the response (``Cache-Control: no-store,
    private``), so personal information is not left in a shared computer's cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = NO_STORE
        return response

    return wrapper
