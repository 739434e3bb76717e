"""Builds the free fallback fonts in resources/fonts from the Fandol fonts.

Where the fonts come from
-------------------------
The Fandol fonts (FandolSong, FandolHei, FandolFang, FandolKai; by the Fandol team, Clerk Ma and
Jie Su) are free fonts under the GNU GPL version 3 with the GPL font exception. Debian ships them
in its package ``texlive-lang-chinese`` under
``usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/``; CTAN carries the same files as
``fonts/fandol``. They are OpenType fonts with CFF (PostScript) outlines, which reportlab cannot
embed, so this script converts every glyph to TrueType (quadratic) outlines with fontTools'
cu2qu and writes ``*.ttf`` files. Nothing else is changed: glyph set, metrics, cmap and names are
kept, and the licence goes along with the fonts.

Usage::

    python scripts/build_fallback_fonts.py            # apt-get download texlive-lang-chinese
    python scripts/build_fallback_fonts.py --from DIR # use Fandol*.otf files already in DIR

The apt variant needs a Debian-like system with apt-get (no root needed for ``apt-get download``).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "fonts"
DEB = "texlive-lang-chinese"
FANDOL_DIR = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
DOC_DIR = "usr/share/doc/texlive-doc/fonts/fandol"
# source file → output file; FandolSong-Bold stands in for 小标宋 (red mark and titles).
FONTS = {
    "FandolSong-Regular.otf": "FandolSong-Regular.ttf",
    "FandolSong-Bold.otf": "FandolSong-Bold.ttf",
    "FandolHei-Regular.otf": "FandolHei-Regular.ttf",
    "FandolFang-Regular.otf": "FandolFang-Regular.ttf",
    "FandolKai-Regular.otf": "FandolKai-Regular.ttf",
}
MAX_ERR = 1.0  # font units (1000 per em): far below one printer dot at 16 pt


def cff_to_truetype(src: Path, dst: Path) -> int:
    """Rewrites one CFF-outline OpenType font with TrueType outlines; returns the glyph count."""
    font = TTFont(str(src))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise: reverse them.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID fonts have none worth keeping
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(dst))  # recalcBBoxes fills head/maxp from the new outlines
    return len(order)


def fetch_deb(workdir: Path) -> Path:
    """Downloads and unpacks the Debian package; returns the folder holding the OTF files."""
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        sys.exit("需要 apt-get 和 dpkg-deb（Debian/Ubuntu）；或用 --from 指定已有 Fandol*.otf 的文件夹。")
    subprocess.run(["apt-get", "download", DEB], cwd=workdir, check=True)
    deb = next(workdir.glob(f"{DEB}_*.deb"))
    unpacked = workdir / "x"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    return unpacked


def write_licence(doc_dir: Path | None) -> None:
    licence = OUT / "LICENSE-Fandol.txt"
    copying = doc_dir / "COPYING.gz" if doc_dir else None
    header = ("Fandol fonts: Copyright (c) 2012-2013, the Fandol team (Clerk Ma, Jie Su).\n"
              "Licensed under the GNU General Public License version 3 with the GPL font exception:\n"
              "  As a special exception, if you create a document which uses this font, and embed\n"
              "  this font or unaltered portions of this font into the document, this font does not\n"
              "  by itself cause the resulting document to be covered by the GNU General Public\n"
              "  License. This exception does not however invalidate any other reasons why the\n"
              "  document might be covered by the GNU General Public License.\n\n")
    text = gzip.decompress(copying.read_bytes()).decode("utf-8") if copying and copying.is_file() else ""
    if text or not licence.is_file():
        licence.write_text(header + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert the Fandol fonts to TrueType outlines.")
    parser.add_argument("--from", dest="src", type=Path, help="folder with Fandol*.otf (skips apt-get)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fandol-") as tmp:
        if args.src:
            src_dir, doc_dir = args.src, args.src
        else:
            root = fetch_deb(Path(tmp))
            src_dir, doc_dir = root / FANDOL_DIR, root / DOC_DIR
        for src_name, dst_name in FONTS.items():
            src = src_dir / src_name
            if not src.is_file():
                sys.exit(f"找不到 {src}")
            count = cff_to_truetype(src, OUT / dst_name)
            print(f"{dst_name}: {count} glyphs")
        write_licence(doc_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
