from django.contrib import admin
from django.urls import include, path, re_path

from stepwise.api import api, api_not_found
from stepwise.people.views import healthz

admin.site.site_header = "Stepwise administration"
admin.site.site_title = "Stepwise admin"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("", include("stepwise.home.urls")),
    path("", include("stepwise.people.urls")),
    path("goals/", include("stepwise.goals.urls")),
    path("skills/", include("stepwise.skills.urls")),
]
