"""Score timeline.temporal.tag against TempEval-3 .tml documents (strict, relaxed, value F1)."""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    corpus: str
    dct: date
    text: str
    timexes: tuple[Gold, ...]


def read_tml(path: Path) -> GoldDoc:
    """Return the plain text of <TEXT>, its DCT and the gold TIMEX3 spans as offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    assert dct_match, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    pos = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            assert open_timex is not None
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(Gold(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(ATTR.findall(m.group(3))))
    parts.append(html.unescape(body[pos:]))
    y, mo, d = map(int, dct_match.group(1).split("-"))
    return GoldDoc(path.stem, path.parent.name, date(y, mo, d), "".join(parts), tuple(timexes))


def tml_paths(args: list[str]) -> list[Path]:
    """Return the .tml files named by args (files, or folders searched recursively)."""
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths.extend(sorted(p.rglob("*.tml")) if p.is_dir() else [p])
    return paths


def overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def match(gold: list, system: list) -> list[tuple]:
    """Return one-to-one (gold, system) pairs of overlapping spans, exact spans first."""
    pairs = []
    used: set[int] = set()
    unmatched = []
    for g in gold:
        hit = next((i for i, s in enumerate(system) if i not in used
                    and (s.start, s.end) == (g.start, g.end)), None)
        if hit is None:
            unmatched.append(g)
        else:
            used.add(hit)
            pairs.append((g, system[hit]))
    for g in unmatched:
        hit = next((i for i, s in enumerate(system) if i not in used and overlaps(g, s)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((g, system[hit]))
    return pairs


def f1(correct: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p * 100, r * 100, (2 * p * r / (p + r) * 100 if p + r else 0.0)


def score(docs: list[GoldDoc], outputs: list[list]) -> dict[str, float]:
    """Return strict/relaxed/value F1 and type accuracy over the documents."""
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for doc, system in zip(docs, outputs, strict=True):
        n_gold += len(doc.timexes)
        n_sys += len(system)
        pairs = match(list(doc.timexes), system)
        relaxed += len(pairs)
        strict += sum((g.start, g.end) == (s.start, s.end) for g, s in pairs)
        value_ok += sum(g.value == s.value for g, s in pairs)
        type_ok += sum(g.type == s.type for g, s in pairs)
    return {
        "gold": n_gold, "system": n_sys,
        "strict": f1(strict, n_sys, n_gold), "relaxed": f1(relaxed, n_sys, n_gold),
        "value": f1(value_ok, n_sys, n_gold),
        "type_acc": type_ok / relaxed * 100 if relaxed else 0.0,
    }


def report(title: str, s: dict) -> None:
    print(f"{title:10s} gold {s['gold']:5d} system {s['system']:5d}  "
          f"strict P/R/F1 {s['strict'][0]:5.1f} {s['strict'][1]:5.1f} {s['strict'][2]:6.2f}  "
          f"relaxed {s['relaxed'][0]:5.1f} {s['relaxed'][1]:5.1f} {s['relaxed'][2]:5.1f}  "
          f"value {s['value'][0]:5.1f} {s['value'][1]:5.1f} {s['value'][2]:6.2f}  "
          f"type acc {s['type_acc']:5.1f}")


def context(text: str, a: int, b: int) -> str:
    """Return the span [a, b) marked with [[ ]] inside a line of its surroundings."""
    before = text[max(0, a - 50) : a].replace("\n", " ")
    return before + "[[" + text[a:b] + "]]" + text[b : b + 30].replace("\n", " ")


def print_errors(docs: list[GoldDoc], outputs: list[list], kinds: set[str]) -> None:
    """Print missed, spurious, mis-spanned and wrong-valued expressions grouped by kind and rule."""
    groups: dict[str, list[str]] = defaultdict(list)
    for doc, system in zip(docs, outputs, strict=True):
        pairs = match(list(doc.timexes), system)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g in doc.timexes:
            if id(g) not in matched_g:
                groups["missed"].append(
                    f"{doc.name} {doc.dct} {g.type} {g.value}: {context(doc.text, g.start, g.end)}")
        for s in system:
            if id(s) not in matched_s:
                groups[f"spurious/{s.rule}"].append(
                    f"{doc.name} {doc.dct} {s.type} {s.value}: {context(doc.text, s.start, s.end)}")
        for g, s in pairs:
            if (g.start, g.end) != (s.start, s.end):
                groups[f"span/{s.rule}"].append(f"{doc.name} gold [{g.text}] sys [{s.text}]")
            if g.value != s.value:
                groups[f"value/{s.rule}"].append(
                    f"{doc.name} {doc.dct} gold {g.type} {g.value} sys {s.type} {s.value}: "
                    f"{context(doc.text, g.start, g.end)}")
    for key in sorted(groups, key=lambda k: -len(groups[k])):
        if kinds and key.split("/")[0] not in kinds:
            continue
        print(f"\n== {key} ({len(groups[key])})")
        for line in groups[key]:
            print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--errors", default="", help="comma list: missed,spurious,span,value")
    args = parser.parse_args()
    t0 = time.perf_counter()
    from timeline.temporal import tag
    docs = [read_tml(p) for p in tml_paths(args.paths)]
    t1 = time.perf_counter()
    outputs = [tag(d.text, d.dct) for d in docs]
    t2 = time.perf_counter()
    by_corpus: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_corpus[d.corpus].append(i)
    if len(by_corpus) > 1:
        for corpus, idx in sorted(by_corpus.items()):
            report(corpus, score([docs[i] for i in idx], [outputs[i] for i in idx]))
    report("all", score(docs, outputs))
    print(f"{len(docs)} documents: tagging {len(docs) / (t2 - t1):.0f} docs/s, "
          f"total {len(docs) / (t2 - t0):.0f} docs/s (import + read + tag {t2 - t0:.2f} s)")
    if args.errors:
        print_errors(docs, outputs, set(args.errors.split(",")) - {"all"})


if __name__ == "__main__":
    main()
