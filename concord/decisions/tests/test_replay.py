"""Replaying the historical accessions through consensus procedures gives the reference registry."""

import datetime as dt

from concord.core import clock
from concord.decisions import services
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.members import selectors as roll
from concord.members.models import Membership

ACCESSIONS = ["TH", "KR", "JO", "AE", "IQ", "VN", "BH", "KH", "QA", "BD", "LK", "KW"]


def test_accessions_replayed_through_silence_procedures(registry, officer):
    reference = {
        m.participant.code: m.since
        for m in Membership.objects.filter(
            status="member", participant__code__in=ACCESSIONS
        ).select_related("participant")
    }
    Membership.objects.filter(status="member", participant__code__in=ACCESSIONS).delete()
    Membership.objects.filter(status="observer", participant__code__in=ACCESSIONS).update(
        until=None
    )
    for code in sorted(ACCESSIONS, key=lambda c: reference[c]):
        admitted_on = reference[code]
        deadline = dt.datetime.combine(admitted_on, dt.time(0, 0), tzinfo=dt.UTC)
        with clock.frozen_at(deadline - dt.timedelta(days=14)):
            procedure = services.open_procedure(
                actor=officer,
                request=ProcedureRequest(
                    title=f"Accession of {code}",
                    subject=SubjectRequest("accession", state=code),
                    mode="silence",
                    deadline=deadline,
                ),
            )
        with clock.frozen_at(deadline):
            assert services.settle(procedure.pk)
    for code, since in reference.items():
        state = roll.get_state(code)
        assert roll.status_on(state, since) == "member", code
        assert roll.status_on(state, since - dt.timedelta(days=1)) != "member", code
    assert len(list(roll.memberships_on(dt.date(2026, 11, 27), status="member"))) == 28
    assert len(list(roll.memberships_on(dt.date(2006, 6, 16), status="member"))) == 17
