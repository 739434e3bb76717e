"""Old .doc / .wps files: converted by LibreOffice when it is installed, a clear message when not."""

import shutil
import subprocess

import pytest
from docx import Document

from app.services.errors import InputFileError
from app.services.importing import import_file, read_legacy
from app.services.importing.readers import OLE_MAGIC

SOFFICE = read_legacy.find_soffice()


def test_without_libreoffice_the_clerk_is_told_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(read_legacy, "find_soffice", lambda: None)
    p = tmp_path / "old.wps"
    p.write_bytes(OLE_MAGIC + b"\x00" * 600)
    with pytest.raises(InputFileError) as err:
        import_file(p)
    assert "LibreOffice" in err.value.message and "另存为" in err.value.message and ".wps" in err.value.message


def test_a_file_libreoffice_cannot_read(tmp_path):
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed here")
    p = tmp_path / "broken.doc"
    p.write_bytes(OLE_MAGIC + b"\x00" * 600)
    with pytest.raises(InputFileError, match="LibreOffice"):
        import_file(p)


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory):
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed here")
    d = tmp_path_factory.mktemp("legacy")
    doc = Document()
    for line in ["示例县2026年法治政府建设工作要点", "一、加强领导", "（一）落实第一责任人职责。（牵头单位：县司法局；配合单位：县直各部门）",
                 "（二）推进依法决策。2026年6月底前完成目录编制。（牵头单位：县政府办公室）"]:
        doc.add_paragraph(line)
    src = d / "plan.docx"
    doc.save(src)
    profile = (d / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc", "--outdir", str(d),
                    str(src)], capture_output=True, timeout=120, check=True)
    return d / "plan.doc"


@pytest.mark.parametrize("ext", [".doc", ".wps"])
def test_doc_and_wps_are_converted(legacy_doc, tmp_path, ext):
    p = tmp_path / f"去年的要点{ext}"
    shutil.copyfile(legacy_doc, p)
    r = import_file(p)
    assert r.title == "示例县2026年法治政府建设工作要点"
    assert [[u.name for u in t.lead] for t in r.tasks] == [["县司法局"], ["县政府办公室"]]
    assert str(r.tasks[1].deadline) == "2026-06-30"
    assert any("LibreOffice" in w for w in r.warnings)
