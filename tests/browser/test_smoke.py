"""The harness itself: signing in, and the icons every page links (issue 16, defect 9)."""

import pytest


def test_an_sro_signs_in_and_lands_on_the_quick_log(make_actor, sro):
    """Through the sign-in page (the other tests hand the browser a session): the officer's main page
    is the quick log (dashboards:landing); the week is one tap away."""
    actor = make_actor(sro, through_sign_in_page=True)
    assert actor.page.get_by_role("heading", level=1).inner_text() == "Log activity"
    actor.tap(actor.page.locator("main").get_by_role("link", name="This week"), step="home")
    assert actor.page.get_by_role("heading", level=1).inner_text().startswith("Welcome")


@pytest.mark.parametrize("input_mode", ["pointer"])
def test_the_icons_every_page_links_are_served(actor):
    actor.goto("/accounts/login/", step="sign-in")
    hrefs = actor.page.locator("link[rel~=icon], link[rel=apple-touch-icon]").evaluate_all(
        "links => links.map(link => link.href)")
    assert len(hrefs) == 3
    for href in hrefs:
        response = actor.page.request.get(href)
        assert response.status == 200 and response.headers["content-type"].startswith("image/"), href
