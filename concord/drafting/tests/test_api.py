from django.test import Client

from concord.drafting.models import Amendment

SLUG = "seventh-summit-declaration"


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


def test_propose_accept_incorporate_and_compare(india, officer):
    proposed = post(
        india,
        f"/api/drafts/{SLUG}/amendments",
        {"kind": "edit", "unit": "op-3", "text": "We celebrate CICA Day on 5 October.",
         "rationale": "Shorter."},
    )  # fmt: skip
    assert proposed.status_code == 201, proposed.content
    body = proposed.json()
    assert {k: body[k] for k in ("number", "version", "state", "status", "unit", "kind")} == {
        "number": 1, "version": 1, "state": "IN", "status": "proposed", "unit": "op-3",
        "kind": "edit",
    }  # fmt: skip
    accepted = post(officer, f"/api/drafts/{SLUG}/amendments/{body['id']}/accept", {"note": "ok"})
    assert accepted.json()["status"] == "accepted"

    version = post(officer, f"/api/drafts/{SLUG}/versions")
    assert version.status_code == 201
    assert {k: version.json()[k] for k in ("number", "based_on", "languages", "frozen")} == {
        "number": 2, "based_on": 1, "languages": ["en"], "frozen": False,
    }  # fmt: skip

    diff = india.get(f"/api/drafts/{SLUG}/compare?from=1&to=2&language=en").json()
    assert diff["summary"] == {"unchanged": 11, "changed": 1, "inserted": 0, "deleted": 0}
    changed = next(u for u in diff["units"] if u["status"] == "changed")
    assert (changed["old_id"], changed["new_id"]) == ("op-3", "op-3")
    assert changed["segments"] == [
        {"op": "equal", "text": "We celebrate CICA Day on 5 October"},
        {"op": "delete", "text": " each year"},
        {"op": "equal", "text": "."},
    ]
    draft = india.get(f"/api/drafts/{SLUG}").json()
    assert [v["number"] for v in draft["versions"]] == [1, 2] and draft["amendable"] is True
    assert [v["amendments"] for v in draft["versions"]] == [1, 0]
    units = india.get(f"/api/drafts/{SLUG}/versions/2").json()["units"]
    assert units[-1] == {
        "id": "op-3", "kind": "paragraph", "number": "3",
        "text": "We celebrate CICA Day on 5 October.", "label": "Operative paragraph 3",
        "wording": "We celebrate CICA Day on 5 October.",
    }  # fmt: skip
    op2 = next(u for u in units if u["id"] == "op-2")
    assert op2["wording"].endswith("\n\n(c) in the human dimension.")
    listed = india.get(f"/api/drafts/{SLUG}/amendments?status=incorporated").json()
    assert listed["count"] == 1 and listed["items"][0]["incorporated_into"] == 2


def test_errors_name_the_field(india, officer):
    no_reason = post(
        india, f"/api/drafts/{SLUG}/amendments", {"kind": "delete", "unit": "op-1", "rationale": ""}
    )
    assert no_reason.status_code == 422 and no_reason.json()["field"] == "rationale"
    wrong_unit = post(
        india,
        f"/api/drafts/{SLUG}/amendments",
        {"kind": "delete", "unit": "op-12", "rationale": "x"},
    )
    assert wrong_unit.status_code == 422
    assert wrong_unit.json() == {"detail": "There is no unit 'op-12' in this version.",
                                 "field": "unit"}  # fmt: skip
    old = post(
        india,
        f"/api/drafts/{SLUG}/amendments",
        {"version": 7, "kind": "delete", "unit": "op-1", "rationale": "x"},
    )
    assert old.status_code == 404 and old.json()["field"] == "version"
    nothing = post(officer, f"/api/drafts/{SLUG}/versions")
    assert nothing.status_code == 422 and "no accepted amendments" in nothing.json()["detail"]
    by_officer = post(
        officer,
        f"/api/drafts/{SLUG}/amendments",
        {"kind": "delete", "unit": "op-1", "rationale": "x"},
    )
    assert by_officer.status_code == 403
    compare = india.get(f"/api/drafts/{SLUG}/compare?from=1&to=3")
    assert compare.status_code == 404 and compare.json()["field"] == "to"


