"""The alias matcher: word boundaries, case classes, spellings, separators, reading a text once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields
from functools import cache
from pathlib import Path

import pytest

from timeline import actors, systems
from timeline.records import Match
from timeline.sentences import sentence_spans
from timeline.vocabulary import (
    _SEP,
    _UNIT_REGEX,
    Entry,
    Hit,
    Vocabulary,
    _lookup,
    _Node,
    _trie,
    alias_key,
    build_vocabulary,
    case_class,
    find_hits,
    lowered,
    new_match,
    spelling_variants,
    whole_text_once,
)

ROOT = Path(__file__).parent.parent
ARTICLES = sorted([*(ROOT / "tests/data/articles").rglob("*.txt"), *(ROOT / "seeds").glob("*.txt")])

ROWS = [
    (Entry("TOW 2B", "munitions"), ["TOW", "TOW 2B"]),
    (Entry("Harpoon", "anti-ship"), ["Harpoon", "Harpoon Block II"]),
    (Entry("air defence", "air defence"), ["air defense"]),
    (Entry("drones", "drones"), ["drones", "drone"]),
    (Entry("US government", "government"), ["US", "U.S.", "Taiwan's ally"]),
]
VOCAB = build_vocabulary(ROWS)


def hits(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.entries[0].name) for h in find_hits(VOCAB, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOW missiles", [("TOW", "TOW 2B")]),
        ("a tow truck", []),
        ("TOW 2B missiles", [("TOW 2B", "TOW 2B")]),
        ("TOW-2B", [("TOW-2B", "TOW 2B")]),
        ("Harpoons and HARPOON", [("Harpoons", "Harpoon"), ("HARPOON", "Harpoon")]),
        ("a harpoon", []),
        ("Harpoon Block II missiles", [("Harpoon Block II", "Harpoon")]),
        (
            "air-defence and Air Defense",
            [("air-defence", "air defence"), ("Air Defense", "air defence")],
        ),
        ("air\u2013defence", [("air\u2013defence", "air defence")]),
        ("anti-drone guns", []),
        ("drone-makers", [("drone", "drones")]),
        ("the U.S. and the US but not us", [("U.S.", "US government"), ("US", "US government")]),
        ("US$7 billion", []),
        ("Taiwan\u2019s ally", [("Taiwan\u2019s ally", "US government")]),
        ("Harpoon", [("Harpoon", "Harpoon")]),
    ],
)
def test_hits(text: str, expected: list[tuple[str, str]]) -> None:
    assert hits(text) == expected


def test_start_and_end_limit_the_search_and_keep_offsets() -> None:
    text = "Harpoon. Then drones. And TOW."
    start, end = text.index("Then"), text.index("And")
    found = list(find_hits(VOCAB, text, start, end))
    assert [(h.start, h.end, h.alias) for h in found] == [(14, 20, "drones")]
    assert list(find_hits(VOCAB, text, 1, 7)) == []  # mid-word: no alias may start there


@pytest.mark.parametrize(
    ("alias", "rule"),
    [
        ("TOW", "exact"),
        ("MS-110", "exact"),
        ("U.S.", "exact"),
        ("Harpoon", "initial"),
        ("Mk 48", "initial"),
        ("cruise missiles", "any"),
    ],
)
def test_case_class(alias: str, rule: str) -> None:
    assert case_class(alias) == rule


@pytest.mark.parametrize(
    ("alias", "variants"),
    [
        ("air defense", ["air defense", "air defence"]),
        (
            "Defence Security Cooperation Agency",
            ["Defence Security Cooperation Agency", "Defense Security Cooperation Agency"],
        ),
        ("armored vehicles", ["armored vehicles", "armoured vehicles"]),
        ("HIMARS", ["HIMARS"]),
    ],
)
def test_spelling_variants(alias: str, variants: list[str]) -> None:
    assert spelling_variants(alias) == variants


def test_alias_key_ignores_case_and_separators() -> None:
    assert alias_key("F-16 Block 70") == alias_key("f16 block70") == "f16block70"


def test_whole_text_once_reads_once_and_answers_spans() -> None:
    calls: list[tuple[int, int]] = []

    def finder(text: str, start: int, end: int) -> list[Match]:
        calls.append((start, end))
        return [
            Match(h.start, h.end, text[h.start : h.end], h.entries[0].name)
            for h in find_hits(VOCAB, text, start, end)
        ]

    within = whole_text_once(finder)
    text = "Harpoon sold. Then drones flew. TOW too."
    first, second = text.index("Then"), text.index("TOW")
    assert [m.name for m in within(text, 0, first)] == ["Harpoon"]
    assert [m.name for m in within(text, first, second)] == ["drones"]
    assert [m.name for m in within(text, second, None)] == ["TOW 2B"]
    assert calls == [(0, len(text))]
    # a span that cuts a match in two is read on its own
    assert [m.name for m in within(text, 0, 3)] == []
    assert calls[-1] == (0, 3)


def _first_emit(node: _Node) -> str:
    """Return a trie node's regex as first written, with a repeat for what may be left out."""
    order = sorted(node.children, key=lambda u: (u != _SEP, u))
    parts = [_UNIT_REGEX.get(u, re.escape(u)) + _first_emit(node.children[u]) for u in order]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not node.terminal else "(?:" + "|".join(parts) + ")"
    return body + "?" if node.terminal else body


