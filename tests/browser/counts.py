"""Gestures that a routine task may take at most, measured by the journeys in pointer mode on a phone
(how a gesture counts: tests/browser/harness.py). Lower them when a page gets quicker; a test fails
when a change makes a task take more.

- Routine activity log, from the landing page: a category, Save (3 taps, with "Log activity",
  until the officer's landing page became the quick log itself).
- Incident report, from the landing page to "submitted for review" with one person involved:
  23 taps and 5 typed inputs on 2026-12-03 (the first walk of issue 16, which also counted swipes
  and focusing taps, said 27 and 6); 11 and 3 once the report became one page (issue 16, defect 4:
  times default to now, one-tap choices, the person and "Submit for review" on the same page).
"""

ROUTINE_LOG = {"taps": 2, "typed": 0}
INCIDENT_REPORT = {"taps": 11, "typed": 3}
