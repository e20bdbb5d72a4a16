"""Shared by the benchmarks: run commands in turns, report medians and the ratio to a floor."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Runs:
    label: str
    wall_ms: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)

    @property
    def ms(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def mib(self) -> float:
        return statistics.median(self.rss_mib)

    def line(self) -> str:
        return (
            f"{self.label:<34} wall ms min/med/max {min(self.wall_ms):7.1f} /{self.ms:7.1f} /{max(self.wall_ms):7.1f}"
            f"   peak RSS MiB {self.mib:6.1f}"
        )


def with_bytecode(env: dict[str, str]) -> dict[str, str]:
    """``env`` for programs run from source with compiled bytecode, as an installed app has.

    pip compiles a wheel when it installs it and a bundle carries bytecode;
    this environment sets PYTHONDONTWRITEBYTECODE=1, which would make every run
    compile the app's modules again. The caches go to a temporary folder and
    are written by the warm-up runs.
    """
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="mirecovery-bench-pycache-")
    return env


def run_once(command: Sequence[str], env: Mapping[str, str]) -> tuple[float, float]:
    """Wall time from spawn to reap, and the child's peak resident memory."""
    began = time.perf_counter()
    process = subprocess.Popen(command, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - began) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{errors.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def compare(
    subjects: Mapping[str, Sequence[str]], env: Mapping[str, str], runs: int, warmups: int = 2
) -> dict[str, Runs]:
    """Each command ``runs`` times, taking turns, so drift on a busy machine hits all of them alike."""
    results = {label: Runs(label) for label in subjects}
    for _ in range(warmups):
        for command in subjects.values():
            run_once(command, env)
    for _ in range(runs):
        for label, command in subjects.items():
            ms, mib = run_once(command, env)
            results[label].wall_ms.append(ms)
            results[label].rss_mib.append(mib)
    return results


def verdict(value: float, target: float) -> str:
    return f"{value:6.3f}x (target <= {target:.2f}x: {'met' if value <= target else 'NOT met'})"
