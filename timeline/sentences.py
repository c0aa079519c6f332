"""Split a document's text into sentences with their character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

#: words that end with a full stop without ending a sentence
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sen rep gov pres sgt st jr sr inc corp co ltd "
    "no nos vs etc approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec mon tue "
    "tues wed thu thur thurs fri sat sun a.m p.m e.g i.e u.s u.k u.n".split()
)

# a sentence ends at . ! ? (plus closing quotes or brackets) before whitespace and a capital,
# a digit or an opening quote; or at a line break. The pattern opens with the one character
# either end begins with, so that the regex engine skips to such characters in C instead of
# trying every position; the lookbehinds then tell which end it is.
_END = re.compile(r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]*]*(?=\s+["'“‘(\[*#]*[A-Z0-9])|(?<=\n))""")
#: the start of a wrapped line: the sentence goes on after a line break
_WRAPPED = re.compile(r"[ \t]*\n?[ \t]*([a-z])")
_LEAD = re.compile(r"[\s#>*_|-]+")
#: what trails a sentence without belonging to it, besides white space
_TRAIL = "*_"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of text[start:end], stripped of Markdown markers."""
    stop = len(text) if end is None else end
    begin = start
    for m in _END.finditer(text, start, stop):
        if m.group() != "\n" and _is_abbreviation(text, m.start()):
            continue
        if m.group() == "\n" and _continues(text, m.end(), stop):
            continue
        yield from _trimmed(text, begin, m.end())
        begin = m.end()
    yield from _trimmed(text, begin, stop)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Return whether the full stop at `dot` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)


def _continues(text: str, pos: int, stop: int) -> bool:
    """Return whether the text after a line break continues the same sentence (wrapped line)."""
    return _WRAPPED.match(text, pos, stop) is not None


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAIL):
        end -= 1
    if end - start >= 3:
        yield start, end
