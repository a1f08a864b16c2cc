"""Sign-in status for the account and accounts pages, read through the signin selectors."""

from django import template

from concord.accounts.signin import lockout, two_factor

register = template.Library()


@register.simple_tag
def two_factor_status(user) -> two_factor.TwoFactorStatus:
    return two_factor.status_of(user)


@register.simple_tag
def sign_in_statuses(users) -> dict[int, dict]:
    """For each account listed: when its lockout ends (or None) and its two-factor status."""
    users = list(users)
    locked = lockout.locked_accounts(u.email for u in users)
    factors = two_factor.statuses_of(users)
    return {u.pk: {"locked_until": locked.get(u.email), "two_factor": factors[u.pk]} for u in users}


@register.filter
def entry(mapping: dict, key):
    return mapping.get(key)
