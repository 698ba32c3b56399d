"""The standard instruments (0002) in French: name, descriptions, questions and the options of the
choice question (the same options, in the same order: an answer keeps its option's number).
Only rows still without French are filled; going back removes this French again."""

from django.db import migrations

NAME = "Student perceptions of safety and police"
NAME_FR = "Perceptions des élèves sur la sécurité et la police"

PRESENTATIONS_FR = "\n".join([
    "Prévention du crime", "Cyberintimidation", "Sensibilisation aux gangs", "Drogues illicites",
    "Sécurité personnelle et sur Internet", "Éducation juridique", "Aucune de ces présentations",
])

# audience: (description in French, {English question: French question})
FRENCH = {
    "students": (
        "Pour les élèves, qui répondent de façon anonyme avec un code à usage unique.",
        {
            "I feel safe at this school.": "Je me sens en sécurité à cette école.",
            "I feel safe going to and from school.": "Je me sens en sécurité sur le chemin de l’école, à l’aller "
                                                     "comme au retour.",
            "I feel safe and secure around police officers.": "Je me sens en sécurité en présence des policiers.",
            "My opinion of the police is positive.": "J’ai une opinion positive de la police.",
            "I know who our School Resource Officer (SRO) is.": "Je sais qui est notre agent-ressource scolaire "
                                                                "(ARS).",
            "I would go to our SRO for advice or help.": "J’irais voir notre ARS pour demander conseil ou de "
                                                         "l’aide.",
            "Our SRO helps students solve problems and conflicts.": "Notre ARS aide les élèves à régler leurs "
                                                                    "problèmes et leurs conflits.",
            "In the past month, how often have you seen bullying at school or online?":
                "Au cours du dernier mois, à quelle fréquence avez-vous vu de l’intimidation à l’école ou en "
                "ligne?",
            "In the past month, how often have you seen fights or violence at or near school?":
                "Au cours du dernier mois, à quelle fréquence avez-vous vu des bagarres ou de la violence à "
                "l’école ou près de l’école?",
            "How often do you see gang or drug activity at or near school?":
                "À quelle fréquence voyez-vous des activités liées aux gangs ou à la drogue à l’école ou près "
                "de l’école?",
            "How often do you see graffiti or damage to school property?":
                "À quelle fréquence voyez-vous des graffitis ou des dommages aux biens de l’école?",
            "Which SRO presentation did you find most useful this year?":
                "Quelle présentation de l’ARS avez-vous trouvée la plus utile cette année?",
            "How many times have you talked with our SRO this school year?":
                "Combien de fois avez-vous parlé avec notre ARS cette année scolaire?",
            "What would make you feel safer at school?":
                "Qu’est-ce qui vous ferait vous sentir plus en sécurité à l’école?",
        },
    ),
    "parents": (
        "Pour les parents et tuteurs.",
        {
            "My child feels safe at school.": "Mon enfant se sent en sécurité à l’école.",
            "My child is safe going to and from school.": "Mon enfant est en sécurité sur le chemin de l’école, "
                                                          "à l’aller comme au retour.",
            "My opinion of the police is positive.": "J’ai une opinion positive de la police.",
            "I would contact our SRO about a concern involving my child.":
                "Je communiquerais avec notre ARS au sujet d’une inquiétude concernant mon enfant.",
            "The SRO is a good resource for our school community.":
                "L’ARS est une bonne ressource pour notre communauté scolaire.",
            "Have you contacted the SRO this school year?":
                "Avez-vous communiqué avec l’ARS cette année scolaire?",
            "How often do you hear about bullying at your child's school?":
                "À quelle fréquence entendez-vous parler d’intimidation à l’école de votre enfant?",
            "How often do you see graffiti or damage in the school's neighbourhood?":
                "À quelle fréquence voyez-vous des graffitis ou des dommages dans le quartier de l’école?",
            "What else should the school or the SRO do about safety?":
                "Que devraient faire de plus l’école ou l’ARS pour la sécurité?",
        },
    ),
    "staff": (
        "Pour le personnel enseignant, le personnel de soutien et la direction.",
        {
            "Students are safe at this school.": "Les élèves sont en sécurité à cette école.",
            "Our SRO helps resolve issues involving students efficiently.":
                "Notre ARS aide à régler efficacement les problèmes touchant les élèves.",
            "I would ask our SRO for help with a safety concern.":
                "Je demanderais l’aide de notre ARS pour une préoccupation liée à la sécurité.",
            "Students' views of police have become more positive.":
                "L’opinion des élèves sur la police est devenue plus positive.",
            "How often do you see bullying among students?":
                "À quelle fréquence voyez-vous de l’intimidation entre élèves?",
            "How often do you see fights or violence at or near school?":
                "À quelle fréquence voyez-vous des bagarres ou de la violence à l’école ou près de l’école?",
            "How often do you see graffiti or damage to school property?":
                "À quelle fréquence voyez-vous des graffitis ou des dommages aux biens de l’école?",
            "How many times did you consult the SRO this school year?":
                "Combien de fois avez-vous consulté l’ARS cette année scolaire?",
            "Comments about the SRO program": "Commentaires sur le programme des ARS",
        },
    ),
    "community": (
        "Pour les voisins et les membres de la communauté près de l’école.",
        {
            "The neighbourhood around the school is safe.": "Le quartier autour de l’école est sécuritaire.",
            "The SRO is a positive presence in the community.": "L’ARS est une présence positive dans la "
                                                                "communauté.",
            "I would contact the SRO about a problem involving students.":
                "Je communiquerais avec l’ARS au sujet d’un problème touchant des élèves.",
            "My opinion of the police is positive.": "J’ai une opinion positive de la police.",
            "How often do you see graffiti or property damage in the neighbourhood?":
                "À quelle fréquence voyez-vous des graffitis ou des dommages matériels dans le quartier?",
            "How often do you see gang or drug activity near the school?":
                "À quelle fréquence voyez-vous des activités liées aux gangs ou à la drogue près de l’école?",
            "Comments": "Commentaires",
        },
    ),
}


def add_french(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    Question = apps.get_model("evaluations", "Question")
    for audience, (description, questions) in FRENCH.items():
        instrument = Instrument.objects.filter(name_en=NAME, audience=audience, is_standard=True).first()
        if instrument is None:
            continue
        Instrument.objects.filter(pk=instrument.pk, name_fr__isnull=True).update(name_fr=NAME_FR)
        Instrument.objects.filter(pk=instrument.pk, description_fr__isnull=True).update(description_fr=description)
        for question in Question.objects.filter(instrument=instrument, text_fr__isnull=True):
            french = questions.get(question.text_en)
            if french is None:  # changed since 0002: left for a translator
                continue
            question.text_fr = french
            fields = ["text_fr"]
            if question.kind == "choice" and question.options_fr is None:
                question.options_fr = PRESENTATIONS_FR
                fields.append("options_fr")
            question.save(update_fields=fields)


def remove_french(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    Question = apps.get_model("evaluations", "Question")
    standard = Instrument.objects.filter(name_en=NAME, is_standard=True)
    Question.objects.filter(instrument__in=standard).update(text_fr=None, options_fr=None)
    standard.update(name_fr=None, description_fr=None)


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0004_translations_english")]

    operations = [migrations.RunPython(add_french, remove_french)]
