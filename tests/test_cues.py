"""Cue patterns tried only where their first words begin find what a full search finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.cues import ASCII_LOWER, INDEXED, QUOTES, CueIndex, first_words
from timeline.events import _masked
from timeline.sentences import sentence_spans

ROOT = Path(__file__).parent.parent
ARTICLES = sorted(
    p
    for folder in (ROOT / "tests" / "data" / "articles", ROOT / "seeds")
    if folder.is_dir()
    for p in folder.rglob("*")
    if p.suffix in (".txt", ".md")
)


@pytest.mark.parametrize(
    ("source", "words", "at_start"),
    [
        (r"\bsa(?:id|ys)\b|\btold\b", {"said", "says", "told"}, False),
        (r"\b(?:a-b|cd)x", {"a", "cd"}, False),  # a branch read in part ends the reading
        (r"\b(?:ab|cd)x", {"abx", "cdx"}, False),
        (r"\b(?:ab|cd)?x", {"ab", "cd", "x"}, False),  # an optional group may be skipped
        (r"\bq(?:a|b(?:c|d)e)f", {"qaf", "qbcef", "qbdef"}, False),
        (r"\bab(?:c|d)+", {"ab"}, False),
        (r"\bslamm?(?:ed|s)\b", {"slam"}, False),
        (r"\b(ab)c|^x", {"abc"}, True),
        (r"\bdefen[cs]e", {"defen"}, False),
    ],
)
def test_first_words(source: str, words: set[str], at_start: bool) -> None:
    assert first_words(re.compile(source)) == (frozenset(words), at_start)


@pytest.mark.parametrize("source", [r"said|\btold", r"\b\$\d", r"\b(?i:said)", r"\b(?:a|\$)"])
def test_no_first_words(source: str) -> None:
    assert first_words(re.compile(source)) is None


def _sentences() -> list[str]:
    out = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8", errors="replace").translate(ASCII_LOWER)
        out += [text[a:b] for a, b in sentence_spans(text)]
    return out


def _same(pattern: re.Pattern[str], index: CueIndex, text: str) -> None:
    def spans(ms: object) -> list[tuple[int, int]]:
        return [m.span() for m in ms]  # type: ignore[attr-defined]

    want, got = pattern.search(text), index.search(pattern, text)
    assert (want and want.span()) == (got and got.span()), (pattern.pattern[:40], text)
    assert spans(pattern.finditer(text)) == spans(index.finditer(pattern, text)), text


def test_index_finds_what_search_finds_in_real_sentences() -> None:
    sentences = _sentences()
    assert len(sentences) > 100
    for sentence in sentences:
        index = CueIndex(sentence)
        for text in (sentence, _masked(sentence)):
            for pattern in INDEXED:
                _same(pattern, index, text)


def test_index_finds_what_search_finds_at_word_edges() -> None:
    # every first word, glued to letters, underscores, digits, accents, quotes and punctuation
    words = sorted({w for p in INDEXED for w in first_words(p)[0]})  # type: ignore[index]
    tails = ["", "s", "ed", "ing", " sale", " arms sales", " the sale", " to congress", ","]
    edges = ["", " ", "x", "_", "9", "é", "-", "“", "”", '"', "(", ")", ".", "\n", "^", ", "]
    openings = ["", "in response to the sale, ", "asked about it, "]
    rng = random.Random(7)
    for _ in range(4000):
        parts = [rng.choice(edges) + rng.choice(words) + rng.choice(tails) for _ in range(5)]
        text = rng.choice(openings) + rng.choice(edges).join(parts)
        index = CueIndex(text)
        for blanked in (text, _masked(text)):  # a blanked copy is searched with the text's index
            for pattern in INDEXED:
                _same(pattern, index, blanked)


#: the quote pattern as first written, trying every position
PLAIN_QUOTES = re.compile(r"[“\"]([^”\"]{0,400})[”\"]|\(([^()]{0,200})\)")


def test_quotes_pattern_finds_the_plain_quotes() -> None:
    pieces = ["“", "”", '"', "(", ")", "a", " ", "said", "((", "))", "\n"]
    rng = random.Random(5)
    texts = _sentences() + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20000)
    ]
    for text in texts:
        want = [(m.span(), m.groups()) for m in PLAIN_QUOTES.finditer(text)]
        assert [(m.span(), m.groups()) for m in QUOTES.finditer(text)] == want, text
