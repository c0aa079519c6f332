"""Time the vocabulary finders (money, systems, actors) per 3 KB of article text.

Usage: python bench/vocab_speed.py [FILE_OR_FOLDER ...]   (default: seeds/)
Prints, for each finder, the best of several runs in milliseconds of CPU time per 3,000
characters (CPU time: other work on a shared machine inflates wall time), once reading each
text whole, once asking sentence by sentence as the events module does, and the load average.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from timeline.money import find_money
from timeline.systems import find_systems

try:
    from timeline.actors import find_actors
except ImportError:  # the actors table may not exist yet
    find_actors = None  # type: ignore[assignment]

REPEATS = 7
LOOPS = 50
CHUNK = 3000
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def texts(paths: list[str]) -> list[str]:
    """Return the texts of the .txt files under the paths."""
    files: list[Path] = []
    for p in map(Path, paths or ["seeds"]):
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return [f.read_text(encoding="utf-8") for f in files]


def ms_per_chunk(finder: Callable[..., object], docs: list[str], by_sentence: bool) -> float:
    """Return the best time of the finder over the docs, in ms per 3,000 characters."""
    finder(docs[0])  # load tables and compile patterns outside the timing
    spans = [
        [(m.start(), m.end()) for m in SENTENCE.finditer(d)] if by_sentence else [(0, len(d))]
        for d in docs
    ]
    chars = sum(map(len, docs)) * LOOPS
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.process_time()
        for _ in range(LOOPS):
            for d, doc_spans in zip(docs, spans, strict=True):
                for start, end in doc_spans:
                    finder(d, start, end)
        best = min(best, time.process_time() - t0)
    return best / chars * CHUNK * 1000


def main() -> None:
    docs = texts(sys.argv[1:])
    print(f"load average {os.getloadavg()[0]:.2f}")
    finders = {"find_money": find_money, "find_systems": find_systems, "find_actors": find_actors}
    for name, finder in finders.items():
        if finder is not None:
            whole = ms_per_chunk(finder, docs, by_sentence=False)
            sentences = ms_per_chunk(finder, docs, by_sentence=True)
            print(
                f"{name}: {whole:.3f} ms per 3 KB read whole, {sentences:.3f} sentence by sentence"
            )


if __name__ == "__main__":
    main()
