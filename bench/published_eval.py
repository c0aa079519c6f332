"""How well the text alone dates an article: datelines and inference against TimeML DCTs.

Usage: python bench/published_eval.py [TRAIN_DIR]

TRAIN_DIR defaults to ../shared/data/tempeval3/train (read in place, never copied). Each
.tml file's <TEXT> (tags removed) is dated by find_dateline, else infer_published, and
compared with its document creation time. Prints, per source, how many documents got a
date, how many of those hit the day exactly, fell within 3 days, or had the right year,
and the mean confidence given.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from datetime import date
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.published import find_dateline, infer_published  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "tempeval3" / "train"
TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
NEAR_DAYS = 3


def article(path: Path) -> tuple[str, date] | None:
    """Return a TimeML file's plain text and its creation date, or None."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', raw, re.S)
    body = TEXT_RE.search(raw)
    if dct is None or body is None:
        return None
    return unescape(TAG_RE.sub("", body.group(1))), date.fromisoformat(dct.group(1))


def dated(text: str) -> tuple[str, date, float] | None:
    """Return (source, date, confidence) as the loader would find them from the text."""
    dateline = find_dateline(text)
    if dateline is not None:
        return "text", dateline[0], 0.9
    inferred = infer_published(text)
    if inferred is not None:
        return "inferred", inferred[0], inferred[1]
    return None


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    counts: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0])
    total = 0
    for path in sorted(folder.rglob("*.tml")):
        found = article(path)
        if found is None:
            continue
        total += 1
        text, truth = found
        got = dated(text)
        if got is None:
            continue
        source, day, confidence = got
        row = counts[source]
        row[0] += 1
        row[1] += day == truth
        row[2] += abs((day - truth).days) <= NEAR_DAYS
        row[3] += day.year == truth.year
        row[4] += confidence
    print(f"{total} documents in {folder}")
    print(f"{'source':<10} {'dated':>6} {'exact':>6} {'<=3d':>6} {'year':>6} {'mean conf':>9}")
    for source, (n, exact, near, year, conf) in sorted(counts.items()):
        print(f"{source:<10} {n:>6.0f} {exact:>6.0f} {near:>6.0f} {year:>6.0f} {conf / n:>9.2f}")
    undated = total - sum(row[0] for row in counts.values())
    print(f"{'none':<10} {undated:>6}")


if __name__ == "__main__":
    main()
