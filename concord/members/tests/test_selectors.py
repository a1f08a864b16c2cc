import datetime as dt
import itertools

import pytest

from concord.core import clock
from concord.members import selectors
from concord.members.models import Membership, Participant

D = dt.date
JUNE_2006_FOUNDERS_AND_THAILAND = set(
    [
        "AF",
        "AZ",
        "CN",
        "EG",
        "IN",
        "IR",
        "IL",
        "KZ",
        "KG",
        "MN",
        "PK",
        "PS",
        "RU",
        "TJ",
        "TH",
        "TR",
        "UZ",
    ]
)


def member_codes(day):
    return {m.participant.code for m in selectors.memberships_on(day, status="member")}


def test_seventeen_members_the_day_before_the_second_summit(registry):
    assert member_codes(D(2006, 6, 16)) == JUNE_2006_FOUNDERS_AND_THAILAND


def test_korea_is_a_member_from_the_day_of_its_accession(registry):
    assert member_codes(D(2006, 6, 17)) == JUNE_2006_FOUNDERS_AND_THAILAND | {"KR"}


def test_twenty_eight_members_today(registry):
    with clock.frozen_at(D(2026, 11, 27)):
        assert len(member_codes(clock.today())) == 28
        assert "TM" not in member_codes(clock.today())


def test_former_observer_is_observer_until_the_day_before_accession(registry):
    qatar = selectors.get_state("QA")
    assert selectors.status_on(qatar, D(2014, 5, 19)) == "observer"
    assert selectors.status_on(qatar, D(2014, 5, 20)) == "member"
    assert [m.status for m in selectors.list_memberships_of(qatar)] == ["observer", "member"]


def test_nobody_is_a_member_before_the_founding(registry):
    assert member_codes(D(1999, 9, 13)) == set()
    assert len(member_codes(D(1999, 9, 14))) == 16


def test_an_ended_membership_no_longer_counts_from_its_end_date(registry):
    kuwait = Membership.objects.get(participant__code="KW", status="member")
    kuwait.until = D(2025, 1, 1)
    kuwait.save(update_fields=["until"])
    assert "KW" in member_codes(D(2024, 12, 31))
    assert "KW" not in member_codes(D(2025, 1, 1))
    assert not selectors.is_member_on(kuwait.participant, D(2025, 1, 1))


def test_counts_today_separate_observer_states_and_organisations(registry):
    assert selectors.count_on(D(2026, 11, 27)) == {
        "members": 28,
        "observer_states": 10,
        "observer_organisations": 5,
    }


def test_no_participant_holds_overlapping_periods(registry):
    for participant in Participant.objects.all():
        periods = list(selectors.list_memberships_of(participant))
        for earlier, later in itertools.pairwise(periods):
            assert earlier.until is not None and earlier.until <= later.since, participant.code


def test_every_reference_record_names_its_source(registry):
    assert not Membership.objects.filter(source="").exists()


def test_chair_on_a_date(registry):
    assert selectors.chairmanship_on(D(2019, 6, 15)).participant.code == "TJ"
    assert selectors.chairmanship_on(D(2024, 12, 16)).participant.code == "KZ"
    assert selectors.chairmanship_on(D(2024, 12, 17)).participant.code == "AZ"
    assert selectors.chairmanship_on(D(1990, 1, 1)) is None


def test_list_sorted_by_name_in_russian_uses_cyrillic_order(registry):
    from django.utils import translation

    with translation.override("ru"):
        names = [
            m.participant.name
            for m in selectors.list_memberships_on(D(2026, 11, 27), status="member")
        ]
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "Азербайджан"


def test_list_sorted_by_date_descending(registry):
    rows = selectors.list_memberships_on(
        D(2026, 11, 27), status="member", sort="since", descending=True
    )
    assert rows[0].participant.code == "KW"


def test_accession_timeline_counts_members_on_each_date(registry):
    points = {p.day: p for p in selectors.accession_timeline()}
    assert points[D(1999, 9, 14)].members == 16
    assert points[D(2006, 6, 17)].members == 18
    assert [p.code for p in points[D(2006, 6, 17)].joined] == ["KR"]
    assert list(points.values())[-1].members == 28


def test_unknown_state_is_not_found(registry):
    from concord.core.exceptions import NotFound

    with pytest.raises(NotFound, match="No state with ISO code 'XX'"):
        selectors.get_state("XX")
