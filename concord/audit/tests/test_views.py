import html
import io
import json
import re
import shutil
import subprocess
import urllib.request

import pytest
from django.test import Client

from concord.audit.models import ChainHead
from conftest import PASSWORD


def code_blocks(page: str) -> list[str]:
    return [html.unescape(b) for b in re.findall(r"<pre[^>]*><code>(.*?)</code></pre>", page, re.S)]


def test_audit_page_lists_entries_for_the_secretariat(secretariat_user):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    page = client.get("/audit/", {"event": "accounts.user_created"}).content.decode()
    assert "officer@secretariat.example registered as secretariat" in page


def test_anyone_sees_the_signed_head_linked_from_every_page(append):
    head = append(2)
    page = Client().get("/audit/head/").content.decode()
    for value in (f"#{head.seq}", head.hash, head.signature, head.public_key):
        assert value in page
    assert "http://testserver/api/audit/head" in page
    home = Client().get("/").content.decode()
    assert 'href="/audit/head/">Signed head of the audit trail</a>' in home


def test_the_signed_head_page_speaks_russian(append):
    append(1)
    page = Client(HTTP_ACCEPT_LANGUAGE="ru").get("/audit/head/").content.decode()
    assert '<h1 class="govuk-heading-l">Подписанная вершина журнала аудита</h1>' in page
    assert "Как её проверить" in page


def test_the_signed_head_page_of_an_empty_trail(db):
    page = Client().get("/audit/head/").content.decode()
    assert "The audit trail has no entries yet." in page
    assert "<pre" not in page


def test_the_python_check_shown_on_the_page_accepts_the_head(append, monkeypatch, capsys):
    append(2)
    python, _shell = code_blocks(Client().get("/audit/head/").content.decode())
    published = Client().get("/api/audit/head").content
    monkeypatch.setattr(urllib.request, "urlopen", lambda url: io.BytesIO(published))
    exec(python, {})  # the page's own instructions, run as a reader would
    head = ChainHead.objects.get()
    assert capsys.readouterr().out == f"signed: {head.seq} {head.entry_hash}\n"


@pytest.mark.skipif(not (shutil.which("openssl") and shutil.which("jq")), reason="openssl, jq")
def test_the_openssl_check_shown_on_the_page_accepts_the_head_and_no_other(append, tmp_path):
    append(2)
    _python, shell = code_blocks(Client().get("/audit/head/").content.decode())
    fetch, *check = shell.splitlines()
    assert fetch == "curl -s http://testserver/api/audit/head > head.json"
    head = json.loads(Client().get("/api/audit/head").content)

    def run(published: dict) -> subprocess.CompletedProcess:
        (tmp_path / "head.json").write_text(json.dumps(published))
        script = "\n".join(["set -e", *check])
        return subprocess.run(
            ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
        )

    genuine = run(head)
    assert (genuine.returncode, genuine.stdout.strip()) == (0, "Signature Verified Successfully")
    assert run({**head, "seq": head["seq"] + 1}).returncode != 0
