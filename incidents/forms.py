from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import EmptyChoiceLabelsMixin

from .models import ExportPurpose, HelpRequest, Incident, PersonInvolved, ThreatAssessment

DATETIME = {"type": "datetime-local"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def datetime_widget():
    return forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT)


def date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def drop_empty_choice(field) -> None:
    """A required choice shown as radio buttons: no empty radio to tap."""
    field.choices = [choice for choice in field.choices if choice[0] != ""]


class VersionedForm(EmptyChoiceLabelsMixin, forms.ModelForm):
    """Carries the version of the incident the user loaded (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class IncidentForm(VersionedForm):
    """The SRO's report. The narrative is left out once submitted (supplements instead)."""

    class Meta:
        model = Incident
        fields = [
            "school", "occurred_at", "reported_at", "location", "category", "severity", "narrative",
            "call_number", "called_at", "on_scene_at", "responding_unit", "disposition",
        ]
        widgets = {
            "occurred_at": datetime_widget(),
            "reported_at": datetime_widget(),
            "called_at": datetime_widget(),
            "on_scene_at": datetime_widget(),
            "narrative": forms.Textarea(attrs={"rows": 6}),
            # One tap each on a phone (a select takes two), see incidents/includes/tap_choices.html.
            "location": forms.RadioSelect,
            "category": forms.RadioSelect,
            "severity": forms.RadioSelect,
            "disposition": forms.RadioSelect,  # optional: its empty choice reads "Not recorded"
        }

    # The police response: often empty in a first report, folded away on a phone.
    POLICE_FIELDS = ("call_number", "called_at", "on_scene_at", "responding_unit")

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("location", "category", "severity"):  # a required radio list needs no empty choice
            drop_empty_choice(self.fields[name])
        creating = self.instance.pk is None
        if creating:
            self.fields["school"].queryset = schools
            del self.fields["version"]
            # Most reports are written as it happens or just after: now, in local time (the site's
            # TIME_ZONE: schools have no time zone of their own), to the minute the widget shows.
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial.setdefault("occurred_at", now)
            self.initial.setdefault("reported_at", now)
            if len(schools) == 1:
                self.initial.setdefault("school", schools[0].pk)
        else:
            del self.fields["school"]
            self.initial.setdefault("version", self.instance.version)
            if self.instance.narrative_locked:
                del self.fields["narrative"]

    def police_fields(self):
        return [self[name] for name in self.POLICE_FIELDS]

    def police_section_open(self) -> bool:
        """Unfolded when editing, or when something in it was typed or refused."""
        return self.instance.pk is not None or any(
            self[name].value() not in (None, "") or self[name].errors for name in self.POLICE_FIELDS)


class SchoolResponseForm(VersionedForm):
    class Meta:
        model = Incident
        fields = ["parent_contacted", "school_discipline", "counselling_referral", "school_response_note"]
        widgets = {"school_response_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)


class TransitionForm(forms.Form):
    """One workflow button; the target status is posted beside it as ``to``."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SupplementForm(forms.Form):
    text = forms.CharField(label=_("Supplement"), widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Appended to the narrative with your name and the time."))


class PersonForm(EmptyChoiceLabelsMixin, forms.ModelForm):
    class Meta:
        model = PersonInvolved
        fields = ["role", "name", "age", "date_of_birth", "grade", "is_student"]
        widgets = {"date_of_birth": date_widget(), "role": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        drop_empty_choice(self.fields["role"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("age") is not None and cleaned.get("date_of_birth"):
            self.add_error("age", _("Give the age or the date of birth, not both."))
        return cleaned


class PeopleFormSet(forms.BaseFormSet):
    """People involved, given on the report form itself (rows left empty are ignored)."""

    # Shown without script; with it (static/incidents/report.js) the spare rows hide behind
    # "Add another person", which shows them and then copies `empty_form` for more.
    EXTRA = 3
    MAX = 30

    def __init__(self, data=None, *args, **kwargs):
        # A report posted without the people rows (an older page, another client) has no people.
        if data is not None and f"{self.get_default_prefix()}-TOTAL_FORMS" not in data:
            data = None
        super().__init__(data, *args, **kwargs)

    @classmethod
    def get_default_prefix(cls):
        return "people"

    def is_valid(self):
        return not self.is_bound or super().is_valid()

    def filled_forms(self) -> list[forms.Form]:
        return [form for form in self.forms if form.has_changed()] if self.is_bound else []

    def people(self) -> list[PersonInvolved]:
        """The filled rows, as unsaved people (valid formset only)."""
        return [form.instance for form in self.filled_forms()]


def people_formset(data=None):
    formset_class = forms.formset_factory(
        PersonForm, formset=PeopleFormSet, extra=PeopleFormSet.EXTRA, max_num=PeopleFormSet.MAX,
        validate_max=True,
    )
    return formset_class(data)


class HelpRequestForm(EmptyChoiceLabelsMixin, forms.ModelForm):
    class Meta:
        model = HelpRequest
        fields = ["school", "subject", "details", "occurred_at"]
        widgets = {"occurred_at": datetime_widget(), "details": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        if len(schools) == 1:
            self.initial.setdefault("school", schools[0].pk)


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason for declining"), widget=forms.Textarea(attrs={"rows": 3}))


class AssessmentForm(EmptyChoiceLabelsMixin, forms.ModelForm):
    class Meta:
        model = ThreatAssessment
        fields = [
            "assessed_on", "team_members", "data_gathered", "risk_level", "immediate_steps",
            "intervention_plan", "follow_up_on", "outcome", "closed_on",
        ]
        widgets = {
            "assessed_on": date_widget(), "follow_up_on": date_widget(), "closed_on": date_widget(),
            "team_members": forms.Textarea(attrs={"rows": 3}),
            "data_gathered": forms.Textarea(attrs={"rows": 4}),
            "immediate_steps": forms.Textarea(attrs={"rows": 3}),
            "intervention_plan": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }


class ExportPurposeForm(forms.Form):
    """Asked before each export of young people's personal information: why (a fixed list)."""

    purpose = forms.ChoiceField(
        label=_("Purpose of this export"), choices=[("", _("Choose a purpose")), *ExportPurpose.choices],
        help_text=_("Recorded with your name, the time and your address in the personal-information access log."),
    )


class RedactionForm(forms.Form):
    """The reviewer's decision on a text flagged at the end of the retention period."""

    CONFIRM, KEEP = "confirm", "keep"

    text = forms.CharField(
        label=_("Text after redaction"), widget=forms.Textarea(attrs={"rows": 8}), required=False,
        help_text=_("Each name found was replaced by [redacted]. Check for other words that identify the "
                    "person (nicknames, relatives, initials) and edit before confirming."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    action = forms.ChoiceField(choices=[(CONFIRM, _("Confirm the redaction")), (KEEP, _("Keep the text as it is"))],
                               widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        cleaned["action"] = cleaned.get("action") or self.CONFIRM
        if cleaned.get("action") == self.CONFIRM and not (cleaned.get("text") or "").strip():
            self.add_error("text", _("The text cannot be empty: keep at least [redacted]."))
        return cleaned
