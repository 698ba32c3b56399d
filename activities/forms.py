"""The quick-log form: built for a thumb on a 390-px phone.

A routine entry takes two taps: the date defaults to today, the school to the one the SRO used
last, the duration to 30 minutes, the counts to zero; the SRO taps a category, then Save.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import EmptyChoiceLabelsMixin
from officers.models import Officer
from schools.models import School

from .models import AUDIENCE_FIELDS, MAX_MINUTES, MIN_MINUTES, Activity, Category, Topic
from .selectors import period_covers
from .services import EDITABLE_FIELDS

MINUTE_PRESETS = (15, 30, 45, 60, 90)
DEFAULT_MINUTES = 30

CATEGORY_ICONS = {
    Category.INFORMAL_CONTACT: "chat-dots",
    Category.PRESENTATION: "easel",
    Category.RESTORATIVE_JUSTICE: "arrow-repeat",
    Category.VICTIM_FOLLOW_UP: "heart-pulse",
    Category.PARENT_CONSULTATION: "person-hearts",
    Category.STAFF_CONSULTATION: "briefcase",
    Category.EVENT: "calendar-event",
    Category.SAFETY_PLANNING: "cone-striped",
    Category.INFORMATION_GATHERING: "binoculars",
    Category.STUDENT_INTERVIEW: "person-exclamation",
    Category.LAW_ENFORCEMENT: "shield-shaded",
    Category.ADMINISTRATION: "journal-text",
}


class AssignedSchoolSelect(forms.Select):
    """A school picker whose options carry the officer's assignment periods (for the page's
    script, which offers only the schools of the chosen date). Schools not assigned on the
    form's date start hidden and disabled, so that without the script too only they are offered."""

    def __init__(self, *args, periods=None, on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods or {}
        self.on = on

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        school_id = getattr(value, "value", value)
        periods = self.periods.get(school_id)
        if periods:
            option["attrs"]["data-periods"] = " ".join(
                f"{start.isoformat()}/{end.isoformat() if end else ''}" for start, end in periods
            )
            if self.on and not any(period_covers(period, self.on) for period in periods):
                option["attrs"]["hidden"] = True
                option["attrs"]["disabled"] = True
        return option


MAX_COUNT = 50_000  # more people than any school event: a typing slip


def count_field(label):
    return forms.IntegerField(
        label=label, required=False, min_value=0, max_value=MAX_COUNT,
        error_messages={"min_value": _("A count cannot be negative."),
                        "max_value": _("That is more people than any event: check the number."),
                        "invalid": _("Type a whole number.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0", "placeholder": "0"}),
    )


class ActivityForm(EmptyChoiceLabelsMixin, forms.ModelForm):
    """Log (or correct) one activity of `officer`. The rules of one entry (no future date, a
    school assigned on that date, a topic only for presentations) are the model's; this form
    adds the minute presets and blank counts meaning zero."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Give the date of the activity."),
                        "invalid": _("Give a date such as 2026-09-30.")},
    )
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), empty_label=_("Choose a school"),
        error_messages={"required": _("Choose the school."),
                        "invalid_choice": _("Choose one of your schools.")},
    )
    category = forms.ChoiceField(
        label=_("What did you do?"), choices=Category.choices,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
        error_messages={"required": _("Choose what you did.")},
    )
    topic = forms.ChoiceField(
        label=_("Presentation topic"), choices=Topic.choices, required=False,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
    )
    minutes_preset = forms.TypedChoiceField(
        label=_("How long?"), choices=[(m, m) for m in MINUTE_PRESETS], coerce=int, required=False,
        empty_value=None, widget=forms.RadioSelect(attrs={"class": "btn-check"}),
    )
    minutes = forms.IntegerField(
        label=_("Other (minutes)"), required=False, min_value=MIN_MINUTES, max_value=MAX_MINUTES,
        error_messages={
            "min_value": _("Minutes must be between 1 and 720."),
            "max_value": _("Minutes must be between 1 and 720 (12 hours)."),
            "invalid": _("Type the minutes as a whole number."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": MIN_MINUTES, "max": MAX_MINUTES}),
    )
    students = count_field(_("Students"))
    staff = count_field(_("Staff"))
    parents = count_field(_("Parents"))
    community = count_field(_("Community"))

    class Meta:
        model = Activity
        fields = ["date", "school", "category", "topic", "minutes", *AUDIENCE_FIELDS, "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        labels = {"note": _("Note (optional)")}
        # The note may wait on the phone until it is sent (offline_log.js): never a name.
        help_texts = {"note": _("No names of young people or anyone else: the note may be kept on this phone "
                                "until it is sent.")}

    def __init__(self, *args, officer: Officer, periods: dict, **kwargs):
        kwargs.setdefault("instance", Activity(officer=officer))
        super().__init__(*args, **kwargs)
        # The model's rules check the assignment of this officer.
        self.instance.officer = officer
        today = timezone.localdate()
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        shown_date = self._shown_date(today)
        self.offers_a_school = any(period_covers(p, shown_date) for ps in periods.values() for p in ps)
        school = self.fields["school"]
        school.widget = AssignedSchoolSelect(periods=periods, on=shown_date)
        school.widget.is_required = True
        # Setting the queryset hands the choices to the (new) widget.
        school.queryset = School.objects.filter(pk__in=list(periods)).order_by("name")
        if self.instance.pk:
            preset = self.instance.minutes if self.instance.minutes in MINUTE_PRESETS else None
            self.initial["minutes_preset"] = preset
            self.initial["minutes"] = None if preset else self.instance.minutes
        else:
            self.initial.setdefault("minutes_preset", DEFAULT_MINUTES)
            # Blank rather than "0", so the SRO types the number without erasing first.
            for name in AUDIENCE_FIELDS:
                self.initial[name] = None

    def _shown_date(self, today) -> datetime.date:
        """The date whose schools the picker offers: the one typed, else the initial one."""
        if self.is_bound:
            try:
                return self.fields["date"].clean(self.data.get(self.add_prefix("date")))
            except forms.ValidationError:
                pass
        initial = self.initial.get("date") or self.instance.date
        return initial or today

    def clean(self):
        cleaned = super().clean()
        # A typed value wins over a preset: the script clears the preset when one types.
        if cleaned.get("minutes") is None and "minutes" not in self.errors:
            if cleaned.get("minutes_preset"):
                cleaned["minutes"] = cleaned["minutes_preset"]
            else:
                self.add_error("minutes", _("Choose a duration or type the minutes."))
        for name in AUDIENCE_FIELDS:
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = 0
        return cleaned

    def category_buttons(self):
        """The category radios with their icons, for the tap grid."""
        return [(radio, CATEGORY_ICONS.get(radio.data["value"], "circle")) for radio in self["category"]]

    def activity_data(self) -> dict:
        """The cleaned values, as the services take them."""
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}
