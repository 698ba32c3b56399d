from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from schools.models import SchoolDivision


@login_required
def home(request):
    """Each user's starting page: their roles and the divisions and schools in their scope."""
    return render(request, "home.html", {
        "grants": request.user.grants,
        "divisions": SchoolDivision.objects.visible_to(request.user).with_school_counts(request.user),
    })
