"""Font resolver: Windows fonts first, then configured files, bundled Fandol, then WenQuanYi / AR PL.

reportlab embeds only TrueType outlines and never falls back per glyph, so the resolver keeps a
chain of fonts per role, checks coverage character by character and records each substitution
("已替代") for the caller to report (DESIGN.md §6).
"""

from __future__ import annotations

import functools
import os
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.services.documents.fontnames import find_by_family, office_name, table_directory
from app.services.errors import DomainError

ROLES = ("xbs", "fang", "hei", "kai", "song")
ROLE_LABEL = {"xbs": "小标宋", "fang": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}
# The fonts GB/T 9704 practice names (used in messages about what is missing).
DOCX_NAME = {"xbs": "方正小标宋简体", "fang": "仿宋_GB2312", "hei": "黑体", "kai": "楷体_GB2312", "song": "宋体"}
# What a stock Windows 10/11 PC has: 仿宋 (simfang.ttf) and 楷体 (simkai.ttf); the _GB2312 fonts come
# only with older systems or font packs. 方正小标宋 is never stock, but offices install it.
STOCK_OFFICE_NAME = {"xbs": "方正小标宋简体", "fang": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}
LATIN_DOCX_NAME = "Times New Roman"

# (file name, face index, family) — Windows first, then bundled, then Debian's free fonts.
_WINDOWS = {
    "xbs": [("FZXBSJW.TTF", 0, "方正小标宋简体"), ("方正小标宋简体.ttf", 0, "方正小标宋简体"),
            ("FZXBSK.TTF", 0, "方正小标宋_GBK"), ("方正小标宋_GBK.ttf", 0, "方正小标宋_GBK"),
            ("STZHONGS.TTF", 0, "华文中宋")],
    "fang": [("仿宋_GB2312.ttf", 0, "仿宋_GB2312"), ("FS_GB2312.ttf", 0, "仿宋_GB2312"),
             ("simfang.ttf", 0, "仿宋"), ("STFANGSO.TTF", 0, "华文仿宋")],
    "hei": [("simhei.ttf", 0, "黑体")],
    "kai": [("楷体_GB2312.ttf", 0, "楷体_GB2312"), ("KAI_GB2312.ttf", 0, "楷体_GB2312"),
            ("simkai.ttf", 0, "楷体"), ("STKAITI.TTF", 0, "华文楷体")],
    "song": [("simsun.ttc", 0, "宋体"), ("simsun.ttf", 0, "宋体")],
}
_BUNDLED = {
    "xbs": [("FandolSong-Bold.ttf", 0, "FandolSong Bold")],
    "fang": [("FandolFang-Regular.ttf", 0, "FandolFang")],
    "hei": [("FandolHei-Regular.ttf", 0, "FandolHei")],
    "kai": [("FandolKai-Regular.ttf", 0, "FandolKai")],
    "song": [("FandolSong-Regular.ttf", 0, "FandolSong")],
}
_FREE = {
    "xbs": [("gbsn00lp.ttf", 0, "AR PL SungtiL GB"), ("wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei")],
    "fang": [("gbsn00lp.ttf", 0, "AR PL SungtiL GB"), ("uming.ttc", 0, "AR PL UMing")],
    "hei": [("wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei")],
    "kai": [("gkai00mp.ttf", 0, "AR PL KaitiM GB"), ("ukai.ttc", 0, "AR PL UKai")],
    "song": [("gbsn00lp.ttf", 0, "AR PL SungtiL GB"), ("uming.ttc", 0, "AR PL UMing")],
}
# Last resort for single characters missing from a role's chain, any role.
_ANY = [("wqy-zenhei.ttc", 0, "WenQuanYi Zen Hei"), ("uming.ttc", 0, "AR PL UMing"),
        ("FandolSong-Regular.ttf", 0, "FandolSong")]


class FontError(DomainError):
    pass


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int
    family: str
    source: str  # windows | config | bundled | system

    @functools.cached_property
    def key(self) -> str:
        """A reportlab font name unique to this file and face."""
        stem = "".join(c if c.isalnum() else "_" for c in self.path.stem)
        return f"F_{stem}_{self.index}_{abs(hash(str(self.path))) % 10**6}"


@dataclass(frozen=True)
class Substitution:
    role: str
    wanted: str  # what the standard asks for
    used: str  # family used instead
    chars: str = ""  # for per-character substitutions

    def text(self) -> str:
        if self.chars:
            return f"{ROLE_LABEL[self.role]}字体缺“{self.chars}”，已替代为 {self.used}"
        return f"{ROLE_LABEL[self.role]}：未找到 {self.wanted}，已替代为 {self.used}"


@dataclass
class FontChoice:
    """The resolved chains per role; .primary(role) is what the body of that role uses."""

    chains: dict[str, list[FontFile]]
    role_substitutions: list[Substitution] = field(default_factory=list)

    def primary(self, role: str) -> FontFile:
        return self.chains[role][0]

    def describe(self) -> list[str]:
        return [f"{ROLE_LABEL[r]}：{self.primary(r).family}（{self.primary(r).path.name}）" for r in ROLES]


