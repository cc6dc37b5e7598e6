from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "stepwise.skills"
    label = "skills"
    verbose_name = "Skills"

    def ready(self) -> None:
        from stepwise.skills import signals  # noqa: F401
