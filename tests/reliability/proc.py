"""Running the program as a clerk would (a separate process) and judging what it printed.

A run is clean when it ends with 0 and prints nothing on stderr, or ends with 2 and prints exactly
one Chinese line on stderr with no English fragment; anything else (a traceback, exit 3, a hang,
more than the memory bound) is dirty."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
MEMORY_BOUND_MB = 1024
ENGLISH = re.compile(r"Traceback|Error|error:|Permission denied|File exists|No such file|database or disk|"
                     r"disk is full|locked|Warning|warning|Exception|errno", re.IGNORECASE)


@dataclass
class Outcome:
    section: str
    name: str
    clean: bool
    detail: str = ""
    kills: int = 0
    lost: int = 0
    duplicates: int = 0
    torn: int = 0


@dataclass
class Run:
    code: int | None  # None: killed for taking too long
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0


def python_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FAZHI_DB", None)
    env["PYTHONPATH"] = str(REPO)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run_app(args: list[str], timeout: float = 120, cwd: Path | None = None, env: dict | None = None) -> Run:
    """`python -m app ARGS` in its own process group; peak memory from the kernel's accounting."""
    return run_python(["-m", "app", *args], timeout, cwd, env)


def run_python(args: list[str], timeout: float = 120, cwd: Path | None = None, env: dict | None = None) -> Run:
    t0 = time.perf_counter()
    proc = start_python(args, cwd, env)
    chunks: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda k=k, f=f: chunks.__setitem__(k, f.read()), daemon=True)
               for k, f in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    code, peak, cpu = wait_with_peak(proc, timeout)
    for r in readers:
        r.join(10)
    return Run(code, chunks.get("out", b"").decode("utf-8", "replace"),
               chunks.get("err", b"").decode("utf-8", "replace"), time.perf_counter() - t0, peak, cpu)


def start_python(args: list[str], cwd: Path | None = None, env: dict | None = None) -> subprocess.Popen:
    kwargs = {"start_new_session": True} if os.name != "nt" else {
        "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return subprocess.Popen([sys.executable, *args], cwd=cwd or REPO, env=env or python_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL of the whole process group (TerminateProcess on Windows): no clean-up code runs."""
    if os.name == "nt":
        proc.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def wait_with_peak(proc: subprocess.Popen, timeout: float) -> tuple[int | None, float, float]:
    """(exit code or None when it had to be killed, peak resident memory in MB, CPU seconds).

    The kernel's ru_maxrss of a child starts at least at its parent's peak (Linux folds the spawning
    process's high-water mark in at exec), so a big test process would make every child look big.
    The child's own high-water mark (VmHWM) is therefore read while it runs; ru_maxrss is believed
    only when it exceeds anything it could have inherited."""
    if not hasattr(os, "wait4"):  # Windows: no per-child memory figure
        try:
            return proc.wait(timeout), 0.0, 0.0
        except subprocess.TimeoutExpired:
            kill(proc)
            proc.wait()
            return None, 0.0, 0.0
    deadline = time.monotonic() + timeout
    timed_out = False
    own_kb = 0
    while True:
        own_kb = max(own_kb, high_water_kb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            kill(proc)
            pid, status, usage = os.wait4(proc.pid, 0)
            timed_out = True
            break
        time.sleep(0.02)
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here; Popen must not wait again
    inherited_kb = high_water_kb(os.getpid())
    peak_kb = usage.ru_maxrss if usage.ru_maxrss > inherited_kb else own_kb
    return (None if timed_out else code), peak_kb / 1024, usage.ru_utime + usage.ru_stime


def high_water_kb(pid: int) -> int:
    """VmHWM of a running process: its own peak resident memory since it started its program."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def judge(run: Run, expect: str = "either", words: str = "", max_seconds: float = 60) -> tuple[bool, str]:
    """(clean, why not) for one run of the program."""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    if run.code is None:
        return False, f"没有在 {max_seconds:.0f} 秒内结束"
    if "Traceback" in run.stderr or "Traceback" in run.stdout:
        return False, "输出了 Traceback"
    if run.seconds > max_seconds:
        return False, f"用时 {run.seconds:.0f} 秒"
    if run.code == 0:
        if lines:
            return False, f"成功但标准错误有输出：{lines[0][:80]}"
        if expect == "refuse":
            return False, "应当拒绝，却成功了"
        return True, ""
    if run.code != 2:
        return False, f"退出码 {run.code}：{(lines or [''])[-1][:80]}"
    if len(lines) != 1:
        return False, f"标准错误有 {len(lines)} 行"
    line = lines[0]
    if not re.search(r"[\u4e00-\u9fff]", line) or ENGLISH.search(line):
        return False, f"消息不是纯中文：{line[:80]}"
    if expect == "accept":
        return False, f"应当接受，却拒绝了：{line[:80]}"
    if words and words not in line:
        return False, f"消息里没有“{words}”：{line[:80]}"
    return True, ""


def cjk_line(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not ENGLISH.search(text)
