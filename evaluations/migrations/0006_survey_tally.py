"""Issue 14: survey results at a province's size (200 k responses, 2.6 M answers).

SurveyTally holds each survey's figures per school; on PostgreSQL, statement triggers on responses
and answers compute again the figures of every (survey, school) a statement touched, in the same
transaction, so the table is always current whoever writes (the public answer page, the demo, a
bulk load). The table is filled here from the responses already given.
"""

import django.db.models.deletion
from django.db import migrations, models

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
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION evaluations_tally_refresh(sv bigint, sc bigint) RETURNS void AS $$
BEGIN
    DELETE FROM evaluations_surveytally WHERE survey_id = sv AND school_id = sc;
    INSERT INTO evaluations_surveytally {COLUMNS}
    {SELECT_TALLIES.format(where="r.survey_id = sv AND r.school_id = sc")}
    ON CONFLICT (survey_id, school_id, key) DO UPDATE SET n = EXCLUDED.n, favourable = EXCLUDED.favourable,
        scored = EXCLUDED.scored, total = EXCLUDED.total, valued = EXCLUDED.valued;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION evaluations_tally_answers() RETURNS trigger AS $$
BEGIN
    PERFORM evaluations_tally_refresh(p.survey_id, p.school_id)
    FROM (SELECT DISTINCT r.survey_id, r.school_id FROM changed c
          JOIN evaluations_surveyresponse r ON r.id = c.response_id) p;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION evaluations_tally_responses() RETURNS trigger AS $$
BEGIN
    PERFORM evaluations_tally_refresh(p.survey_id, p.school_id)
    FROM (SELECT DISTINCT survey_id, school_id FROM changed) p;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evaluations_tally_answers_inserted AFTER INSERT ON evaluations_answer
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION evaluations_tally_answers();
CREATE TRIGGER evaluations_tally_answers_updated AFTER UPDATE ON evaluations_answer
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION evaluations_tally_answers();
CREATE TRIGGER evaluations_tally_answers_deleted AFTER DELETE ON evaluations_answer
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION evaluations_tally_answers();
CREATE TRIGGER evaluations_tally_responses_inserted AFTER INSERT ON evaluations_surveyresponse
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION evaluations_tally_responses();
CREATE TRIGGER evaluations_tally_responses_deleted AFTER DELETE ON evaluations_surveyresponse
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION evaluations_tally_responses();

INSERT INTO evaluations_surveytally {COLUMNS}
{SELECT_TALLIES.format(where="TRUE")};
"""  # nosec B608: constant SQL, no outside value
DROP = """
DROP TRIGGER IF EXISTS evaluations_tally_answers_inserted ON evaluations_answer;
DROP TRIGGER IF EXISTS evaluations_tally_answers_updated ON evaluations_answer;
DROP TRIGGER IF EXISTS evaluations_tally_answers_deleted ON evaluations_answer;
DROP TRIGGER IF EXISTS evaluations_tally_responses_inserted ON evaluations_surveyresponse;
DROP TRIGGER IF EXISTS evaluations_tally_responses_deleted ON evaluations_surveyresponse;
DROP FUNCTION IF EXISTS evaluations_tally_answers();
DROP FUNCTION IF EXISTS evaluations_tally_responses();
DROP FUNCTION IF EXISTS evaluations_tally_refresh(bigint, bigint);
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):

    dependencies = [
        ('evaluations', '0005_standard_instruments_french'),
        ('schools', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SurveyTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=40, verbose_name='key')),
                ('n', models.BigIntegerField(default=0, verbose_name='count')),
                ('favourable', models.BigIntegerField(default=0, verbose_name='favourable')),
                ('scored', models.BigIntegerField(default=0, verbose_name='scored')),
                ('total', models.FloatField(default=0, verbose_name='total')),
                ('valued', models.BigIntegerField(default=0, verbose_name='valued')),
                ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='schools.school', verbose_name='school')),
                ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='evaluations.survey', verbose_name='survey')),
            ],
            options={
                'verbose_name': 'survey tally',
                'verbose_name_plural': 'survey tallies',
                'constraints': [models.UniqueConstraint(fields=('survey', 'school', 'key'), name='survey_tally_unique')],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
