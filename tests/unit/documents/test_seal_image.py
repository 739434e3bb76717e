"""Seal pictures: bombs refused before decoding, huge pictures reduced once, no stray output."""

import pytest
from PIL import Image

from app.services.documents.seal_image import MAX_SIDE_PX, prepare_seal
from app.services.errors import ValidationError
from tests.reliability.builders import tiny_png


def test_a_decompression_bomb_is_refused_in_chinese(tmp_path, capfd):
    for w, h, words in ((60_000, 60_000, "解压炸弹"), (12_500, 12_500, "过大")):
        p = tmp_path / f"bomb{w}.png"
        p.write_bytes(tiny_png(8, 8, declared=(w, h)))
        with pytest.raises(ValidationError, match=words):
            prepare_seal(p)
    assert capfd.readouterr().err == ""


def test_a_large_picture_is_reduced_once_and_a_small_one_used_as_it_is(tmp_path, capfd):
    small = tmp_path / "small.png"
    Image.new("RGBA", (400, 400), (200, 0, 0, 255)).save(small)
    assert prepare_seal(small) == small
    big = tmp_path / "big.jpg"
    Image.new("RGB", (9000, 6000), (200, 0, 0)).save(big, quality=80)
    reduced = prepare_seal(big)
    assert reduced != big and reduced.suffix == ".png"
    with Image.open(reduced) as img:
        assert max(img.size) == MAX_SIDE_PX and img.size[0] > img.size[1]
    assert prepare_seal(big) == reduced  # cached for the next render
    assert capfd.readouterr().err == ""


def test_a_picture_neither_writer_can_place_is_refused(tmp_path):
    p = tmp_path / "seal.webp"
    Image.new("RGB", (50, 50)).save(p, "WEBP")
    with pytest.raises(ValidationError, match="WEBP"):
        prepare_seal(p)
