"""`python -m bench scale`: the sizes of issue 11 through the real command line, in a process of
its own (peak memory from the kernel). `convert` of 5,000 tasks to PDF, Word and Excel; a Word
file of 10,000 paragraphs; and 200,000 one-character items, which the importer refuses (limit in
docs/importing.md). Wall time depends on what else the machine runs, so CPU time is shown too."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.harness import Measurement


def run() -> list[Measurement]:
    from tests.reliability.builders import many_tasks
    from tests.reliability.hostile import CASES, write_case
    from tests.reliability.proc import run_app

    out: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-scale-") as tmp:
        folder = Path(tmp)
        src = folder / "5000.txt"
        src.write_text(many_tasks(5000), encoding="utf-8")
        r = run_app(["convert", "--pdf", str(folder / "a.pdf"), "--docx", str(folder / "a.docx"),
                     "--xlsx", str(folder / "a.xlsx"), str(src)], timeout=900)
        ok = r.code == 0
        out.append(Measurement("convert 5,000 项任务 → PDF+DOCX+XLSX（墙钟）" + ("" if ok else "（失败）"), r.seconds, "s", 20))
        out.append(Measurement("  同上，CPU 时间", r.cpu_seconds, "s"))
        out.append(Measurement("  同上，内存峰值", r.peak_mb, "MB", 1024))
        docx = write_case(next(c for c in CASES if c.name == "一万个段落"), folder)
        r = run_app(["convert", "--pdf", str(folder / "b.pdf"), "--docx", str(folder / "b.docx"), str(docx)],
                    timeout=900)
        out.append(Measurement("convert 一万个段落的 .docx → PDF+DOCX（墙钟）" + ("" if r.code == 0 else "（失败）"),
                               r.seconds, "s"))
        out.append(Measurement("  同上，CPU 时间", r.cpu_seconds, "s"))
        out.append(Measurement("  同上，内存峰值", r.peak_mb, "MB", 1024))
        items = write_case(next(c for c in CASES if c.name == "二十万个一字条目"), folder)
        r = run_app(["convert", "--pdf", str(folder / "c.pdf"), str(items)], timeout=900)
        out.append(Measurement("二十万个一字条目：按上限拒绝" + ("" if r.code == 2 else "（未拒绝）"), r.seconds, "s", 20))
    return out
