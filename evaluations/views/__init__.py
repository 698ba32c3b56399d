"""Views by audience: instruments and surveys (coordinators), the public answer page (anyone
with a code), results (evaluators, coordinators, school administrators) and outcome data."""
