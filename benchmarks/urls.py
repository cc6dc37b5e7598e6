"""The app's URLs plus /bench/noop/: the same middleware, login and method checks, no work."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_POST


@login_required
@require_POST
def noop(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)


urlpatterns = [
    path("bench/noop/", noop),
    path("", include("stepwise.urls")),
]


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    """A signed-in page with the app's frame and nothing in it."""
    return render(request, "base.html")


urlpatterns.insert(0, path("bench/bare/", bare))
