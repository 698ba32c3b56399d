from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from common.bilingual import BilingualFormMixin
from common.forms import ANY, EmptyChoiceLabelsMixin, label_empty_choices
from common.widgets import quick_selects
from schools.models import School, SchoolDivision

from .models import (
    NUMBER_MAX,
    SURVEY_ADMIN_ROLES,
    GradeBand,
    Instrument,
    OutcomeImport,
    Question,
    QuestionKind,
    Survey,
    normalize_school_year,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InstrumentForm(BilingualFormMixin, EmptyChoiceLabelsMixin, forms.ModelForm):
    translated_fields = ("name", "description")

    class Meta:
        model = Instrument
        fields = ["name", "name_fr", "audience", "description", "description_fr"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}),
                   "description_fr": forms.Textarea(attrs={"rows": 2})}


class QuestionForm(BilingualFormMixin, EmptyChoiceLabelsMixin, forms.ModelForm):
    translated_fields = ("text", "options")

    class Meta:
        model = Question
        # position comes from the formset's order field; see instrument_questions_save.
        fields = ["text", "text_fr", "kind", "indicator", "options", "options_fr", "reverse_scored", "required"]
        widgets = {"options": forms.Textarea(attrs={"rows": 2}), "options_fr": forms.Textarea(attrs={"rows": 2})}


QuestionFormSet = inlineformset_factory(
    Instrument, Question, form=QuestionForm, extra=2, can_delete=True, can_order=True,
)


class SurveyForm(BilingualFormMixin, EmptyChoiceLabelsMixin, forms.ModelForm):
    translated_fields = ("title",)
    schools = forms.ModelMultipleChoiceField(
        label=_("Schools"), queryset=School.objects.none(), widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Survey
        fields = ["instrument", "title", "title_fr", "school_year", "opens_on", "closes_on", "is_baseline", "baseline"]
        widgets = {"opens_on": DATE, "closes_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES).select_related("division")
        self.fields["schools"].queryset = scope
        self.fields["baseline"].queryset = (
            Survey.objects.visible_to(user).filter(is_baseline=True).exclude(pk=self.instance.pk)
        )
        if self.instance.pk:
            # The instrument is chosen once: results are read through it.
            del self.fields["instrument"]
            self.initial["schools"] = list(self.instance.schools.filter(pk__in=scope.values("pk")))
        else:
            self.fields["instrument"].queryset = Instrument.objects.visible_to(user)

    def clean_school_year(self):
        return normalize_school_year(self.cleaned_data["school_year"])

    def _post_clean(self):
        instrument = self.cleaned_data.get("instrument") or getattr(self.instance, "instrument", None)
        if instrument is not None:
            self.instance.audience = instrument.audience
        super()._post_clean()


class CodeBatchForm(EmptyChoiceLabelsMixin, forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none())
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, initial=30)

    def __init__(self, *args, survey, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES)
        self.fields["school"].queryset = survey.schools.filter(pk__in=scope.values("pk"))
        self.fields["count"].validators.append(MaxValueValidator(settings.SURVEY_CODE_BATCH_MAX))
        self.fields["count"].widget.attrs["max"] = settings.SURVEY_CODE_BATCH_MAX


class CodeEntryForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false",
                                      "inputmode": "text", "class": "form-control-lg text-uppercase"}),
    )


class AnswerForm(forms.Form):
    """The questions of a survey's instrument, one field each, plus an optional grade band."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = self._field_for(question)
        self.fields["grade_band"] = forms.ChoiceField(
            label=_("Your grade (optional)"), required=False,
            choices=[("", _("Prefer not to say")), *GradeBand.choices],
        )

    @staticmethod
    def field_name(question) -> str:
        return f"q{question.pk}"

    @staticmethod
    def _field_for(question):
        common = {"label": question.text, "required": question.required}
        if question.kind == QuestionKind.TEXT:
            return forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), **common)
        if question.kind == QuestionKind.NUMBER:
            return forms.IntegerField(min_value=0, max_value=NUMBER_MAX, **common)
        choices = [(str(value), label) for value, label in question.scale()]
        return forms.TypedChoiceField(choices=choices, coerce=int, empty_value=None,
                                      widget=forms.RadioSelect, **common)

    def answers(self) -> dict:
        """{Question: cleaned value} for the service."""
        return {q: self.cleaned_data.get(self.field_name(q)) for q in self.questions}

    def bound_questions(self):
        return [(q, self[self.field_name(q)]) for q in self.questions]


class ResultsScopeForm(forms.Form):
    """The results page's filters: empty is every school shown (common.forms)."""

    division = forms.ModelChoiceField(label=_("Division"), queryset=SchoolDivision.objects.none(), required=False)
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none(), required=False)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [s.pk for s in schools]
        self.fields["school"].queryset = School.objects.filter(pk__in=ids)
        self.fields["division"].queryset = SchoolDivision.objects.filter(schools__in=ids).distinct()
        label_empty_choices(self, optional=ANY)
        quick_selects(self)  # a province's 1,900 schools

    def clean(self):
        data = super().clean()
        if data.get("school") and data.get("division"):
            raise ValidationError(_("Choose a division or a school, not both."))
        return data


class OutcomeUploadForm(EmptyChoiceLabelsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Data"), choices=OutcomeImport.Kind.choices)
    file = forms.FileField(label=_("CSV file"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))


class SchoolYearForm(forms.Form):
    school_year = forms.CharField(label=_("School year"), max_length=7)

    def clean_school_year(self):
        return normalize_school_year(self.cleaned_data["school_year"])
