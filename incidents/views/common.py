from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .. import services

# The name of the report form's "Submit for review" button (its other button saves a draft).
SUBMIT = "submit_for_review"


def add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target if field != NON_FIELD_ERRORS else None, item)
    else:
        form.add_error(None, error)


def report_save(request, form, people, *, help_request=None):
    """Save a posted report form (IncidentForm and its PeopleFormSet) as a draft, or submitted when
    the "Submit for review" button was used: the incident, or None with the errors on the forms.
    Both forms are validated, so that every error shows at once."""
    if not all([form.is_valid(), people.is_valid()]):
        return None
    try:
        return services.incident_report(actor=request.user, people=people.people(), submit=SUBMIT in request.POST,
                                        help_request=help_request, **form.cleaned_data)
    except services.PersonRejected as error:
        add_errors(people.filled_forms()[error.index], error)
    except ValidationError as error:
        add_errors(form, error)
    return None
