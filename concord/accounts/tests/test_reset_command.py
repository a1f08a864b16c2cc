"""The operator's way out when the only Secretariat officer has lost phone and recovery codes."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from concord.audit.events import AuditEvent


def _enrol(user):
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    StaticDevice.objects.create(user=user, name="recovery", confirmed=True)


def test_a_dry_run_changes_nothing(secretariat_user, capsys):
    _enrol(secretariat_user)
    call_command("reset-two-factor", secretariat_user.email)
    assert "Would reset" in capsys.readouterr().out
    assert TOTPDevice.objects.filter(user=secretariat_user).exists()


def test_for_real_removes_both_devices_and_is_audited(secretariat_user, audit_entries):
    _enrol(secretariat_user)
    call_command("reset-two-factor", secretariat_user.email, "--for-real")
    assert not TOTPDevice.objects.filter(user=secretariat_user).exists()
    assert not StaticDevice.objects.filter(user=secretariat_user).exists()
    [entry] = audit_entries(AuditEvent.TWO_FACTOR_RESET)
    assert (entry.actor_label, entry.target_id) == ("SYSTEM", str(secretariat_user.pk))


def test_an_account_without_a_second_factor_is_refused_by_name(secretariat_user):
    with pytest.raises(CommandError, match="has no second factor to reset"):
        call_command("reset-two-factor", secretariat_user.email, "--for-real")


def test_an_unknown_address_is_refused(registry):
    with pytest.raises(CommandError, match=r"No account for 'nobody@x\.example'"):
        call_command("reset-two-factor", "nobody@x.example", "--for-real")
