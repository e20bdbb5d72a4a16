"""Support-request drafts, autosaved in the case database as the user types.

Never a loose file: a draft holds personal data (IMEI, names, contacts), and
the case database is the one place the user controls and can erase.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mirecovery_gui.core.identifier import IdentifierKind, mask_identifier
from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.database import Database


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Draft:
    facts: SupportFacts
    language: str = "en"
    destination: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=_now)
    updated_at: str = ""
    status: str = "open"

    def row(self) -> tuple[str, ...]:
        """The draft as stored: id, created_at, updated_at, language, destination, facts (JSON), status."""
        facts = json.dumps(self.facts.to_mapping(), ensure_ascii=False)
        return (self.id, self.created_at, self.updated_at, self.language, self.destination, facts, self.status)

    @property
    def title(self) -> str:
        """How the draft shows in a list: the owner and a masked account ID."""
        name = self.facts.owner_name.strip()
        account = self.facts.account_id.strip()
        masked = mask_identifier(IdentifierKind.ACCOUNT_ID, account) if account else ""
        return " · ".join(part for part in (name, masked) if part)


class DraftStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    def save(self, draft: Draft) -> None:
        """Queue ``draft`` for writing (a later save of the same draft replaces a queued one)."""
        draft.updated_at = _now()
        row = draft.row()

        def write(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT INTO support_drafts (id, created_at, updated_at, language, destination, facts, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET updated_at=excluded.updated_at, "
                "language=excluded.language, destination=excluded.destination, facts=excluded.facts, "
                "status=excluded.status",
                row,
            )

        self.database.writer.submit(f"draft:{draft.id}", write)

    def delete(self, draft_id: str) -> None:
        """Delete a draft (a queued save of it goes too), then empty the journal that still holds it."""

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM support_drafts WHERE id = ?", (draft_id,))

        self.database.writer.submit(f"draft:{draft_id}", write, erase=True)

    def load(self, draft_id: str) -> Draft | None:
        rows = self.database.read("SELECT * FROM support_drafts WHERE id = ?", (draft_id,))
        return self._draft(rows[0]) if rows else None

    def recent(self, limit: int = 30) -> list[Draft]:
        rows = self.database.read("SELECT * FROM support_drafts ORDER BY updated_at DESC LIMIT ?", (limit,))
        return [draft for draft in (self._draft(row) for row in rows) if draft is not None]

    def latest_open(self) -> Draft | None:
        rows = self.database.read("SELECT * FROM support_drafts WHERE status = 'open' ORDER BY updated_at DESC LIMIT 1")
        return self._draft(rows[0]) if rows else None

    @staticmethod
    def _draft(row: sqlite3.Row | Mapping[str, Any]) -> Draft | None:
        try:
            facts = SupportFacts.from_mapping(json.loads(row["facts"]))
        except (ValueError, TypeError):
            return None
        return Draft(
            facts=facts,
            language=row["language"],
            destination=row["destination"],
            id=row["id"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            status=row["status"],
        )
