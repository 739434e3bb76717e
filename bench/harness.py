"""Tiny benchmark harness: each bench_*.py module offers run() -> list[Measurement]."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float
    unit: str
    target: float | None = None  # upper bound (lower bound with at_least); None when only reported
    at_least: bool = False

    @property
    def ok(self) -> bool:
        if self.target is None:
            return True
        return self.value >= self.target if self.at_least else self.value <= self.target

    def line(self) -> str:
        sign = "≥" if self.at_least else "≤"
        goal = f"（目标 {sign} {self.target:g} {self.unit}）" if self.target is not None else ""
        flag = "" if self.target is None else ("  达标" if self.ok else "  未达标")
        digits = 2 if self.unit in ("s", "倍") else 1
        return f"{self.name}: {self.value:.{digits}f} {self.unit}{goal}{flag}"


def median_ms(fn: Callable[[], object], runs: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)
