import pytest


@pytest.fixture
def superuser(program_admin):
    program_admin.is_superuser = True
    program_admin.save(update_fields=["is_superuser"])
    return program_admin
