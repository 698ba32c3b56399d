"""Course names in English and French (issue 16, defect 8): the catalogue ships both, the profile
page reads the interface language's, and the administration site edits both."""

from django.urls import reverse

from officers.models import Course


def in_french(client):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})


def test_the_course_catalogue_ships_in_french(db):
    names = dict(Course.objects.values_list("code", "name_fr"))
    assert names["effective-presentation"] == "Présentation efficace"
    assert names["cross-cultural-communication"] == "Communication interculturelle"
    assert all(names[code] for code in ["nasro-basic", "vtra-level-1"])


def test_my_profile_in_french_names_the_courses_in_french(client, sro):
    client.force_login(sro)
    in_french(client)
    page = client.get(reverse("officers:my_profile")).text
    assert "Présentation efficace" in page and "Communication interculturelle" in page
    assert "Effective Presentation" not in page and "Cross-Cultural Communication" not in page


def test_my_profile_in_english_keeps_the_english_names(client, sro):
    client.force_login(sro)
    page = client.get(reverse("officers:my_profile")).text
    assert "Effective Presentation" in page and "Présentation efficace" not in page


def test_a_course_without_french_shows_its_english_name(client, sro):
    Course.objects.create(code="first-aid", name="Standard First Aid", position=9)
    client.force_login(sro)
    in_french(client)
    assert "Standard First Aid" in client.get(reverse("officers:my_profile")).text


def test_the_administration_site_edits_both_names(client, program_admin):
    program_admin.is_superuser = True
    program_admin.save(update_fields=["is_superuser"])
    course = Course.objects.get(code="effective-presentation")
    client.force_login(program_admin)
    page = client.get(reverse("admin:officers_course_change", args=[course.pk])).text
    assert 'name="name_en"' in page and 'name="name_fr"' in page
    assert 'value="Présentation efficace"' in page
