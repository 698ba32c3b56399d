"""The standard "Student perceptions of safety and police" instrument and its parent, staff and
community variants, built on the program's evaluation themes: students feel safer, the SRO is a
resource for advice and mediation, students feel safe around police and think better of them,
less bullying and violence, less graffiti and damage; parents and neighbours contact the SRO.

The data lives here, frozen with the migration, so later model changes cannot alter it.
"""

from django.db import migrations

NAME = "Student perceptions of safety and police"

AGREE, YES_NO, FREQ, CHOICE, NUMBER, TEXT = "agreement", "yes_no", "frequency", "choice", "number", "text"

PRESENTATIONS = "\n".join([
    "Crime prevention", "Cyberbullying", "Gang awareness", "Illegal drugs",
    "Internet and personal safety", "Law-related education", "None of these",
])

# audience: (description, [(text, kind, indicator, reverse_scored, required, options)])
INSTRUMENTS = {
    "students": (
        "For students, answered anonymously with a single-use code.",
        [
            ("I feel safe at this school.", AGREE, "perceived_safety", False, True, ""),
            ("I feel safe going to and from school.", AGREE, "perceived_safety", False, True, ""),
            ("I feel safe and secure around police officers.", AGREE, "perception_of_police", False, True, ""),
            ("My opinion of the police is positive.", AGREE, "perception_of_police", False, True, ""),
            ("I know who our School Resource Officer (SRO) is.", YES_NO, "sro_contact", False, True, ""),
            ("I would go to our SRO for advice or help.", AGREE, "trust_in_sro", False, True, ""),
            ("Our SRO helps students solve problems and conflicts.", AGREE, "trust_in_sro", False, True, ""),
            ("In the past month, how often have you seen bullying at school or online?", FREQ,
             "bullying_seen", True, True, ""),
            ("In the past month, how often have you seen fights or violence at or near school?", FREQ,
             "violence_seen", True, True, ""),
            ("How often do you see gang or drug activity at or near school?", FREQ,
             "gangs_drugs_seen", True, True, ""),
            ("How often do you see graffiti or damage to school property?", FREQ, "graffiti_seen", True, True, ""),
            ("Which SRO presentation did you find most useful this year?", CHOICE, "sro_contact", False, False,
             PRESENTATIONS),
            ("How many times have you talked with our SRO this school year?", NUMBER, "sro_contact", False, False,
             ""),
            ("What would make you feel safer at school?", TEXT, "other", False, False, ""),
        ],
    ),
    "parents": (
        "For parents and guardians.",
        [
            ("My child feels safe at school.", AGREE, "perceived_safety", False, True, ""),
            ("My child is safe going to and from school.", AGREE, "perceived_safety", False, True, ""),
            ("My opinion of the police is positive.", AGREE, "perception_of_police", False, True, ""),
            ("I would contact our SRO about a concern involving my child.", AGREE, "trust_in_sro", False, True,
             ""),
            ("The SRO is a good resource for our school community.", AGREE, "trust_in_sro", False, True, ""),
            ("Have you contacted the SRO this school year?", YES_NO, "sro_contact", False, True, ""),
            ("How often do you hear about bullying at your child's school?", FREQ, "bullying_seen", True, True,
             ""),
            ("How often do you see graffiti or damage in the school's neighbourhood?", FREQ, "graffiti_seen",
             True, True, ""),
            ("What else should the school or the SRO do about safety?", TEXT, "other", False, False, ""),
        ],
    ),
    "staff": (
        "For teachers, support staff and administrators.",
        [
            ("Students are safe at this school.", AGREE, "perceived_safety", False, True, ""),
            ("Our SRO helps resolve issues involving students efficiently.", AGREE, "trust_in_sro", False, True,
             ""),
            ("I would ask our SRO for help with a safety concern.", AGREE, "trust_in_sro", False, True, ""),
            ("Students' views of police have become more positive.", AGREE, "perception_of_police", False, True,
             ""),
            ("How often do you see bullying among students?", FREQ, "bullying_seen", True, True, ""),
            ("How often do you see fights or violence at or near school?", FREQ, "violence_seen", True, True, ""),
            ("How often do you see graffiti or damage to school property?", FREQ, "graffiti_seen", True, True, ""),
            ("How many times did you consult the SRO this school year?", NUMBER, "sro_contact", False, False, ""),
            ("Comments about the SRO program", TEXT, "other", False, False, ""),
        ],
    ),
    "community": (
        "For neighbours and community members near the school.",
        [
            ("The neighbourhood around the school is safe.", AGREE, "perceived_safety", False, True, ""),
            ("The SRO is a positive presence in the community.", AGREE, "trust_in_sro", False, True, ""),
            ("I would contact the SRO about a problem involving students.", AGREE, "trust_in_sro", False, True,
             ""),
            ("My opinion of the police is positive.", AGREE, "perception_of_police", False, True, ""),
            ("How often do you see graffiti or property damage in the neighbourhood?", FREQ, "graffiti_seen",
             True, True, ""),
            ("How often do you see gang or drug activity near the school?", FREQ, "gangs_drugs_seen", True, True,
             ""),
            ("Comments", TEXT, "other", False, False, ""),
        ],
    ),
}


def create_standard_instruments(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    Question = apps.get_model("evaluations", "Question")
    for audience, (description, questions) in INSTRUMENTS.items():
        instrument, created = Instrument.objects.get_or_create(
            name=NAME, audience=audience, is_standard=True, defaults={"description": description}
        )
        if not created:
            continue
        Question.objects.bulk_create(
            Question(instrument=instrument, position=position, text=text, kind=kind, indicator=indicator,
                     reverse_scored=reverse_scored, required=required, options=options)
            for position, (text, kind, indicator, reverse_scored, required, options) in enumerate(questions, 1)
        )


def remove_standard_instruments(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    Instrument.objects.filter(name=NAME, is_standard=True, surveys__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(create_standard_instruments, remove_standard_instruments)]
