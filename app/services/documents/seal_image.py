"""The seal picture, checked and scaled down once before either writer reads it.

A seal is printed 42 mm wide: 2,000 pixels are more than a 1,200 dpi printer can use. A larger
picture (a 144-megapixel scan) is reduced on load to that size and kept as a small PNG for this
run of the program, so reportlab and python-docx never decode the original; JPEGs are reduced
while they are decoded (draft mode). Pictures whose header claims more pixels than can be
decoded within the memory bound (a decompression bomb) are refused before any pixel is read.
Pillow's own warnings are kept off the console."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

from PIL import Image

from app.services.errors import ValidationError
from app.services.private_temp import private_dir

MAX_SIDE_PX = 2000  # longest side kept
MAX_DECODE_PIXELS = 150_000_000  # ≈ 600 MB decoded at 4 bytes a pixel: the memory bound
FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")  # what both writers can place



def _cache_dir() -> Path:
    return private_dir("fazhi-seal-")


def prepare_seal(path: Path) -> Path:
    """The picture the writers should use: the file itself when it is small, else a reduced copy."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"找不到印章图像文件“{path}”。")
    unreadable = ValidationError(f"印章图像“{path.name}”无法读取：不是图片，或文件已损坏。请选择 PNG 图片。")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning and friends: we decide ourselves
        try:
            return _prepare(path, unreadable)
        except Image.DecompressionBombError as exc:  # the header claims more than twice Pillow's limit
            raise ValidationError(f"印章图像“{path.name}”声称的尺寸过大，可能是损坏或恶意构造的图片（解压炸弹），"
                                  f"已拒绝读取。请使用边长不超过 {MAX_SIDE_PX} 像素的 PNG 图片。") from exc
        except (OSError, SyntaxError, ValueError, MemoryError) as exc:
            raise unreadable from exc


def _prepare(path: Path, unreadable: ValidationError) -> Path:
    with Image.open(path) as img:
        fmt, (w, h) = img.format, img.size
        if fmt not in FORMATS:
            raise ValidationError(f"印章图像“{path.name}”是 {fmt} 格式，无法写入 Word 文件。请选择 PNG 图片。")
        if w <= 0 or h <= 0:
            raise unreadable
        if w * h > MAX_DECODE_PIXELS and fmt != "JPEG":
            raise ValidationError(
                f"印章图像“{path.name}”过大（{w}×{h} 像素，约 {w * h / 1e6:.0f} 百万像素），可能是损坏或恶意构造的图片，"
                f"已拒绝读取。请使用边长不超过 {MAX_SIDE_PX} 像素的 PNG 图片。")
        if max(w, h) <= MAX_SIDE_PX:
            img.verify()  # small: the writers read the file itself
            return path
        st = path.stat()
        key = hashlib.sha256(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:24]
        out = _cache_dir() / f"{key}.png"
        if out.is_file():
            return out
        scale = MAX_SIDE_PX / max(w, h)  # the size written
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        if fmt == "JPEG":
            img.draft(img.mode, size)  # the decoder itself reduces by up to 8×
            if img.size[0] * img.size[1] > MAX_DECODE_PIXELS:
                raise ValidationError(f"印章图像“{path.name}”过大（{w}×{h} 像素），已拒绝读取。")
        img.load()
        keep = img.convert("RGBA") if img.mode not in ("RGB", "RGBA", "L", "LA") else img
        factor = max(w, h) // MAX_SIDE_PX
        small = keep.reduce(factor) if factor > 1 else keep  # box average, no second full-size copy
        del keep
        if small.size != size:
            small = small.resize(size, Image.Resampling.LANCZOS)
        tmp = out.with_suffix(".part")
        small.save(tmp, "PNG")
        tmp.replace(out)
        return out
