"""Suggests which county tasks carry out a superior task (or an indicator): rapidfuzz's token-set
ratio over the texts' character bigrams, after the bigrams every document shares are set aside.

Why this way: Chinese has no spaces, so bigrams are the words' stand-in; a county copies the
superior's wording closely but cuts, merges and paraphrases (token-set ratio forgives what one
side leaves out); bigrams found in most documents of both sides (法治, 推进, 建设 …) match
everything and say nothing, so they do not count. Level words (自治区, 省, 各级 …) are dropped
before comparing: they are what a county rewrites. Measured on labelled pairs in
tests/unit/coverage/test_matching_quality.py (precision and recall in docs/coverage.md)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

MIN_SCORE = 50.0  # token-set ratio (0–100) from which a county task is suggested
TOP = 3  # suggestions per superior task
STOP_SHARE = 0.15  # a bigram in more than this share of all documents is set aside …
STOP_MIN_DOCS = 4  # … and in more than this many (small sets keep all their bigrams)
MIN_SHARED = 2  # bigrams two texts must share beyond the set-aside ones before they can match

_LEVEL_WORDS = re.compile(
    r"新疆维吾尔自治区|自治区|地（州、市）|县（市、区）|各州、市、县（市）|省、市、县|各级人民政府|各级政府|各级|"
    r"本地区|本级|我省|我市|我区|我县|全省|全市|全区|全州|全县|省级|市级|县级|区级|"
    r"[省市州县区](?=委|政府|人民政府|人大|政协|党委|直)")
_KEEP = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def normalise(text: str) -> str:
    """Han characters, letters and digits only, without the level words a county rewrites."""
    text = unicodedata.normalize("NFKC", text or "").replace("(", "（").replace(")", "）").replace(",", "、")
    text = _LEVEL_WORDS.sub("", text)
    return "".join(_KEEP.findall(text))


def bigrams(text: str) -> set[str]:
    t = normalise(text)
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else ({t} if t else set())


@dataclass(frozen=True)
class Suggestion:
    target: int  # index of the superior task / indicator
    candidate: int  # index of the county task
    score: float  # 0–100


class TextMatcher:
    """Built once over both sides; `suggest` ranks candidates for each target."""

    def __init__(self, targets: Sequence[str], candidates: Sequence[str]):
        t_grams = [bigrams(t) for t in targets]
        c_grams = [bigrams(c) for c in candidates]
        df: Counter[str] = Counter()
        for g in (*t_grams, *c_grams):
            df.update(g)
        limit = max(STOP_MIN_DOCS, STOP_SHARE * (len(t_grams) + len(c_grams)))
        self.stop = {g for g, n in df.items() if n > limit}
        self._targets = [g - self.stop for g in t_grams]
        self._candidates = [g - self.stop for g in c_grams]
        # rapidfuzz compares whitespace-separated tokens: one token per bigram, in a stable order
        self._t_text = [" ".join(sorted(g)) for g in self._targets]
        self._c_text = [" ".join(sorted(g)) for g in self._candidates]

    def score(self, i: int, j: int) -> float:
        if len(self._targets[i] & self._candidates[j]) < MIN_SHARED:
            return 0.0
        return fuzz.token_set_ratio(self._t_text[i], self._c_text[j])

    def suggest(self, i: int, top: int = TOP, min_score: float = MIN_SCORE,
                exclude: frozenset[int] = frozenset()) -> list[Suggestion]:
        """The best candidates for target i, best first (ties: document order)."""
        if not self._t_text[i] or not self._c_text:
            return []
        mine = self._targets[i]
        choices = {j: text for j, text in enumerate(self._c_text)
                   if j not in exclude and len(mine & self._candidates[j]) >= MIN_SHARED}
        found = process.extract(self._t_text[i], choices, scorer=fuzz.token_set_ratio, limit=top,
                                score_cutoff=min_score)
        ranked = sorted(((score, j) for _text, score, j in found), key=lambda x: (-x[0], x[1]))
        return [Suggestion(i, j, round(score, 1)) for score, j in ranked]

    def suggest_all(self, top: int = TOP, min_score: float = MIN_SCORE) -> list[list[Suggestion]]:
        return [self.suggest(i, top, min_score) for i in range(len(self._targets))]
