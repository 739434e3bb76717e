"""Coverage speed: suggestions for 100 superior tasks against 300 county tasks (target ≤ 1 s, the
first word segmentation included), and the whole coverage view read from the database."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.harness import Measurement

MATCH_TARGET_S = 1.0
VIEW_TARGET_S = 2.0
SUPERIOR, COUNTY = 100, 300
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def texts(n: int, seed: int) -> list[str]:
    """Plausible task texts: sentences of the real samples recombined (3–5 a task)."""
    from app.services.importing import import_file

    pool: list[str] = []
    for name in ("samples/xinjiang-2022-gongzuo-yaodian.txt", "samples/qijiang-2021-2025-shishi-fangan.txt",
                 "coverage/county-from-xinjiang.txt"):
        for t in import_file(DATA / name).tasks:
            pool += [s for s in t.text.split("。") if len(s) > 8]
    rnd = random.Random(seed)
    return ["。".join(rnd.sample(pool, rnd.randint(3, 5))) + "。" for _ in range(n)]


def run() -> list[Measurement]:
    from app.services.coverage.matching import TextMatcher

    sup, cty = texts(SUPERIOR, 1), texts(COUNTY, 2)
    t0 = time.perf_counter()
    rows = TextMatcher(sup, cty).suggest_all()
    match_s = time.perf_counter() - t0
    assert len(rows) == SUPERIOR
    return [Measurement(f"匹配建议：上级 {SUPERIOR} 项 × 本县 {COUNTY} 项", match_s, "s", MATCH_TARGET_S),
            Measurement("对照视图（读库、匹配、组装）", _view_seconds(sup, cty), "s", VIEW_TARGET_S)]


def _view_seconds(sup: list[str], cty: list[str]) -> float:
    from app.context import open_context
    from app.paths import resolve_paths

    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(resolve_paths(Path(tmp) / "cov.sqlite3"))
        try:
            plans = ctx.services.plans
            county = plans.create_plan("压力测试县2026年工作要点", year=2026).id
            superior = plans.create_plan("压力测试市2026年工作要点", year=2026).id
            for plan, items in ((county, cty), (superior, sup)):
                for k in range(0, len(items), 10):
                    part = plans.add_node(plan, heading=f"第{k // 10 + 1}部分")
                    for text in items[k:k + 10]:
                        plans.add_node(plan, part, heading=text[:20], text=text, is_task=True)
            ctx.services.coverage.set_superior(county, superior)
            t0 = time.perf_counter()
            cov = ctx.services.coverage.coverage(county)
            seconds = time.perf_counter() - t0
            assert len(cov.rows) == SUPERIOR and len(cov.tasks) == COUNTY
            return seconds
        finally:
            ctx.close()
