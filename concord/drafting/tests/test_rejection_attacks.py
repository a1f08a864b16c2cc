"""A rejection's reason and the wording box, tried with bad input and with markup: a 4xx naming
the field, nothing half-written, and markup shown as text wherever it is read."""

import pytest
from django.test import Client

from concord.core.actors import SYSTEM, actor_for
from concord.drafting import services
from concord.drafting.models import Amendment
from concord.drafting.requests import AmendmentRequest
from conftest import PASSWORD

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def proposed(draft, delegate_user):
    return services.propose_amendment(
        actor=actor_for(delegate_user),
        request=AmendmentRequest(
            version_id=draft.versions.get().pk, language="en", kind="edit", unit="op-1",
            text=f"We decide {EVIL}.", rationale=f"Because {EVIL}",
        ),
    )  # fmt: skip


def _signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.mark.parametrize("reason", ["", "  ", "x" * 100_000, "a\x00b", 5, None, ["x"]])
def test_the_api_refuses_a_bad_reason_naming_it(api, secretariat_user, draft, proposed, reason):
    got = api(secretariat_user).post(
        f"/api/drafts/{draft.slug}/amendments/{proposed.pk}/reject",
        {"reason": reason},
        content_type="application/json",
    )
    assert got.status_code in (400, 422), got.content[:200]
    assert "reason" in got.content.decode()[:2000]
    assert Amendment.objects.get(pk=proposed.pk).status == "proposed"


@pytest.mark.parametrize("reason", ["", "x" * 100_000, "a\x00b"])
def test_the_page_refuses_a_bad_reason(secretariat_user, draft, proposed, reason):
    got = _signed_in(secretariat_user).post(
        f"/drafts/{draft.slug}/amendments/{proposed.pk}/reject/", {"reason": reason}
    )
    assert got.status_code in (400, 422), got.status_code
    assert Amendment.objects.get(pk=proposed.pk).status == "proposed"


def test_markup_in_a_reason_and_rationale_is_text_everywhere(
    secretariat_user, delegate_user, draft, proposed
):
    services.decide_amendment(
        actor=SYSTEM, amendment_id=proposed.pk, accept=False, reason=f"No {EVIL}"
    )
    for user in (secretariat_user, delegate_user):
        client = _signed_in(user)
        for url in (f"/drafts/{draft.slug}/", "/", "/inbox/"):
            body = client.get(url).content.decode()
            assert "<script>alert(1)" not in body and "<img src=x" not in body, url


def test_the_wording_box_escapes_the_units_words(secretariat_user, delegate_user, draft):
    first = services.propose_amendment(
        actor=actor_for(delegate_user),
        request=AmendmentRequest(
            version_id=draft.versions.get().pk, language="en", kind="edit", unit="op-1",
            text=f"We decide </textarea>{EVIL}.", rationale="r",
        ),
    )  # fmt: skip
    services.decide_amendment(actor=SYSTEM, amendment_id=first.pk, accept=True)
    services.incorporate_amendments(actor=SYSTEM, version_id=draft.versions.get().pk)
    got = _signed_in(delegate_user).get(
        f"/drafts/{draft.slug}/amendments/wording/", {"version": "2", "unit": "op-1"}
    )
    body = got.content.decode()
    assert got.status_code == 200
    assert "<script>alert(1)" not in body and "</textarea><" not in body
    page = _signed_in(delegate_user).get(f"/drafts/{draft.slug}/?unit=op-1").content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
