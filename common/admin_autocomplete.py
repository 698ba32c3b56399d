"""The administration site's autocomplete pickers, without a 500 on a posted value that is not an id.

Django's AutocompleteSelect looks up the posted value to show it again beside the form's errors,
and a value such as " " for an integer key fails that query (ValueError), as does a number beyond
the column's range on SQLite (OverflowError). The widget here shows only values the related key
can hold; the form still says the choice is not valid."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError


class ValidValuesAutocompleteSelect(AutocompleteSelect):
    def optgroups(self, name, value, attr=None):
        target = self.field.target_field
        usable = []
        for item in value:
            try:
                target.run_validators(target.to_python(item))  # the type, then the column's range
            except ValidationError:
                continue
            usable.append(item)
        return super().optgroups(name, usable, attr)


class AutocompleteAdminMixin:
    """For a ModelAdmin or an inline with `autocomplete_fields`."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ValidValuesAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
