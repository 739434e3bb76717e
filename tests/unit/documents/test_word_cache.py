"""Title word boundaries from the cache folder (issue 10): the same as the segmenter's, refused
when damaged, planted or made for another segmenter or vocabulary; no folder is no error."""

from __future__ import annotations

import json

from app.services.documents import words as words_module
from app.services.documents.word_cache import WordCache

TITLES = ("关于印发《自治区法治政府建设2022年工作要点》的通知", "綦江区2021—2025年法治政府建设实施方案",
          "关于进一步加快建设法治政府的实施意见", "ABC县2026年依法治县工作要点（第2稿）")


def test_cached_words_are_the_segmenters(tmp_path):
    cache = WordCache(tmp_path / "w.json", ("一", "二"))
    for title in TITLES:
        cache.put(title, words_module.words(title, cached=False))
    again = WordCache(tmp_path / "w.json", ("一", "二"))  # a new process reads the file
    for title in TITLES:
        assert again.get(title) == words_module.words(title, cached=False)
    assert again.get("没有见过的标题") is None
    assert WordCache(tmp_path / "w.json", ("一", "三")).get(TITLES[0]) is None  # another vocabulary


def test_damaged_or_planted_files_are_not_used(tmp_path):
    path = tmp_path / "w.json"
    cache = WordCache(path, ())
    cache.put(TITLES[0], words_module.words(TITLES[0], cached=False))
    data = json.loads(path.read_text(encoding="utf-8"))
    for bad in ([3, 3], [0, len(TITLES[0])], ["3"], "全部", [len(TITLES[0]) + 1], None):
        data["words"][TITLES[0]] = bad
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert WordCache(path, ()).get(TITLES[0]) is None, bad
    for garbage in ("{", "[]", '{"key": 1}', ""):
        path.write_text(garbage, encoding="utf-8")
        fresh = WordCache(path, ())
        assert fresh.get(TITLES[0]) is None
        fresh.put("綦江区2021—2025年", ["綦江区", "2021—2025年"])  # and the file is written anew
        assert WordCache(path, ()).get("綦江区2021—2025年") == ["綦江区", "2021—2025年"]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    (tmp_path / "file").write_text("x")
    cache = WordCache(tmp_path / "file" / "w.json", ())
    cache.put(TITLES[0], ["关于", "印发"])
    assert cache.get(TITLES[0]) is None  # the lengths do not add up to the title: refused
    assert WordCache(None, ()).get(TITLES[0]) is None


def test_words_answer_the_same_with_and_without_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FAZHI_CACHE", str(tmp_path))
    words_module._cache.cache_clear()
    try:
        first = [words_module.words(t) for t in TITLES]
        assert (tmp_path / "title-words.json").exists()
        words_module._cache.cache_clear()
        assert [words_module.words(t) for t in TITLES] == first == [words_module.words(t, cached=False) for t in TITLES]
    finally:
        words_module._cache.cache_clear()
