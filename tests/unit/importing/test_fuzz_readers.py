"""Readers fed random and damaged input: the only failure allowed is InputFileError, whose
message is a single Chinese line."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.errors import InputFileError
from app.services.importing import import_file
from app.services.importing.read_text import decode_text

from .builders import division_xlsx, numbered_plan_docx

_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_refusal(err: InputFileError) -> None:
    assert err.message and "\n" not in err.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.message)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_text_on_any_bytes(data):
    try:
        text, label = decode_text(data, "f.txt")
    except InputFileError as err:
        _check_refusal(err)
    else:
        assert isinstance(text, str) and label


@_FUZZ
@given(data=st.binary(max_size=4000), ext=st.sampled_from([".txt", ".docx", ".xlsx", ".doc", ""]))
def test_any_bytes_under_any_name(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fz") / f"f{ext}"
    path.write_bytes(data)
    try:
        result = import_file(path)
    except InputFileError as err:
        _check_refusal(err)
    else:
        assert result.to_json()


@pytest.fixture(scope="module")
def good_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("good")
    return [numbered_plan_docx(d / "a.docx").read_bytes(), division_xlsx(d / "b.xlsx").read_bytes()]


@_FUZZ
@given(which=st.integers(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_office_files(tmp_path_factory, good_files, which, flips):
    data = bytearray(good_files[which])
    for where, value in flips:
        data[min(len(data) - 1, int(where * len(data)))] = value
    path = tmp_path_factory.mktemp("dm") / ("x.docx" if which == 0 else "x.xlsx")
    path.write_bytes(bytes(data))
    try:
        import_file(path)
    except InputFileError as err:
        _check_refusal(err)


@_FUZZ
@given(xml=st.text(max_size=300))
def test_random_document_xml(tmp_path_factory, xml):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    path = tmp_path_factory.mktemp("xml") / "x.docx"
    path.write_bytes(buf.getvalue())
    try:
        import_file(path)
    except InputFileError as err:
        _check_refusal(err)
