"""The compiled-pattern cache (app/regex_cache.py): what it hands back is exactly what Python
compiles, and a damaged, tampered or foreign file changes nothing but the time."""

from __future__ import annotations

import _sre
import importlib
import json
import os
import pkgutil
import re
import re._compiler as compiler
import re._parser as parser
import subprocess
import sys
from pathlib import Path

from app.regex_cache import FILE_NAME, RegexCache

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"
PACKAGES = ("app.services.importing", "app.services.documents")
MODULES = ("app.services.deadlines", "app.services.checks", "app.services.text_quality", "app.services.numbering")


def app_patterns() -> list[re.Pattern]:
    """The patterns the importer and the checker compile when they are imported."""
    found = {}
    names = list(MODULES)
    for package in PACKAGES:
        folder = REPO / package.replace(".", "/")
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]
    for name in names:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    assert len(found) > 60
    return list(found.values())


def compile_with(cache: RegexCache):
    return cache.wrap(compiler.compile, parser.parse, compiler._code, _sre.compile, wanted=lambda: True)


def flags_in(p: re.Pattern) -> int:
    return p.flags & ~re.UNICODE  # what the caller passed (str patterns get UNICODE added)


def test_the_cache_hands_back_what_python_compiles(tmp_path):
    patterns = app_patterns()
    text = SAMPLE.read_text(encoding="utf-8")
    first = RegexCache(tmp_path / FILE_NAME, "v1")
    fill = compile_with(first)
    for p in patterns:
        assert fill(p.pattern, flags_in(p)) == p
    assert first.added == len(patterns)
    first.save()

    again = RegexCache(tmp_path / FILE_NAME, "v1")
    again.load()
    use = compile_with(again)
    for p in patterns:
        cached = use(p.pattern, flags_in(p))
        assert cached == p and cached.groupindex == p.groupindex and cached.groups == p.groups
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in p.finditer(text)]
    assert again.hits == len(patterns) and again.added == 0 and again.refused == 0


def test_damaged_foreign_and_tampered_files_change_nothing_but_the_time(tmp_path):
    p = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月[\u4e00-\u9fff]{0,4}")
    path = tmp_path / FILE_NAME
    for damaged in (b"", b"\x00\xff garbage", b'{"version": "v1", "entries": []}', b"[1, 2, 3]"):
        path.write_bytes(damaged)
        cache = RegexCache(path, "v1")
        cache.load()
        assert cache.entries == {} and compile_with(cache)(p.pattern) == p
    good = RegexCache(path, "v1")
    compile_with(good)(p.pattern)
    good.save()
    foreign = RegexCache(path, "another python")
    foreign.load()
    assert foreign.entries == {}  # written by another interpreter: not used

    data = json.loads(path.read_text(encoding="utf-8"))
    key = next(iter(data["entries"]))
    data["entries"][key][-1] = [9999] * 8  # a program the engine must refuse
    path.write_text(json.dumps(data), encoding="utf-8")
    tampered = RegexCache(path, "v1")
    tampered.load()
    assert compile_with(tampered)(p.pattern) == p and tampered.refused == 1
    data["entries"][key][0] = "not a number"
    path.write_text(json.dumps(data), encoding="utf-8")
    odd = RegexCache(path, "v1")
    odd.load()
    assert compile_with(odd)(p.pattern) == p and odd.refused == 1


def test_bytes_and_debug_patterns_and_other_modules_patterns_are_left_to_python(tmp_path):
    cache = RegexCache(tmp_path / FILE_NAME, "v1")
    use = compile_with(cache)
    assert use(rb"\d+") == re.compile(rb"\d+")
    assert cache.added == 0
    from_libraries = cache.wrap(compiler.compile, parser.parse, compiler._code, _sre.compile)
    assert from_libraries(r"[\u4e00-\u9fff]+年") == re.compile(r"[\u4e00-\u9fff]+年")
    assert cache.added == 0  # called from this test module, not from the program's own (app.…)


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    cache = RegexCache(tmp_path / "file" / FILE_NAME, "v1")  # a folder that cannot exist
    compile_with(cache)(r"[\u4e00-\u9fff]+")
    cache.save()
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_command_line_fills_the_cache_then_reads_it_and_says_the_same(tmp_path):
    env = {**os.environ, "FAZHI_CACHE": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    command = [sys.executable, "-m", "app", "import", str(SAMPLE), "--json"]
    first = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=True)
    stored = json.loads((tmp_path / "cache" / FILE_NAME).read_text(encoding="utf-8"))["entries"]
    assert len(stored) > 50
    second = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=True)
    assert second.stdout == first.stdout and second.stderr == first.stderr


def test_a_python_whose_compiler_differs_makes_the_cache_stand_aside(tmp_path):
    cache = RegexCache(tmp_path / FILE_NAME, "v1")
    calls = []

    def original(p, flags=0):
        calls.append(p)
        return compiler.compile(p, flags)

    def unlike_sre(pattern, flags, code, groups, groupindex, indexgroup):
        return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup).pattern  # not a Pattern

    use = cache.wrap(original, parser.parse, compiler._code, unlike_sre, wanted=lambda: True)
    patterns = [rf"第{i}项[\u4e00-\u9fff]+" for i in range(10)]
    assert all(use(p) == re.compile(p) for p in patterns)
    assert cache.added == 0 and cache.mismatched == 3  # then it stopped comparing
    assert calls == patterns  # Python's own compiler answered every one
