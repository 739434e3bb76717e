import json
import re
from pathlib import Path

import pytest

from app.services.importing import ImportCancelled, import_file

from .conftest import SAMPLE_FILES


def test_json_has_exactly_the_keys_of_design_section_5(sample):
    d = json.loads(sample("xinjiang").to_json())
    assert list(d) == ["source", "title", "kind", "year", "notice", "tasks", "outline", "warnings"]
    assert list(d["notice"]) == ["title", "doc_number", "issuers", "date", "recipients", "note"]
    assert d["notice"]["date"] == "2022-06-14"
    for t in d["tasks"]:
        assert list(t) == ["path", "title", "text", "lead_units", "support_units", "deadline_text", "deadline"]
        assert all(isinstance(u, str) for u in t["lead_units"] + t["support_units"])
        assert t["deadline"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", t["deadline"])

    def check(node, level):
        assert list(node) == ["label", "level", "heading", "text", "children"]
        assert node["level"] == level
        for c in node["children"]:
            check(c, level + 1)

    for root in d["outline"]:
        check(root, 1)
    assert d["source"] == "xinjiang-2022-gongzuo-yaodian.txt"


def test_path_labels_use_ascii_brackets_without_separators(sample):
    d = sample("changji").to_dict()
    labels = {p for t in d["tasks"] for p in t["path"]}
    assert all(re.fullmatch(r"[一二三四五六七八九十]+|\([一二三四五六七八九十]+\)|\d+|\(\d+\)", p) for p in labels)
    assert d["tasks"][0]["path"] == ["二", "(一)", "1"]


def test_no_notice_is_null_and_missing_fields_are_null(sample):
    assert sample("alashan").to_dict()["notice"] is None
    n = sample("qijiang").to_dict()["notice"]
    assert n["doc_number"] is None and n["note"] == "（此件公开发布）"


def test_tasks_titles_have_no_label_and_no_final_full_stop(sample):
    for name in SAMPLE_FILES:
        for t in sample(name).tasks:
            assert t.title and not t.title.endswith("。") and len(t.title) <= 60
            assert not re.match(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]", t.title)


def test_printed_units_in_order(sample):
    units = sample("alashan").printed_units()
    assert units[:3] == ["综合办公室", "乌斯太镇", "党群工作部"]
    assert len(units) == len(set(units))


def test_progress_is_reported_in_order():
    seen = []
    import_file(SAMPLE_FILES["alashan"], progress=lambda pct, what: seen.append((pct, what)))
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and percents[0] == 0 and percents[-1] == 100
    assert all(isinstance(w, str) and w for _, w in seen)


def test_cancel_stops_the_run():
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(ImportCancelled) as err:
        import_file(SAMPLE_FILES["qijiang"], is_cancelled=cancelled)
    assert "取消" in err.value.message


def test_unexpected_internal_errors_become_a_chinese_message(monkeypatch, tmp_path):
    from app.services.errors import InputFileError
    from app.services.importing import pipeline

    def boom(*_a, **_k):
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline, "build_outline", boom)
    with pytest.raises(InputFileError, match="无法分析"):
        import_file(SAMPLE_FILES["alashan"])
    monkeypatch.setattr(pipeline, "read_file", boom)
    with pytest.raises(InputFileError, match="无法读取"):
        import_file(Path(tmp_path / "x.txt"))