def test_observers_and_the_public_do_not_see_drafts(api, observer_user, draft):
    observer = api(observer_user)
    assert observer.get(f"/api/drafts/{SLUG}").status_code == 404
    assert observer.get("/api/drafts").json()["count"] == 0
    assert Client().get("/api/drafts").status_code == 401


def test_the_list_of_drafts_counts_amendments_awaiting_a_decision(india):
    post(
        india,
        f"/api/drafts/{SLUG}/amendments",
        {"kind": "delete", "unit": "op-1", "rationale": "x"},
    )
    items = india.get("/api/drafts").json()["items"]
    assert items == [
        {"slug": SLUG, "title": "Draft Declaration of the Seventh Summit", "status": "draft",
         "latest_version": 1, "proposed_amendments": 1},
    ]  # fmt: skip


def test_a_page_of_amendments_is_read_alone(india, rows_read):
    for _ in range(7):
        post(
            india,
            f"/api/drafts/{SLUG}/amendments",
            {"kind": "delete", "unit": "op-1", "rationale": "x"},
        )
    with rows_read(Amendment) as (made, sql):
        page = india.get(f"/api/drafts/{SLUG}/amendments?page=2&page_size=3").json()
    assert page["count"] == 7 and [a["number"] for a in page["items"]] == [4, 5, 6]
    assert len(made) == 3 and "LIMIT 3 OFFSET 3" in sql[-1]


def test_a_rejection_needs_its_reason_and_keeps_it(india, officer):
    proposed = post(
        india,
        f"/api/drafts/{SLUG}/amendments",
        {"kind": "delete", "unit": "op-2-b", "rationale": "Shorter."},
    ).json()
    reject = f"/api/drafts/{SLUG}/amendments/{proposed['id']}/reject"
    for body in ({}, {"reason": ""}, {"reason": "   "}, {"note": "Not now."}):
        refused = post(officer, reject, body)
        assert refused.status_code == 422, body
    assert Amendment.objects.get().status == "proposed"
    rejected = post(officer, reject, {"reason": "Out of scope."})
    assert rejected.status_code == 200
    assert (rejected.json()["status"], rejected.json()["reason"]) == ("rejected", "Out of scope.")
    listed = india.get(f"/api/drafts/{SLUG}/amendments/{proposed['id']}").json()
    assert listed["reason"] == "Out of scope."


def test_the_comparison_names_the_amendment_behind_each_change(india, officer):
    for body in (
        {"kind": "edit", "unit": "op-3", "text": "We celebrate CICA Day."},
        {"kind": "delete", "unit": "pre-1"},
        {"kind": "insert", "unit": "op-1", "text": "We welcome Turkmenistan.", "place": "before"},
    ):
        made = post(india, f"/api/drafts/{SLUG}/amendments", {**body, "rationale": "r"}).json()
        post(officer, f"/api/drafts/{SLUG}/amendments/{made['id']}/accept")
    post(officer, f"/api/drafts/{SLUG}/versions")
    diff = india.get(f"/api/drafts/{SLUG}/compare?from=1&to=2&language=en").json()
    named = {
        (u["status"], u["old_id"], u["new_id"]): [
            (a["number"], a["state"]) for a in u["amendments"]
        ]
        for u in diff["units"]
        if u["status"] != "unchanged"
    }
    assert named == {
        ("changed", "op-3", "op-4"): [(1, "IN")],
        ("deleted", "pre-1", None): [(2, "IN")],
        ("inserted", None, "op-1"): [(3, "IN")],
    }
    incorporated = india.get(f"/api/drafts/{SLUG}/amendments?version=1").json()["items"]
    assert {a["number"]: (a["made_units"], a["struck_units"]) for a in incorporated} == {
        1: (["op-4"], []),
        2: ([], ["pre-1"]),
        3: (["op-1"], []),
    }
