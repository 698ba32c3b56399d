"""The survey tallies' SQL (PostgreSQL): one school's figures computed again, every school's rebuilt.
The migration that installs the triggers keeps its own frozen copy of the function."""

from django.db import connection

# A response's school and survey, the answers' sums per question and per indicator (n: responses).
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
