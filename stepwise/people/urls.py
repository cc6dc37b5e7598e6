from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.views.generic import TemplateView

from stepwise.people import organisation_views, placement_views, views

urlpatterns = [
    path("signup/", views.sign_up, name="signup"),
    path("signup/sent/", views.sign_up_sent, name="signup_sent"),
    path("signup/confirm/<uidb64>/<token>/", views.confirm_sign_up, name="signup_confirm"),
    path("login/", views.sign_in, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path(
        "profile/email/confirm/<str:token>/",
        views.confirm_email_change,
        name="email_change_confirm",
    ),
    path("profile/manager/request/", placement_views.request_manager, name="manager_request"),
    path(
        "profile/manager/remove/",
        placement_views.leave,
        {"what": "manager"},
        name="manager_remove",
    ),
    path("profile/team/request/", placement_views.request_team, name="team_request"),
    path("profile/team/leave/", placement_views.leave, {"what": "team"}, name="team_leave"),
    path(
        "profile/requests/<int:request_id>/cancel/",
        placement_views.cancel_request,
        name="placement_request_cancel",
    ),
    path("people/requests/", placement_views.waiting_requests, name="placement_requests"),
    path(
        "people/requests/<int:request_id>/answer/",
        placement_views.answer_request,
        name="placement_request_answer",
    ),
    path("profile/tokens/", views.api_tokens, name="api_tokens"),
    path("profile/tokens/<int:token_id>/revoke/", views.revoke_api_token, name="api_token_revoke"),
    path("password/change/", views.change_password, name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_sent.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/password_reset_confirm.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        TemplateView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("organisation/", organisation_views.organisation, name="organisation"),
    path("organisation/people/new/", organisation_views.new_person, name="person_new"),
    path(
        "organisation/people/<int:person_id>/", organisation_views.place_person, name="person_place"
    ),
    path("organisation/teams/new/", organisation_views.new_team, name="team_new"),
]
