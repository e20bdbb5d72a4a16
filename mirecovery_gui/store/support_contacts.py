"""Xiaomi's support channels as shipped, with the shop's own additions and overrides from its config folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.core.support_directory import load_directory
from mirecovery_gui.store.paths import config_dir

if TYPE_CHECKING:
    from mirecovery_gui.core.support_directory import SupportContact


def support_directory() -> list[SupportContact]:
    return load_directory(resource_path("support_contacts.json"), config_dir() / "support_contacts.json")
