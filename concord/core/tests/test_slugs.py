import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concord.core.exceptions import InvalidInput
from concord.core.slugs import check_slug, is_slug, unique_slug
from concord.documents.models import Document
from concord.meetings.models import Meeting


@pytest.mark.parametrize("value", ["a", "almaty-declaration-2006", "rules_1", "A" * 120])
def test_a_slug_is_ascii_letters_digits_hyphens_and_underscores(value):
    assert check_slug(value) == value


@pytest.mark.parametrize(
    "value", ["", "bad slug/x", "a\nb", "a\n", "déclaration", 'q"x; filename=evil.exe', "a" * 121]
)
def test_anything_else_is_refused_naming_the_field(value):
    with pytest.raises(InvalidInput, match="A slug is 1 to 120 ASCII letters") as caught:
        check_slug(value, field="subject.slug")
    assert caught.value.field == "subject.slug"


def test_a_generated_slug_never_exceeds_the_column(db):
    for model in (Document, Meeting):
        limit = model._meta.get_field("slug").max_length
        assert len(unique_slug(model, "x" * 300)) == limit
        cut = unique_slug(model, "Declaration " * 30)  # cut at a word, not ending in "-"
        assert len(cut) <= limit and is_slug(cut) and not cut.endswith("-")


def test_a_taken_slug_gets_the_first_free_number_within_the_column(db, registry):
    base = "x" * 200
    slugs = []
    for _ in range(3):
        slug = unique_slug(Document, base)
        Document.objects.create(slug=slug, doc_type="other", title_en="t")
        slugs.append(slug)
    assert [len(s) for s in slugs] == [120, 120, 120]
    assert slugs[1].endswith("-2") and slugs[2].endswith("-3") and len(set(slugs)) == 3


def test_a_name_that_slugifies_to_nothing_takes_the_fallback(db):
    assert unique_slug(Document, "Декларация", fallback="declaration") == "declaration"


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_any_name_gives_a_valid_slug(db, name):
    slug = unique_slug(Document, name)
    assert is_slug(slug) and len(slug) <= 120
