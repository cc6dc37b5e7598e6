from django.urls import path

from stepwise.home import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("skills/priorities/", views.priorities, name="priorities"),
    path("skills/start/", views.getting_started, name="getting_started"),
    path("skills/start/dismiss/", views.dismiss_guide, name="guide_dismiss"),
]
