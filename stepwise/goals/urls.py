from django.urls import path

from stepwise.goals import step_views, views
from stepwise.goals.library import views as library_views

urlpatterns = [
    path("", views.goal_list, name="goal_list"),
    path("check/", views.check_goal, name="check_goal"),
    path("new/", views.new_goal, name="goal_new"),
    path("new/check/", views.builder_check, name="goal_builder_check"),
    path("trash/", views.trash, name="goal_trash"),
    path("library/", library_views.library, name="library"),
    path("library/<slug:key>/", library_views.template_detail, name="library_template"),
    path("<int:goal_id>/", views.goal_detail, name="goal_detail"),
    path("<int:goal_id>/history/", views.goal_history, name="goal_history"),
    path("<int:goal_id>/edit/", views.edit_goal, name="goal_edit"),
    path("<int:goal_id>/edit/check/", views.builder_check, name="goal_edit_check"),
    path("<int:goal_id>/complete/", views.complete_goal, name="goal_complete"),
    path("<int:goal_id>/drop/", views.drop_goal, name="goal_drop"),
    path("<int:goal_id>/status/", views.change_goal_status, name="goal_status"),
    path("<int:goal_id>/delete/", views.trash_goal, name="goal_trash_one"),
    path("<int:goal_id>/restore/", views.restore_goal, name="goal_restore"),
    path("<int:goal_id>/steps/", step_views.add_step, name="step_add"),
    path("<int:goal_id>/checkins/", step_views.add_checkin, name="checkin_add"),
    path("steps/<int:step_id>/edit/", step_views.edit_step, name="step_edit"),
    path("steps/<int:step_id>/done/", step_views.complete_step, name="step_done"),
    path("steps/<int:step_id>/reopen/", step_views.reopen_step, name="step_reopen"),
    path("steps/<int:step_id>/delete/", step_views.delete_step, name="step_delete"),
    path("steps/<int:step_id>/move/", step_views.move_step, name="step_move"),
    path("checkins/<int:checkin_id>/correct/", step_views.correct_checkin, name="checkin_correct"),
]
