"""The survey text typed so far becomes the English text (modeltranslation's `_en` columns, 0003).
Reversible: going back gives the plain columns the English text again. Apart from 0003, whose
columns it fills: on PostgreSQL a table cannot be altered after rows were updated in the same
transaction."""

from django.db import migrations
from django.db.models import F

# model: translated fields
TRANSLATED = {"Instrument": ("name", "description"), "Question": ("text", "options"), "Survey": ("title",)}


def copy_into_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("evaluations", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


def restore_from_english(apps, schema_editor):
    # The plain columns hold what modeltranslation wrote last, in either language: the English text
    # is the one to keep. `required` text (name, text, title) always has its English.
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("evaluations", model_name)
        for field in fields:
            model.objects.exclude(**{f"{field}_en__isnull": True}).update(**{field: F(f"{field}_en")})


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0003_translations")]

    operations = [migrations.RunPython(copy_into_english, restore_from_english)]
