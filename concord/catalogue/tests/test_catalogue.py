import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from concord.catalogue import services
from concord.catalogue.models import Measure
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput


def test_the_reference_catalogue_loads_once(catalogue):
    assert catalogue["created"] == {
        "dimension": 5, "coordination": 22, "measure": 24, "priorityarea": 16,
    }  # fmt: skip
    assert services.load_catalogue(actor=SYSTEM) == {"created": {}, "updated": {}}
    assert list(Measure.objects.filter(dimension__code="NT").values_list("code", "area__code"))[
        4
    ] == ("NT-5", "nt-terrorism")


def test_a_measure_changed_by_consensus_survives_a_reload(catalogue):
    details = services.check_change(
        {"action": "change", "measure": "hd-6", "text_en": "Promote respect for human rights.",
         "text_ru": "Содействие уважению прав человека."}
    )  # fmt: skip
    services.apply_change(actor=SYSTEM, details=details, on=dt.date(2026, 11, 27), source="#1")
    services.load_catalogue(actor=SYSTEM)
    measure = Measure.objects.get(code="HD-6")
    assert measure.text_en == "Promote respect for human rights."
    change = measure.changes.get()
    assert change.text_en_before == "Promote respect for fundamental rights and freedoms."
    with translation.override("ru"):
        assert (change.text_before, change.text_after) == (
            "Содействие уважению основных прав и свобод.", "Содействие уважению прав человека.",
        )  # fmt: skip


def test_a_measure_added_takes_the_next_number_of_its_dimension(catalogue):
    details = services.check_change(
        {"action": "add", "dimension": "en", "area": "en-disasters", "text_en": "Joint drills.",
         "text_ru": "Совместные учения."},
    )  # fmt: skip
    measure = services.apply_change(
        actor=SYSTEM, details=details, on=dt.date(2026, 12, 1), source="#2"
    )
    assert (measure.code, measure.area.code, measure.since) == (
        "EN-6",
        "en-disasters",
        dt.date(2026, 12, 1),
    )


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"action": "remove", "text_en": "x"}, "catalogue.action"),
        ({"action": "add", "dimension": "ZZ", "text_en": "x"}, "catalogue.dimension"),
        ({"action": "add", "dimension": "MP", "area": "ec-sme", "text_en": "x"}, "catalogue.area"),
        ({"action": "add", "dimension": "MP", "text_en": " "}, "catalogue.text_en"),
        ({"action": "add", "dimension": "MP", "text_en": "x", "text_ru": ""}, "catalogue.text_ru"),
        (
            {"action": "change", "measure": "MP-99", "text_en": "x", "text_ru": "x"},
            "catalogue.measure",
        ),
        (
            {
                "action": "change",
                "measure": "MP-3",
                "text_en": "Exchange of CVs of senior military officers.",
                "text_ru": "Обмен биографическими данными высших военных офицеров.",
            },
            "catalogue.text_en",
        ),
    ],
)
def test_a_proposed_change_names_what_is_wrong(catalogue, details, field):
    with pytest.raises(InvalidInput) as caught:
        services.check_change(details)
    assert caught.value.field == field


def test_the_catalogue_over_the_api_and_on_its_pages(catalogue):
    client = Client()
    dimensions = client.get("/api/catalogue").json()
    assert [d["code"] for d in dimensions] == ["MP", "NT", "EC", "EN", "HD"]
    military = dimensions[0]
    assert military["coordinators"] == [
        {"state": "KZ", "role": "coordinator"}, {"state": "TR", "role": "co_coordinator"},
    ]  # fmt: skip
    assert len(military["measures"]) == 4 and military["areas"] == []
    economic = dimensions[2]
    assert len(economic["areas"]) == 8 and economic["measures"] == []
    measure = client.get("/api/measures/hd-2").json()
    assert measure["code"] == "HD-2" and measure["changes"] == []
    assert client.get("/api/measures/HD-99").status_code == 404
    page = Client(HTTP_ACCEPT_LANGUAGE="ru").get("/catalogue/").content.decode()
    assert "Военно-политическое измерение" in page and "Туризм" in page
    assert "Exchange of CVs" in Client().get("/catalogue/measures/MP-3/").content.decode()


def test_what_the_file_adds_later_is_loaded(catalogue, tmp_path):
    text = services.DATA_FILE.read_text("utf-8").replace(
        "      - code: MP-2\n",
        "      - code: MP-5\n        text_en: Joint staff talks.\n      - code: MP-2\n",
    )
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, "utf-8")
    assert services.load_catalogue(actor=SYSTEM, path=path)["created"] == {"measure": 1}
    assert Measure.objects.get(code="MP-5").text_en == "Joint staff talks."


def test_before_the_catalogue_is_loaded_the_page_says_so(db):
    page = Client().get("/catalogue/").content.decode()
    assert "The catalogue is not loaded" in page
    assert Client().get("/api/catalogue").json() == []
