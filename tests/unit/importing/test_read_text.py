import codecs
import tracemalloc

import pytest

from app.services.errors import InputFileError
from app.services.importing import import_file
from app.services.importing.read_text import decode_text, plausibility, split_lines, strip_controls
from app.services.importing.readers import read_file, sniff

TEXT = "关于印发《示例县2026年法治政府建设工作要点》的通知\n一、加强领导\n（一）落实责任。（牵头单位：县司法局）\n"


@pytest.mark.parametrize(("data", "label"), [
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16（小端，带 BOM）"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16（大端，带 BOM）"),
    (TEXT.encode("utf-16-le"), "UTF-16（无 BOM）"),
    (TEXT.encode("gb18030"), "GB18030/GBK"),
    (TEXT.encode("gbk"), "GB18030/GBK"),
])
def test_encodings_are_detected_and_named(data, label):
    text, got = decode_text(data)
    assert text == TEXT
    assert got == label


def test_big5_traditional_text():
    trad = "關於印發《示例縣法治政府建設工作要點》的通知\n一、加強黨的領導\n（一）落實第一責任人職責。\n" * 3
    text, label = decode_text(trad.encode("big5"))
    assert label == "Big5（繁体）"
    assert text == trad


def test_non_utf8_encoding_is_reported(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(TEXT.encode("gbk"))
    doc = read_file(p)
    assert any("GB18030/GBK" in w and "不是 UTF-8" in w for w in doc.warnings)
    p.write_bytes(TEXT.encode("utf-8"))
    assert not any("编码" in w for w in read_file(p).warnings)


@pytest.mark.parametrize("data", [b"", b"   \n\n", codecs.BOM_UTF8, b"\x00\x00\x00"])
def test_empty_input_is_refused(data):
    with pytest.raises(InputFileError, match="空文件"):
        decode_text(data, "a.txt")


def test_binary_garbage_is_refused():
    import random

    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(InputFileError) as err:
        decode_text(garbage, "x.txt")
    assert "x.txt" in err.value.message


def test_text_that_decodes_to_nonsense_is_refused():
    # Valid GB18030, but what it spells is not Chinese prose: refuse rather than guess.
    nonsense = bytes([0x81, 0x40] * 500)
    with pytest.raises(InputFileError, match=r"不像中文文本|无法识别"):
        decode_text(nonsense, "y.txt")


def test_many_control_characters_are_refused():
    with pytest.raises(InputFileError, match="控制字符"):
        decode_text(("正文\x01\x02\x03\x04" * 50).encode("utf-8"), "c.txt")


def test_stray_controls_and_line_breaks():
    assert strip_controls("一\f二\x07三") == ("一\n二三", 1)
    assert split_lines("a\r\nb\rc\u2028d") == ["a", "b", "c", "d"]


def test_plausibility_prefers_chinese():
    assert plausibility("法治政府建设工作要点，2026年。") > 0.95
    assert plausibility("") == 0.0
    assert plausibility("\ue000\ue001\ue002") == 0.0


def test_sniff():
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "ole"
    assert sniff(b"%PDF-1.7") == "pdf"
    assert sniff(b"{\\rtf1") == "rtf"
    assert sniff("一、".encode()) == "text"


def test_a_20_mb_text_is_refused_before_it_is_read(tmp_path):
    p = tmp_path / "huge.txt"
    line = "（一）加强行政执法。（牵头单位：县司法局）\n".encode()
    with p.open("wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    tracemalloc.start()
    with pytest.raises(InputFileError, match="过大") as err:
        import_file(p)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # the file was never loaded
    assert "\n" not in err.value.message


def test_pdf_is_refused_with_advice(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4\n...")
    with pytest.raises(InputFileError, match="PDF"):
        read_file(p)


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="找不到文件"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(InputFileError, match="找不到文件"):
        read_file(tmp_path)
