"""A language version tried with bad input, by the wrong people and twice at once: each refusal
a 4xx naming the field, nothing half-written."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from concord.accounts.services import create_user, issue_api_token
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import DomainError
from concord.documents.models import Text
from concord.documents.requests import ImportRequest
from concord.documents.services import adopt_version, import_document, import_text

from .test_language_version_api import ENGLISH, RUSSIAN, URL
from .test_language_version_views import PAGE, _signed_in

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit").text.version


def _api(user):
    token = issue_api_token(actor=SYSTEM, user=user, name="t")[1]
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _post(user, body):
    return _api(user).post(URL, body, content_type="application/json")


BAD = [
    ({"language": "ru", "text": ""}, "text"),
    ({"language": "ru", "text": "   \n  "}, "text"),
    ({"language": "ru", "text": RUSSIAN + "\x00"}, "text"),
    ({"language": "ru", "text": "я" * 100_000}, "text"),
    ({"language": "de", "text": RUSSIAN}, "language"),
    ({"language": "RU", "text": RUSSIAN}, "language"),
    ({"language": "en", "text": ENGLISH.replace("Second", "2nd")}, "language"),  # held
    ({"language": "ru", "text": 12}, "text"),
    ({"language": "ru"}, "text"),
    ({"language": "ru", "text": RUSSIAN, "dry_run": "perhaps"}, "dry_run"),
]


@pytest.mark.parametrize(("body", "field"), BAD)
def test_the_api_refuses_bad_input_naming_the_field(secretariat_user, draft, body, field):
    response = _post(secretariat_user, body)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert field in response.content.decode()[:3000], response.content[:300]
    assert not Text.objects.filter(language="ru").exists()


@pytest.mark.parametrize(("body", "field"), BAD[:7])
def test_the_page_refuses_bad_input_without_a_500(secretariat_user, draft, body, field):
    response = _signed_in(secretariat_user).post(PAGE, {**body, "confirm": "True"})
    assert response.status_code in (400, 422), response.status_code
    assert not Text.objects.filter(language="ru").exists()


def test_html_in_the_text_is_escaped_in_the_differences_and_the_preview(secretariat_user, draft):
    evil = RUSSIAN.replace("в) развивать меры доверия.", f"в) {EVIL}")
    short = RUSSIAN.replace("в) развивать меры доверия.", EVIL)
    for text in (evil, short):
        html = _signed_in(secretariat_user).post(PAGE, {"language": "ru", "text": text})
        body = html.content.decode()
        assert "<script>alert(1)" not in body and "<img src=x" not in body
        api = _post(secretariat_user, {"language": "ru", "text": text, "dry_run": True})
        assert api.status_code in (200, 422)


def test_no_delegation_or_observer_adds_one(draft, coordinator_user, delegate_user, observer_user):
    for user in (coordinator_user, delegate_user, observer_user):
        assert _post(user, {"language": "ru", "text": RUSSIAN}).status_code in (403, 404)
        assert _post(user, {"language": "ru", "text": RUSSIAN, "dry_run": True}).status_code in (
            403,
            404,
        )
        page = _signed_in(user)
        assert page.get(PAGE).status_code in (403, 404)
        got = page.post(PAGE, {"language": "ru", "text": RUSSIAN, "confirm": "True"})
        assert got.status_code in (403, 404)
    assert not Text.objects.filter(language="ru").exists()


def test_the_chair_may_not_check_or_add_to_an_adopted_document(chair_user, secretariat_user, draft):
    import datetime as dt

    adopt_version(actor=actor_for(secretariat_user), version=draft, on=dt.date(2026, 11, 1))
    dry = _post(chair_user, {"language": "ru", "text": RUSSIAN, "dry_run": True})
    real = _post(chair_user, {"language": "ru", "text": RUSSIAN})
    assert (dry.status_code, real.status_code) == (403, 403), (dry.content, real.content)
    assert not Text.objects.filter(language="ru").exists()


def test_csrf_is_required_on_the_page(secretariat_user, draft):
    from conftest import PASSWORD

    client = Client(enforce_csrf_checks=True)
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    got = client.post(PAGE, {"language": "ru", "text": RUSSIAN, "confirm": "True"})
    assert got.status_code == 403
    assert not Text.objects.filter(language="ru").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_russian_texts_at_once_make_one():
    from concord.members.services import load_reference_data

    load_reference_data(actor=SYSTEM)
    import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit")
    officers = [
        actor_for(create_user(actor=SYSTEM, email=f"o{i}@s.example", role="secretariat"))
        for i in range(4)
    ]
    start = threading.Barrier(len(officers))
    done, refused, errors = [], [], []

    def add(actor, n):
        try:
            start.wait()
            text = RUSSIAN if n == 0 else RUSSIAN.replace("Встретившись", f"Встретившись{n}")
            request = ImportRequest(
                raw=text, language="ru", slug="second-summit", language_version=True
            )
            done.append(import_document(actor=actor, request=request))
        except DomainError as exc:
            refused.append(exc)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(a, i)) for i, a in enumerate(officers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Text.objects.filter(language="ru").count() == 1
    assert len(done) == 1 and len(refused) == 3


def test_a_pasted_text_the_import_refuses_is_named_at_the_text_not_the_file(
    secretariat_user, draft
):
    response = _signed_in(secretariat_user).post(PAGE, {"language": "ru", "text": "я" * 5_000})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_text_error"' in html and 'id="id_file_error"' not in html
