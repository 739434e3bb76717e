"""What reportlab reads from a TrueType font, kept in the user's cache folder between runs.

reportlab parses a whole CJK font in Python (every cmap entry, every metric: about 0.1 s a font) on
each start. The result never changes while the file does not, so it is written once to a cache
file and read back with a handful of array copies. The cache holds exactly reportlab's own parse
(the character → glyph map, widths, metrics, glyph offsets and the scalar fields), so a document
made from it is byte for byte the one made from a fresh parse; the font file itself is read only
when a PDF embeds its glyphs.

The format is plain data, never code: a JSON header (format, reportlab version, the font's path,
face, size and modification time, the scalar fields by name from a fixed list, the arrays' types
and lengths, a CRC-32 of the rest) followed by the raw arrays. A file that is stale, damaged, of
another version or not what it claims is ignored and rewritten; a folder that cannot be written
only means the next run parses again."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import sys
import threading
import zlib
from array import array
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"FAZHI-FONT-METRICS\n"
# The arrays and their types: the character map, widths, glyph → characters (its insertion order
# kept), horizontal metrics and glyph offsets. "n" arrays hold numbers that may be int or float.
_ARRAYS = {"c2g.code": "I", "c2g.glyph": "I", "cw.code": "I", "cw.value": "n", "g2c.glyph": "I",
           "g2c.code": "I", "hm.aw": "n", "hm.lsb": "i", "pos": "I"}
# Every scalar field of a parsed face (reportlab 4–5); anything else in a cache file is refused.
_SCALARS = frozenset((
    "name", "glyphNames", "glyphWidths", "ascent", "descent", "familyName", "bold", "italic", "requiredEncoding",
    "builtIn", "validate", "filename", "_pos", "version", "ttcVersion", "fileKind", "ttfVersions", "numSubfonts",
    "subfontOffsets", "numTables", "searchRange", "entrySelector", "rangeShift", "table", "tables", "subfontNameX",
    "styleName", "fullName", "uniqueFontID", "fontRevision", "unitsPerEm", "bbox", "capHeight", "stemV",
    "italicAngle", "underlinePosition", "underlineThickness", "flags", "numGlyphs", "_full_font", "defaultWidth"))
_LAZY = ("_ttf_data", "hmetrics", "glyphPos", "glyphToChar")  # built on first use (embedding a subset)
_BIG = frozenset(("charToGlyph", "charWidths", *_LAZY, "_pdfScale"))


class StaleFontError(Exception):
    """The font file changed after its metrics were read."""


class CachedFace(TTFontFace):
    """A TTFontFace whose fields come from the cache; the font file and the tables only subsetting
    needs are read the first time a PDF embeds glyphs of it."""

    def __init__(self, path: Path, index: int, stamp: tuple[int, int], scalars: dict, arrays: dict[str, array]):
        self._source = (path, index, stamp)
        self._arrays = arrays
        self._subset_lock = threading.Lock()  # reportlab's parser keeps its read position in the face
        self.__dict__.update(scalars)
        self.charToGlyph = dict(zip(arrays["c2g.code"], arrays["c2g.glyph"], strict=True))
        self.charWidths = dict(zip(arrays["cw.code"], _merged(arrays, "cw.value"), strict=True))
        scale = 1000 / self.unitsPerEm
        self._pdfScale = (lambda x: x) if self.unitsPerEm == 1000 else (lambda x: x * scale)

    def makeSubset(self, subset):
        """reportlab's subsetting, reading only the glyphs and tables it copies from the file (a
        CJK font is 5–20 MB; a subset needs a few hundred KB of it)."""
        path, _index, stamp = self._source
        with self._subset_lock, open(path, "rb") as f:
            if _stamp(path) != stamp:
                raise StaleFontError(str(path))
            self._ttf_data = _FileSlices(f)
            try:
                return super().makeSubset(subset)
            finally:
                del self._ttf_data  # whoever else asks for the data gets the whole file (__getattr__)

    def get_table(self, tag):
        data = self._ttf_data
        if tag == "glyf" and isinstance(data, _FileSlices):  # every glyph is sliced out of it: read each alone
            return _FileSlices(data.file, self.table[tag]["offset"], self.table[tag]["length"])
        return super().get_table(tag)

    def __getattr__(self, name: str):
        if name not in _LAZY or "_arrays" not in self.__dict__:
            raise AttributeError(name)
        a = self._arrays
        if name == "_ttf_data":
            path, _index, stamp = self._source
            data = path.read_bytes()
            if _stamp(path) != stamp:
                raise StaleFontError(str(path))
            value = data
        elif name == "hmetrics":  # subsetting reads a few hundred of its tens of thousands
            value = _HMetrics(a["hm.aw"], a.get("hm.aw.int"), a["hm.lsb"])
        elif name == "glyphPos":
            value = a["pos"]  # an array of the same ints
        else:
            value = {}
            for glyph, code in zip(a["g2c.glyph"], a["g2c.code"], strict=True):
                value.setdefault(glyph, []).append(code)
        setattr(self, name, value)
        return value


class _FileSlices:
    """bytes-like over part of an open file: slicing reads just that piece."""

    def __init__(self, file, start: int = 0, length: int | None = None):
        self.file, self.start, self.length = file, start, length

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None or key.start is None or key.stop is None \
                or key.start < 0 or key.stop < key.start:
            raise TypeError("only plain slices of the font file are read")
        stop = key.stop if self.length is None else min(key.stop, self.length)
        self.file.seek(self.start + key.start)
        return self.file.read(max(0, stop - key.start))


class _HMetrics:
    """reportlab's list of (advance, left side bearing), read by index from the cached columns."""

    def __init__(self, aw: array, ints: array | None, lsb: array):
        self._aw, self._ints, self._lsb = aw, ints, lsb

    def __len__(self) -> int:
        return len(self._lsb)

    def __getitem__(self, i: int) -> tuple:
        aw = self._aw[i]
        return (int(aw) if self._ints is not None and self._ints[i] else aw), self._lsb[i]

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def _merged(arrays: dict[str, array], name: str):
    """A number column with its ints restored where ints and floats were mixed."""
    ints = arrays.get(name + ".int")
    values = arrays[name]
    return values if ints is None else [int(v) if i else v for v, i in zip(values, ints, strict=True)]


