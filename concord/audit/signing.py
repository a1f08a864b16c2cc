"""The Ed25519 key that signs the chain head. It lives in a file, never in the database, so that
whoever can only write to the database cannot forge a signed head.

A head is signed as the ASCII bytes `<seq>:<hash>`; signatures and the public key (its raw 32
bytes) travel in standard base64. The key file is PKCS#8 PEM, which `openssl pkey` reads.
"""

import base64
import binascii
import contextlib
import functools
import hmac
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def head_message(seq: int, entry_hash: str) -> bytes:
    return f"{seq}:{entry_hash}".encode("ascii")


def _generate(path: Path) -> None:
    """Write a new key with mode 0600. Several processes may start at once: each writes its own
    file and links it into place, so exactly one key wins and nobody reads a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=".audit-key-")  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(pem)
        with contextlib.suppress(FileExistsError):  # another process's key won: keep it
            os.link(scratch, path)
    finally:
        os.unlink(scratch)


@functools.lru_cache(maxsize=4)
def _load(path: str, generate: bool) -> Ed25519PrivateKey:
    file = Path(path)
    if not file.exists():
        if not generate:
            raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY_FILE {path} does not exist.")
        _generate(file)
    try:
        key = serialization.load_pem_private_key(file.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            f"AUDIT_SIGNING_KEY_FILE {path} is not an unencrypted PEM private key."
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY_FILE {path} is not an Ed25519 key.")
    return key


def private_key() -> Ed25519PrivateKey:
    """This installation's key, read once per process (a new key needs a restart)."""
    return _load(str(settings.AUDIT_SIGNING_KEY_FILE), settings.AUDIT_SIGNING_KEY_GENERATE)


def public_key() -> str:
    raw = (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode("ascii")


def sign_head(seq: int, entry_hash: str) -> str:
    return base64.b64encode(private_key().sign(head_message(seq, entry_hash))).decode("ascii")


def signed_by_us(seq: int, entry_hash: str, signature: str) -> bool:
    """Whether this installation's key made `signature`. Ed25519 signing is deterministic, so
    signing again and comparing says the same as verifying, at a third of the cost; it runs
    under the head's lock at every append."""
    if not entry_hash.isascii():
        return False
    return hmac.compare_digest(sign_head(seq, entry_hash).encode(), signature.encode())


def signature_valid(seq: int, entry_hash: str, signature: str, public_key_b64: str) -> bool:
    """Whether `signature` is a valid signature of the head by `public_key_b64` (anyone's key)."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(base64.b64decode(signature, validate=True), head_message(seq, entry_hash))
    except (InvalidSignature, ValueError, binascii.Error, UnicodeEncodeError):
        return False
    return True
