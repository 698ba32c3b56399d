"""The portal's date and number formats, one per language (FORMAT_MODULE_PATH): year-first dates
in both languages (2028-01-12 is also the Canadian French standard, CAN/CSA-Z234.5) and numbers
grouped by thousands. What is not set here comes from Django's own locale formats.

Only pages use them: CSV files write ISO dates and plain numbers (common.csvexport), form inputs
are not localized (a date input reads and writes 2028-01-12), and numbers in HTML attributes,
addresses and json_script go through `|unlocalize` or json (tests/test_formats.py)."""
