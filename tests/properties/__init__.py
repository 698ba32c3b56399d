"""Property tests (hypothesis) of every form, filter, export and the outcome import: hostile input
never gives a 500 and never leaves a half-written record; and an escaping test of every free-text
field. Each test runs 25 examples; `PROPERTY_EXAMPLES=300` searches deeper (what it finds is then
pinned with @example so that the fast run keeps checking it)."""
