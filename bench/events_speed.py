"""Time `python -m timeline events` over a generated 10,000-article corpus: docs/s and peak memory.

    python bench/events_speed.py [--docs 10000] [--keep DIR]

The corpus is built from the seed articles: each article is a seed with its
paragraphs reordered, its dates, values and names varied, and a publication date
of its own, so that no two texts are equal and nothing is served from the cache.
It is written as one folder of .txt files with a manifest.csv. The whole command
runs as a child process, start-up included; its memory is the sum of the resident
memory of it and its workers, sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TARGET_DOCS_PER_SECOND = 500
TARGET_PEAK_MB = 1024
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OUTLETS = ("Wire", "Daily", "Observer", "Monitor", "Herald", "Post")


def build_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """Write n varied articles and their manifest into folder."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "title", "outlet", "url", "published"])
        for i in range(n):
            text = _vary(rng.choice(sources), rng, i)
            name = f"a{i:05d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            published = date(2008, 1, 1) + timedelta(days=rng.randrange(6400))
            writer.writerow([name, f"Article {i}", rng.choice(OUTLETS), "", published.isoformat()])


def _vary(text: str, rng: random.Random, i: int) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    text = "\n\n".join(head + body[: max(3, len(body) - rng.randrange(3))])
    text = re.sub(
        r"\d+(?:\.\d+)? (million|billion)",
        lambda m: f"{rng.randrange(50, 990) / 10:g} {m.group(1)}",
        text,
    )
    text = re.sub(
        r"\b(Monday|Tuesday|Wednesday|Thursday|Friday)\b", lambda m: rng.choice(WEEKDAYS), text
    )
    return text + f"\n\nReference {i}: filed by desk {rng.randrange(1000)}.\n"


def run(folder: Path) -> tuple[float, float, int, float]:
    """Return (seconds, peak MB, mentions, CPU seconds of it and its workers) of one run."""
    cmd = [sys.executable, "-m", "timeline", "events", str(folder), "--format", "csv", "--no-cache"]
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.seek(0)
        rows = sum(1 for _ in out) - 1
    if proc.returncode != 0:
        raise SystemExit(f"events exited {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
    return seconds, peak / 1024, rows, cpu


def _tree_rss_kb(pid: int) -> int:
    """Return the resident memory (kB) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "corpus"
        t = time.perf_counter()
        build_corpus(folder, args.docs)
        print(
            f"built {args.docs} articles in {time.perf_counter() - t:.1f} s, {os.cpu_count()} cores"
        )
        seconds, peak_mb, rows, cpu = run(folder)
    rate = args.docs / seconds
    print(
        f"events: {seconds:.1f} s, {rate:.0f} docs/s (target >= {TARGET_DOCS_PER_SECOND}), "
        f"peak memory {peak_mb:.0f} MB (target <= {TARGET_PEAK_MB}), {rows} mentions"
    )
    # wall time suffers from anything else running; CPU time does not
    print(
        f"CPU {cpu:.1f} s in all ({args.docs / cpu:.0f} docs per CPU second); "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )
    return 0 if rate >= TARGET_DOCS_PER_SECOND and peak_mb <= TARGET_PEAK_MB else 1


if __name__ == "__main__":
    sys.exit(main())
