"""The course names typed so far become the English ones, and the courses of the catalogue (0003)
get their French. Reversible: going back gives `name` the English name again. Apart from 0005:
on PostgreSQL a table cannot be altered after rows were updated in the same transaction."""

from django.db import migrations
from django.db.models import F

# code: French name, for the catalogue's courses (0003_course_catalogue).
FRENCH = {
    "effective-presentation": "Présentation efficace",
    "cross-cultural-communication": "Communication interculturelle",
    "nasro-basic": "Formation de base des ARS de la NASRO",
    "vtra-level-1": "VTRA niveau 1 (évaluation du risque de violence et de menace)",
}


def copy_names(apps, schema_editor):
    Course = apps.get_model("officers", "Course")
    Course.objects.update(name_en=F("name"))
    for code, name in FRENCH.items():
        Course.objects.filter(code=code, name_fr__isnull=True).update(name_fr=name)


def restore_names(apps, schema_editor):
    # `name` is what modeltranslation wrote last in any language: give it back the English one.
    Course = apps.get_model("officers", "Course")
    Course.objects.exclude(name_en__isnull=True).exclude(name_en="").update(name=F("name_en"))


class Migration(migrations.Migration):
    dependencies = [("officers", "0005_course_translations")]

    operations = [migrations.RunPython(copy_names, restore_names)]
