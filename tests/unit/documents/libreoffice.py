"""LibreOffice as the tests' word processor: .docx files laid out and exported to PDF in one
soffice run, with the Windows font names mapped to the bundled Fandol fonts (as a Windows PC maps
them to its own), blank pages the word processor inserts (even-page sections) exported too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
ALIASES = {"仿宋_GB2312": "FandolFang", "仿宋": "FandolFang", "Times New Roman": "FandolFang",
           "方正小标宋简体": "FandolSong", "黑体": "FandolHei", "楷体_GB2312": "FandolKai", "楷体": "FandolKai",
           "宋体": "FandolSong"}
FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir><cachedir>{cache}</cachedir>
{aliases}</fontconfig>"""
# keep the blank pages an even-page section break adds (LibreOffice leaves them out by default)
EXPORT = "pdf:writer_pdf_Export:" + json.dumps({"IsSkipEmptyPages": {"type": "boolean", "value": "false"}})


def require_soffice() -> None:
    if shutil.which("soffice") is None:  # test.sh installs it; a bare checkout may lack it
        pytest.fail("LibreOffice (soffice) 未安装：请用 test.sh 运行测试，它会安装 LibreOffice。")


def convert(docx_files: list[Path], workdir: Path) -> dict[Path, Path]:
    """Each .docx → the PDF LibreOffice makes of it (one soffice process for all of them)."""
    require_soffice()
    workdir.mkdir(parents=True, exist_ok=True)
    aliases = "".join(
        f'<match target="pattern"><test name="family"><string>{k}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{v}</string></edit></match>'
        for k, v in ALIASES.items())
    conf = workdir / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=REPO / "resources" / "fonts", cache=workdir / "fc", aliases=aliases),
                    encoding="utf-8")
    out = workdir / "pdf"
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(workdir))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{workdir}/lo", "--headless", "--convert-to", EXPORT,
                    "--outdir", str(out), *map(str, docx_files)], env=env, check=True, capture_output=True,
                   timeout=600)
    return {f: out / (f.stem + ".pdf") for f in docx_files}
