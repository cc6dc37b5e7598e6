from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "stepwise.goals"
    label = "goals"
    verbose_name = "Goals"
