"""The outcome figures (division dashboards' survey indicators, the outcome report) count, per school
and indicator, the responses with a scored answer: a tally "f:<indicator>" now holds them, so that
those figures read a few rows per school instead of every answer (2.6 M at a province's size: 1–3 s).

The tally function is replaced by one that also computes the new key, and the new rows are added
for the answers already given. Going back restores 0006's function and removes the rows.
"""

import importlib

from django.db import migrations

OLD = importlib.import_module("evaluations.migrations.0006_survey_tally")

SELECT_SCORED = """
SELECT r.survey_id, r.school_id, 'f:' || q.indicator, count(DISTINCT a.response_id),
       count(*) FILTER (WHERE a.favourable), count(*), 0.0, 0
FROM evaluations_answer a JOIN evaluations_surveyresponse r ON r.id = a.response_id
     JOIN evaluations_question q ON q.id = a.question_id WHERE a.favourable IS NOT NULL AND {where}
GROUP BY r.survey_id, r.school_id, q.indicator
"""
SELECT_TALLIES = OLD.SELECT_TALLIES.rstrip() + "\nUNION ALL" + SELECT_SCORED


def refresh_function(select: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION evaluations_tally_refresh(sv bigint, sc bigint) RETURNS void AS $$
BEGIN
    DELETE FROM evaluations_surveytally WHERE survey_id = sv AND school_id = sc;
    INSERT INTO evaluations_surveytally {OLD.COLUMNS}
    {select.format(where="r.survey_id = sv AND r.school_id = sc")}
    ON CONFLICT (survey_id, school_id, key) DO UPDATE SET n = EXCLUDED.n, favourable = EXCLUDED.favourable,
        scored = EXCLUDED.scored, total = EXCLUDED.total, valued = EXCLUDED.valued;
END;
$$ LANGUAGE plpgsql;
"""  # nosec B608: constant SQL, no outside value


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(refresh_function(SELECT_TALLIES))
        schema_editor.execute(f"INSERT INTO evaluations_surveytally {OLD.COLUMNS} "
                              f"{SELECT_SCORED.format(where='TRUE')}")  # nosec B608: constant SQL


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(refresh_function(OLD.SELECT_TALLIES))
        schema_editor.execute("DELETE FROM evaluations_surveytally WHERE left(key, 2) = 'f:'")


class Migration(migrations.Migration):

    dependencies = [
        ("evaluations", "0006_survey_tally"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
