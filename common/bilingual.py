"""Forms for text kept in the database in English and French (django-modeltranslation).

Reading or assigning a translated field (`name`) goes to the current language's column, so a
model form showing `name` would edit the French text for someone using the portal in French and
the English one otherwise. `BilingualFormMixin` fixes it: in such a form, the plain field
(`name`) is always the English text, the required one every record has, and `name_fr`, next to
it, is the French, optional (the English text is shown where it is missing).
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

ENGLISH = "en"


class BilingualFormMixin:
    """For a ModelForm whose Meta.fields list `field` and `field_fr` for each name in
    `translated_fields`."""

    translated_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        # The initial values are read from the instance: the English column for `name`.
        with translation.override(ENGLISH):
            super().__init__(*args, **kwargs)
        for name in self.translated_fields:
            if name in self.fields:
                label = self.fields[name].label
                self.fields[name].label = _("%(label)s (English)") % {"label": label}
                french = self.fields[f"{name}_fr"]
                french.label = _("%(label)s (French)") % {"label": label}
                french.required = False
                french.help_text = _("Optional: people using the portal in French read the English text "
                                     "until it is given.")

    def _post_clean(self):
        # The instance is built from the form here: `name` goes into the English column.
        with translation.override(ENGLISH):
            super()._post_clean()
