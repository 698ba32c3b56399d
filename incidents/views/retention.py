"""The redaction review list: texts of de-identified incidents that named the people, for the
coordinators (their division) and program administrators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import role_required

from ..forms import RedactionForm
from ..models import RETENTION_REVIEW_ROLES, RedactionReview
from ..redaction import may_read_as_written
from ..retention import StaleReview, redaction_decide
from .common import add_errors
from .lists import _page


def _reviews(user):
    return (RedactionReview.objects.visible_to(user)
            .select_related("incident", "incident__school", "incident__school__division", "supplement",
                            "threat_assessment", "help_request"))


def pending_reviews(user):
    """The texts awaiting review that `user` may decide on, for the list and its export."""
    return _reviews(user).pending()


@role_required(*RETENTION_REVIEW_ROLES)
def redaction_list(request):
    reviews = pending_reviews(request.user)
    return render(request, "incidents/retention_list.html", {"page": _page(request, reviews)})


@role_required(*RETENTION_REVIEW_ROLES)
def redaction_review(request, pk):
    review = get_object_or_404(_reviews(request.user), pk=pk)
    if not review.is_pending:
        if request.method == "POST":  # decided by someone else since this user opened it
            messages.warning(request, StaleReview().messages[0])
        else:
            messages.info(request, _("This text was already reviewed."))
        return redirect("incidents:redaction_list")
    form = RedactionForm(request.POST or None, initial={"text": review.proposed_text, "version": review.version})
    status = 200
    if request.method == "POST" and form.is_valid():
        confirm = form.cleaned_data["action"] == RedactionForm.CONFIRM
        try:
            redaction_decide(review=review, actor=request.user, version=form.cleaned_data["version"],
                             text=form.cleaned_data["text"] if confirm else None, request=request)
        except StaleReview as error:
            review.refresh_from_db()
            if not review.is_pending:
                messages.warning(request, error.messages[0])
                return redirect("incidents:redaction_list")
            # The proposal changed (a later retention run): show the new one, keep nothing stale.
            form = RedactionForm(initial={"text": review.proposed_text, "version": review.version})
            form.is_bound = False
            messages.warning(request, _("The proposal changed since you opened it: check it again."))
            status = 409
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Redaction confirmed.") if confirm else _("The text is kept as it was."))
            return redirect("incidents:redaction_list")
    # The text as it stands still names the person: only for those who reach the incident through
    # the roles that see people involved (incidents.redaction).
    current_text = review.current_text() if may_read_as_written(request.user, review) else None
    return render(request, "incidents/retention_review.html", {
        "review": review, "form": form, "current_text": current_text,
        # Nothing to redact in the text as it stands: the names are in earlier versions of it only.
        "named_earlier_only": current_text is not None and current_text == review.proposed_text,
    }, status=status)
