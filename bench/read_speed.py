"""Measure how fast documents are read: 10,000 small generated articles in a temporary folder.

Usage: python bench/read_speed.py [--docs N]

Articles are built from the seed paragraphs (shuffled, with their footers and sidebars), so
boilerplate marking and date finding do real work. Three corpora are timed: a folder of .txt
files with a manifest, the same folder without one (datelines and inference run), and one
JSON lines collection. Prints docs/s for each, by wall clock and by CPU time (the
latter is steadier when other work shares the machine).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.documents import read_corpus  # noqa: E402

DATELINES = (
    "Global Research, October 27, 2020",
    "WASHINGTON, Sept 16 (Reuters) -",
    "Published: 12 March 2023",
    "",
)


def paragraphs() -> list[str]:
    """Return the seeds' paragraphs."""
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return found


def article(rng: random.Random, pool: list[str]) -> str:
    """Return one generated article of 8 to 20 seed paragraphs."""
    body = rng.sample(pool, rng.randint(8, 20))
    return "\n\n".join([rng.choice(DATELINES), *body]) + "\n"


def build(folder: Path, count: int) -> None:
    """Write count articles, a manifest for them and a JSON lines collection of them."""
    rng = random.Random(7)
    pool = paragraphs()
    texts = [article(rng, pool) for _ in range(count)]
    (folder / "plain").mkdir()
    (folder / "listed").mkdir()
    with (folder / "listed" / "manifest.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "title", "outlet", "url", "published"])
        for i, text in enumerate(texts):
            name = f"{i:05d}.txt"
            (folder / "plain" / name).write_text(text, encoding="utf-8")
            (folder / "listed" / name).write_text(text, encoding="utf-8")
            writer.writerow([name, f"Article {i}", "Bench", "", "2020-10-27"])
    with (folder / "all.jsonl").open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": i, "text": text, "published": "2020-10-27"}) + "\n")


def timed(label: str, path: Path) -> None:
    """Read path and print how many documents a second that took."""
    start, cpu = time.perf_counter(), time.process_time()
    docs, errors = read_corpus([path])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    chars = sum(len(d.text) for d in docs) / max(1, len(docs))
    print(
        f"{label:<26} {len(docs):>6} docs {len(errors):>2} errors {seconds:6.2f} s wall "
        f"{len(docs) / seconds:6.0f} docs/s, {cpu:6.2f} s CPU {len(docs) / cpu:6.0f} docs/s "
        f"({chars:.0f} chars/doc)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    count = parser.parse_args().docs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, count)
        timed("txt folder with manifest", folder / "listed")
        timed("txt folder, no manifest", folder / "plain")
        timed("one jsonl collection", folder / "all.jsonl")


if __name__ == "__main__":
    main()
