"""Accounts: strong passwords, sign-ins throttled and logged (django-axes), optional
two-factor authentication for staff (TOTP, django-otp), sessions that expire."""

import re

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "pw-Str0ng!-x"  # make_staff's
LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, user, password=PASSWORD, code="", **headers):
    data = {"username": user.username, "password": password, "otp_token": code, "next": "/admin/"}
    return client.post(LOGIN, data, **headers)


def code(device):
    return f"{totp(device.bin_key, t0=device.t0, step=device.step, drift=device.drift):06d}"


@pytest.mark.parametrize("password", ["short-1A!", "password1234", "123456789012", "editor1@x.org"])
def test_weak_passwords_are_refused(make_staff, password):
    user = make_staff("Editor")
    user.username = user.email = "editor1@x.org"
    with pytest.raises(ValidationError):
        validate_password(password, user)
    validate_password("correct horse battery staple", user)  # a passphrase passes


def test_journalists_sign_up_with_a_strong_password_only(client):
    data = {"name": "Jo", "outlet": "Le Quotidien", "email": "jo@example.org", "press_card": "1"}
    response = client.post("/fr/journalistes/inscription/", {**data, "password": "court1!"})
    assert response.status_code == 200 and "password" in response.context["form"].errors
    assert 'value="jo@example.org"' in response.text  # what was typed is kept


def test_staff_sign_in_and_it_is_logged(client, make_staff):
    user = make_staff("Editor")
    response = sign_in(client, user, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    log = AccessLog.objects.get(username=user.username)
    assert log.ip_address == "203.0.113.7" and log.attempt_time


def test_repeated_failures_lock_the_sign_in_for_a_while(client, make_staff):
    user = make_staff("Editor")
    for _attempt in range(4):
        assert sign_in(client, user, password="wrong-password").status_code == 200
    assert sign_in(client, user, password="wrong-password").status_code == 429  # the fifth
    locked = sign_in(client, user)  # the right password, too late
    assert locked.status_code == 429
    assert "Trop de connexions échouées" in locked.text and "15 minutes" in locked.text
    assert AccessFailureLog.objects.filter(username=user.username).count() >= 5
    assert AccessAttempt.objects.get(username=user.username).failures_since_start >= 5
    # Another address is not locked out with this one (a user name's lock is per address).
    assert sign_in(Client(), user, REMOTE_ADDR="198.51.100.1").status_code == 302
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert sign_in(client, user).status_code == 302


def test_journalists_sign_in_is_throttled_too(client, make_journalist):
    make_journalist()
    data = {"username": "journalist@example.org", "password": "wrong-password"}
    for _attempt in range(5):
        client.post("/fr/journalistes/connexion/", data)
    response = client.post("/fr/journalistes/connexion/", {**data, "password": PASSWORD})
    assert response.status_code == 429


@pytest.fixture
def enrolled(make_staff):
    """A publisher who turned two-factor authentication on."""
    user = make_staff("Publisher")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user, device


def test_without_two_factor_a_password_is_enough(client, make_staff):
    user = make_staff("Editor")
    assert sign_in(client, user).status_code == 302


def test_with_two_factor_the_code_is_asked_for(client, enrolled):
    user, device = enrolled
    for wrong in ("", "000000", "abcdef"):
        response = sign_in(client, user, code=wrong)
        assert response.status_code == 200, wrong
        assert "code à six chiffres" in response.text
        assert 'value="' + user.username + '"' in response.text  # the name is kept
    assert client.get("/admin/").status_code == 302  # not signed in
    # Each wrong code makes the device wait longer before it checks another (django-otp).
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=10)):
        device.refresh_from_db()
        assert sign_in(client, user, code=code(device)).status_code == 302
        assert client.get("/admin/").status_code == 200


def test_a_wrong_code_counts_as_a_failed_sign_in(client, enrolled):
    user, _device = enrolled
    for _attempt in range(5):
        sign_in(client, user, code="123456")
    assert sign_in(client, user, code="654321").status_code == 429


def test_a_session_opened_without_the_code_does_not_reach_the_back_office(client, enrolled):
    """The journalists' sign-in page checks the password only: for staff with two-factor
    authentication, the session it opens is not a back-office one."""
    user, device = enrolled
    response = client.post(
        "/fr/journalistes/connexion/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302  # to the back office's sign-in
    assert sign_in(client, user, code=code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_turn_two_factor_on_and_off_themselves(client, make_staff):
    user = make_staff("Editor")
    client.force_login(user)
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200 and "<svg" in page.text and "otpauth" not in page.text
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", page.text).group(1)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.get("/admin/two-factor/").text.count(key) == 1  # the same key again
    assert "n’est pas celui" in client.post("/admin/two-factor/", {"code": "000000"}).text
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):  # the wait
        device.refresh_from_db()
        assert client.post("/admin/two-factor/", {"code": code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session was verified with it
    # A new sign-in now asks for a code.
    other = Client()
    assert sign_in(other, user).status_code == 200
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=35)):
        device.refresh_from_db()
        assert client.post("/admin/two-factor/", {"code": code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert sign_in(Client(), user).status_code == 302


def test_sessions_expire_after_eight_hours_without_a_request(client, make_staff):
    user = make_staff("Editor")
    assert sign_in(client, user).status_code == 302
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=7)):
        assert client.get("/admin/").status_code == 200  # each request renews it
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=14)):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=23)):
        assert client.get("/admin/").status_code == 302
