"""The survey tallies' SQL (PostgreSQL): one school's figures computed again, every school's rebuilt.
The migration that installs the triggers keeps its own frozen copy of the function."""

from django.db import connection

# A response's school and survey, the answers' sums per question and per indicator (n: responses),
# and per indicator over the scored answers only ("f:", n: the responses with a scored answer): what
# the outcome figures (dashboards, outcome report) count.
SELECT_TALLIES = """
SELECT r.survey_id, r.school_id, 'r', count(*), 0, 0, 0.0, 0
FROM evaluations_surveyresponse r WHERE {where}
GROUP BY r.survey_id, r.school_id
UNION ALL
SELECT r.survey_id, r.school_id, 'q:' || a.question_id, count(*), count(*) FILTER (WHERE a.favourable),
       count(a.favourable), coalesce(sum(a.value), 0.0), count(a.value)
FROM evaluations_answer a JOIN evaluations_surveyresponse r ON r.id = a.response_id WHERE {where}
GROUP BY r.survey_id, r.school_id, a.question_id
UNION ALL
SELECT r.survey_id, r.school_id, 'i:' || q.indicator, count(DISTINCT a.response_id),
       count(*) FILTER (WHERE a.favourable), count(a.favourable), coalesce(sum(a.value), 0.0), count(a.value)
FROM evaluations_answer a JOIN evaluations_surveyresponse r ON r.id = a.response_id
     JOIN evaluations_question q ON q.id = a.question_id WHERE {where}
GROUP BY r.survey_id, r.school_id, q.indicator
UNION ALL
SELECT r.survey_id, r.school_id, 'f:' || q.indicator, count(DISTINCT a.response_id),
       count(*) FILTER (WHERE a.favourable), count(*), 0.0, 0
FROM evaluations_answer a JOIN evaluations_surveyresponse r ON r.id = a.response_id
     JOIN evaluations_question q ON q.id = a.question_id WHERE a.favourable IS NOT NULL AND {where}
GROUP BY r.survey_id, r.school_id, q.indicator
"""
COLUMNS = "(survey_id, school_id, key, n, favourable, scored, total, valued)"

# Constant text only (no value from outside).
REBUILD_SQL = f"""
DELETE FROM evaluations_surveytally;
INSERT INTO evaluations_surveytally {COLUMNS}
{SELECT_TALLIES.format(where="TRUE")};
"""  # noqa: S608  # nosec B608


def rebuild_tallies() -> None:
    """Compute every survey's tallies again from its responses (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(REBUILD_SQL)


def scored_by_indicator(surveys, school_ids):
    """Per school, survey year, audience and indicator: the responses with a scored answer (n), the
    favourable answers and the scored answers, over the answers of `surveys` (a queryset) at
    `school_ids`. What the outcome figures add up (dashboards, outcome report). One query: over the
    tallies on PostgreSQL (a few rows per school), over the answers elsewhere. Each row: a dict with
    school, school_year, audience, indicator, n, favourable, scored."""
    from django.db.models import Count, F, Q, Sum

    from .models import Answer, SurveyTally

    if connection.vendor == "postgresql":
        # Tuples, not dicts, from the database: a province's report reads some 30,000 rows.
        rows = (SurveyTally.objects.filter(survey__in=surveys, school__in=school_ids, key__startswith="f:")
                .order_by().values("school", "key", "survey__school_year", "survey__audience")
                .annotate(sum_n=Sum("n"), sum_favourable=Sum("favourable"), sum_scored=Sum("scored"))
                .values_list("school", "survey__school_year", "survey__audience", "key", "sum_n", "sum_favourable",
                             "sum_scored"))
        return [{"school": school, "school_year": year, "audience": audience, "indicator": key[2:], "n": n,
                 "favourable": favourable, "scored": scored}
                for school, year, audience, key, n, favourable, scored in rows]
    return list(
        Answer.objects.filter(response__survey__in=surveys, response__school__in=school_ids, favourable__isnull=False)
        .order_by().values(school=F("response__school"), school_year=F("response__survey__school_year"),
                           audience=F("response__survey__audience"), indicator=F("question__indicator"))
        .annotate(n=Count("response", distinct=True), favourable=Count("pk", filter=Q(favourable=True)),
                  scored=Count("pk"))
    )