def system_font_dirs(environ=os.environ, platform: str = sys.platform) -> list[Path]:
    """The Windows system and per-user font folders, or the usual Linux/macOS ones."""
    if platform.startswith("win"):
        dirs = [Path(environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if environ.get("LOCALAPPDATA"):
            dirs.append(Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/Library/Fonts"), home / "Library/Fonts"]


def is_truetype(path: Path, index: int = 0) -> bool:
    """True when the face has TrueType (glyf) outlines and its licence allows embedding a subset;
    reportlab refuses CFF (.otf) fonts and restricted ones."""
    try:
        with open(path, "rb") as f:
            version, records = table_directory(f, index)
            if version not in (b"\x00\x01\x00\x00", b"true") or b"glyf" not in records:
                return False
            if b"OS/2" in records:  # embedding licence: restricted or no-subsetting fonts cannot be used
                f.seek(records[b"OS/2"] + 8)
                (fs_type,) = struct.unpack(">H", f.read(2))
                if fs_type == 0x0002 or fs_type & 0x0300:
                    return False
            return True
    except (OSError, struct.error):  # unreadable, truncated or damaged: not a usable font
        return False


class _DirIndex:
    """Case-insensitive file-name lookup over font folders, built once per folder."""

    def __init__(self, dirs: list[Path]):
        self._dirs = dirs
        self._index: dict[str, Path] | None = None

    def files(self) -> list[Path]:
        self.find("")
        return list(self._index.values())

    def find(self, name: str) -> Path | None:
        if self._index is None:
            self._index = {}
            for d in self._dirs:
                if not d.is_dir():
                    continue
                for root, _subdirs, files in os.walk(d):
                    for fname in files:
                        self._index.setdefault(fname.lower(), Path(root) / fname)
        return self._index.get(name.lower())


def resolve_fonts(resources: Path | None = None, configured: dict[str, str] | None = None,
                  windows_dirs: list[Path] | None = None, other_dirs: list[Path] | None = None) -> FontChoice:
    """Builds each role's chain: configured file → Windows fonts → bundled Fandol → free fonts.

    windows_dirs defaults to the Windows folders on Windows (none elsewhere); other_dirs to the
    usual system folders elsewhere. Raises FontError when a role has no usable font at all."""
    from app.paths import resources_dir

    resources = resources or resources_dir()
    on_windows = sys.platform.startswith("win")
    if windows_dirs is None:
        windows_dirs = system_font_dirs() if on_windows else []
    if other_dirs is None:
        other_dirs = [] if on_windows else system_font_dirs()
    win = _DirIndex(windows_dirs)
    bundled = _DirIndex([resources / "fonts"])
    free = _DirIndex(other_dirs + windows_dirs)
    chains: dict[str, list[FontFile]] = {}
    subs: list[Substitution] = []
    for role in ROLES:
        chain: list[FontFile] = []
        conf = (configured or {}).get(role)
        if conf:
            p = Path(conf).expanduser()
            if not p.is_file():
                raise FontError(f"设置中指定的{ROLE_LABEL[role]}字体文件不存在：{p}")
            if not is_truetype(p):
                raise FontError(f"字体文件“{p.name}”不是 TrueType 轮廓字体（.otf/CFF 字体无法嵌入 PDF），请换用 .ttf 文件。")
            chain.append(FontFile(p, 0, p.stem, "config"))
        for table, index, source in ((_WINDOWS, win, "windows"), (_BUNDLED, bundled, "bundled"),
                                     (_FREE, free, "system")):
            if source == "bundled" and not any(c.source == "windows" for c in chain):
                hit = find_by_family(win.files(), role)  # installed under another file name
                if hit and is_truetype(hit[0]):
                    chain.append(FontFile(hit[0], 0, hit[1], "windows"))
            for fname, face, family in table[role]:
                p = index.find(fname)
                if p and is_truetype(p, face) and all(c.path != p for c in chain):
                    chain.append(FontFile(p, face, family, source))
        for fname, face, family in _ANY:
            p = bundled.find(fname) or free.find(fname)
            if p and is_truetype(p, face) and all(c.path != p for c in chain):
                chain.append(FontFile(p, face, family, "system" if p.parent != resources / "fonts" else "bundled"))
        if not chain:
            raise FontError(
                f"找不到可用的{ROLE_LABEL[role]}字体。请安装“{DOCX_NAME[role]}”，"
                "或恢复程序自带的 resources/fonts 文件夹，或在设置中指定字体文件。")
        if chain[0].source not in ("windows", "config"):
            subs.append(Substitution(role, DOCX_NAME[role], chain[0].family))
        chains[role] = chain
    return FontChoice(chains, subs)


def office_font_names(choice: FontChoice) -> dict[str, str]:
    """The font names a .docx or .xlsx asks for, per role: the Windows font this PC renders with
    (仿宋_GB2312 where installed, else 仿宋 …), or the family of the file chosen in 设置; on a PC
    without them, the names a stock Windows PC has."""
    names = {}
    for role in ROLES:
        ff = choice.primary(role)
        name = office_name(ff.path, ff.index, ff.family, role) if ff.source in ("windows", "config") else ""
        names[role] = name or STOCK_OFFICE_NAME[role]
    return names
