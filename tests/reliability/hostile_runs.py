"""Hostile files through `import --json` and `convert`, each in its own process, judged by proc.judge.

A convert that refuses must leave no output file (and no temporary) in the folder; one that
succeeds must have written every requested file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.reliability.hostile import CASES, Case, write_case
from tests.reliability.proc import MEMORY_BOUND_MB, Outcome, judge, run_app

SECTION_IMPORT = "恶意文件：import"
SECTION_CONVERT = "恶意文件：convert"


def import_case(c: Case, folder: Path) -> Outcome:
    path = write_case(c, folder)
    run = run_app(["import", "--json", "--", path.name], timeout=120, cwd=folder)  # names may start with "-"
    clean, why = judge(run, c.expect, c.words, max_seconds=60)
    if clean and run.peak_mb > MEMORY_BOUND_MB:
        clean, why = False, f"内存 {run.peak_mb:.0f} MB"
    return Outcome(SECTION_IMPORT, c.name, clean, why or f"{run.seconds:.1f} 秒，{run.peak_mb:.0f} MB")


def convert_case(c: Case, folder: Path) -> Outcome:
    path = write_case(c, folder)
    out = folder / f"out-{path.stem}"
    out.mkdir()
    targets = [out / "通知.pdf", out / "通知.docx", out / "分工表.xlsx"]
    run = run_app(["convert", "--pdf", str(targets[0]), "--docx", str(targets[1]), "--xlsx", str(targets[2]),
                   "--", path.name], timeout=180, cwd=folder)
    expect = "either" if c.expect == "accept" else c.expect  # a text with no tasks may refuse the .xlsx
    clean, why = judge(run, expect, c.words, max_seconds=120)
    left = sorted(p.name for p in out.iterdir())
    if clean and run.code == 0 and left != sorted(p.name for p in targets):
        clean, why = False, f"成功但输出不全：{left}"
    if clean and run.code == 2 and left:
        clean, why = False, f"失败却留下了文件：{left}"
    if clean and run.peak_mb > MEMORY_BOUND_MB:
        clean, why = False, f"内存 {run.peak_mb:.0f} MB"
    return Outcome(SECTION_CONVERT, c.name, clean, why or f"{run.seconds:.1f} 秒，{run.peak_mb:.0f} MB")


def run_all(quick: bool = False, progress=print) -> list[Outcome]:
    cases = [c for c in CASES if c.quick] if quick else CASES
    out: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-hostile-") as tmp:
        for c in cases:
            for fn in (import_case, convert_case):
                with tempfile.TemporaryDirectory(dir=tmp) as one:
                    o = fn(c, Path(one))
                out.append(o)
                progress(f"  {'通过' if o.clean else '未通过'}  {o.section} {o.name}：{o.detail}")
    return out