class FaceFont(TTFont):
    """reportlab's TTFont around a face it did not parse itself (the same fields as TTFont sets)."""

    def __init__(self, name: str, face: TTFontFace):
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def cache_file(folder: Path, path: Path, index: int) -> Path:
    digest = hashlib.sha256(f"{path}\0{index}".encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return folder / f"{digest}.metrics"


def load_face(path: Path, index: int, folder: Path | None) -> TTFontFace:
    """The face of path (face `index` of a collection): from the cache when it is current, else
    parsed by reportlab and written to the cache. reportlab's errors pass through unchanged."""
    path = Path(path)
    stamp = _stamp(path)
    key = [str(path), index, *stamp]
    target = cache_file(folder, path, index) if folder is not None else None
    if target is not None:
        try:
            face = _read(target, path, index, stamp, key)
        except (OSError, ValueError, KeyError, TypeError, struct.error, UnicodeDecodeError, OverflowError):
            face = None  # missing, damaged, stale or from another version: parse and write again
            log.debug("font cache %s not used", target, exc_info=True)
        if face is not None:
            return face
    face = TTFontFace(str(path), subfontIndex=index)
    if target is not None:
        try:
            _write(target, face, key)
        except (OSError, ValueError, TypeError, OverflowError):  # a read-only or full folder: next time again
            log.debug("font cache %s not written", target, exc_info=True)
    return face


# -- writing -----------------------------------------------------------------------------------

def _encode(value):
    """Scalars as JSON, with bytes, reportlab's name bytes and tuples tagged."""
    if isinstance(value, TTFNameBytes):
        return {"$name": value.ustr}
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("dict keys")
        return {"$dict": {k: _encode(v) for k, v in value.items()}}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(type(value).__name__)


def _numbers(values: list) -> tuple[array, array | None]:
    """Numbers that may mix int and float: the values as doubles, plus which ones are ints."""
    if all(type(v) is int for v in values):
        return array("q", values), None
    if all(type(v) is float for v in values):
        return array("d", values), None
    return array("d", [float(v) for v in values]), array("B", [type(v) is int for v in values])


def _write(target: Path, face: TTFontFace, key: list) -> None:
    scalars = {k: _encode(v) for k, v in vars(face).items() if k not in _BIG}
    if not set(scalars) <= _SCALARS:  # a reportlab that parses more than this code knows: no cache
        return
    g2c = [(g, c) for g, codes in face.glyphToChar.items() for c in codes]
    columns: dict[str, array] = {
        "c2g.code": array("I", face.charToGlyph.keys()), "c2g.glyph": array("I", face.charToGlyph.values()),
        "cw.code": array("I", face.charWidths.keys()), "g2c.glyph": array("I", (g for g, _c in g2c)),
        "g2c.code": array("I", (c for _g, c in g2c)), "hm.lsb": array("i", (lsb for _aw, lsb in face.hmetrics)),
        "pos": array("I", face.glyphPos)}
    for name, values in (("cw.value", list(face.charWidths.values())), ("hm.aw", [aw for aw, _l in face.hmetrics])):
        columns[name], ints = _numbers(values)
        if ints is not None:
            columns[name + ".int"] = ints
    body = b"".join(a.tobytes() for a in columns.values())
    header = {"format": FORMAT, "reportlab": REPORTLAB_VERSION, "byteorder": sys.byteorder, "key": key,
              "scalars": scalars, "arrays": [[n, a.typecode, a.itemsize, len(a)] for n, a in columns.items()],
              "crc": zlib.crc32(body)}
    head = json.dumps(header, ensure_ascii=False, allow_nan=False).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(MAGIC + struct.pack("<I", len(head)) + head + body)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _prune(target.parent)


def _prune(folder: Path, keep: int = 64) -> None:
    """Fonts that moved (a portable copy on another drive) leave old files: keep the newest."""
    files = sorted(folder.glob("*.metrics"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


# -- reading -----------------------------------------------------------------------------------

def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {"$name"} and isinstance(value["$name"], str):
            return TTFNameBytes(value["$name"].encode("utf-8"))
        if set(value) == {"$bytes"}:
            return bytes.fromhex(value["$bytes"])
        if set(value) == {"$tuple"}:
            return tuple(_decode(v) for v in value["$tuple"])
        if set(value) == {"$dict"} and isinstance(value["$dict"], dict):
            return {k: _decode(v) for k, v in value["$dict"].items()}
        raise ValueError("unknown tag")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise ValueError("unknown value")


_TYPECODES = {"I": ("I",), "i": ("i",), "n": ("q", "d"), "B": ("B",)}
_ITEMSIZE = {"I": 4, "i": 4, "q": 8, "d": 8, "B": 1}


def _read(target: Path, path: Path, index: int, stamp: tuple[int, int], key: list) -> CachedFace | None:
    with open(target, "rb") as f:
        data = f.read()
    if not data.startswith(MAGIC):
        return None
    (size,) = struct.unpack_from("<I", data, len(MAGIC))
    start = len(MAGIC) + 4
    header = json.loads(data[start:start + size].decode("utf-8"))
    if (header.get("format") != FORMAT or header.get("reportlab") != REPORTLAB_VERSION
            or header.get("byteorder") != sys.byteorder or header.get("key") != key):
        return None
    body = memoryview(data)[start + size:]
    if zlib.crc32(body) != header["crc"]:
        return None
    scalars = header["scalars"]
    if not isinstance(scalars, dict) or not set(scalars) <= _SCALARS or "unitsPerEm" not in scalars:
        return None
    arrays: dict[str, list] = {}
    pos = 0
    for name, code, itemsize, count in header["arrays"]:
        kind = "B" if name in ("cw.value.int", "hm.aw.int") else _ARRAYS.get(name)
        if kind is None or code not in _TYPECODES[kind] or _ITEMSIZE[code] != itemsize or count < 0:
            return None
        a = array(code)
        if a.itemsize != itemsize:
            return None
        end = pos + itemsize * count
        a.frombytes(body[pos:end])
        if len(a) != count:
            return None
        arrays[name] = a
        pos = end
    if pos != len(body) or not set(_ARRAYS) <= set(arrays):
        return None
    pairs = (("c2g.code", "c2g.glyph"), ("cw.code", "cw.value"), ("g2c.glyph", "g2c.code"), ("hm.aw", "hm.lsb"),
             *((n, n + ".int") for n in ("cw.value", "hm.aw") if n + ".int" in arrays))
    if any(len(arrays[a]) != len(arrays[b]) for a, b in pairs):
        return None
    face = CachedFace(path, index, stamp, {k: _decode(v) for k, v in scalars.items()}, arrays)
    if not isinstance(face.unitsPerEm, int) or face.unitsPerEm <= 0:
        return None
    return face
