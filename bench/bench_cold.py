"""Cold `convert` as a whole process against LibreOffice, side by side in one run (issue 10).

The largest 35-task sample goes through `python -m app convert` (to PDF, and to PDF with --docx) and
the .docx the program itself writes goes through `soffice --headless --convert-to pdf`; the three run
interleaved, PAIRS times each (FAZHI_BENCH_PAIRS, default 9), and the verdict is the ratio of the
medians, so that a busy machine slows both sides alike. Wall and CPU time of every process come from
the kernel (wait4). The interpreter is named: how it was compiled changes the figures by about a fifth.

The program's cache folder is kept between the runs (a clerk's second and later conversions); the
very first conversion, with an empty cache folder, is reported beside them."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Measurement

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"
PAIRS = int(os.environ.get("FAZHI_BENCH_PAIRS", "9"))
PDF_RATIO, DOCX_RATIO = 4.0, 3.0


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one whole process, stdout and stderr discarded; fails on a non-zero exit."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} ended with {proc.returncode}: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def app_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FAZHI_DB", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(REPO)
    env["XDG_CACHE_HOME"] = str(folder / "cache")  # the program's cache folder, empty at first
    env["XDG_DATA_HOME"] = str(folder / "data")  # logs; a clerk's data is never touched
    return env


def measure(folder: Path, pairs: int = PAIRS) -> dict[str, list[tuple[float, float]]]:
    env = app_env(folder)
    app = [sys.executable, "-m", "app", "convert", str(SAMPLE), "--overwrite"]
    to_pdf = [*app, "--pdf", str(folder / "a.pdf")]
    to_both = [*app, "--pdf", str(folder / "b.pdf"), "--docx", str(folder / "b.docx")]
    first = timed(to_both, env, REPO)  # empty cache folder: the clerk's first conversion
    lo_dir = folder / "lo"
    lo_dir.mkdir()
    soffice = ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "pdf",
               "--outdir", str(lo_dir), str(folder / "b.docx")]
    timed(soffice, dict(os.environ), folder)  # LibreOffice's first start creates its profile
    runs: dict[str, list[tuple[float, float]]] = {"pdf": [], "both": [], "lo": [], "first": [first]}
    for _ in range(pairs):
        runs["pdf"].append(timed(to_pdf, env, REPO))
        runs["lo"].append(timed(soffice, dict(os.environ), folder))
        runs["both"].append(timed(to_both, env, REPO))
    return runs


def interpreter_note() -> str:
    """Which Python ran convert: how it was compiled matters (python.org's Windows builds use
    profile-guided optimisation; on the development machine a plain source build of 3.11 ran
    convert about a fifth slower than Debian's optimised one)."""
    return f"解释器：Python {sys.version.split()[0]}（{sys.executable}）"


def run() -> list[Measurement]:
    if not shutil.which("soffice"):
        return [Measurement("LibreOffice 未安装：无法比较", 0, "")]
    print("  " + interpreter_note())
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-cold-") as tmp:
        runs = measure(Path(tmp))
    wall = {k: statistics.median(w for w, _c in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _w, c in v) for k, v in runs.items()}
    n = len(runs["lo"])
    return [
        Measurement(f"LibreOffice 把本程序写的 .docx 转为 PDF（墙钟，{n} 次中位数）", wall["lo"], "s"),
        Measurement("  同上，CPU 时间", cpu["lo"], "s"),
        Measurement("convert 35 项任务的样例 → PDF（整个进程，墙钟）", wall["pdf"], "s"),
        Measurement("  同上，CPU 时间", cpu["pdf"], "s"),
        Measurement("convert → PDF + DOCX（整个进程，墙钟）", wall["both"], "s"),
        Measurement("  同上，CPU 时间", cpu["both"], "s"),
        Measurement("  首次 convert → PDF + DOCX（缓存文件夹为空）", wall["first"], "s"),
        Measurement("LibreOffice 用时 ÷ convert → PDF 用时", wall["lo"] / wall["pdf"], "倍", PDF_RATIO, at_least=True),
        Measurement("LibreOffice 用时 ÷ convert → PDF + DOCX 用时", wall["lo"] / wall["both"], "倍", DOCX_RATIO,
                    at_least=True),
    ]
