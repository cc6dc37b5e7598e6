from django.contrib import admin
from django.urls import include, path

from stepwise.people.views import healthz

admin.site.site_header = "Stepwise administration"
admin.site.site_title = "Stepwise admin"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("stepwise.people.urls")),
]
