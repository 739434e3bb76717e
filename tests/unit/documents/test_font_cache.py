"""The font metrics cache (issue 10): what it gives back is reportlab's own parse, field for field
and subset byte for byte; a damaged, stale, foreign or planted file is ignored and rewritten; a
folder that cannot be written costs only time; documents are the same with a cold or warm cache."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from app.services.documents.font_cache import MAGIC, CachedFace, StaleFontError, cache_file, load_face
from app.services.documents.fonts import _DirIndex, system_font_dirs

REPO = Path(__file__).resolve().parents[3]
BUNDLED = REPO / "resources" / "fonts"
SAMPLE = REPO / "tests" / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"


def _system_font(name: str) -> Path:
    found = _DirIndex(system_font_dirs()).find(name)
    assert found is not None, f"{name} is installed by scripts/setup.sh"
    return found


def _fonts() -> list[tuple[Path, int]]:
    return [(BUNDLED / "FandolSong-Regular.ttf", 0), (BUNDLED / "FandolFang-Regular.ttf", 0),
            (_system_font("gbsn00lp.ttf"), 0),  # 1024 units per em: widths are floats
            (_system_font("wqy-zenhei.ttc"), 1)]  # a collection, second face


def _same(a, b) -> bool:
    """Equal values of the same types, dicts in the same order (reportlab's output depends on it)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@pytest.mark.parametrize(("path", "index"), _fonts(), ids=lambda v: getattr(v, "name", str(v)))
def test_a_cached_face_is_reportlabs_parse(tmp_path, path, index):
    fresh = TTFontFace(str(path), subfontIndex=index)
    first = load_face(path, index, tmp_path)  # nothing cached: parsed and written
    assert type(first) is TTFontFace
    cached = load_face(path, index, tmp_path)
    assert type(cached) is CachedFace
    for name, value in vars(fresh).items():
        if name == "_pdfScale":
            assert cached._pdfScale(1000) == value(1000) and _same(cached._pdfScale(333), value(333))
        elif name in ("hmetrics", "glyphPos"):  # sequences read by index: the same items
            assert len(getattr(cached, name)) == len(value) and _same(list(getattr(cached, name)), value), name
        else:
            assert _same(getattr(cached, name), value), name
    codes = list(fresh.charToGlyph)
    for subset in (codes[:200], codes[-150:], [0x3000 + i for i in range(256)], [ord(c) for c in "关于印发工作要点的通知"]):
        assert cached.makeSubset(subset) == fresh.makeSubset(subset)


def _font_copy(tmp_path: Path) -> Path:
    font = tmp_path / "字体" / "FandolSong-Regular.ttf"
    font.parent.mkdir()
    shutil.copy(BUNDLED / font.name, font)
    return font


def test_damaged_stale_or_planted_files_are_ignored_and_rewritten(tmp_path):
    font = _font_copy(tmp_path)
    folder = tmp_path / "cache"
    load_face(font, 0, folder)
    target = cache_file(folder, font, 0)
    good = target.read_bytes()
    head_len = struct.unpack_from("<I", good, len(MAGIC))[0]
    header = json.loads(good[len(MAGIC) + 4:len(MAGIC) + 4 + head_len])

    def planted(**changes) -> bytes:
        h = {**header, **changes}
        head = json.dumps(h).encode()
        return MAGIC + struct.pack("<I", len(head)) + head + good[len(MAGIC) + 4 + head_len:]

    flipped = bytearray(good)
    flipped[-100] ^= 0xFF
    damaged = {
        "truncated": good[:len(good) // 2], "empty": b"", "not ours": b"\x80\x04\x95 pickle-like bytes",
        "bit flipped": bytes(flipped), "header garbage": MAGIC + struct.pack("<I", 5) + b"{]]]]" + good[-50:],
        "header too long": MAGIC + struct.pack("<I", 10 ** 9) + b"{}",
        "another format": planted(format=99), "another reportlab": planted(reportlab="0.0"),
        "another font": planted(key=[str(font.with_name("other.ttf")), 0, *header["key"][2:]]),
        "a field not reportlab's": planted(scalars={**header["scalars"], "__class__": "x", "makeSubset": 1}),
        "an unknown tag": planted(scalars={**header["scalars"], "bbox": {"$code": "print(1)"}}),
        "an array of the wrong length": planted(arrays=[[n, c, s, k + 1] for n, c, s, k in header["arrays"]]),
        "an array of another type": planted(arrays=[[n, "d", 8, k] for n, _c, _s, k in header["arrays"]]),
    }
    for name, data in damaged.items():
        target.write_bytes(data)
        face = load_face(font, 0, folder)
        assert type(face) is TTFontFace, name  # parsed again, as without a cache
        assert target.read_bytes() == good, name  # and the file written anew
        assert type(load_face(font, 0, folder)) is CachedFace, name
    os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 10 ** 9))  # the font changed
    assert type(load_face(font, 0, folder)) is TTFontFace
    assert type(load_face(font, 0, folder)) is CachedFace


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    font = BUNDLED / "FandolHei-Regular.ttf"
    face = load_face(font, 0, blocker / "cache")
    assert type(face) is TTFontFace and face.charToGlyph == TTFontFace(str(font)).charToGlyph
    assert type(load_face(font, 0, None)) is TTFontFace  # no cache folder at all


