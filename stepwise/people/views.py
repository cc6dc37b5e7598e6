"""Pages for accounts and profiles: sign up, sign in and out, passwords, profile, API tokens.
(The dashboard, which gathers every app, is ``stepwise.home.views.dashboard``.)"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from stepwise.access.people import (
    access_api_token,
    own_placement_requests,
    signed_in,
)
from stepwise.lib.forms import attach_errors
from stepwise.lib.http import page_to_return_to
from stepwise.lib.tips import tips_for
from stepwise.people import actions, confirmation
from stepwise.people.audit import client_address, record_event
from stepwise.people.demo import DEMO_PASSWORD, demo_is_loaded
from stepwise.people.forms import (
    ApiTokenForm,
    ManagerRequestForm,
    ProfileForm,
    SignUpForm,
    TeamRequestForm,
)
from stepwise.people.models import AuditEvent, Organisation, User
from stepwise.people.retries import submit_once
from stepwise.people.throttle import address_lockout, login_lockout


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and `make run`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return JsonResponse({"status": "error", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    first = not User.objects.exists()
    if not first and not Organisation.current().allow_self_signup:
        return render(request, "registration/signup_closed.html", status=403)
    form = SignUpForm(request.POST or None)
    context = {"form": form, "first_account": first, "lockout_message": ""}
    if request.method == "POST":
        lock = address_lockout(client_address(request))
        if lock is not None:
            context["lockout_message"] = lock.message
            return render(request, "registration/signup.html", context, status=429)
        if form.is_valid():
            signed_up = _sign_up_from(form, request)
            if signed_up is not None:
                return signed_up
        elif form.has_error("username", code="taken"):
            # A taken name draws on the address's failed sign-in allowance (decision 0008).
            record_event(AuditEvent.Kind.LOGIN_FAILED, request=request, door="signup")
    return render(request, "registration/signup.html", context)


def _sign_up_from(form: SignUpForm, request: HttpRequest) -> HttpResponse | None:
    data = form.cleaned_data
    try:
        user = actions.do_sign_up(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            display_name=data.get("display_name", ""),
            request=request,
        )
    except actions.SignupClosed as closed:
        form.add_error(None, str(closed))
        return None
    except ValidationError as error:
        attach_errors(form, error)
        return None
    if user is None or not user.is_active:
        return redirect("signup_sent")  # a new account or an address in use: the same answer
    login(request, user, backend="stepwise.people.backends.ThrottledModelBackend")
    messages.success(request, f"Welcome to Stepwise, {user.name}.")
    return redirect("profile")


@require_safe
def sign_up_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/signup_sent.html")


@require_http_methods(["GET", "POST"])
def confirm_sign_up(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link mailed to a new account's address: a button (so that mail scanners opening
    links confirm nothing) that opens the account and signs its owner in."""
    person = confirmation.person_to_confirm(uidb64, token)
    if person is None:
        return render(request, "registration/signup_confirm.html", {"person": None}, status=400)
    if request.method == "POST":
        person = actions.do_confirm_sign_up(person=person, request=request)
        login(request, person, backend="stepwise.people.backends.ThrottledModelBackend")
        messages.success(request, f"Welcome to Stepwise, {person.name}.")
        return redirect("dashboard")
    return render(request, "registration/signup_confirm.html", {"person": person})


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = AuthenticationForm(request, data=request.POST or None)
    form.fields["username"].label = "Sign-in name"
    lockout_message = ""
    if request.method == "POST":
        username = request.POST.get("username", "")
        if form.is_valid():
            login(request, form.get_user())
            return redirect(_next_url(request))
        lock = login_lockout(username, client_address(request)) if username else None
        lockout_message = lock.message if lock else ""
    context = {
        "form": form,
        "lockout_message": lockout_message,
        "next": request.GET.get("next", ""),
        "signup_open": Organisation.current().allow_self_signup or not User.objects.exists(),
        "demo_password": DEMO_PASSWORD if demo_is_loaded() else "",
    }
    return render(
        request, "registration/login.html", context, status=429 if lockout_message else 200
    )


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    return page_to_return_to(request, wanted) or str(reverse_lazy("dashboard"))


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
@require_http_methods(["GET", "POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        record_event(AuditEvent.Kind.PASSWORD_CHANGED, request=request, actor=user)
        messages.success(request, "Your password is changed.")
        return redirect("profile")
    return render(request, "registration/password_change.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        record_event(
            AuditEvent.Kind.PASSWORD_RESET_REQUESTED,
            request=self.request,
            email=form.cleaned_data["email"],
        )
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    person = request.user
    assert isinstance(person, User)
    form = ProfileForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        email = fields.pop("email")
        try:
            changed = actions.do_update_profile(
                person=person, changed_by=person, request=request, **fields
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if actions.do_request_email_change(person=person, email=email, request=request):
                # The same words whether or not the address has an account (decision 0008).
                messages.info(request, EMAIL_LINK_SENT.format(email=email))
            elif not changed:
                messages.success(request, "Nothing changed; your profile is as it was.")
            if changed:
                messages.success(request, "Profile saved.")
            return redirect("profile")
    return render_profile(request, form=form)


EMAIL_LINK_SENT = (
    "We sent a link to {email}. Your address changes when you follow it; until then we "
    "keep writing to your current one."
)


@require_http_methods(["GET", "POST"])
def confirm_email_change(request: HttpRequest, token: str) -> HttpResponse:
    """The link mailed to a new address: a button (so that mail scanners opening links
    change nothing) that makes it the person's address."""
    found = confirmation.email_change_from(token)
    if found is None:
        return _email_link_dead(request)
    person, email = found
    if request.method == "POST":
        try:
            actions.do_confirm_email_change(person=person, email=email, request=request)
        except ValidationError:
            return _email_link_dead(request)
        messages.success(request, f"Your email address is now {email}.")
        return redirect("profile")
    return render(request, "registration/email_change_confirm.html", {"email": email})


def _email_link_dead(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/email_change_confirm.html", {"email": ""}, status=400)


def render_profile(
    request: HttpRequest,
    *,
    form: ProfileForm | None = None,
    manager_form: ManagerRequestForm | None = None,
    team_form: TeamRequestForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The profile page, with whichever of its forms was just refused showing its errors."""
    assert isinstance(request.user, User)
    person = User.objects.select_related("manager", "team__lead").get(pk=request.user.pk)
    context = {
        "form": form or ProfileForm(person=person),
        "manager_form": manager_form or ManagerRequestForm(),
        "team_form": team_form or TeamRequestForm(person=person),
        "pending": list(own_placement_requests(person)),
        "declined": list(person.placement_requests.recently_declined()),
        "person": person,
        "tips": tips_for("profile"),
    }
    return render(request, "people/profile.html", context, status=status)


NEW_TOKEN_SESSION_KEY = "stepwise_new_api_token"  # noqa: S105 (a session key's name)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """List, create and revoke one's personal access tokens for the API.

    Creating answers with a redirect (POST-redirect-GET): the new secret waits in the session
    and is shown on the next page only, so a reload neither shows it again nor mints another;
    the form's one-time token makes the same form sent twice create one token.
    """
    person = signed_in(request)
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def create() -> tuple[str, str]:
            token, secret = actions.do_create_api_token(
                owner=person,
                name=form.cleaned_data["name"],
                lifetime_days=form.lifetime_days(),
                request=request,
            )
            request.session[NEW_TOKEN_SESSION_KEY] = secret
            return reverse("api_tokens"), f"Token “{token.name}” created."

        try:
            return submit_once(request, create)  # the form sent twice makes one token
        except ValidationError as error:
            attach_errors(form, error)
    context = {
        "form": form,
        "tokens": person.api_tokens.all(),
        "new_secret": request.session.pop(NEW_TOKEN_SESSION_KEY, ""),
    }
    return render(request, "people/api_tokens.html", context)


@login_required
@require_POST
def revoke_api_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_api_token(request.user, token_id)
    actions.do_revoke_api_token(token=token, request=request)
    messages.success(request, f"Token “{token.name}” revoked; it no longer works.")
    return redirect("api_tokens")
