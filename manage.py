#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sro_portal.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # Settings refuse to load without SECRET_KEY and ALLOWED_HOSTS unless DEBUG is on. Django would
    # keep that reason to itself and fail later with "Models aren't loaded yet": say it here instead.
    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings
    except ImproperlyConfigured as error:
        sys.exit(f"SRO Portal is not configured: {error}\n"
                 "For development, set DEBUG=1 (as `make run` does); in production, see README, Configuration.")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
