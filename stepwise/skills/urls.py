from django.urls import path

from stepwise.skills import framework_views, plan_views, views

urlpatterns = [
    path("", views.skills_home, name="skills_home"),
    path("assess/", views.start_assessment, name="assessment_start"),
    path("assess/<int:person_id>/", views.start_assessment, name="assessment_start_for"),
    path("assessments/<int:assessment_id>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:assessment_id>/edit/", views.assessment_edit, name="assessment_edit"),
    path(
        "assessments/<int:assessment_id>/rate/<slug:key>/",
        views.rate_competency,
        name="assessment_rate",
    ),
    path(
        "assessments/<int:assessment_id>/finish/",
        views.finish_assessment,
        name="assessment_finish",
    ),
    path("assessments/<int:assessment_id>/share/", views.share_assessment, name="assessment_share"),
    path(
        "assessments/<int:assessment_id>/delete/",
        views.delete_assessment,
        name="assessment_delete",
    ),
    path("compare/", views.compare_assessments, name="assessment_compare"),
    path("priorities/confirm/", plan_views.confirm_priorities, name="priorities_confirm"),
    path("priorities/<slug:key>/", plan_views.choose_priority, name="priority_choose"),
    path("framework/", plan_views.framework, name="framework"),
    path("framework/download/", framework_views.download_framework, name="framework_download"),
    path("paths/", plan_views.growth_paths, name="growth_paths"),
    path("paths/<slug:key>/", plan_views.growth_path, name="growth_path"),
    path("frameworks/", framework_views.frameworks, name="frameworks"),
    path(
        "frameworks/<int:framework_id>/activate/",
        framework_views.activate_framework,
        name="framework_activate",
    ),
]
