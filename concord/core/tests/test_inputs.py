import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from concord.core import forms, inputs
from concord.decisions.models import Procedure

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "text", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]
)
def test_no_text_holds_what_no_database_or_xml_holds(text):
    assert inputs.text_problem(f"a{text}b") == (
        "The text holds a control character that cannot be stored."
    )


def test_a_text_holds_line_breaks_tabs_and_any_script():
    assert inputs.text_problem("Статья 1.\r\n\tΑ ☮ 你好 \U0001f30d") == ""


@pytest.mark.parametrize("line", ["a\nb", "a\rb", "a\tb", "a\x85b", "a\u2028b", "a\u2029b", "\x7f"])
def test_a_single_line_holds_no_break_or_control(line):
    assert inputs.text_problem(line, single_line=True) == (
        "Write this on one line, without line breaks or control characters."
    )


def test_a_text_within_its_limit():
    assert inputs.text_problem("x" * 300, max_length=300) == ""
    assert inputs.text_problem("x" * 301, max_length=300) == (
        "At most 300 characters (this has 301)."
    )


@pytest.mark.parametrize("code", ["", "-a", "a b", "a/b", "a.b", "ид", "a\x00", "x" * 11])
def test_an_identifier_is_ascii_letters_digits_hyphens_and_underscores(code):
    assert inputs.identifier_problem(code, max_length=10) == (
        "Give a code of at most 10 ASCII letters, digits, hyphens or underscores."
    )


def test_identifiers_that_are_held():
    for code in ("KZ", "HD-3", "summit-7", "op-8-a", "ministerial_council"):
        assert inputs.identifier_problem(code, max_length=40) == "", code


def test_dates_lie_within_the_years_concord_holds():
    assert inputs.date_problem(dt.date(1900, 1, 1)) == ""
    assert inputs.date_problem(dt.date(2999, 12, 31)) == ""
    for day in (dt.date(1899, 12, 31), dt.date(3000, 1, 1), dt.date(9999, 12, 31)):
        assert inputs.date_problem(day) == "Give a date between 1900-01-01 and 2999-12-31."


def test_a_moment_has_its_time_zone():
    assert inputs.date_problem(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) == ""
    assert inputs.date_problem(dt.datetime(2026, 1, 1)).startswith("Give the time with its")
    late = dt.datetime(2999, 12, 31, 23, 59, tzinfo=dt.timezone(-dt.timedelta(hours=14)))
    assert inputs.date_problem(late) == ""  # still within what Python reads back in UTC
    assert late.astimezone(dt.UTC).year == 3000


def test_form_fields_take_the_columns_limits_and_refuse_the_same():
    title = forms.LineField(Procedure, "title")
    assert title.max_length == 300
    assert title.clean(" A title ") == "A title"
    for bad in ("two\nlines", "x" * 301):
        with pytest.raises(ValidationError):
            title.clean(bad)
    text = forms.TextField(Procedure, "text")
    assert text.max_length == 20000 and text.clean("One.\n\nTwo.") == "One.\n\nTwo."
    with pytest.raises(ValidationError):
        text.clean("\ufffe")


def test_form_dates_are_bounded(settings):
    with pytest.raises(ValidationError, match="between 1900-01-01 and 2999-12-31"):
        forms.DateField().clean("9999-12-31")
    moment = forms.DateTimeField().clean("2026-11-27T09:00")
    assert moment == dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
    with pytest.raises(ValidationError, match="between"):
        forms.DateTimeField().clean("9999-12-31T23:59")


def _production(secret_key: str, audit_key_file: Path) -> subprocess.CompletedProcess:
    audit_key_file.write_bytes(b"")  # production only checks that the signing key is there
    env = {
        **os.environ,
        "SECRET_KEY": secret_key,
        "AUDIT_SIGNING_KEY_FILE": str(audit_key_file),
        "DJANGO_SETTINGS_MODULE": "",
    }
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("x", "it has 1 characters; use at least 50"),
        ("ab" * 30, "it has fewer than 5 distinct characters"),
        ("django-insecure-" + "k3y-0f-a-d3v3l0pm3nt-s3tup-w1th-3n0ugh-ch4rs", "development key"),
    ],
)
def test_production_refuses_a_weak_secret_key_naming_the_variable(key, reason, tmp_path):
    result = _production(key, tmp_path / "audit.key")
    assert result.returncode != 0
    assert "ImproperlyConfigured: The SECRET_KEY environment variable is too weak" in result.stderr
    assert reason in result.stderr


def test_production_starts_with_a_strong_secret_key(tmp_path):
    key = "Kq8vZ2-pX_7rT4mWn9bYc3dLh6sGf1jA5eR0uI-oP_yQ8wE2tV"
    assert _production(key, tmp_path / "audit.key").returncode == 0
