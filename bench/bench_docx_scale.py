"""DOCX time against the number of tasks (issue 16, point 6): a converted plan of 250, 500, 1,000
and 2,000 tasks laid out once, then written as .docx. The writer must grow linearly: the time per
task at 2,000 tasks stays within 1.5 × the time per task at 250 (it was 29.8 s at 2,000, eleven
times the 2.7 s at 250, because every paragraph and table was moved one by one into the template
document)."""

from __future__ import annotations

import time

from bench.harness import Measurement

SIZES = (250, 500, 1000, 2000)
TARGET_RATIO = 1.5


def plan_text(tasks: int) -> str:
    lines = ["关于印发《示范县2026年法治政府建设工作要点》的通知", "示政发〔2026〕7号", "各乡镇人民政府，县政府各部门：",
             "《示范县2026年法治政府建设工作要点》已经县人民政府同意，现印发给你们，请认真贯彻执行。", "示范县人民政府",
             "2026年4月3日", "示范县2026年法治政府建设工作要点", "2026年全县法治政府建设工作坚持以习近平法治思想为指导。"]
    per_part = 10
    numerals = "一二三四五六七八九十"
    for part in range(tasks // per_part):
        lines.append(f"{numerals[part % 10]}、第{part + 1}部分　加强法治政府建设")
        for k in range(per_part):
            lines.append(f"（{k + 1}）推进第{part * per_part + k + 1}项工作。组织开展专题学习培训，完善制度机制，"
                         "2026年6月底前完成。（牵头单位：县司法局；配合单位：县委宣传部、县财政局）")
    return "\n".join(lines)


def run() -> list[Measurement]:
    from app.services.documents.convert import convert_result
    from app.services.documents.docx import notice_docx
    from app.services.documents.fonts import office_font_names
    from app.services.documents.service import layout_document
    from app.services.importing import import_text

    out: list[Measurement] = []
    per_task = {}
    for n in SIZES:
        doc = convert_result(import_text(plan_text(n), "规模.txt")).doc
        layout, book = layout_document(doc)
        names = office_font_names(book.choice)
        t0 = time.perf_counter()
        data = notice_docx(doc, layout, book, "color", names)
        seconds = time.perf_counter() - t0
        per_task[n] = seconds / n
        out.append(Measurement(f"{n} 项任务 → DOCX（{len(layout.pages)} 页，{len(data) // 1024} KB）", seconds * 1000, "ms"))
    ratio = per_task[SIZES[-1]] / per_task[SIZES[0]]
    out.append(Measurement(f"每项任务用时：{SIZES[-1]} 项 ÷ {SIZES[0]} 项（线性为 1）", ratio, "倍", TARGET_RATIO))
    return out
