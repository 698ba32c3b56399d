"""What an empty choice means, said in words instead of "---------" (issue 16, defect 5): in a form,
an optional choice left empty is "Not recorded" and a required one asks to choose; in a list's
filters, empty is "Any". One helper for both: forms use EmptyChoiceLabelsMixin, filters get it from
common.filters.ListFilterSet."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

DASHES = BLANK_CHOICE_DASH[0][1]
NOT_RECORDED = _("Not recorded")
CHOOSE = _("Choose…")
ANY = _("Any")


def label_empty_choices(form, *, optional=NOT_RECORDED, required=CHOOSE) -> None:
    """Give every empty choice of `form` a label saying what empty means: `optional` on a field that
    may stay empty, `required` on one that may not."""
    for field in form.fields.values():
        label = required if field.required else optional
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = label
        elif isinstance(field, forms.NullBooleanField) and isinstance(field.widget, forms.NullBooleanSelect):
            field.widget.choices = [(value, label if value == "unknown" else text)
                                    for value, text in field.widget.choices]
        elif getattr(field, "empty_label", None) is not None:  # django-filter's choice fields
            field.empty_label = label
            # The widget's copy of the choices still reads the label of the class's field: this one's.
            if getattr(field.widget.choices, "field", None) is not None:
                field.widget.choices.field = field
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and choices[0][1] == DASHES:
                field.choices = [(choices[0][0], label), *choices[1:]]


class EmptyChoiceLabelsMixin:
    """For every form of the project with choices: empty reads "Not recorded" (optional) or
    "Choose…" (required), never "---------"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_empty_choices(self)
