from concord.core.links import absolute


def test_a_path_becomes_an_absolute_link_on_the_site_url(settings):
    settings.SITE_URL = "https://concord.example.org"
    assert absolute("/decisions/4/") == "https://concord.example.org/decisions/4/"
    assert absolute("drafts/") == "https://concord.example.org/drafts/"
