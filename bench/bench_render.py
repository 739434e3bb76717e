"""Document engine timings: the demo notice with a 35-row 分工表, warm (median of many runs) to PDF
and to DOCX; the first render in a fresh process, fonts included; LibreOffice's docx→pdf time for
the same .docx as a ratio, when LibreOffice is installed."""

from __future__ import annotations

import copy
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Measurement, median_ms

REPO = Path(__file__).resolve().parent.parent
FRESH = """
import pickle, sys, time
t0 = time.perf_counter()
from app.services.documents.service import notice_pdf
doc = pickle.load(open(sys.argv[1], "rb"))
data, _layout = notice_pdf(doc)
open(sys.argv[2], "wb").write(data)
"""


def demo_document():
    from app.context import open_context
    from app.paths import resolve_paths
    from app.services.documents.builder import notice_document
    from app.services.documents.tables import division_table

    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        ctx = open_context(resolve_paths(Path(tmp) / "bench.sqlite3"), load_demo=True)
        try:
            s = ctx.services
            notice = s.notices.list_notices()[0]
            roots = s.plans.tree(notice.plan_id)
            doc = notice_document(notice, s.plans.get_plan(notice.plan_id), roots)
        finally:
            ctx.close()
    table = division_table(roots)
    tasks = [r for r in table.rows if not r.section]
    for i, row in enumerate(tasks[:35 - len(tasks)], start=len(tasks) + 1):  # grow it to 35 rows
        extra = copy.deepcopy(row)
        extra.cells[0] = str(i)
        table.rows.append(extra)
    doc.issued.attachments[0].table = table
    return doc, sum(1 for r in table.rows if not r.section)


def run() -> list[Measurement]:
    from app.services.documents.service import notice_files

    doc, rows = demo_document()
    out: list[Measurement] = []
    pdf_ms = median_ms(lambda: notice_files(doc, docx=False), runs=25)
    docx_ms = median_ms(lambda: notice_files(doc, pdf=False), runs=25)
    out.append(Measurement(f"示例通知+{rows}行分工表 → PDF（热启动中位数）", pdf_ms, "ms", 150))
    out.append(Measurement(f"示例通知+{rows}行分工表 → DOCX（热启动中位数）", docx_ms, "ms", 150))
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        src = Path(tmp) / "doc.pickle"
        src.write_bytes(pickle.dumps(doc))
        t0 = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: with bytecode
        subprocess.run([sys.executable, "-c", FRESH, str(src), str(Path(tmp) / "fresh.pdf")], cwd=REPO, check=True, env=env)
        out.append(Measurement("新进程首次生成 PDF（含启动与字体载入）", (time.perf_counter() - t0) * 1000, "ms", 1000))
        if shutil.which("soffice"):
            _pdf, docx, _layout = notice_files(doc, pdf=False)
            path = Path(tmp) / "notice.docx"
            path.write_bytes(docx)
            profile = f"-env:UserInstallation=file://{tmp}/lo"
            cmd = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)]
            subprocess.run(cmd, check=True, capture_output=True)  # first start creates the profile
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            lo_ms = (time.perf_counter() - t0) * 1000
            out.append(Measurement("LibreOffice 把同一 .docx 转为 PDF", lo_ms, "ms"))
            out.append(Measurement("LibreOffice 用时 ÷ 本程序生成 PDF 用时", lo_ms / pdf_ms, "倍"))
    return out
