import datetime as dt

from concord.decisions import rules

T = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_no_objection_means_adopted():
    assert rules.outcome([]) == "adopted"
    assert rules.outcome(["join", "stand_aside", "join"]) == "adopted"
    assert rules.outcome(["join", "object"]) == "not_adopted"


def test_silence_is_due_at_the_deadline_exactly():
    assert not rules.is_due("open", "silence", T, T - dt.timedelta(seconds=1))
    assert rules.is_due("open", "silence", T, T)
    assert not rules.is_due("closed", "silence", T, T)
    assert not rules.is_due("open", "in_session", None, T)


def test_positions_are_accepted_until_the_deadline_only():
    assert rules.accepts_positions("open", T, T - dt.timedelta(seconds=1))
    assert not rules.accepts_positions("open", T, T)
    assert not rules.accepts_positions("withdrawn", None, T)


def test_transitions_table():
    assert rules.after("open", "close") == "closed"
    assert rules.after("open", "withdraw") == "withdrawn"
    assert rules.after("closed", "close") is None
    assert rules.after("withdrawn", "state_position") is None


def test_tally_lists_silent_states():
    board = rules.tally(
        ["CN", "IN", "KZ", "RU"], {"KZ": "join", "CN": "object", "IN": "stand_aside"}
    )
    assert board == {"joined": ["KZ"], "objected": ["CN"], "stood_aside": ["IN"], "silent": ["RU"]}
