from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target if field != NON_FIELD_ERRORS else None, item)
    else:
        form.add_error(None, error)
