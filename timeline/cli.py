"""The command line: ``python -m timeline docs|dates|events``; the page runs the same functions."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

from timeline.schema import DATE_COLUMNS, DOC_COLUMNS, MENTION_COLUMNS, names

if TYPE_CHECKING:
    import pandas as pd

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `| head` closed the pipe: not an error of ours
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    docs = sub.add_parser("docs", help="one row per document: metadata and publication date")
    docs.add_argument("paths", nargs="+", metavar="PATH")
    docs.add_argument("--manifest", help="a manifest.csv giving each file's metadata")
    docs.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    docs.set_defaults(run=_run_docs)

    dates = sub.add_parser("dates", help="one row per temporal expression")
    dates.add_argument("paths", nargs="+", metavar="FILE")
    dates.add_argument("--published", type=_iso_date, help="publication date YYYY-MM-DD")
    dates.add_argument("--manifest", help="a manifest.csv giving each file's metadata")
    dates.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    dates.set_defaults(run=_run_dates)

    events = sub.add_parser("events", help="one row per event mention, in document order")
    events.add_argument("paths", nargs="+", metavar="PATH")
    events.add_argument("--manifest", help="a manifest.csv giving each file's metadata")
    events.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    events.add_argument("--no-cache", action="store_true", help="extract again even if cached")
    events.set_defaults(run=_run_events)
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _read(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from timeline.documents import read_corpus

    docs, errors = read_corpus(args.paths, manifest=args.manifest)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return docs, errors


def _run_docs(args: argparse.Namespace) -> int:
    from timeline.documents import document_row, error_row

    docs, errors = _read(args)
    rows = [document_row(d) for d in docs] + [error_row(e) for e in errors]
    write_rows(rows, names(DOC_COLUMNS), args.format, sys.stdout)
    return EXIT_SKIPPED if errors else EXIT_OK


def _run_dates(args: argparse.Namespace) -> int:
    from timeline.temporal import tag

    docs, errors = _read(args)
    fmt, out = args.format, sys.stdout
    header = names(DATE_COLUMNS)
    writer = _writer(header, fmt, out)
    for doc in docs:
        published = args.published or doc.published
        if args.published is not None:  # the command line overrides the file's own date
            doc = dataclasses.replace(doc, published=args.published, published_source="user")
        skip = [(b.start, b.end) for b in doc.boilerplate]
        for t in tag(doc.text, published, skip=skip):
            writer(
                {
                    "doc": doc.doc,
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "type": t.type,
                    "value": t.value,
                    "anchor": t.anchor,
                }
            )
    return EXIT_SKIPPED if errors else EXIT_OK


def _run_events(args: argparse.Namespace) -> int:
    from timeline.corpus import read_mentions

    _, errors, mentions = read_mentions(args.paths, args.manifest, use_cache=not args.no_cache)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    write_frame(mentions[names(MENTION_COLUMNS)], args.format, sys.stdout)
    return EXIT_SKIPPED if errors else EXIT_OK


def write_frame(frame: pd.DataFrame, fmt: str, out: TextIO) -> None:
    """Write a DataFrame as CSV or JSON lines: missing values empty, whole numbers without '.0'."""
    import pandas as pd  # only the events command needs it: dates and docs start faster without

    if fmt == "jsonl":
        if len(frame):
            out.write(
                frame.to_json(orient="records", lines=True, force_ascii=False, double_precision=15)
            )
        return
    cells = frame.copy()
    for name in cells.columns:
        if pd.api.types.is_float_dtype(cells[name]):
            cells[name] = cells[name].map(_cell, na_action="ignore").astype("string")
    cells.to_csv(out, index=False, lineterminator="\n")


def write_rows(rows: Iterable[dict[str, object]], header: list[str], fmt: str, out: TextIO) -> None:
    """Write rows as CSV (with a header) or JSON lines, in the given column order."""
    writer = _writer(header, fmt, out)
    for row in rows:
        writer(row)


def _writer(header: list[str], fmt: str, out: TextIO):  # type: ignore[no-untyped-def]
    if fmt == "jsonl":

        def write_json(row: dict[str, object]) -> None:
            out.write(
                json.dumps({k: _plain(row.get(k)) for k in header}, ensure_ascii=False) + "\n"
            )

        return write_json
    csv_writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    csv_writer.writeheader()

    def write_csv(row: dict[str, object]) -> None:
        csv_writer.writerow({k: _cell(row.get(k)) for k in header})

    return write_csv


def _plain(value: object) -> object:
    """Return a JSON-ready value: missing values become None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()  # type: ignore[no-any-return,attr-defined]
    return value


def _cell(value: object) -> object:
    """Return a CSV cell: missing values become empty, whole floats lose their '.0'."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value
