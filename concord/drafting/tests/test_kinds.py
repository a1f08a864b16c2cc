"""The kinds of amendment as a registry: one class per kind, offered by its name."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from concord.core.exceptions import InvalidInput
from concord.drafting import amending, selectors, services
from concord.drafting.requests import AmendmentRequest


class Append(amending.Kind):
    """Words added at the end of a paragraph."""

    name, label, targets = "append", "Append", frozenset({"paragraph"})

    def apply(self, chunks, at, change, text):
        chunks[at].edit(f"{chunks[at].text} {text}", change)


@pytest.fixture
def append():
    amending.kinds.register(Append)
    yield
    amending.kinds.unregister(Append.name)


def test_a_kind_registered_is_proposed_decided_and_incorporated(
    append, draft, delegate_user, secretariat_user, actor_of
):
    delegation, officer = actor_of(delegate_user), actor_of(secretariat_user)
    v1 = draft.versions.get(number=1)
    amendment = services.propose_amendment(actor=delegation, request=AmendmentRequest(
        version_id=v1.pk, language="en", kind="append", unit="op-3", text="And on 6 October.",
        rationale="Two days.",
    ))  # fmt: skip
    services.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    v2 = services.incorporate_amendments(actor=officer, version_id=v1.pk)
    texts = {u["id"]: u["text"] for u in selectors.version_units(v2, "en")}
    assert texts["op-3"] == "We celebrate CICA Day on 5 October each year. And on 6 October."
    with pytest.raises(InvalidInput) as caught:
        services.propose_amendment(actor=delegation, request=AmendmentRequest(
            version_id=v2.pk, language="en", kind="append", unit="pre-1", text="x", rationale="r",
        ))  # fmt: skip
    assert caught.value.field == "unit"
    assert caught.value.message.startswith(
        "Preambular paragraph 1 cannot be the object of the amendment “Append”"
    )


def test_a_kind_not_registered_is_refused_naming_those_that_are(structure):
    with pytest.raises(amending.AmendmentError) as caught:
        amending.apply(structure, [amending.Change("append", "op-3", "x", ref=2)])
    assert caught.value.message == "The kind of amendment is insert, replace, delete or edit."
    assert (caught.value.field, caught.value.ref) == ("kind", 2)


def test_every_kind_named_is_registered_with_its_label():
    registered = {kind.name: kind.label for kind in amending.kinds}
    assert registered == dict(amending.AmendmentKind.choices)


@pytest.mark.parametrize(
    ("name", "error"), [("edit", "already registered"), ("appendix1", "1 to 8 characters")]
)
def test_a_kind_needs_a_name_of_its_own_that_the_column_holds(name, error):
    kind = type("Kind", (amending.Kind,), {"name": name})
    with pytest.raises(ImproperlyConfigured, match=error):
        amending.kinds.register(kind)
    assert amending.kinds.names() == ["insert", "replace", "delete", "edit"]
