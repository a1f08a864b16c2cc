"""Every page and every API operation, as every role, answers as the one table says; an
endpoint without its row, or a row without its endpoint, fails.

The endpoints come from the URL configuration (every pattern that is not an operation of the
OpenAPI schema is a page) and from /api/openapi.json (every path × method). The answers are in
tests/permission_table.py; the cast and the data in tests/permission_world.py.
"""

import inspect
import re
from dataclasses import dataclass

import pytest
from django.test import Client, override_settings
from django.urls import Resolver404, URLResolver, get_resolver, resolve

from .permission_table import BODIES, TABLE
from .permission_world import ROLES, send, world_in_one_transaction

# Browsers send GET and POST to a page; a page is not asked the other methods.
PAGE_METHODS = ("GET", "POST")
TABLE_FILE = "tests/permission_table.py"


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    answers: dict

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


def parse(table: str) -> list[Row]:
    lines = [line.split("#", 1)[0].split() for line in table.strip().splitlines()]
    header, *rows = [cells for cells in lines if cells]
    assert header == ["method", "path", *ROLES], f"the table's columns are method, path, {ROLES}"
    for cells in rows:
        assert len(cells) == len(header), f"{' '.join(cells[:2])}: one answer per role, please"
    return [Row(cells[0], cells[1], dict(zip(ROLES, cells[2:], strict=True))) for cells in rows]


ROWS = parse(TABLE)


def template(route: str) -> str:
    """A URL pattern's route as the OpenAPI schema writes paths: `/api/drafts/{slug}`."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def api_operations() -> set[tuple[str, str]]:
    schema = Client().get("/api/openapi.json").json()
    return {(method.upper(), path) for path, ops in schema["paths"].items() for method in ops}


def url_patterns(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, route)
        else:
            yield route, pattern.callback


def page_methods(view) -> tuple[str, ...]:
    """What a page accepts: a class-based view its handlers; a view behind require_POST and the
    like the methods the decorator lets through; any other view GET, and POST if it reads a
    form or asks whether it was posted."""
    if hasattr(view, "view_class"):
        return tuple(m for m in PAGE_METHODS if hasattr(view.view_class, m.lower()))
    view = getattr(view, "func", view)  # a functools.partial: ninja's schema and docs views
    while True:
        allowed = inspect.getclosurevars(view).nonlocals.get("request_method_list")
        if allowed is not None:
            return tuple(m for m in PAGE_METHODS if m in allowed)
        if not hasattr(view, "__wrapped__"):
            break
        view = view.__wrapped__
    source = inspect.getsource(view)
    reads_a_post = "request.POST" in source or 'request.method == "POST"' in source
    return ("GET", "POST") if reads_a_post else ("GET",)


def endpoints() -> tuple[set, set]:
    """(API operations, pages), each a set of (method, path template)."""
    operations = api_operations()
    api_paths = {path for _method, path in operations}
    pages = {
        (method, template(route))
        for route, view in url_patterns()
        if template(route) not in api_paths
        for method in page_methods(view)
    }
    return operations, pages


def endpoint_of(row: Row, world) -> tuple[str, str] | None:
    """The endpoint a row's path reaches, or None if it reaches none."""
    try:
        match = resolve(row.path.format_map(world.values).split("?", 1)[0])
    except Resolver404:
        return None
    return row.method, template(match.route)


def coverage_problems(reached: dict[str, tuple | None], operations: set, pages: set) -> list[str]:
    """What is wrong between the rows (row key -> the endpoint it reaches) and the endpoints."""
    exist = operations | pages
    problems = [
        f"no row for {method} {path}: add one to {TABLE_FILE}"
        for method, path in sorted(exist - set(reached.values()))
    ]
    problems += [
        f"the row {key!r} names no endpoint (any more): remove it from {TABLE_FILE}"
        for key, endpoint in reached.items()
        if endpoint not in exist
    ]
    by_endpoint = {}
    for key, endpoint in reached.items():
        by_endpoint.setdefault(endpoint, []).append(key)
    problems += [f"one row per endpoint: {keys}" for keys in by_endpoint.values() if len(keys) > 1]
    return problems


@pytest.fixture(scope="module", autouse=True)
def _as_in_production():
    """Two factors required, as production requires them (the test settings relax it)."""
    with override_settings(REQUIRE_TWO_FACTOR=True):
        yield


@pytest.fixture(scope="module")
def world(_as_in_production, django_db_setup, django_db_blocker):
    with world_in_one_transaction(django_db_blocker) as world:
        yield world


@pytest.fixture(scope="module")
def api_endpoints(world, django_db_blocker):
    with django_db_blocker.unblock():
        return endpoints()[0]


def observe(world, row: Row, role: str, is_api: bool) -> str:
    """A page as a browser sees it; an API operation as a script with the role's token (the
    anonymous with none) and, signed in, as the browser with the session."""
    path, body = row.path.format_map(world.values), BODIES.get(row.key)
    if not is_api:
        return send(world, role, "browser", row.method, path, body)
    script = send(world, role, "script", row.method, path, body)
    if role == "anon":
        return script
    browser = send(world, role, "browser", row.method, path, body)
    return script if script == browser else f"{script}|{browser}"


@pytest.mark.django_db
@pytest.mark.parametrize("row", ROWS, ids=[row.key for row in ROWS])
def test_every_role_gets_the_answer_in_the_table(row, world, api_endpoints):
    is_api = endpoint_of(row, world) in api_endpoints
    seen = {role: observe(world, row, role, is_api) for role in ROLES}
    wrong = [
        f"{r}: expected {row.answers[r]}, got {seen[r]}" for r in ROLES if seen[r] != row.answers[r]
    ]
    observed = f"{row.method:7}{row.path:52}" + " ".join(f"{seen[r]:5}" for r in ROLES)
    assert not wrong, f"{row.key}: " + "; ".join(wrong) + f"\nobserved row:\n{observed}"


@pytest.mark.django_db
def test_every_endpoint_has_its_row_and_every_row_its_endpoint(world):
    operations, pages = endpoints()
    reached = {row.key: endpoint_of(row, world) for row in ROWS}
    assert coverage_problems(reached, operations, pages) == []
    assert set(BODIES) <= set(reached), "a body for a row that is not in the table"


@pytest.mark.django_db
def test_a_new_endpoint_or_a_stale_row_is_named(world):
    operations, pages = endpoints()
    reached = {row.key: endpoint_of(row, world) for row in ROWS}
    del reached["POST /api/procedures/{procedure}/close"]
    reached["GET /decisions/{procedure}/minutes/"] = endpoint_of(
        Row("GET", "/decisions/{procedure}/minutes/", {}), world
    )
    reached["GET /decisions/"] = ("GET", "/decisions/")
    reached["GET /decisions/?status=open"] = ("GET", "/decisions/")
    assert coverage_problems(reached, operations, pages) == [
        f"no row for POST /api/procedures/{{procedure_id}}/close: add one to {TABLE_FILE}",
        "the row 'GET /decisions/{procedure}/minutes/' names no endpoint (any more): "
        f"remove it from {TABLE_FILE}",
        "one row per endpoint: ['GET /decisions/', 'GET /decisions/?status=open']",
    ]
