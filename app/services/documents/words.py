"""Where Chinese text may be broken: between words. Word boundaries come from a maintained
segmenter (rjieba, the jieba dictionary in Rust) taught the vocabulary of the field, whose terms
are kept whole (法治政府建设, 工作要点, 实施方案 …); a run of digits or Latin letters is one word.

Used to break titles only at word boundaries and by the format checker to find a title broken
inside a word. Titles already segmented are answered from the cache folder (word_cache.py), so a
new process pays for the dictionary only when it meets a new title."""

from __future__ import annotations

import functools
import re

from app.services.documents.word_cache import WordCache

# Terms of the field that a title must never be broken inside, longest first where they overlap.
FIELD_WORDS = (
    "习近平法治思想", "法治政府建设", "法治社会建设", "法治国家建设", "全面依法治县", "全面依法治区", "全面依法治市",
    "全面依法治州", "全面依法治省", "全面依法治国", "依法治县", "依法治区", "依法治市", "依法治国", "法治政府",
    "法治建设", "依法行政", "法治思想", "工作要点", "实施方案", "实施意见", "实施纲要", "工作方案", "分工方案",
    "任务分工", "重点任务", "责任清单", "分工表", "年度报告", "人民政府", "办公室", "办公厅", "司法局", "司法厅",
    "委员会", "自治区", "自治州", "自治县", "开发区", "管委会", "行政执法", "行政复议", "行政决策", "营商环境",
    "监督管理", "三项制度", "权责清单", "加快建设", "全面推进", "深入推进", "进一步", "印发", "转发", "关于",
)
_WORD_RUN = re.compile(r"[0-9A-Za-z]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_PLACE_SUFFIX = set("省市区县州旗盟镇乡")  # 綦江 + 区 is one name, whatever the dictionary knows
_DATE_SUFFIX = set("年月日号")  # 2022 + 年


@functools.cache
def _segmenter():
    """rjieba's own instance: importing rjieba already loads its dictionary into one (a second
    instance would load it again), and nothing else in the program segments text."""
    import rjieba  # loaded on first use only: the dictionary takes a moment

    for word in FIELD_WORDS:
        rjieba.add_word(word, 10 ** 6, None)  # a frequency no dictionary word beats
    return rjieba


@functools.cache
def _cache() -> WordCache:
    from app.paths import cache_dir

    try:
        path = cache_dir() / "title-words.json"
    except (OSError, RuntimeError, ValueError):  # no cache folder can be named: no cache
        path = None
    from app import __version__

    # what decides the answer besides the segmenter's files: a change to any of it starts afresh
    rules = (__version__, _WORD_RUN.pattern, _HAN.pattern, *sorted(_PLACE_SUFFIX), *sorted(_DATE_SUFFIX))
    return WordCache(path, (*FIELD_WORDS, *rules))


def words(text: str, cached: bool = True) -> list[str]:
    """text cut into words (their concatenation is text). cached=False asks the segmenter itself."""
    if cached:
        hit = _cache().get(text)
        if hit is not None:
            return hit
    out = _segmented(text)
    if cached:
        _cache().put(text, out)
    return out


def _segmented(text: str) -> list[str]:
    out: list[str] = []
    for part in _segmenter().cut(text, False):
        prev = out[-1] if out else ""
        if (_WORD_RUN.fullmatch(part) and _WORD_RUN.fullmatch(prev)) or (
                part in _PLACE_SUFFIX and len(prev) >= 2 and _HAN.fullmatch(prev)) or (
                part in _DATE_SUFFIX and prev.isdigit()):
            out[-1] += part
        else:
            out.append(part)
    return out


def boundaries(text: str) -> set[int]:
    """Indices i (0 < i < len) where text may be broken before text[i]."""
    cuts, pos = set(), 0
    for w in words(text):
        pos += len(w)
        cuts.add(pos)
    cuts.discard(len(text))
    return cuts


def broken_inside_word(lines: list[str]) -> list[str]:
    """The words that consecutive lines of a title split between them (“依法行政加 / 快建设” → 加快)."""
    text = "".join(lines)
    allowed = boundaries(text)
    out, pos = [], 0
    for line in lines[:-1]:
        pos += len(line)
        if pos not in allowed and not text[pos - 1].isspace() and not text[pos].isspace():
            start = max((b for b in allowed if b < pos), default=0)
            end = min((b for b in allowed if b > pos), default=len(text))
            out.append(text[start:end])
    return out
