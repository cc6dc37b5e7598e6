"""Forms for signing up, the profile and the admin's people pages."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import UserCreationForm

from stepwise.access.people import teams_to_join
from stepwise.lib.forms import CheckedInput, Form
from stepwise.people.models import Level, RoleTrack, Team, User
from stepwise.people.tokens import DEFAULT_LIFETIME_DAYS, LIFETIMES

TIMEZONE_CHOICES = [(zone, zone.replace("_", " ")) for zone in sorted(available_timezones())]


class SignUpForm(CheckedInput, UserCreationForm[User]):
    class Meta:
        model = User
        fields = ("username", "display_name", "email")
        labels = {"username": "Sign-in name", "display_name": "Your name"}
        help_texts = {
            "username": "Letters, digits and @ . + - _ only. You sign in with this.",
            "display_name": "How Stepwise and your colleagues address you.",
            "email": "Used only to reset your password and send reminders you ask for.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["username"].widget.attrs.update(autocomplete="username", autofocus=False)
        self.fields["display_name"].widget.attrs.update(autocomplete="name", autofocus=True)
        self.fields["password1"].help_text = (
            "At least 8 characters; not a common password, not all digits, "
            "and not close to your name or email."
        )
        self.fields["password2"].help_text = "Type it once more, to be sure."

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                "That sign-in name is taken. Try another one.", code="taken"
            )
        return username

    def clean_email(self) -> str:
        # An address already in use is not refused here: the page must not tell who has an
        # account. do_sign_up e-mails that address's owner instead (decision 0008).
        return str(self.cleaned_data["email"]).strip()

    def _get_validation_exclusions(self) -> set[str]:
        # Nor by the model's unique constraint on the address, which the form would report.
        return {*super()._get_validation_exclusions(), "email"}  # type: ignore[misc]


class ProfileForm(Form):
    display_name = forms.CharField(label="Your name", max_length=120, required=False)
    email = forms.EmailField(
        label="Email address",
        help_text="A new address changes when you follow the link we send to it.",
    )
    role_track = forms.ChoiceField(label="Role track", choices=RoleTrack.choices)
    level = forms.ChoiceField(
        label="Current level", choices=[("", "Not set yet"), *Level.choices], required=False
    )
    target_level = forms.ChoiceField(
        label="Level you are working towards",
        choices=[("", "Not set yet"), *Level.choices],
        required=False,
    )
    target_date = forms.DateField(
        label="By when",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="A date you would like to be ready by; you can change it later.",
    )
    timezone = forms.ChoiceField(label="Time zone", choices=TIMEZONE_CHOICES)
    weekly_growth_hours = forms.DecimalField(
        label="Hours a week you can give to growth",
        min_value=0,
        max_value=40,
        decimal_places=1,
        help_text="Be honest: Stepwise warns you when your goals ask for more than this.",
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {name: _initial(person, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)
        self.person = person

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        level, target = data.get("level"), data.get("target_level")
        if level and target and Level.values.index(target) < Level.values.index(level):
            self.add_error("target_level", "Pick a level at or above your current one.")
        return data


def _initial(person: User, name: str) -> Any:
    return getattr(person, name)


class ManagerRequestForm(forms.Form):
    """Ask someone to be one's manager, by name: there is no list of everyone to pick from."""

    manager = forms.CharField(
        label="Your manager's sign-in name or e-mail",
        max_length=254,
        help_text="They confirm before they see anything of yours.",
    )


class TeamRequestForm(forms.Form):
    team = forms.ModelChoiceField(
        label="Team to join",
        queryset=Team.objects.none(),
        empty_label="Choose a team",
        help_text="The team's lead confirms before you see the team's goals.",
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = teams_to_join(person)


class AnswerForm(forms.Form):
    """A manager or team lead confirms or declines a request."""

    answer = forms.ChoiceField(choices=[("confirm", "Confirm"), ("decline", "Decline")])
    reason = forms.CharField(
        label="Why not?",
        required=False,
        max_length=500,
        help_text="Needed when you decline; they will read it.",
    )


class PersonForm(Form):
    """An admin creates an account for someone."""

    username = forms.CharField(label="Sign-in name", max_length=150)
    display_name = forms.CharField(label="Name", max_length=120, required=False)
    email = forms.EmailField(label="Email address")
    password = forms.CharField(
        label="First password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Tell them to change it after signing in.",
    )
    level = forms.ChoiceField(
        label="Level", choices=[("", "Not set"), *Level.choices], required=False
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(), required=False, empty_label="No team"
    )
    manager = forms.ModelChoiceField(
        queryset=User.objects.active(), required=False, empty_label="No manager"
    )
    is_admin = forms.BooleanField(label="Admin of this Stepwise", required=False)

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That sign-in name is taken.")
        return username

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this email address.")
        return email


class ApiTokenForm(Form):
    name = forms.CharField(
        label="What is this token for?",
        max_length=80,
        help_text="For example “laptop CLI” or “weekly report script”. You can revoke it any time.",
    )
    lifetime = forms.ChoiceField(
        label="Works for",
        choices=[
            ("30", "30 days"),
            ("90", "90 days"),
            ("365", "A year"),
            ("never", "Until revoked"),
        ],
        initial=str(DEFAULT_LIFETIME_DAYS),
        help_text="A token that expires stops working by itself if it leaks and is forgotten.",
    )

    def lifetime_days(self) -> int | None:
        return LIFETIMES[self.cleaned_data["lifetime"]]


class TeamForm(Form):
    name = forms.CharField(label="Team name", max_length=120)
    description = forms.CharField(
        label="What the team works on", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead = forms.ModelChoiceField(
        label="Team lead",
        queryset=User.objects.active(),
        required=False,
        empty_label="No lead: an admin confirms who joins",
        help_text="Confirms who joins the team.",
    )


class OrganisationForm(Form):
    name = forms.CharField(label="Organisation name", max_length=120)
    allow_self_signup = forms.BooleanField(
        label="Anyone who can reach this Stepwise may sign up",
        required=False,
        help_text="Turn off to create every account yourself.",
    )


class PlacementForm(Form):
    """An admin sets a person's team and manager."""

    team = forms.ModelChoiceField(
        queryset=Team.objects.all(), required=False, empty_label="No team"
    )
    manager = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="No manager"
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"team": person.team_id, "manager": person.manager_id})
        super().__init__(*args, **kwargs)
        manager_field = self.fields["manager"]
        assert isinstance(manager_field, forms.ModelChoiceField)
        manager_field.queryset = User.objects.active().exclude(pk=person.pk)
