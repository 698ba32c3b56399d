"""French (Canada): 2028-01-12, 14:05, 11 504,6 (a no-break space between thousands)."""

from common.formats.shared import *  # noqa: F403

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
