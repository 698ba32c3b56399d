import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from tests.factories import UserFactory

NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def run():
    call_command("disable_inactive_accounts", stdout=StringIO())


def test_it_disables_an_account_unused_for_ninety_days(db):
    user = UserFactory(last_login=days_ago(91), date_joined=days_ago(400))
    run()
    user.refresh_from_db()
    assert not user.is_active
    assert AuditEvent.objects.get(event=AuditEvent.Event.ACCOUNT_DISABLED).user == user


def test_it_keeps_an_account_used_recently(db):
    user = UserFactory(last_login=days_ago(89), date_joined=days_ago(400))
    run()
    user.refresh_from_db()
    assert user.is_active


def test_a_never_used_account_counts_from_its_creation(db):
    old, new = UserFactory(last_login=None, date_joined=days_ago(91)), UserFactory(last_login=None)
    run()
    old.refresh_from_db(), new.refresh_from_db()
    assert (old.is_active, new.is_active) == (False, True)


def test_running_it_twice_changes_nothing_more(db):
    UserFactory(last_login=days_ago(200))
    run()
    run()
    assert AuditEvent.objects.filter(event=AuditEvent.Event.ACCOUNT_DISABLED).count() == 1


def test_the_period_is_a_setting(db, settings):
    settings.ACCOUNT_INACTIVE_DAYS = 30
    user = UserFactory(last_login=days_ago(31))
    run()
    user.refresh_from_db()
    assert not user.is_active
