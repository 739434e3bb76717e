"""Import speed: the largest sample document through the whole pure pipeline (read → clean →
outline → units → tasks), in-process, median of many runs. Caches are cleared before every run so
each one pays what a clerk's first import pays (OpenCC's dictionary stays loaded, as in the app).

Also reported without a target: a 1 MB text (the sample repeated), to show the pipeline stays
linear on a document far larger than any real one."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.harness import Measurement, median_ms

TARGET_MS = 30.0
SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "samples"


def largest_sample() -> Path:
    return max(SAMPLES.glob("*.txt"), key=lambda p: p.stat().st_size)


def run() -> list[Measurement]:
    from app.services.importing import import_file
    from app.services.importing.labels import parse_label

    path = largest_sample()

    def once() -> None:
        parse_label.cache_clear()
        result = import_file(path)
        assert result.tasks

    figures = [Measurement(f"导入最大的样例（{path.name}，{path.stat().st_size // 1024} KB）", median_ms(once, runs=50, warmup=5),
                           "ms", TARGET_MS)]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        text = path.read_text(encoding="utf-8")
        big.write_text(text * max(1, (1024 * 1024) // len(text.encode())), encoding="utf-8")
        t0 = time.perf_counter()
        import_file(big)
        figures.append(Measurement(f"导入 1 MB 文本（样例重复 {big.stat().st_size // len(text.encode())} 次）",
                                   (time.perf_counter() - t0) * 1000, "ms"))
    return figures
