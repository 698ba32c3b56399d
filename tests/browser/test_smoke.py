def test_an_sro_signs_in_and_lands_on_the_home_page(make_actor, sro):
    actor = make_actor(sro)
    assert actor.page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
