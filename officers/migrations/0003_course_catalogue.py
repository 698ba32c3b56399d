"""The catalogue of required SRO courses, as data. Deadlines can be changed per course later
(admin site); this migration only creates the rows that are missing."""

from django.db import migrations

COURSES = [
    # code, name, provider, due_days (after becoming an SRO; None = no deadline), position
    ("effective-presentation", "Effective Presentation", "Police service", 180, 1),
    ("cross-cultural-communication", "Cross-Cultural Communication", "Police service", 365, 2),
    ("nasro-basic", "NASRO Basic SRO training", "National Association of School Resource Officers", None, 3),
    ("vtra-level-1", "VTRA Level 1", "North American Center for Threat Assessment and Trauma Response", None, 4),
]


def create_courses(apps, schema_editor):
    Course = apps.get_model("officers", "Course")
    for code, name, provider, due_days, position in COURSES:
        Course.objects.get_or_create(
            code=code, defaults={"name": name, "provider": provider, "due_days": due_days, "position": position}
        )


def delete_courses(apps, schema_editor):
    Course = apps.get_model("officers", "Course")
    Course.objects.filter(code__in=[row[0] for row in COURSES], records__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("officers", "0002_terms_training_rules"),
    ]

    operations = [
        migrations.RunPython(create_courses, delete_courses),
    ]
