"""Sentence ends: the pattern that skips ahead finds the ends the plain one found."""

from __future__ import annotations

import random
import re

from timeline.sentences import _END, _LEAD, _trimmed, sentence_spans

#: the pattern as first written, trying every position
PLAIN_END = re.compile(r"""[.!?]+["'”’)\]*]*(?=\s+["'“‘(\[*#]*[A-Z0-9])|\n""")


def test_end_pattern_finds_the_plain_ends() -> None:
    pieces = [".", "!", "?", "\n", " ", "  ", "\t", '"', "'", "”", "’", ")", "]", "*", "“", "(",
              "[", "#", "A", "Z", "7", "a", "word", "U.S", "Mr", "e.g", "—"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        stop = rng.randint(start, len(text))
        want = [m.span() for m in PLAIN_END.finditer(text, start, stop)]
        assert [m.span() for m in _END.finditer(text, start, stop)] == want, repr(text)


def test_sentences_of_a_wrapped_paragraph() -> None:
    text = "The U.S. approved it.\nIt was\nwrapped here. Then \u201cQuoted.\u201d And done!"
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "The U.S. approved it.",
        "It was\nwrapped here.",
        "Then \u201cQuoted.\u201d",
        "And done!",
    ]


def test_sentences_lose_trailing_markup_and_space() -> None:
    text = "First one here. **Second one**  \n\nThird_ \u2003"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "First one here.",
        "Second one",
        "Third",
    ]


#: the trailing strip as first written
PLAIN_TRAIL = re.compile(r"[\s*_]+$")


def _plain_trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    trail = PLAIN_TRAIL.search(text, start, end)
    if trail:
        end = trail.start()
    return [(start, end)] if end - start >= 3 else []


def test_trimming_is_the_plain_one() -> None:
    pieces = ["a", "*", "_", " ", "\n", "\t", "\u2003", "\u00a0", ".", "x_y", "#", "-"]
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert list(_trimmed(text, start, end)) == _plain_trimmed(text, start, end), repr(text)
