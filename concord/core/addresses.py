"""The address of the person at the other end of a request, behind reverse proxies or not."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The connection's address, or behind TRUSTED_PROXY_COUNT proxies the entry of
    X-Forwarded-For that the outermost proxy appended. Entries further left were written by the
    client and prove nothing; a header with too few entries, or an entry that is no address,
    falls back to the connection's address."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < hops:
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
