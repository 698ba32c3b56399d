from django.urls import path

from .views import instruments, outcomes, public, results, surveys

app_name = "evaluations"
urlpatterns = [
    # Public: answering a survey with a single-use code (no sign-in).
    path("s/", public.answer_start, name="answer_start"),
    path("s/thanks/", public.answer_thanks, name="answer_thanks"),
    path("s/<str:code>/", public.answer, name="answer"),
    # Instruments and surveys: coordinators and program administrators.
    path("instruments/", instruments.instrument_list_view, name="instrument_list"),
    path("instruments/export.csv", instruments.instrument_export, name="instrument_export"),
    path("instruments/new/", instruments.instrument_create, name="instrument_create"),
    path("instruments/<int:pk>/", instruments.instrument_detail, name="instrument_detail"),
    path("instruments/<int:pk>/edit/", instruments.instrument_edit, name="instrument_edit"),
    path("instruments/<int:pk>/copy/", instruments.instrument_copy_view, name="instrument_copy"),
    path("surveys/", surveys.survey_list_view, name="survey_list"),
    path("surveys/export.csv", surveys.survey_export, name="survey_export"),
    path("surveys/new/", surveys.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit/", surveys.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/codes/", surveys.codes_generate_view, name="codes_generate"),
    path("surveys/<int:pk>/codes/<int:batch>/", surveys.code_sheet, name="code_sheet"),
    # Results: evaluators, coordinators, program and school administrators.
    path("results/", results.results_list, name="results_list"),
    path("results/export.csv", results.results_list_export, name="results_list_export"),
    path("results/<int:pk>/", results.survey_results_view, name="survey_results"),
    path("results/<int:pk>/export.csv", results.survey_results_export, name="survey_results_export"),
    # Outcome data.
    path("outcomes/", outcomes.outcome_data, name="outcome_data"),
    path("outcomes/upload/", outcomes.outcome_upload, name="outcome_upload"),
    path("outcomes/export.csv", outcomes.outcome_export, name="outcome_export"),
]
