"""The personal-information access log: who was shown people involved, when, from where and, for
exports, why. For coordinators (their divisions) and program administrators (all). No young
person's name is ever shown here: records by number, users by username."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.decorators import role_required
from accounts.models import Role
from audit.decorators import no_store
from audit.services import audit_export
from common.csvexport import csv_response

from ..selectors import access_log

ACCESS_LOG_ROLES = (Role.COORDINATOR, Role.PROGRAM_ADMIN)
PAGE_SIZE = 50
EXPORT_HEADER = [_("When"), _("User"), _("Kind"), _("Incident"), _("Detail"), _("Purpose"), _("Source address")]


def access_row(access):
    return [
        timezone.localtime(access.at).strftime("%Y-%m-%d %H:%M:%S"), access.user.get_username(),
        access.get_kind_display(), access.incident_id or "", access.detail, access.get_purpose_display(),
        access.source_address or "",
    ]


@role_required(*ACCESS_LOG_ROLES)
@no_store
def access_log_view(request):
    accesses = access_log(user=request.user, filters=request.GET or None)
    page = Paginator(accesses.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "incidents/access_log.html", {"filter": accesses, "page": page,
                                                         "query": query.urlencode()})


@role_required(*ACCESS_LOG_ROLES)
def access_log_export(request):
    accesses = access_log(user=request.user, filters=request.GET or None)
    audit_export(request, "personal_info_access", count=accesses.qs.count())
    return csv_response(filename="personal-information-access-log", header=EXPORT_HEADER,
                        rows=accesses.qs.iterator(chunk_size=1000), row=access_row)
