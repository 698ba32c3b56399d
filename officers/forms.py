"""Plain forms: they check what was typed; the services in `officers.services` apply the rules,
and `add_service_errors` puts the rules' messages beside the fields they are about."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import EmptyChoiceLabelsMixin

from .models import Course, Officer
from .selectors import schools_for_assignment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Add a service's errors to `form`, each beside its field (or on top when the form has
    no such field)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for key, errors in exc.error_dict.items():
        form.add_error(key if key in form.fields and key != NON_FIELD_ERRORS else None, errors)


class AssignmentForm(EmptyChoiceLabelsMixin, forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=None)
    start = forms.DateField(label=_("Start"), widget=DateInput())
    end = forms.DateField(label=_("End"), required=False, widget=DateInput(),
                          help_text=_("Leave empty while it lasts."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools_for_assignment(user).order_by("division__name", "name")


class AssignmentEndForm(forms.Form):
    end = forms.DateField(label=_("Last day"), widget=DateInput())


class ReassignForm(EmptyChoiceLabelsMixin, forms.Form):
    to_officer = forms.ModelChoiceField(label=_("New officer"), queryset=None)
    on_date = forms.DateField(label=_("From"), widget=DateInput(),
                              help_text=_("The current assignment ends the day before."))

    def __init__(self, *args, user, school, exclude_officer=None, **kwargs):
        super().__init__(*args, **kwargs)
        officers = (
            Officer.objects.assignable_by(user)
            .filter(police_service_id=school.division.police_service_id)
            .select_related("user")
        )
        if exclude_officer is not None:
            officers = officers.exclude(pk=exclude_officer.pk)
        self.fields["to_officer"].queryset = officers
        self.fields["to_officer"].label_from_instance = lambda officer: f"{officer.name} ({officer.badge_number})"


class TermExtensionForm(forms.Form):
    new_end = forms.DateField(label=_("New end of term"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class TrainingRecordForm(EmptyChoiceLabelsMixin, forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=Course.objects.filter(active=True))
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput())
