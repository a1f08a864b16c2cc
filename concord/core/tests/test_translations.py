"""The Russian catalogue is complete, and the compiled .mo matches the .po."""

import gettext
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

PO = Path(settings.LOCALE_PATHS[0]) / "ru" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_compiled_catalogue_is_up_to_date():
    compiled = gettext.GNUTranslations(PO.with_suffix(".mo").open("rb"))
    for entry in polib.pofile(str(PO)).translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert (
                compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[2]
            ), key
        else:
            assert compiled._catalog.get(key) == entry.msgstr, (
                f"{key!r}: run concord compilemessages"
            )


def test_domain_errors_speak_russian(registry):
    from concord.members.selectors import get_state

    with translation.override("ru"):
        try:
            get_state("XX")
        except Exception as exc:
            message = exc.message
    assert "XX" in message and any("а" <= ch <= "я" for ch in message)


def test_every_message_in_the_source_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    """makemessages over the code, into a copy of the catalogue: nothing new comes out
    untranslated (a string added without its Russian fails here, not in front of a user)."""
    from django.core.management import call_command

    copy = tmp_path / "ru" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(PO.read_bytes())
    settings.LOCALE_PATHS = [str(tmp_path)]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=["ru"],
        ignore_patterns=[".venv", "node_modules", "var", "bench", "tests", "locale"],
        verbosity=0,
    )
    catalogue = polib.pofile(str(copy))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_the_silence_procedure_has_one_russian_name():
    """ "Процедура молчания" throughout: "умолчания" on some pages would read as another thing."""
    said = [e.msgstr for e in polib.pofile(str(PO)).translated_entries()]
    assert not [s for s in said if "умолчани" in s]
