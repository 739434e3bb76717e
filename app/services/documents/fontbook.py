"""Loads the resolved fonts into reportlab on demand and answers per-character questions:
which font draws this character in this role, how wide it is, and what was substituted."""

from __future__ import annotations

import functools
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.paths import cache_dir
from app.services.documents.font_cache import FaceFont, StaleFontError, load_face
from app.services.documents.fonts import FontChoice, FontError, FontFile, Substitution
from app.services.system_errors import os_reason

_LOCK = threading.Lock()
_LOADED: dict[str, TTFont] = {}  # font key → registered reportlab font (kept for warm renders)


@functools.cache
def metrics_folder():
    """The font metrics cache (None when no cache folder can be named: then every run parses)."""
    try:
        return cache_dir() / "fonts"
    except (OSError, RuntimeError, ValueError):
        return None


def load(ff: FontFile) -> TTFont:
    with _LOCK:
        font = _LOADED.get(ff.key)
        if font is None:
            try:
                font = FaceFont(ff.key, load_face(ff.path, ff.index, metrics_folder()))
            except OSError as exc:
                raise FontError(f"无法读取字体文件“{ff.path.name}”：{os_reason(exc)}。") from exc
            except TTFError as exc:  # reportlab's words are English: say it ourselves
                raise FontError(f"无法读取字体文件“{ff.path.name}”：不是可嵌入的 TrueType 字体，或文件已损坏。"
                                "请换用其他 .ttf 字体文件。") from exc
            except Exception as exc:  # a truncated file: reportlab's parser fails with struct.error, KeyError…
                raise FontError(f"无法读取字体文件“{ff.path.name}”：文件不完整或已损坏，请重新安装或换用其他字体文件。") from exc
            _cache_subsets(font)
            pdfmetrics.registerFont(font)
            _LOADED[ff.key] = font
        return font


def forget(key: str) -> None:
    """Drops a loaded font (its file changed): the next document loads it afresh."""
    with _LOCK:
        font = _LOADED.pop(key, None)
        if font is not None:
            font.unregister()


def _cache_subsets(font: TTFont) -> None:
    """Keeps each embedded subset font program: the same characters give the same bytes, and
    building them is a large part of every save (warm renders of one notice reuse them all)."""
    build = font.face.makeSubset
    cache: dict[tuple, bytes] = {}

    def make_subset(subset):
        key = tuple(subset)
        data = cache.get(key)
        if data is None:
            if len(cache) > 512:
                cache.clear()
            try:
                data = cache[key] = build(subset)
            except (StaleFontError, OSError) as exc:  # the font file was replaced or removed meanwhile
                forget(font.fontName)  # the next document reads it again
                raise FontError(f"字体文件“{font.face.filename}”在程序运行时被更改或移走，请重新生成。") from exc
        return data

    font.face.makeSubset = make_subset


class FontBook:
    """Per document: picks a font per character and collects what had to be substituted."""

    def __init__(self, choice: FontChoice):
        self.choice = choice
        self._pick: dict[tuple[str, str], str] = {}
        self._adv: dict[tuple[str, str], float] = {}
        self._picked: dict[tuple[str, str], tuple[str, float]] = {}  # (role, ch) → (font key, advance)
        self.memo: dict = {}  # what the PDF's layout and the .docx of this document both work out
        self._sub_chars: dict[tuple[str, str], list[str]] = {}
        self.missing: set[str] = set()

    def primary_key(self, role: str) -> str:
        return load(self.choice.primary(role)).fontName

    def font_for(self, role: str, ch: str) -> str:
        """The reportlab font name that has a glyph for ch, trying the role's chain in order."""
        hit = self._pick.get((role, ch))
        if hit is not None:
            return hit
        chain = self.choice.chains[role]
        code = ord(ch)
        key = None
        if ch.isspace() or code < 0x20:
            key = load(chain[0]).fontName
        else:
            for i, ff in enumerate(chain):
                font = load(ff)
                if code in font.face.charToGlyph:
                    key = font.fontName
                    if i:
                        self._sub_chars.setdefault((role, ff.family), []).append(ch)
                    break
            if key is None:
                self.missing.add(ch)
                key = load(chain[0]).fontName
        self._pick[(role, ch)] = key
        return key

    def advance(self, font_key: str, ch: str) -> float:
        """Advance width in em (1.0 = the font size)."""
        adv = self._adv.get((font_key, ch))
        if adv is None:
            face = _LOADED[font_key].face
            adv = self._adv[(font_key, ch)] = face.charWidths.get(ord(ch), face.defaultWidth) / 1000.0
        return adv

    def pick_and_advance(self, role: str, ch: str) -> tuple[str, float]:
        """font_for and advance in one call (the typesetter's inner loop: one lookup once known)."""
        hit = self._picked.get((role, ch))
        if hit is None:
            key = self.font_for(role, ch)
            hit = self._picked[role, ch] = (key, self.advance(key, ch))
        return hit

    def descent(self, font_key: str) -> float:
        """The descent reportlab writes into the PDF (em, negative): viewers and pdfplumber
        place the em box from the baseline + descent."""
        return _LOADED[font_key].face.descent / 1000.0

    def substitutions(self) -> list[Substitution]:
        out = list(self.choice.role_substitutions)
        for (role, family), chars in self._sub_chars.items():
            out.append(Substitution(role, "", family, "".join(dict.fromkeys(chars))))
        return out

    def report(self) -> list[str]:
        lines = [s.text() for s in self.substitutions()]
        if self.missing:
            lines.append(f"所有可用字体都缺少这些字符，将显示为空白：{''.join(sorted(self.missing))}")
        return lines
