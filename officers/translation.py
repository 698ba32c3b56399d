"""French for the course names kept in the database (django-modeltranslation): `name_en`,
`name_fr`; reading `name` gives the current language's (the English one when no French was given)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Course


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
