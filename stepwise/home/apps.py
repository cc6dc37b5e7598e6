from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "stepwise.home"
    label = "home"
    verbose_name = "Home"
