"""Font resolution order, coverage substitutions, and the render/demo commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.paths import resources_dir
from app.services.documents.fontbook import FontBook
from app.services.documents.fonts import FontError, is_truetype, resolve_fonts
from app.services.errors import DomainError, ValidationError

FONTS = resources_dir() / "fonts"


def test_windows_fonts_come_first_then_bundled_fandol(tmp_path):
    win = tmp_path / "Windows" / "Fonts"
    win.mkdir(parents=True)
    shutil.copy(FONTS / "FandolFang-Regular.ttf", win / "SIMFANG.TTF")  # stands in for 仿宋
    choice = resolve_fonts(windows_dirs=[win], other_dirs=[])
    assert choice.primary("fang").source == "windows" and choice.primary("fang").family == "仿宋"
    assert choice.primary("hei").source == "bundled"
    assert [s.role for s in choice.role_substitutions] == ["xbs", "hei", "kai", "song"]
    assert all("已替代" in s.text() for s in choice.role_substitutions)


def test_configured_paths_win_and_bad_ones_are_refused(tmp_path):
    choice = resolve_fonts(configured={"kai": str(FONTS / "FandolKai-Regular.ttf")}, windows_dirs=[], other_dirs=[])
    assert choice.primary("kai").source == "config"
    with pytest.raises(FontError, match="不存在"):
        resolve_fonts(configured={"fang": str(tmp_path / "nope.ttf")}, windows_dirs=[], other_dirs=[])
    cff = tmp_path / "noto.otf"
    cff.write_bytes(b"OTTO" + b"\x00" * 60)
    assert not is_truetype(cff)
    with pytest.raises(FontError, match="TrueType"):
        resolve_fonts(configured={"fang": str(cff)}, windows_dirs=[], other_dirs=[])


def test_a_truncated_font_file_is_refused_not_a_traceback(tmp_path):
    bad = tmp_path / "broken.ttf"
    for data in (b"\x00\x01\x00\x00\x00", b"\x00\x01\x00\x00\x00\x05" + b"\x00" * 6 + b"glyf", b"ttcf\x00"):
        bad.write_bytes(data)
        assert not is_truetype(bad)
    with pytest.raises(FontError, match="TrueType"):
        resolve_fonts(configured={"fang": str(bad)}, windows_dirs=[], other_dirs=[])


def test_a_font_cut_short_fails_with_a_font_error_when_loaded(tmp_path):
    from app.services.documents.fontbook import load
    from app.services.documents.fonts import FontFile

    cut = tmp_path / "cut.ttf"
    cut.write_bytes((FONTS / "FandolHei-Regular.ttf").read_bytes()[:200_000])  # its table directory is intact
    assert is_truetype(cut)
    with pytest.raises(FontError, match="不完整或已损坏"):
        load(FontFile(cut, 0, "cut", "config"))


def test_missing_fonts_are_a_clear_error(tmp_path):
    with pytest.raises(FontError, match="找不到可用的"):
        resolve_fonts(resources=tmp_path, windows_dirs=[], other_dirs=[])


def test_a_character_missing_from_the_primary_font_is_substituted_and_reported():
    choice = resolve_fonts()
    book = FontBook(choice)
    fang = book.primary_key("fang")
    rare = next((ch for ch in "㐀䶮龘𠀀" if book.font_for("fang", ch) != fang), None)
    if rare is None:
        pytest.skip("没有任何后备字体含有测试用的生僻字")  # pragma: no cover
    assert any(rare in line and "已替代" in line for line in book.report()) or rare in book.missing


def test_render_commands_write_files_and_report(tmp_path, capsys):
    db = str(tmp_path / "d.sqlite3")
    assert main(["--db", db, "demo", "--out", str(tmp_path / "demo")]) == 0
    out = tmp_path / "demo"
    for name in ("示例通知.pdf", "示例通知.docx", "重点任务分工表.pdf", "重点任务分工表.docx", "重点任务分工表.xlsx",
                 "责任清单.xlsx", "单位任务汇总表.pdf"):
        assert (out / name).stat().st_size > 1000, name
    # a database with the demo loaded, then render from it
    from app.context import open_context
    from app.paths import resolve_paths

    ctx = open_context(resolve_paths(db), load_demo=True)
    notice_id = ctx.services.notices.list_notices()[0].id
    plan_id = ctx.services.plans.list_plans()[0].id
    ctx.close()
    capsys.readouterr()
    assert main(["--db", db, "render", "notice", str(notice_id), "--pdf", str(tmp_path / "n.pdf"),
                 "--mode", "overlay"]) == 0
    printed = capsys.readouterr().out
    assert "已写入" in printed and "套红" in printed and "页" in printed
    assert main(["--db", db, "render", "table", str(plan_id), "--kind", "unit-list",
                 "--xlsx", str(tmp_path / "u.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "u.xlsx").active
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "A4" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.cell(4, 1).alignment.wrap_text


def test_bad_output_path_and_unknown_notice_exit_2_in_chinese(tmp_path, capsys):
    db = str(tmp_path / "d.sqlite3")
    assert main(["--db", db, "render", "notice", "999", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "找不到该公文" in capsys.readouterr().err
    from app.context import open_context
    from app.paths import resolve_paths

    ctx = open_context(resolve_paths(db), load_demo=True)
    notice_id = ctx.services.notices.list_notices()[0].id
    ctx.close()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--db", db, "render", "notice", str(notice_id), "--pdf", str(blocker / "n.pdf")]) == 2
    err = capsys.readouterr().err
    assert "无法写入文件" in err and "Traceback" not in err
    assert not Path(blocker / "n.pdf").exists()


def test_fonts_whose_licence_forbids_embedding_are_skipped(tmp_path):
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / "FandolHei-Regular.ttf"), lazy=True)
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    win = tmp_path / "Fonts"
    win.mkdir()
    font.save(str(win / "simhei.ttf"))
    assert not is_truetype(win / "simhei.ttf")
    assert is_truetype(FONTS / "FandolHei-Regular.ttf")
    choice = resolve_fonts(windows_dirs=[win], other_dirs=[])
    assert choice.primary("hei").source == "bundled"


def test_a_windows_font_under_another_file_name_is_found_by_its_family_name(tmp_path):
    from fontTools.ttLib import TTFont

    from app.services.documents.fontnames import family_names

    font = TTFont(str(FONTS / "FandolKai-Regular.ttf"), lazy=True)
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = "楷体_GB2312" if rec.platformID == 3 else "KaiTi_GB2312"
    win = tmp_path / "Fonts"
    win.mkdir()
    font.save(str(win / "my-kai-gb2312.ttf"))
    assert "楷体_GB2312" in family_names(win / "my-kai-gb2312.ttf")
    choice = resolve_fonts(windows_dirs=[win], other_dirs=[])
    kai = choice.primary("kai")
    assert kai.source == "windows" and kai.family == "楷体_GB2312" and kai.path.name == "my-kai-gb2312.ttf"
    assert all(s.role != "kai" for s in choice.role_substitutions)


def test_a_seal_file_that_is_no_picture_is_refused_before_rendering(demo_ctx, tmp_path):
    # reportlab (Pillow) and python-docx would each raise their own exception deep in the writers
    notice_id = demo_ctx.services.notices.list_notices()[0].id
    service = demo_ctx.document_service()
    bad = tmp_path / "seal.png"
    bad.write_bytes(b"not a picture")
    with pytest.raises(ValidationError, match="无法读取"):
        service.notice_model(notice_id, seal_image=bad)
    with pytest.raises(ValidationError, match="找不到"):
        service.notice_model(notice_id, seal_image=tmp_path / "missing.png")


def test_a_failed_write_leaves_no_part_file(tmp_path):
    from app.services.documents.service import write_bytes

    target = tmp_path / "out.pdf"
    target.mkdir()  # replacing a folder fails after the .part file was written
    with pytest.raises(DomainError, match="无法写入文件"):
        write_bytes(target, b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
