"""Where support requests can go: Xiaomi's channels as data, with how sure we are of each.

``resources/support_contacts.json`` ships the directory; a shop can override
an entry (same ``id``) or add its own in ``support_contacts.json`` in its
user config folder. Only entries with a public source are ``verified``; the
app shows the rest as "unverified, check before use". Nothing here is
hard-coded in the program.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

GLOBAL = "global"


class Channel(Enum):
    EMAIL = "email"
    PHONE = "phone"
    WEB = "web"


@dataclass(frozen=True)
class SupportContact:
    id: str
    region: str  # ISO 3166 code, or "global"
    channel: Channel
    address: str
    label: str = ""
    hours: str = ""
    verified: bool = False
    source: str = ""
    last_checked: str = ""
    default: bool = False
    from_user: bool = False
    takes_requests: bool = True  # False: a help page to read (an FAQ), never somewhere to send a request

    @classmethod
    def from_mapping(cls, data: dict[str, Any], *, from_user: bool = False) -> SupportContact:
        return cls(
            id=str(data["id"]),
            region=str(data.get("region", GLOBAL)).upper() if data.get("region", GLOBAL) != GLOBAL else GLOBAL,
            channel=Channel(str(data["channel"])),
            address=str(data["address"]).strip(),
            label=str(data.get("label", "")),
            hours=str(data.get("hours", "")),
            verified=bool(data.get("verified", False)),
            source=str(data.get("source", "")),
            last_checked=str(data.get("last_checked", "")),
            default=bool(data.get("default", False)),
            takes_requests=bool(data.get("takes_requests", True)),
            from_user=from_user,
        )


def _entries(path: Path, *, from_user: bool) -> list[SupportContact]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("support directory %s unreadable: %s", path.name, type(exc).__name__)
        return []
    entries = data.get("entries", []) if isinstance(data, dict) else []
    out: list[SupportContact] = []
    for item in entries:
        try:
            out.append(SupportContact.from_mapping(item, from_user=from_user))
        except (KeyError, ValueError, TypeError, AttributeError):
            log.warning("support directory %s: skipped a malformed entry", path.name)
    return out


def load_directory(builtin: Path, user: Path | None = None) -> list[SupportContact]:
    """The shipped entries, overridden or extended by the shop's own (same id wins)."""
    merged = {contact.id: contact for contact in _entries(builtin, from_user=False)}
    if user is not None:
        for contact in _entries(user, from_user=True):
            merged[contact.id] = contact
    return list(merged.values())


# A letter can go to these; a phone line is for calling, not for sending the request to.
WRITTEN = (Channel.EMAIL, Channel.WEB)


def _order(contact: SupportContact) -> tuple[bool, bool, int]:
    # The default channel first, then the verified ones, then email before a form before a phone line.
    return (not contact.default, not contact.verified, _CHANNEL_ORDER[contact.channel])


_CHANNEL_ORDER = {Channel.EMAIL: 0, Channel.WEB: 1, Channel.PHONE: 2}


def for_region(directory: list[SupportContact], region: str) -> list[SupportContact]:
    """Entries for ``region`` first, then the global ones; the default channel leads its group."""
    region = region.strip().upper()
    usable = [c for c in directory if c.takes_requests]
    local = [c for c in usable if c.region == region]
    worldwide = [c for c in usable if c.region == GLOBAL]
    return sorted(local, key=_order) + sorted(worldwide, key=_order)


def default_contact(directory: list[SupportContact]) -> SupportContact | None:
    """The global default (Xiaomi's help centre as shipped), else a verified global channel for a letter.

    An entry marked ``default`` is a deliberate choice (ours, or the shop's in
    its own file); without one, only a verified channel is taken, never an
    unverified one.
    """
    worldwide = [c for c in directory if c.region == GLOBAL]
    marked = [c for c in worldwide if c.default]
    if marked:
        return sorted(marked, key=_order)[0]
    verified = [c for c in worldwide if c.verified and c.channel in WRITTEN]
    return sorted(verified, key=_order)[0] if verified else None


def pick_destination(directory: list[SupportContact], region: str) -> SupportContact | None:
    """Where a request for an owner in ``region`` goes unless the user chooses.

    A verified channel of the country that takes a written request (email or a
    web form) comes first, else the global default. An unverified contact stays
    in :func:`for_region` for the user to choose, with its warning, but is
    never picked for them; a shop that trusts one marks it ``verified`` in its
    own file.
    """
    region = region.strip().upper()
    local = [c for c in directory if c.region == region and c.verified and c.channel in WRITTEN]
    return sorted(local, key=_order)[0] if local else default_contact(directory)


def email_for_region(directory: list[SupportContact], region: str) -> SupportContact | None:
    """The country's own email address for a request (verified first), or None.

    Only entries of ``region`` itself count: the global address is a guess for
    every country, so a caller that needs an address asks the user instead.
    """
    region = region.strip().upper()
    emails = [c for c in directory if c.region == region and c.channel is Channel.EMAIL]
    return sorted(emails, key=_order)[0] if emails else None