@cache
def _first_regex(table: str) -> re.Pattern[str]:
    """Return the pattern of a table's vocabulary as first written: "[^\\w\\-]" in it."""
    surfaces = {a for pairs in _vocabularies()[table].by_key.values() for a, _ in pairs}
    return re.compile(f"[^\\w\\-]({_first_emit(_trie(surfaces))}(?:es|s)?)(?![\\w$])")


def _vocabularies() -> dict[str, Vocabulary]:
    """Return the vocabularies of the actors and systems tables."""
    return {"actors": actors._vocabulary(), "systems": systems._vocabulary()}


def _first_hits(table: str, text: str, start: int, end: int) -> Iterator[Hit]:
    """Yield the hits of find_hits as first written, with its pattern."""
    vocab, regex = _vocabularies()[table], _first_regex(table)
    origin = start - 1
    low = lowered(text[origin:end]) if start > 0 else " " + lowered(text[:end])
    pos: int | None = 0
    while pos is not None:
        resume, pos = pos, None
        for m in regex.finditer(low, resume):
            a, b = origin + m.start(1), origin + m.end(1)
            found = _lookup(vocab, text[a:b])
            if found is None:
                pos = m.start(1)
                break
            yield Hit(a, b, *found)


def _garbled(text: str) -> list[str]:
    """Return the text with non-ASCII letters, digits and spaces before some of its words."""
    return [
        text,
        text.replace(" T", " \u00e9T").replace(" U", "\u0663U").replace(" P", "\u00a0P"),
        text.replace(" ", "\U0001d400", 40).replace(" C", "\u2019C").replace(" H", "\u00dfH"),
    ]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_find_hits_matches_the_first_pattern_on_articles(path: Path) -> None:
    for table, vocab in _vocabularies().items():
        for text in _garbled(path.read_text(encoding="utf-8")):
            for start, end in [(0, len(text)), *sentence_spans(text)]:
                assert list(find_hits(vocab, text, start, end)) == list(
                    _first_hits(table, text, start, end)
                )


def test_new_match_is_a_match() -> None:
    made = new_match(3, 9, "Taiwan", "Taiwan government", "government", "alias")
    assert made == Match(3, 9, "Taiwan", "Taiwan government", "government", "alias")
    # it sets the fields by name: a field added to Match must be added to it too
    assert made.__dict__.keys() == {f.name for f in fields(Match)}
