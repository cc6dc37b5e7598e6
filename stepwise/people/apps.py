from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "stepwise.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from stepwise import checks  # noqa: F401  (registers Stepwise's system checks)
        from stepwise.people import signals  # noqa: F401  (connects the audit receivers)