def test_a_font_replaced_after_its_metrics_were_read_is_not_embedded(tmp_path):
    font = _font_copy(tmp_path)
    load_face(font, 0, tmp_path / "cache")
    face = load_face(font, 0, tmp_path / "cache")
    os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 10 ** 9))
    with pytest.raises(StaleFontError):
        face.makeSubset([0x4E00])


def _convert(tmp_path: Path, name: str, cache: Path) -> tuple[bytes, dict[str, bytes]]:
    env = {**os.environ, "FAZHI_CACHE": str(cache), "RL_invariant": "1", "PYTHONPATH": str(REPO)}
    out = tmp_path / name
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "unused.sqlite3"), "convert", str(SAMPLE),
                           "--pdf", str(out.with_suffix(".pdf")), "--docx", str(out.with_suffix(".docx"))],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(out.with_suffix(".docx")) as z:
        parts = {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}  # it holds the time of writing
    return out.with_suffix(".pdf").read_bytes(), parts


def test_output_is_the_same_with_a_cold_a_warm_and_no_cache(tmp_path):
    cache = tmp_path / "cache"
    cold = _convert(tmp_path, "cold", cache)
    assert len(list((cache / "fonts").glob("*.metrics"))) == 5  # one file per font used
    warm = _convert(tmp_path, "warm", cache)
    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    unwritable = _convert(tmp_path, "unwritable", tmp_path / "blocked" / "cache")
    assert cold[0] == warm[0] == unwritable[0]
    assert cold[1] == warm[1] == unwritable[1]


def test_the_font_around_a_cached_face_is_reportlabs(tmp_path):
    from reportlab.pdfbase.ttfonts import TTFont

    from app.services.documents.font_cache import FaceFont

    path = BUNDLED / "FandolKai-Regular.ttf"
    ours, theirs = FaceFont("F_kai", load_face(path, 0, tmp_path)), TTFont("F_kai", str(path))
    assert isinstance(ours, TTFont)
    skip = {"face", "state", "encoding"}
    assert {k: v for k, v in vars(ours).items() if k not in skip} == {k: v for k, v in vars(theirs).items()
                                                                       if k not in skip}
    assert ours.encoding.name == theirs.encoding.name and ours.shapable == theirs.shapable


def _unique_font(path: Path, name: str) -> None:
    """A small TrueType font of its own PostScript name (reportlab shares one font object per name)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont as FontToolsFont

    font = FontToolsFont(BUNDLED / "FandolSong-Regular.ttf")
    sub = subset.Subsetter()
    sub.populate(text="通知印发关于")
    sub.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = name
    font.save(path)


def test_a_font_changed_while_the_program_runs_is_read_again(tmp_path, monkeypatch):
    from app.services.documents import fontbook
    from app.services.documents.fontbook import FontBook
    from app.services.documents.fonts import ROLES, FontChoice, FontError, FontFile
    from app.services.documents.pages import Layout, Page, TextItem
    from app.services.documents.pdf import render_pdf

    font = tmp_path / "stale.ttf"
    _unique_font(font, "FazhiStaleTest")
    monkeypatch.setattr(fontbook, "metrics_folder", lambda: tmp_path / "cache")
    load_face(font, 0, tmp_path / "cache")  # metrics cached: the program reads the file only to embed glyphs
    ff = FontFile(font, 0, "FazhiStaleTest", "config")
    choice = FontChoice({role: [ff] for role in ROLES})
    book = FontBook(choice)

    def pdf(text: str) -> bytes:
        key = book.font_for("song", text[0])
        return render_pdf(Layout([Page(items=[TextItem(0, 20, key, 16, text)])]))

    try:
        assert pdf("通知").startswith(b"%PDF")
        _unique_font(font, "FazhiStaleTest")  # written again meanwhile (the same name, another file)
        os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 10 ** 9))
        with pytest.raises(FontError, match="被更改或移走"):
            pdf("印发")  # glyphs not embedded before: the changed file is not mixed in
        book = FontBook(choice)  # the clerk asks again: the font is read afresh
        assert pdf("印发").startswith(b"%PDF")
    finally:
        fontbook.forget(ff.key)
