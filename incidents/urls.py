from django.urls import path

from .views import access_log, assessments, history, incidents, lists, people, requests, retention

app_name = "incidents"
urlpatterns = [
    path("", lists.incident_list_view, name="incident_list"),
    path("export.csv", lists.incident_export, name="incident_export"),
    path("people.csv", lists.people_export, name="people_export"),
    path("mine/", lists.my_open_incidents, name="my_open"),
    path("review/", lists.review_queue_view, name="review_queue"),
    path("new/", incidents.incident_create_view, name="incident_create"),
    path("<int:pk>/", incidents.incident_detail, name="incident_detail"),
    path("<int:pk>/history/", history.incident_history_view, name="incident_history"),
    path("<int:pk>/history.csv", history.incident_history_export, name="incident_history_export"),
    path("<int:pk>/edit/", incidents.incident_edit, name="incident_edit"),
    path("<int:pk>/transition/", incidents.incident_transition_view, name="incident_transition"),
    path("<int:pk>/supplements/", incidents.supplement_add_view, name="supplement_add"),
    path("<int:pk>/school-response/", incidents.school_response_view, name="school_response"),
    path("<int:pk>/people/new/", people.person_create, name="person_create"),
    path("<int:pk>/people/<int:person_pk>/", people.person_edit, name="person_edit"),
    path("<int:pk>/people/<int:person_pk>/remove/", people.person_remove_view, name="person_remove"),
    path("<int:pk>/threat-assessment/", assessments.assessment_create_view, name="assessment_create"),
    path("threat-assessments/", assessments.assessment_list_view, name="assessment_list"),
    path("threat-assessments/<int:pk>/", assessments.assessment_detail, name="assessment_detail"),
    path("threat-assessments/<int:pk>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/take/", requests.request_convert, name="request_convert"),
    path("requests/<int:pk>/decline/", requests.request_decline, name="request_decline"),
    path("access-log/", access_log.access_log_view, name="access_log"),
    path("access-log/export.csv", access_log.access_log_export, name="access_log_export"),
    path("redactions/", retention.redaction_list, name="redaction_list"),
    path("redactions/<int:pk>/", retention.redaction_review, name="redaction_review"),
]
