from django.urls import reverse

from accounts.models import Role, RoleGrant
from audit.models import AuditEvent


def role_events():
    return AuditEvent.objects.filter(event=AuditEvent.Event.ROLE_CHANGED)


def test_granting_a_role_in_the_admin_is_recorded(client, superuser, principal, division):
    client.force_login(superuser)
    client.post(reverse("admin:accounts_rolegrant_add"),
                {"user": principal.pk, "role": Role.COORDINATOR, "division": division.pk})
    event = role_events().get()
    assert event.detail["action"] == "grant"
    assert (event.detail["target_user_id"], event.detail["role"]) == (principal.pk, "coordinator")
    assert event.user == superuser


def test_revoking_a_role_in_the_admin_is_recorded(client, superuser, coordinator):
    grant = RoleGrant.objects.get(user=coordinator)
    client.force_login(superuser)
    client.post(reverse("admin:accounts_rolegrant_delete", args=[grant.pk]), {"post": "yes"})
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    assert role_events().get().detail["action"] == "revoke"


def test_a_role_granted_through_the_user_page_is_recorded(client, superuser, principal, division):
    client.force_login(superuser)
    [existing] = principal.grants
    data = {
        "username": principal.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "date_joined_0": "2025-01-01", "date_joined_1": "00:00:00",
        "role_grants-TOTAL_FORMS": "2", "role_grants-INITIAL_FORMS": "1",
        "role_grants-MIN_NUM_FORMS": "0", "role_grants-MAX_NUM_FORMS": "1000",
        "role_grants-0-id": existing.pk, "role_grants-0-user": principal.pk, "role_grants-0-role": existing.role,
        "role_grants-0-school": existing.school_id,
        "role_grants-1-user": principal.pk, "role_grants-1-role": Role.EVALUATOR,
        "role_grants-1-division": division.pk,
    }
    response = client.post(reverse("admin:accounts_user_change", args=[principal.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = role_events().get()
    assert (event.detail["action"], event.detail["role"]) == ("grant", "evaluator")
