"""Corruption in the source (runs of question marks, mojibake that web mirrors produce) is kept as
printed, but every place it occurs is reported: the notice, the title, the preamble, each item
by its path (part, task), so the clerk can correct it against the original."""

from __future__ import annotations

from app.services.importing.model import NoticeFields, Outline
from app.services.importing.tasks import _path_text, _walk
from app.services.text_quality import corruption, describe


def corruption_warnings(outline: Outline, notice: NoticeFields | None, title: str) -> list[str]:
    places: list[tuple[str, str]] = [("标题", title)]
    if notice is not None:
        places += [("通知标题", notice.title), ("通知正文", notice.body), ("主送机关", notice.recipients)]
    places += [("前言", "\n".join(outline.preamble)), ("结束语", "\n".join(outline.closing))]
    for it, anc in _walk(outline.roots):
        head = it.first_line[:12] + ("…" if len(it.first_line) > 12 else "")
        units = " ".join(u.name for u in it.markings.units)
        places.append((f"{_path_text(anc, it)}“{head}”", "\n".join([it.first_line, *it.lines, units, it.measures])))
    out = []
    for where, text in places:
        found = corruption(text)
        if found:
            out.append(f"{where}{describe(found)}（原文如此），请对照原件改正。")
    return out
