"""The contents of the reading page, at a phone's 390 px and a desktop's 1366 px, in both
languages: one number per entry (the label's own), no entry drawn over another or over the
text, every entry named."""

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM

pytestmark = pytest.mark.browser
WIDTHS = [{"width": 390, "height": 844}, {"width": 1366, "height": 900}]
SECTIONED = (
    "Statement on Water\n\nThe Member States,\n\nRecognizing the value of water;\n\nDecide:\n\n"
    "Section I. Water and the protection of transboundary watercourses\n\n"
    + "".join(f"{n}. We cooperate on water, paragraph {n}.\n\n" for n in range(1, 13))
    + "Section II. Other matters\n\n13. More text.\n\nAnnex\n\n1. Annex text.\n"
)
# Every contents link's box, and the boxes of the nav and of the text beside it.
BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const nav = document.querySelector('[data-testid=contents]');
  return {
    nav: box(nav),
    text: box(document.querySelector('.doc-texts')),
    links: [...nav.querySelectorAll('a')].map(a => ({label: a.textContent.trim(), ...box(a)})),
    markers: [...nav.querySelectorAll('li')].map(li => getComputedStyle(li).listStyleType),
  };
}"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] - 0.5
        and b["x"] < a["x"] + a["w"] - 0.5
        and a["y"] < b["y"] + b["h"] - 0.5
        and b["y"] < a["y"] + a["h"] - 0.5
    )


@pytest.fixture
def texts(site):
    from concord.documents.services import import_text, load_seed_documents, register_documents

    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    import_text(actor=SYSTEM, raw=SECTIONED.encode(), slug="statement-on-water", adopt=True)
    return site


@pytest.mark.parametrize("viewport", WIDTHS, ids=["390", "1366"])
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("slug", ["almaty-declaration-2006", "statement-on-water"])
def test_contents_entries_neither_overlap_nor_number_twice(texts, page, viewport, language, slug):
    page.set_viewport_size(viewport)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": texts}])
    page.goto(f"{texts}/documents/{slug}/")
    boxes = page.evaluate(BOXES)
    links = boxes["links"]
    assert links and all(link["label"] for link in links), "every entry is named"
    assert set(boxes["markers"]) == {"none"}, "the label carries the only number"
    for i, a in enumerate(links):
        for b in links[i + 1 :]:
            assert not overlap(a, b), f"{a['label']!r} overlaps {b['label']!r}"
        assert a["x"] >= boxes["nav"]["x"] - 0.5
        assert a["x"] + a["w"] <= boxes["nav"]["x"] + boxes["nav"]["w"] + 0.5, a["label"]
    assert not overlap(boxes["nav"], boxes["text"]), "the contents stand clear of the text"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    preamble = "Preamble" if language == "en" else "Преамбула"
    assert links[0]["label"] == preamble


def test_a_section_entry_leads_to_its_section(texts, page):
    page.goto(f"{texts}/documents/statement-on-water/")
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Section II: Other matters").click()
    expect(page.locator("#sec-II")).to_be_in_viewport()
    contents.get_by_role("link", name="Operative paragraph 12", exact=True).click()
    expect(page.locator("#op-12")).to_be_in_viewport()
