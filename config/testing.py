"""Wiring for the test suite only (config/settings/test.py)."""

from axes.backends import AxesStandaloneBackend


class LockoutWhenThereIsARequest(AxesStandaloneBackend):
    """Axes refuses authenticate() without a request; Django's test client calls it so in
    `Client.login()`. Such a sign-in has no address to count, so it is left to ModelBackend,
    while every sign-in through the login page still passes through axes."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
