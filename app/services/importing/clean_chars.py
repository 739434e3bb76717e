"""Character-level cleaning: full-width letters, traditional characters, converter pinyin and
half-width punctuation in Chinese text. Each function returns the new text and how many changes
it made, so every kind of change reaches the warnings with its count."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---- what counts as Chinese context -----------------------------------------------------------
_CJK_PUNCT = set("，。、；：？！“”‘’《》〈〉（）【】〔〕「」『』…—·～￥")


def is_hanzi(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0002fa1f")


def is_cjk_context(ch: str) -> bool:
    return is_hanzi(ch) or ch in _CJK_PUNCT or "\u3000" <= ch <= "\u303f"


# ---- full-width letters and digits, odd spaces ----------------------------------------------------
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
                            "\u205f\u3000"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad]")
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B)
                    if chr(c - 0xFEE0).isalnum()}  # ０-９ Ａ-Ｚ ａ-ｚ → ASCII
_LABEL_COMPAT = {**{0x2474 + i: f"({i + 1})" for i in range(20)},   # ⑴ → (1)
                 **{0x2488 + i: f"{i + 1}." for i in range(20)},    # ⒈ → 1.
                 **{0x3220 + i: f"({'一二三四五六七八九十'[i]})" for i in range(10)}}  # ㈠ → (一)
_LOOKALIKE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u2474-\u249b\u3220-\u3229\uf900-\ufaff]")


def normalize_chars(text: str) -> tuple[str, int]:
    """ASCII look-alikes → ASCII (letters, digits, spaces); label symbols ⑴ ⒈ ㈠ spelled out;
    CJK compatibility ideographs → their unified form. Punctuation is left to widen_punctuation."""
    if _ODD_SPACE.search(text):
        text = _ODD_SPACE.sub(lambda m: "" if ord(m.group()) in _ZERO_WIDTH else " ", text)
    changed = len(_LOOKALIKE.findall(text))
    if changed:
        text = text.translate(_FULLWIDTH_ALNUM).translate(_LABEL_COMPAT)
        text = re.sub("[\uf900-\ufaff]", lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text, changed


# ---- traditional → simplified --------------------------------------------------------------------
@lru_cache(maxsize=1)
def _converter():
    import opencc  # the maintained OpenCC bindings; phrase-aware, unlike a character table

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text) if text else text


def simplify(text: str) -> tuple[str, int, list[str]]:
    """(text, characters changed, a few examples such as "發→发")."""
    if not text or text.isascii():
        return text, 0, []
    out = to_simplified(text)
    if out == text:
        return text, 0, []
    examples: list[str] = []
    if len(out) == len(text):
        changed = 0
        for a, b in zip(text, out, strict=True):
            if a != b:
                changed += 1
                if len(examples) < 3 and f"{a}→{b}" not in examples:
                    examples.append(f"{a}→{b}")
    else:
        changed = max(1, sum(1 for ch in text if is_hanzi(ch) and ch not in out))
    return out, changed, examples


# ---- pinyin left by converters: 發(fā) -------------------------------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_CHARS = "a-zA-Zü" + _TONED
_ANNOTATION = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff]) ?[(（]([" + _PINYIN_CHARS + r" ]{1,40}?)\d?[)）]")
_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er"
    r"|a|o|e|i|u|v)r?$"
)


def _detone(s: str) -> str:
    s = s.replace("ü", "v").replace("Ü", "v")
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("u\u0308", "v").lower()


def _is_pinyin(content: str, toned_required: bool) -> bool:
    words = content.split()
    if not words or len(words) > 8:
        return False
    toned = any(c in _TONED for c in content)
    if toned_required and not toned:
        return False
    if not toned and content != content.lower():
        return False  # "(APP)", "(ICP)" are abbreviations, not pinyin
    return all(_segments(_detone(w)) for w in words)


def _segments(word: str) -> bool:
    """True when the word splits into valid pinyin syllables ("fazhan" → fa|zhan)."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if ok[start] and _SYLLABLE.match(word[start:end]):
                ok[end] = True
                break
    return ok[-1]


def remove_pinyin(text: str) -> tuple[str, int]:
    """Drops bracketed pinyin after a hanzi. Toned pinyin always goes; toneless ("的(de)") only
    when the text also carries toned annotations, so "(app)" in an ordinary text stays."""
    matches = list(_ANNOTATION.finditer(text))
    if not matches:
        return text, 0
    toned_seen = sum(1 for m in matches if _is_pinyin(m.group(1), toned_required=True))
    if not toned_seen:
        return text, 0
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        if _is_pinyin(m.group(1), toned_required=toned_seen < 2):
            count += 1
            return ""
        return m.group()

    out = _ANNOTATION.sub(repl, text)
    if count and out != text:
        again, more = remove_pinyin(out)  # "发(fā)(zhǎn)": removing one can expose the next
        return again, count + more
    return out, count
