"""docs/automation.md lists every Qt object name the app sets.

The object names are the app's automation contract: tests, shop automation
scripts and accessibility tools find widgets by them. So a new name must be
documented, and a documented name must still exist. This test reads the
sources under mirecovery_gui (it does not build any widget) and finds the names:

- literal ``setObjectName("...")`` calls;
- names handed to a helper that sets them: ``PasswordField("...", "...")``,
  ``RecoveryPage.paragraph(text, "...")`` and the notice bar's
  ``show_notice(text, [("...", label, handler), ...])``;
- f-string names such as ``f"support_{which.value}_input"``, expanded from
  the enum that feeds them (``EXPANSIONS`` below).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mirecovery_gui.client.errors import NextAction
from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.password import Rule
from mirecovery_gui.core.support_request import Field
from mirecovery_gui.store.settings import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "mirecovery_gui"
DOCUMENT = ROOT / "docs" / "automation.md"

# The support form's country, account region and "Restore security info tried" are combo boxes
# (support_country_combo, support_account_region_combo, support_restore_tried_combo): no input, no problem label.
COMBOS = (Field.COUNTRY, Field.ACCOUNT_REGION, Field.RESTORE_TRIED)
FORM_FIELDS = [field.value for field in Field if field not in COMBOS]

# Each f-string name, with its values in "{}"; the values come from the enum (or list) that feeds it.
EXPANSIONS: dict[str, list[str]] = {
    "page_{}": [step.name.lower() for step in Step],  # gui/pages/base.py
    "error_{}_button": [action.value for action in NextAction],  # gui/widgets/error_panel.py
    "rule_{}": [rule.value for rule in Rule],  # gui/pages/new_password.py
    "support_{}_input": FORM_FIELDS,  # gui/widgets/support_form.py
    "support_{}_problem": FORM_FIELDS,
    "support_{}_note": [Field.DESCRIPTION.value],  # only the description is a many-line field
    "language_{}_action": [code or "system" for code in LANGUAGES],  # gui/main_window.py, the Language menu
}

# setObjectName(variable): where the variable's value comes from is handled below.
INDIRECT = {
    ("gui/widgets/password_field.py", "input_name"),  # PasswordField(input_name, show_button_name)
    ("gui/widgets/password_field.py", "show_button_name"),
    ("gui/pages/base.py", "name"),  # RecoveryPage.paragraph(text, name)
    ("gui/main_window.py", "name"),  # NoticeBar.show_notice(text, [(name, label, handler)])
    ("gui/pages/lost_everything.py", "name"),  # LostEverythingPage._label(parent, name)
}


def _strings(nodes: list[ast.expr]) -> list[str]:
    """The string literals among ``nodes``."""
    return [node.value for node in nodes if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def _template(node: ast.JoinedStr) -> str:
    """``f"rule_{result.rule.value}"`` as ``"rule_{}"``."""
    return "".join(_strings([part])[0] if isinstance(part, ast.Constant) else "{}" for part in node.values)


def _called(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def names_in_sources() -> tuple[set[str], set[str]]:
    """The literal names, and the f-string templates (``"page_{}"``), set anywhere under mirecovery_gui."""
    names: set[str] = set()
    templates: set[str] = set()
    for path in sorted(SOURCES.rglob("*.py")):
        where = path.relative_to(SOURCES).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = _called(node)
            if called == "setObjectName":
                (argument,) = node.args
                if isinstance(argument, ast.JoinedStr):
                    templates.add(_template(argument))
                elif _strings([argument]):
                    names.update(name for name in _strings([argument]) if name)  # "": a name taken away
                else:
                    assert isinstance(argument, ast.Name) and (where, argument.id) in INDIRECT, (
                        f"{where}:{node.lineno}: a name this test cannot see; teach it where the name comes from"
                    )
            elif called == "PasswordField":
                names.update(_strings(node.args))
            elif called == "_label":
                names.update(_strings(node.args[1:2]))
            elif called == "paragraph":
                given = node.args[1:2] + [keyword.value for keyword in node.keywords if keyword.arg == "name"]
                names.update(_strings(given))
            elif called == "show_notice" and len(node.args) > 1:
                assert isinstance(node.args[1], ast.List), f"{where}:{node.lineno}: notice actions not a literal list"
                for action in node.args[1].elts:
                    assert isinstance(action, ast.Tuple) and _strings(action.elts[:1]), f"{where}:{node.lineno}"
                    names.update(_strings(action.elts[:1]))
    return names, templates


def all_names() -> set[str]:
    names, templates = names_in_sources()
    assert templates == set(EXPANSIONS), (
        f"f-string names to add to EXPANSIONS: {templates - set(EXPANSIONS)}; "
        f"no longer in the sources: {set(EXPANSIONS) - templates}"
    )
    for template, values in EXPANSIONS.items():
        names.update(template.format(value) for value in values)
    return names


def test_every_object_name_is_documented() -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    names = all_names()
    # The helpers and expansions above must find what the app is known to set.
    assert {"identifier_input", "show_password_button", "validation_label", "resume_case_button"} <= names
    assert {"page_official_site", "error_fix_input_button", "support_imei_problem", "rule_length"} <= names
    missing = sorted(name for name in names if f"`{name}`" not in document)
    assert not missing, f"object names missing from docs/automation.md: {missing}"


def test_every_documented_name_is_set_by_the_app() -> None:
    """The first column of the document's tables: each one still a name the app sets."""
    rows = re.findall(r"^\| `([a-z0-9_]+)` \|", DOCUMENT.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(rows) > 100
    stale = sorted(set(rows) - all_names())
    assert not stale, f"docs/automation.md lists names the app no longer sets: {stale}"
