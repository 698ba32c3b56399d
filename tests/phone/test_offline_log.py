"""The quick log with no signal, in a real browser on a 390-px phone: entries kept on the
phone while offline, the page opened offline from the service worker, and each entry logged
exactly once when the connection returns, also across an ended session."""

import pytest

from activities.models import Activity, Category
from schools.models import School

from .conftest import PASSWORD, at, idle_for, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WAITING = "#offline-waiting"


def installed_quick_log(page, user):
    """Signed in on the quick log, with the service worker in charge and the page kept."""
    sign_in(page, user)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # the first visit installs the worker; from now on it sees the page load
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        "caches.open('sro-portal-quick-log').then(c => c.match('/activities/log/')).then(r => !!r)")


def log_one(page, category: str, minutes: str):
    page.click(f"label[for=id_category_{list(Category.values).index(category)}]")
    page.fill("input[name=minutes]", minutes)
    page.click("button[name=action][value=save]")


def test_three_entries_logged_offline_are_sent_once_when_the_signal_returns(phone, sro_user, school):
    installed_quick_log(phone, sro_user)
    # The server's copy changes from now on: what the phone shows offline is its own copy.
    School.objects.filter(pk=school.pk).update(name="Kelvin High School (renamed)")
    phone.context.set_offline(True)

    log_one(phone, Category.INFORMAL_CONTACT, "20")
    phone.wait_for_selector(f"{WAITING}:has-text('1 entry waiting to send')")
    log_one(phone, Category.STAFF_CONSULTATION, "45")
    log_one(phone, Category.SAFETY_PLANNING, "60")
    phone.wait_for_selector(f"{WAITING}:has-text('3 entries waiting to send')")

    phone.reload()  # offline: the service worker answers with the page it kept
    assert "Kelvin High School (renamed)" not in phone.content()
    phone.wait_for_selector(f"{WAITING}:has-text('3 entries waiting to send')")
    screenshot(phone, "offline-three-waiting")
    assert not Activity.objects.exists()

    phone.context.set_offline(False)
    phone.wait_for_selector("text=3 entries sent.")
    assert phone.locator(WAITING).count() == 0
    assert sorted(Activity.objects.values_list("category", "minutes")) == sorted([
        (Category.INFORMAL_CONTACT, 20), (Category.STAFF_CONSULTATION, 45), (Category.SAFETY_PLANNING, 60)])

    phone.reload()  # online again: nothing is sent twice
    phone.wait_for_load_state("networkidle")
    assert Activity.objects.count() == 3
    assert Activity.objects.values("client_id").distinct().count() == 3


def test_entries_kept_across_an_ended_session_wait_for_the_same_users_sign_in(phone, sro_user, school):
    installed_quick_log(phone, sro_user)
    phone.context.set_offline(True)
    for category, minutes in [(Category.INFORMAL_CONTACT, "15"), (Category.EVENT, "90"),
                              (Category.PARENT_CONSULTATION, "30")]:
        log_one(phone, category, minutes)
    phone.wait_for_selector(f"{WAITING}:has-text('3 entries waiting to send')")
    idle_for(phone, 31)  # past the 30-minute idle limit while in the basement
    phone.reload()
    phone.wait_for_selector(f"{WAITING}:has-text('3 entries waiting to send')")

    phone.context.set_offline(False)
    phone.wait_for_selector("text=Your session has ended: sign in again")
    assert not Activity.objects.exists()

    phone.click(f"{WAITING} ~ a:has-text('Sign in')")
    phone.fill("input[name=username]", sro_user.username)
    phone.fill("input[name=password]", PASSWORD)
    phone.click("form button[type=submit]")
    phone.wait_for_url(at("/activities/log/"))
    phone.wait_for_selector("text=3 entries sent.")
    assert Activity.objects.filter(officer=sro_user.officer).count() == 3


def test_another_user_signing_in_on_the_phone_never_sends_them(phone, sro_user, school, other_sro):
    installed_quick_log(phone, sro_user)
    phone.context.set_offline(True)
    log_one(phone, Category.INFORMAL_CONTACT, "25")
    log_one(phone, Category.EVENT, "40")
    phone.wait_for_selector(f"{WAITING}:has-text('2 entries waiting to send')")
    idle_for(phone, 31)
    phone.context.set_offline(False)
    phone.wait_for_selector("text=Your session has ended: sign in again")

    sign_in(phone, other_sro)
    phone.wait_for_selector("text=Entries kept for another user wait on this phone")
    assert phone.locator(WAITING).count() == 0
    phone.wait_for_load_state("networkidle")
    assert not Activity.objects.exists()

    with phone.expect_navigation():
        phone.evaluate("document.querySelector(\"form[action='/accounts/logout/']\").submit()")
    sign_in(phone, sro_user)
    phone.wait_for_selector("text=2 entries sent.")
    assert Activity.objects.filter(officer=sro_user.officer).count() == 2
    assert not Activity.objects.filter(officer=other_sro.officer).exists()


def test_a_refused_entry_comes_back_with_its_reason_to_correct(phone, sro_user, school):
    installed_quick_log(phone, sro_user)
    phone.context.set_offline(True)
    log_one(phone, Category.INFORMAL_CONTACT, "30")
    phone.wait_for_selector(f"{WAITING}:has-text('1 entry waiting to send')")
    sro_user.officer.assignments.update(start="2099-01-01")  # no longer assigned on that date
    phone.context.set_offline(False)
    phone.wait_for_selector("#offline-refused >> text=You were not assigned to this school")
    screenshot(phone, "offline-refused")
    assert not Activity.objects.exists()

    sro_user.officer.assignments.update(start="2020-09-01")
    phone.click("#offline-refused button:has-text('Correct')")
    phone.click("button[name=action][value=save]")
    phone.wait_for_url(at("/activities/mine/"))
    assert Activity.objects.count() == 1
    phone.goto("/activities/log/")
    assert phone.locator("#offline-refused").count() == 0


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_date_is_the_servers_today_whatever_the_phones_time_zone(chromium, live_server, settings, sro_user,
                                                                     school, zone):
    """A phone whose time zone (or its rules: Chromium's and Python's disagree on Winnipeg's) puts
    it on another day keeps the server's date; an entry with it is logged, not refused."""
    from django.utils import timezone

    from .conftest import PHONE

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    context = chromium.new_context(base_url=live_server.url, timezone_id=zone, **PHONE)
    page = context.new_page()
    try:
        sign_in(page, sro_user)
        assert page.input_value("input[name=date]") == timezone.localdate().isoformat()
        log_one(page, Category.INFORMAL_CONTACT, "20")
        page.wait_for_selector("text=Logged: Informal contact")
        assert Activity.objects.get().date == timezone.localdate()
    finally:
        context.close()


def test_a_page_kept_past_the_servers_midnight_moves_to_the_next_day(phone, sro_user, school):
    """The page the phone kept says when the server's day ends; opened after that, its date is
    the next day, counted by that instant (the phone's clock set ahead here)."""
    import datetime

    from django.utils import timezone

    sign_in(phone, sro_user)
    ends = int(phone.get_attribute("form[data-today-ends]", "data-today-ends"))
    phone.clock.install(time=datetime.datetime.fromtimestamp(ends / 1000 + 3600, tz=datetime.UTC))
    phone.reload()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert phone.input_value("input[name=date]") == tomorrow
