"""Competency frameworks, self-assessments, priorities and the onboarding guide."""
