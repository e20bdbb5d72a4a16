"""Provider profiles: what differs between the live Xiaomi service and the training one.

A profile is data (``resources/providers/<id>.json``): paths, captcha rules,
code length, cooldowns, password policy, timeouts and the official help
addresses. The client has one code path for all providers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mirecovery_gui.core.password import PasswordPolicy
from mirecovery_gui.core.resources import resource_path

STEPS = (
    "captcha",
    "voice_captcha",
    "start",
    "identity_list",
    "quota",
    "send_phone",
    "send_email",
    "verify_phone",
    "verify_email",
    "reset",
)


class ProfileError(ValueError):
    """A provider profile file is missing, unreadable or incomplete."""


@dataclass(frozen=True)
class Timeouts:
    connect_s: float = 5.0
    read_s: float = 10.0
    # Every step ends within this, whatever the network does: the user hears
    # about a server that never answers within 20 seconds.
    step_deadline_s: float = 18.0


@dataclass(frozen=True)
class HelpUrls:
    forgot_password: str
    help_center: str
    sms_faq: str


@dataclass(frozen=True)
class ProviderProfile:
    id: str
    name: str
    experimental: bool
    training: bool
    base_url: str | None
    envelope_prefix: str
    paths: dict[str, str]
    peek_path: str | None
    captcha_required_at_start: bool
    icode_type: str
    code_length: int
    resend_cooldown_s: int
    daily_sends: int  # codes a day to one contact outside mainland China
    timeouts: Timeouts
    password_policy: PasswordPolicy
    help_urls: HelpUrls
    experimental_note: str = ""
    daily_sends_mainland_china: int = 5
    # How sure we are of each call (confirmed / contradicted / not public): docs/passport.md and the tests read it.
    evidence: dict[str, str] | None = None

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> ProviderProfile:
        try:
            paths = data["paths"]
            missing = [step for step in STEPS if not paths.get(step)]
            if missing:
                raise ProfileError(f"profile {data.get('id')!r} lacks paths: {', '.join(missing)}")
            timeouts = data.get("timeouts", {})
            help_urls = data["help_urls"]
            captcha = data.get("captcha", {})
            return cls(
                id=str(data["id"]),
                name=str(data["name"]),
                experimental=bool(data.get("experimental", False)),
                training=bool(data.get("training", False)),
                base_url=data.get("base_url"),
                envelope_prefix=str(data.get("envelope_prefix", "")),
                paths={step: str(paths[step]) for step in STEPS},
                peek_path=paths.get("peek"),
                captcha_required_at_start=bool(captcha.get("required_at_start", True)),
                icode_type=str(captcha.get("icode_type", "antispam")),
                code_length=int(data.get("code_length", 6)),
                resend_cooldown_s=int(data.get("resend_cooldown_s", 60)),
                daily_sends=int(data.get("daily_sends", 3)),
                timeouts=Timeouts(
                    connect_s=float(timeouts.get("connect_s", 5)),
                    read_s=float(timeouts.get("read_s", 10)),
                    step_deadline_s=float(timeouts.get("step_deadline_s", 18)),
                ),
                password_policy=PasswordPolicy.from_mapping(data.get("password_policy", {})),
                help_urls=HelpUrls(
                    forgot_password=str(help_urls["forgot_password"]),
                    help_center=str(help_urls["help_center"]),
                    sms_faq=str(help_urls["sms_faq"]),
                ),
                experimental_note=str(data.get("experimental_note", "")),
                daily_sends_mainland_china=int(data.get("daily_sends_mainland_china", 5)),
                evidence={str(k): str(v) for k, v in data["evidence"].items()} if "evidence" in data else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ProfileError):
                raise
            raise ProfileError(f"profile {data.get('id')!r} is incomplete: {exc}") from exc


def load_profile(name_or_path: str | Path) -> ProviderProfile:
    """A profile by id (``"training"``, ``"xiaomi"``) or by the path of a JSON file."""
    path = Path(name_or_path)
    if path.suffix != ".json":
        path = resource_path("providers", f"{name_or_path}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProfileError(f"cannot read provider profile {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"provider profile {path.name} is not a JSON object")
    return ProviderProfile.from_mapping(data)
