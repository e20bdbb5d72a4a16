"""Strength estimate per call at 8, 16, 64 and 256 characters (target: under 16 ms, one frame).

    python benchmarks/strength.py [--runs 200]

The floor printed beside each figure is the policy checklist for the same
password (pure Python, the cheapest thing the meter does per keystroke).
"""

from __future__ import annotations

import argparse
import statistics
import time

from mirecovery_gui.core.password import PasswordPolicy, check_password, estimate_strength

CONTEXT = ["demo@example.com", "demo", "example"]
SOURCE = "Tr0ub4dor&3-correct-horse-battery-staple-" * 8


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    estimate_strength("warm-up", CONTEXT)  # the first call loads the dictionaries
    policy = PasswordPolicy()
    print(f"{'length':>6} {'strength ms':>12} {'floor ms':>9} {'ratio':>7} {'target':>8}")
    for length in (8, 16, 64, 256):
        password = SOURCE[:length]
        app = median_ms(lambda p=password: estimate_strength(p, CONTEXT), args.runs)
        floor = median_ms(lambda p=password: check_password(policy, p, CONTEXT), args.runs)
        verdict = "ok" if app < 16 else "SLOW"
        print(f"{length:>6} {app:>12.3f} {floor:>9.3f} {app / floor:>7.1f} {'<16 ' + verdict:>8}")


if __name__ == "__main__":
    main()
