import datetime as dt

import pytest
import yaml
from django.test import Client

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput
from concord.meetings import services
from concord.meetings.models import Meeting

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(TODAY):
        yield


def test_the_reference_meetings_load_once(meetings):
    assert meetings["created"] == {"meeting": 20}
    assert services.load_meetings(actor=SYSTEM) == {"created": {}, "updated": {}}
    summits = Meeting.objects.filter(body__code="summit").order_by("number")
    assert [m.number for m in summits] == [1, 2, 3, 4, 5, 6, 7]
    istanbul = summits.get(number=3)
    assert (istanbul.host.code, istanbul.ends_on, istanbul.status) == (
        "TR",
        dt.date(2010, 6, 8),
        "held",
    )
    assert (summits.get(number=7).status, summits.get(number=7).precision) == ("planned", "year")


@pytest.mark.parametrize(
    ("details", "field", "words"),
    [
        ({"body": "secretariat"}, "meeting.body", "Name the body"),
        ({"title": " "}, "meeting.title", "title"),
        ({"starts_on": "2026-13-01"}, "meeting.starts_on", "YYYY-MM-DD"),
        ({"starts_on": "2026-12-05"}, "meeting.starts_on", "cannot open before"),
        ({"ends_on": "2026-12-19"}, "meeting.ends_on", "cannot end before"),
        ({"host": "XX"}, "meeting.host", "XX"),
    ],
)
def test_a_proposal_to_convene_names_what_is_wrong(meetings, details, field, words):
    proposal = {"body": "soc", "title": "SOC", "starts_on": "2026-12-20", "host": "AZ"}
    proposal.update(details)
    with pytest.raises(InvalidInput, match=words) as caught:
        services.check_convening(proposal, decided_by=dt.date(2026, 12, 11))
    assert caught.value.field == field


def test_a_good_proposal_comes_back_as_plain_data(meetings):
    checked = services.check_convening(
        {"body": "summit", "title": " 7th CICA Summit ", "starts_on": dt.date(2026, 12, 20),
         "host": "az"},
    )  # fmt: skip
    assert checked == {
        "body": "summit", "title": "7th CICA Summit", "title_ru": "", "starts_on": "2026-12-20",
        "ends_on": None, "place": "", "place_ru": "", "host": "AZ",
    }  # fmt: skip


def test_the_api_lists_filters_and_shows_meetings(meetings):
    client = Client()
    summits = client.get("/api/meetings?body=summit&sort=date").json()
    assert summits["count"] == 7 and summits["items"][0]["slug"] == "summit-1"
    in_2010 = client.get("/api/meetings?year=2010").json()["items"]
    assert [m["title"] for m in in_2010] == ["3rd CICA Summit"]
    one = client.get("/api/meetings/summit-2").json()
    assert (
        one["starts_on"] == "2006-06-17"
        and "Declaration of the Second CICA Summit" in one["outcomes"]
    )
    assert client.get("/api/meetings/summit-99").status_code == 404


def test_the_pages_are_public_and_bilingual(meetings):
    page = Client().get("/meetings/?body=summit").content.decode()
    assert "7 meetings" in page and "Istanbul" in page
    russian = Client(HTTP_ACCEPT_LANGUAGE="ru").get("/meetings/summit-3/").content.decode()
    assert "3-й Саммит СВМДА" in russian and "Стамбул" in russian
    assert Client().get("/meetings/nowhere/").status_code == 404


def test_a_body_is_convened_once_for_a_day_and_never_for_a_day_gone_by(meetings):
    details = services.check_convening({"body": "soc", "title": "SOC", "starts_on": "2026-12-20"})
    made = services.convene_meeting(
        actor=SYSTEM, details=details, on=dt.date(2026, 12, 1), source="consensus procedure #1"
    )
    assert (made.slug, made.status) == ("soc-2026-12-20", "convened")
    with pytest.raises(InvalidInput, match="already meets on 2026-12-20: soc-2026-12-20"):
        services.check_convening({"body": "soc", "title": "SOC", "starts_on": "2026-12-20"})
    late = services.check_convening({"body": "swg", "title": "SWG", "starts_on": "2026-12-02"})
    with pytest.raises(InvalidInput, match="cannot open before"):
        services.convene_meeting(
            actor=SYSTEM, details=late, on=dt.date(2026, 12, 3), source="consensus procedure #2"
        )
    assert not Meeting.objects.filter(body__code="swg").exists()


def test_a_filter_that_matches_nothing_says_so(meetings):
    page = Client().get("/meetings/?year=1995").content.decode()
    assert "0 meetings" in page and "No meetings match." in page
    assert Client().get("/api/meetings?year=1995").json() == {"items": [], "count": 0}
    assert Client().get("/meetings/?year=²").status_code == 200


def test_a_reload_leaves_a_meeting_the_forum_convened_as_it_was_convened(meetings, tmp_path):
    """A later release of the file may list the meeting; the row stays the decision's."""
    details = services.check_convening({"body": "soc", "title": "SOC", "starts_on": "2026-12-20"})
    made = services.convene_meeting(
        actor=SYSTEM, details=details, on=dt.date(2026, 12, 1), source="consensus procedure #1"
    )
    rows = yaml.safe_load(services.DATA_FILE.read_text("utf-8"))
    rows.append(
        {
            "slug": made.slug,
            "body": "soc",
            "title_en": "Renamed",
            "status": "held",
            "starts_on": dt.date(2026, 12, 21),
            "source": "https://example.org",
        }
    )
    (tmp_path / "meetings.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True))

    assert services.load_meetings(actor=SYSTEM, path=tmp_path / "meetings.yaml") == {
        "created": {},
        "updated": {},
    }

    made.refresh_from_db()
    assert (made.title_en, made.status, made.starts_on, made.source) == (
        "SOC",
        "convened",
        dt.date(2026, 12, 20),
        "consensus procedure #1",
    )
