import base64
import importlib
import stat
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.exceptions import ImproperlyConfigured

from concord.audit import signing

HASH = "ab" * 32


@pytest.fixture
def key_file(settings, tmp_path):
    settings.AUDIT_SIGNING_KEY_FILE = tmp_path / "var" / "audit_signing_key"
    settings.AUDIT_SIGNING_KEY_GENERATE = True
    return settings.AUDIT_SIGNING_KEY_FILE


def test_a_local_key_is_made_once_and_readable_by_its_owner_only(key_file):
    public_key = signing.public_key()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    signing._load.cache_clear()
    assert signing.public_key() == public_key
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["audit_signing_key"]


def test_a_second_process_making_a_key_at_once_keeps_the_first(key_file):
    signing._generate(key_file)
    first = key_file.read_bytes()
    signing._generate(key_file)
    assert key_file.read_bytes() == first
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["audit_signing_key"]


def test_the_head_is_signed_as_seq_colon_hash_in_standard_base64(key_file):
    signature, public_key = signing.sign_head(12, HASH), signing.public_key()
    assert (len(signature), len(public_key)) == (88, 44)
    assert signature.endswith("==") and public_key.endswith("=")
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    key.verify(base64.b64decode(signature), f"12:{HASH}".encode("ascii"))  # raises if not
    assert signing.signature_valid(12, HASH, signature, public_key)
    assert signing.signed_by_us(12, HASH, signature)


GENUINE = object()


@pytest.mark.parametrize(
    ("seq", "entry_hash", "signature"),
    [
        (13, HASH, GENUINE),
        (12, "cd" * 32, GENUINE),
        (12, "é" * 64, GENUINE),
        (12, HASH, ""),
        (12, HASH, "not base64!"),
        (12, HASH, "é"),
    ],
)
def test_a_signature_of_anything_else_is_refused(key_file, seq, entry_hash, signature):
    if signature is GENUINE:
        signature = signing.sign_head(12, HASH)
    assert not signing.signature_valid(seq, entry_hash, signature, signing.public_key())
    assert not signing.signed_by_us(seq, entry_hash, signature)


OTHER_KEY = base64.b64encode(b"k" * 32).decode()


@pytest.mark.parametrize("public_key", ["", "AAAA", "not base64!", OTHER_KEY])
def test_a_signature_checked_with_another_or_no_key_is_refused(key_file, public_key):
    signature = signing.sign_head(12, HASH)
    assert not signing.signature_valid(12, HASH, signature, public_key)


def test_a_missing_key_is_not_made_where_it_was_named(key_file, settings):
    settings.AUDIT_SIGNING_KEY_GENERATE = False
    with pytest.raises(ImproperlyConfigured, match="does not exist"):
        signing.public_key()
    assert not key_file.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a key", "not an unencrypted PEM private key"),
        (
            ec.generate_private_key(ec.SECP256R1()).private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            "not an Ed25519 key",
        ),
    ],
)
def test_a_file_that_is_no_ed25519_key_is_refused(key_file, content, message):
    key_file.parent.mkdir()
    key_file.write_bytes(content)
    with pytest.raises(ImproperlyConfigured, match=message):
        signing.public_key()


STRONG_SECRET_KEY = "Kq8vZ2-pX_7rT4mWn9bYc3dLh6sGf1jA5eR0uI-oP_yQ8wE2tV"


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({}, "AUDIT_SIGNING_KEY_FILE must be set in production"),
        ({"AUDIT_SIGNING_KEY_FILE": "/nonexistent/audit_signing_key"}, "does not exist"),
    ],
)
def test_production_requires_an_existing_key_file(monkeypatch, environment, message):
    monkeypatch.setenv("SECRET_KEY", STRONG_SECRET_KEY)
    monkeypatch.delenv("AUDIT_SIGNING_KEY_FILE", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    with pytest.raises(ImproperlyConfigured, match=message):
        importlib.import_module("config.settings.production")


def test_production_takes_the_named_key_and_never_makes_one(monkeypatch, tmp_path):
    key = tmp_path / "audit.pem"
    key.write_bytes(b"read only when the first entry is signed")
    monkeypatch.setenv("SECRET_KEY", STRONG_SECRET_KEY)
    monkeypatch.setenv("AUDIT_SIGNING_KEY_FILE", str(key))
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    production = importlib.import_module("config.settings.production")
    assert key == production.AUDIT_SIGNING_KEY_FILE
    assert production.AUDIT_SIGNING_KEY_GENERATE is False
