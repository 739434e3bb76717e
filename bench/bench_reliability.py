"""`python -m bench reliability`: the full reliability run (issue 11), about a quarter of an hour.

Hostile files through import and convert, SIGKILLs of a writer at random moments, concurrent
creation, a busy database, 文号 from several processes, a full disk (a real tmpfs when run as root,
injected failures otherwise), path tricks and damaged databases. Prints one line per case, then the
table; the figures that must be zero are checked as targets. FAZHI_KILLS sets the number of kills
(default 120)."""

from __future__ import annotations

import os
import tempfile
import time
from collections import OrderedDict
from pathlib import Path

from bench.harness import Measurement

EXPLICIT_ONLY = True  # too long for a plain `python -m bench`; run it by name


def run() -> list[Measurement]:
    from tests.reliability import concurrency, crash, disk_full, hostile_runs, paths
    from tests.reliability.proc import Outcome

    kills = int(os.environ.get("FAZHI_KILLS", "120"))
    t0 = time.perf_counter()
    outcomes: list[Outcome] = []

    def section(title: str) -> None:
        print(f"-- {title}（已用 {time.perf_counter() - t0:.0f} 秒）", flush=True)

    def show(items: list[Outcome]) -> None:
        for o in items:
            print(f"  {'通过' if o.clean else '未通过'}  {o.section} {o.name}：{o.detail}", flush=True)
        outcomes.extend(items)

    with tempfile.TemporaryDirectory(prefix="fazhi-reliability-") as tmp:
        root = Path(tmp)
        section("恶意文件")
        outcomes += hostile_runs.run_all(progress=lambda line: print(line, flush=True))
        section("崩溃")
        (root / "crash").mkdir()
        show([crash.crash_test(root / "crash", kills, progress=lambda line: print(line, flush=True))])
        section("并发与占用")
        for name in ("create", "busy", "numbers"):
            (root / name).mkdir()
        show(concurrency.concurrent_creation(root / "create", trials=10))
        show(concurrency.busy_database(root / "busy"))
        show([concurrency.number_allocation(root / "numbers")])
        section("磁盘已满")
        with disk_full.small_disk() as disk:
            if disk is not None:
                show(disk_full.on_tmpfs(disk))
            else:
                print("  （不能挂载 tmpfs：改用注入的错误）")
        (root / "inject").mkdir()
        show(disk_full.injected(root / "inject"))
        section("路径与文件")
        (root / "paths").mkdir()
        outcomes += paths.run_all(root / "paths", progress=lambda line: print(line, flush=True))
    print_table(outcomes, time.perf_counter() - t0)
    dirty = sum(not o.clean for o in outcomes)
    return [
        Measurement("用例", len(outcomes), "个"),
        Measurement("不干净的用例", dirty, "个", 0),
        Measurement("强杀次数", sum(o.kills for o in outcomes), "次"),
        Measurement("丢失的已提交写入", sum(o.lost for o in outcomes), "条", 0),
        Measurement("重复的文号", sum(o.duplicates for o in outcomes), "个", 0),
        Measurement("残缺的备份", sum(o.torn for o in outcomes), "份", 0),
    ]


def print_table(outcomes, seconds: float) -> None:
    rows: OrderedDict[str, list[int]] = OrderedDict()
    for o in outcomes:
        r = rows.setdefault(o.section, [0, 0, 0, 0, 0, 0, 0])
        for i, v in enumerate((1, o.clean, not o.clean, o.kills, o.lost, o.duplicates, o.torn)):
            r[i] += int(v)
    total = [sum(r[i] for r in rows.values()) for i in range(7)]
    head = ("部分", "用例 cases", "干净 clean", "不干净 dirty", "强杀 kills", "丢失写入 lost writes",
            "重复 duplicates", "残缺备份 torn backups")
    print()
    print(f"可靠性测试完整运行，用时 {seconds / 60:.1f} 分钟")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, r in [*rows.items(), ("合计", total)]:
        print(f"| {name} | " + " | ".join(str(v) for v in r) + " |")
    dirty = [o for o in outcomes if not o.clean]
    if dirty:
        print("\n不干净的用例：")
        for o in dirty:
            print(f"  {o.section} {o.name}：{o.detail}")
