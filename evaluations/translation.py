"""French for the survey text kept in the database (django-modeltranslation, found by its
autodiscovery): each field below gets `<field>_en` and `<field>_fr` columns, and reading the field
gives the current language's text (the English one when no French was given). A French student
on the public survey page reads the French questions and choices."""

from modeltranslation.translator import TranslationOptions, register

from .models import Instrument, Question, Survey


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}


@register(Question)
class QuestionTranslation(TranslationOptions):
    # A choice question's options, one a line: the French list has the same lines in the same
    # order (answers keep the option's number), see Question.clean.
    fields = ("text", "options")
    required_languages = {"en": ("text",)}


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)
