import datetime

import django_filters
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet
from schools.models import PoliceService, School, SchoolDivision

from .dates import LONG_AGO, add_months
from .models import MANAGER_ROLES, Assignment, Course, Officer
from .training import TrainingState, training_state_q

TERM_CHOICES = [
    ("3", _("Within 3 months")),
    ("6", _("Within 6 months")),
    ("12", _("Within 12 months")),
    ("ended", _("Already ended")),
]
TRAINING_CHOICES = [
    (TrainingState.COMPLETE, _("All courses complete")),
    (TrainingState.DUE, _("A course due")),
    (TrainingState.OVERDUE, _("A course overdue")),
    (TrainingState.MISSING, _("A course missing")),
]


class OfficerFilter(ListFilterSet):
    """Filters for the officer list. Choices come from the user's scope only."""

    # No name search: a name typed here would end up in the URL (and in proxy and server logs).
    # The officer is chosen from a list and sent by id; badge numbers are not personal.
    officer = django_filters.ModelChoiceFilter(label=_("Officer"), queryset=Officer.objects.none(),
                                               method="is_officer")
    badge = django_filters.CharFilter(label=_("Badge number"), field_name="badge_number", lookup_expr="icontains")
    police_service = django_filters.ModelChoiceFilter(
        label=_("Police service"), queryset=PoliceService.objects.none()
    )
    division = django_filters.ModelChoiceFilter(
        label=_("School division"), queryset=SchoolDivision.objects.none(), method="in_division",
        help_text=_("Officers currently assigned to a school of this division."),
    )
    school = django_filters.ModelChoiceFilter(
        label=_("School"), queryset=School.objects.none(), method="at_school",
        help_text=_("Officers currently assigned to this school."),
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=Course.objects.none(), method="for_course",
        help_text=_("With “Training”: the state of this course only."),
    )
    training = django_filters.ChoiceFilter(label=_("Training"), choices=TRAINING_CHOICES, method="in_training_state")
    term = django_filters.ChoiceFilter(label=_("Term ending"), choices=TERM_CHOICES, method="term_ending")

    class Meta:
        model = Officer
        fields = ["officer", "badge", "police_service", "division", "school", "course", "training", "term"]

    def __init__(self, *args, user, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = today
        self.filters["police_service"].queryset = PoliceService.objects.filter(
            pk__in=Officer.objects.visible_to(user).values("police_service")
        )
        self.filters["officer"].queryset = Officer.objects.visible_to(user).select_related("user").order_by(
            "user__last_name", "user__first_name")
        self.filters["division"].queryset = SchoolDivision.objects.visible_to(user, roles=MANAGER_ROLES)
        self.filters["school"].queryset = School.objects.visible_to(user, roles=MANAGER_ROLES)
        self.filters["course"].queryset = Course.objects.filter(active=True)

    def is_officer(self, queryset, name, value):
        return queryset.filter(pk=value.pk)

    def in_division(self, queryset, name, value):
        schools = School.objects.visible_to(self.user, roles=MANAGER_ROLES).filter(division=value)
        assigned = Assignment.objects.current(on=self.today).filter(school__in=schools).values("officer_id")
        return queryset.filter(pk__in=assigned)

    def at_school(self, queryset, name, value):
        assigned = Assignment.objects.current(on=self.today).filter(school=value).values("officer_id")
        return queryset.filter(pk__in=assigned)

    def for_course(self, queryset, name, value):
        return queryset  # read by in_training_state: a course alone filters nothing

    def in_training_state(self, queryset, name, value):
        course = self.form.cleaned_data.get("course")
        courses = [course] if course else list(Course.objects.filter(active=True))
        return queryset.filter(training_state_q(value, courses, on=self.today))

    def term_ending(self, queryset, name, value):
        if value == "ended":
            return queryset.terms_ending_between(LONG_AGO, self.today - datetime.timedelta(days=1))
        return queryset.terms_ending_between(self.today, add_months(self.today, int(value)))
