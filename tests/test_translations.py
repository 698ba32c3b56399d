"""The French catalogue is complete, compiled, and holds every string of the code and templates."""

import ast
import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: {"flags", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[0]"...}."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, current = {"flags": ""}, None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry["flags"] = line
            elif line.startswith("#"):
                current = None
            elif line.startswith('"') and current:
                entry[current] += ast.literal_eval(line)
            elif " " in line:
                current, _, value = line.partition(" ")
                entry[current] = ast.literal_eval(value)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def test_every_string_is_translated_and_none_is_fuzzy():
    entries = po_entries(LOCALE / "django.po")
    assert len(entries) > 900
    untranslated = [e["msgid"] for e in entries if not (e.get("msgstr") or e.get("msgstr[0]"))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert (untranslated, fuzzy) == ([], [])


def test_the_compiled_catalogue_is_the_po_file():
    with (LOCALE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in po_entries(LOCALE / "django.po"):
        msgid = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if "msgid_plural" in entry:
            assert catalogue.ngettext(msgid, entry["msgid_plural"], 1) == entry["msgstr[0]"], msgid
        else:
            assert catalogue.gettext(msgid) == entry["msgstr"], msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed here")
def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    """makemessages over a copy of the project finds no string the catalogue lacks."""
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(base, copy, ignore=shutil.ignore_patterns(".venv", ".git", "staticfiles", "node_modules",
                                                                "__pycache__", "*.sqlite3", "tests"))
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "fr", "--ignore=.venv",
                    "--ignore=staticfiles", "--ignore=tests", "--verbosity=0"],
                   cwd=copy, check=True, env={"PATH": "/usr/bin:/bin", "DEBUG": "1"}, timeout=300)
    committed = {e["msgid"] for e in po_entries(LOCALE / "django.po")}
    extracted = {e["msgid"] for e in po_entries(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")}
    assert sorted(extracted - committed) == [], "run `make messages` and translate the new strings"
