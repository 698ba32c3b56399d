"""Issue 14: the activity list at a province's size (2 M entries).

Indexes, each ending with the list's order (date, created_at, id, newest first) so that a page is read
off the index instead of sorting every matching row:
- activity_list_order_idx: the unfiltered list (program administrators) and whole divisions
  (coordinators: the division's entries come early in the index);
- activity_school_order_idx: one school or a few (school administrators, the school filter), and the
  partial months at the ends of a date range when totals add up the summary;
- activity_officer_order_idx: the officer filter and the SRO's own log.
(activity_school_date_idx and activity_officer_date_idx, their prefixes, are no longer needed.)

ActivitySummary holds entries, minutes and audiences per division, month and category; on PostgreSQL
a trigger keeps it current on every insert, update and delete of an activity, and the table is filled
here from the entries already logged. The list's totals read it instead of millions of rows.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


SUMMARY_FUNCTION = """
CREATE OR REPLACE FUNCTION activities_summary_apply(act activities_activity, sign integer) RETURNS void AS $$
BEGIN
    INSERT INTO activities_activitysummary
        (division_id, month, category, entries, minutes, students, staff, parents, community)
    SELECT s.division_id, date_trunc('month', act.date)::date, act.category, sign, sign * act.minutes,
           sign * act.students, sign * act.staff, sign * act.parents, sign * act.community
    FROM schools_school s WHERE s.id = act.school_id
    ON CONFLICT (division_id, month, category) DO UPDATE SET
        entries = activities_activitysummary.entries + EXCLUDED.entries,
        minutes = activities_activitysummary.minutes + EXCLUDED.minutes,
        students = activities_activitysummary.students + EXCLUDED.students,
        staff = activities_activitysummary.staff + EXCLUDED.staff,
        parents = activities_activitysummary.parents + EXCLUDED.parents,
        community = activities_activitysummary.community + EXCLUDED.community;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION activities_summary_trigger() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM activities_summary_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM activities_summary_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER activities_summary_current
    AFTER INSERT OR UPDATE OR DELETE ON activities_activity
    FOR EACH ROW EXECUTE FUNCTION activities_summary_trigger();
"""
REBUILD = """
DELETE FROM activities_activitysummary;
INSERT INTO activities_activitysummary
    (division_id, month, category, entries, minutes, students, staff, parents, community)
SELECT s.division_id, date_trunc('month', a.date)::date, a.category, count(*), sum(a.minutes),
       sum(a.students), sum(a.staff), sum(a.parents), sum(a.community)
FROM activities_activity a JOIN schools_school s ON s.id = a.school_id
GROUP BY 1, 2, 3;
"""
DROP = """
DROP TRIGGER IF EXISTS activities_summary_current ON activities_activity;
DROP FUNCTION IF EXISTS activities_summary_trigger();
DROP FUNCTION IF EXISTS activities_summary_apply(activities_activity, integer);
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SUMMARY_FUNCTION)
        schema_editor.execute(REBUILD)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):

    dependencies = [
        ('activities', '0002_client_id'),
        ('officers', '0004_history'),
        ('schools', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ActivitySummary',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(verbose_name='month')),
                ('category', models.CharField(choices=[('informal_contact', 'Informal contact and relationship building'), ('presentation', 'Classroom presentation'), ('restorative_justice', 'Restorative-justice practice'), ('victim_follow_up', 'Victim follow-up'), ('parent_consultation', 'Consultation with parents'), ('staff_consultation', 'Consultation with school staff and administration'), ('event', 'Extra-curricular or community event'), ('safety_planning', 'School safety planning (including drills)'), ('information_gathering', 'Information and intelligence gathering'), ('student_interview', 'Interview or caution of a student'), ('law_enforcement', 'Law enforcement or investigation'), ('administration', 'Administration and training')], max_length=30, verbose_name='category')),
                ('entries', models.IntegerField(default=0, verbose_name='entries')),
                ('minutes', models.BigIntegerField(default=0, verbose_name='minutes')),
                ('students', models.BigIntegerField(default=0, verbose_name='students')),
                ('staff', models.BigIntegerField(default=0, verbose_name='staff')),
                ('parents', models.BigIntegerField(default=0, verbose_name='parents')),
                ('community', models.BigIntegerField(default=0, verbose_name='community members')),
            ],
            options={
                'verbose_name': 'activity summary',
                'verbose_name_plural': 'activity summaries',
            },
        ),
        migrations.RemoveIndex(
            model_name='activity',
            name='activity_school_date_idx',
        ),
        migrations.RemoveIndex(
            model_name='activity',
            name='activity_officer_date_idx',
        ),
        migrations.AddIndex(
            model_name='activity',
            index=models.Index(fields=['-date', '-created_at', '-id'], name='activity_list_order_idx'),
        ),
        migrations.AddIndex(
            model_name='activity',
            index=models.Index(fields=['school', '-date', '-created_at', '-id'], name='activity_school_order_idx'),
        ),
        migrations.AddIndex(
            model_name='activity',
            index=models.Index(fields=['officer', '-date', '-created_at', '-id'], name='activity_officer_order_idx'),
        ),
        migrations.AddField(
            model_name='activitysummary',
            name='division',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='schools.schooldivision', verbose_name='school division'),
        ),
        migrations.AddConstraint(
            model_name='activitysummary',
            constraint=models.UniqueConstraint(fields=('division', 'month', 'category'), name='activity_summary_unique'),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
