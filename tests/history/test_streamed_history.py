"""The history exports stream (common.history.iter_entries): the entries read a chunk at a time are
the very entries of the page, in the same order, with the same changes and labels."""

import pytest

from common.history import history_entries, iter_entries
from incidents.models import Incident, PersonInvolved
from tests.incidents.factories import IncidentFactory, PersonFactory


def described(entries):
    return [(e.at, e.record, e.kind, e.earlier_unknown, [(c.label, c.before, c.after) for c in e.changes])
            for e in entries]


@pytest.fixture
def busy_incident(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro)
    for category, user in [("theft", sro), ("assault", principal), ("vandalism", sro)]:
        incident.category = category
        incident._history_user = user
        incident.save()
    person = PersonFactory(incident=incident, name="Alex Example")
    person.grade = 10
    person.save()
    return incident


def test_chunks_of_one_give_the_entries_of_the_page(busy_incident):
    querysets = [Incident.history.filter(id=busy_incident.pk),
                 PersonInvolved.history.filter(incident_id=busy_incident.pk)]
    streamed = list(iter_entries(*querysets, chunk_size=1))
    assert described(streamed) == described(history_entries(*querysets))
    assert [e.at for e in streamed] == sorted((e.at for e in streamed), reverse=True)


def test_each_change_is_compared_with_the_record_before_it(busy_incident, principal):
    entries = history_entries(Incident.history.filter(id=busy_incident.pk))
    changed = [(e.user, [(c.label, c.before, c.after) for c in e.changes]) for e in entries if e.kind == "~"]
    assert changed == [
        (busy_incident.created_by, [("Category", "Assault or fight", "Vandalism, graffiti or property damage")]),
        (principal, [("Category", "Theft", "Assault or fight")]),
        (busy_incident.created_by, [("Category", "Bullying", "Theft")]),
    ]


def test_a_change_older_than_the_history_says_so(busy_incident):
    Incident.history.filter(id=busy_incident.pk, history_type="+").delete()
    oldest = history_entries(Incident.history.filter(id=busy_incident.pk))[-1]
    assert oldest.earlier_unknown and oldest.changes == []
