"""Sign-up that does not tell anyone which e-mail addresses have an account (decision 0008).

Apart from the very first account, a new account waits until its owner follows the link
mailed to its address. An address that already has an account gets no second one: its owner
is told by e-mail that someone tried. The page says "check your e-mail" in both cases.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from stepwise.people.models import AuditEvent, User


class ConfirmationTokens(PasswordResetTokenGenerator):
    """Links that confirm a new account's address. A link stops working once the account is
    confirmed (it becomes active and signs in), and after ``PASSWORD_RESET_TIMEOUT``."""

    key_salt = "stepwise.people.confirmation.ConfirmationTokens"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.last_login}{user.email}{timestamp}"


confirmation_tokens = ConfirmationTokens()


def awaits_confirmation(person: User) -> bool:
    """Signed up on the page and never confirmed: inactive, never signed in."""
    return (
        not person.is_active
        and person.last_login is None
        and AuditEvent.objects.filter(
            kind=AuditEvent.Kind.SIGNUP, actor=person, detail__awaiting_confirmation=True
        ).exists()
    )


def person_to_confirm(uidb64: str, token: str) -> User | None:
    """The account a confirmation link is for, when the link is still good."""
    try:
        person = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, OverflowError, User.DoesNotExist):
        return None
    if not awaits_confirmation(person) or not confirmation_tokens.check_token(person, token):
        return None
    return person


def send_confirmation(person: User, request: HttpRequest | None) -> None:
    link = _absolute(
        request,
        reverse(
            "signup_confirm",
            args=[
                urlsafe_base64_encode(force_bytes(person.pk)),
                confirmation_tokens.make_token(person),
            ],
        ),
    )
    _mail(person, "Confirm your Stepwise account", "registration/signup_confirm_email.txt", link)


def send_address_in_use(owner: User, request: HttpRequest | None) -> None:
    """Someone signed up with the address of an existing account: tell its owner, or, when
    the account itself still waits for confirmation, send its link again."""
    if awaits_confirmation(owner):
        send_confirmation(owner, request)
        return
    link = _absolute(request, reverse("login"))
    _mail(
        owner,
        "Someone tried to sign up with your address",
        "registration/signup_address_in_use_email.txt",
        link,
        reset_link=_absolute(request, reverse("password_reset")),
    )


# ---- a new address on one's profile ------------------------------------------------------

EMAIL_CHANGE_SALT = "stepwise.people.confirmation.email_change"


def _fingerprint(address: str) -> str:
    """Stands for the person's current address in a link, which thus stops working once the
    address changes, without writing the old address into it."""
    return salted_hmac(EMAIL_CHANGE_SALT, address.lower()).hexdigest()[:20]


def email_change_token(person: User, new_address: str) -> str:
    payload = {"person": person.pk, "from": _fingerprint(person.email), "to": new_address}
    return signing.dumps(payload, salt=EMAIL_CHANGE_SALT)


def email_change_from(token: str) -> tuple[User, str] | None:
    """The person and the new address a link confirms, while the link is good: signed by
    us, younger than ``PASSWORD_RESET_TIMEOUT``, and the person's address still the one it
    was asked from."""
    try:
        payload = signing.loads(
            token, salt=EMAIL_CHANGE_SALT, max_age=settings.PASSWORD_RESET_TIMEOUT
        )
        person = User.objects.active().get(pk=int(payload["person"]))
        new_address, was = str(payload["to"]), str(payload["from"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, User.DoesNotExist):
        return None
    if not constant_time_compare(was, _fingerprint(person.email)):
        return None
    return person, new_address


def send_email_change(person: User, new_address: str, request: HttpRequest | None) -> None:
    link = _absolute(
        request, reverse("email_change_confirm", args=[email_change_token(person, new_address)])
    )
    body = render_to_string(
        "registration/email_change_email.txt",
        {"person": person, "link": link, "new_address": new_address},
    )
    send_mail("Confirm your new Stepwise address", body, settings.DEFAULT_FROM_EMAIL, [new_address])


def send_email_change_address_in_use(owner: User, request: HttpRequest | None) -> None:
    """Someone asked to move their account to an address that is already this account's."""
    _mail(
        owner,
        "Someone tried to use your address on Stepwise",
        "registration/email_change_in_use_email.txt",
        _absolute(request, reverse("login")),
    )


def _mail(person: User, subject: str, template: str, link: str, **extra: str) -> None:
    body = render_to_string(template, {"person": person, "link": link, **extra})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])


def _absolute(request: HttpRequest | None, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path
