"""Official U.S. notifications of arms sales to Taiwan: the day each known value was notified."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

#: values within this share of a notified value are the same sale
VALUE_TOLERANCE = 0.02
#: the table shipped with the package (date, system, value_usd, row_type, reported_by, note)
TABLE = "dsca_taiwan_notifications.csv"


@cache
def notified_values() -> tuple[tuple[date, float, str], ...]:
    """Return (day, value, what) for every notification, every aggregate, and every day's total."""
    text = (Path(__file__).parent / "data" / TABLE).read_text(encoding="utf-8")
    rows = []
    per_day: dict[date, list[float]] = defaultdict(list)
    for r in csv.DictReader(io.StringIO(text)):
        try:
            day, value = date.fromisoformat(r["date"]), float(r["value_usd"])
        except (KeyError, ValueError):
            continue
        rows.append((day, value, r["system"]))
        if r.get("row_type") == "notification":
            per_day[day].append(value)
    rows += [
        (day, sum(values), f"{len(values)} notifications that day")
        for day, values in per_day.items()
        if len(values) > 1
    ]
    return tuple(rows)


def notification_day(value: float, first: date, last: date) -> tuple[date, str] | None:
    """Return the one day in [first, last] a sale of this value was notified, and what it was."""
    days = {
        (day, what)
        for day, v, what in notified_values()
        if first <= day <= last and abs(v - value) <= VALUE_TOLERANCE * v
    }
    if len({d for d, _ in days}) != 1:
        return None  # none, or several days: the text alone must do
    return min(days)
