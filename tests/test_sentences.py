"""Sentence ends: the pattern that skips ahead finds the ends the plain one found."""

from __future__ import annotations

import random
import re

from timeline.sentences import _END, sentence_spans

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
