"""Approvals known only to their year, month or as 'recent' take the day of the official notification."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.boilerplate import find_boilerplate
from timeline.events import extract_mentions
from timeline.records import Document
from timeline.reference import notification_day


@pytest.mark.parametrize(
    ("value", "first", "last", "day"),
    [
        (8e9, date(2019, 1, 1), date(2019, 12, 31), date(2019, 8, 20)),  # 66 F-16s
        (
            2.2e9,
            date(2019, 1, 1),
            date(2019, 12, 31),
            date(2019, 7, 8),
        ),  # tanks and Stingers, one day's total
        (
            1.81e9,
            date(2020, 10, 1),
            date(2020, 10, 31),
            date(2020, 10, 21),
        ),  # three notifications that day
        (8e9, date(2020, 1, 1), date(2020, 12, 31), None),  # not that year
        (1.234e9, date(2008, 1, 1), date(2025, 12, 31), None),  # never notified
    ],
)
def test_notification_day(value: float, first: date, last: date, day: date | None) -> None:
    found = notification_day(value, first, last)
    assert (found[0] if found else None) == day


def _doc(text: str, published: date) -> Document:
    return Document(doc="t.txt", text=text, published=published, boilerplate=find_boilerplate(text))


def test_a_sale_known_to_the_year_takes_its_notified_day() -> None:
    text = (
        "2019: The Trump administration approved the sale of 108 M1A2T Abrams tanks and Stinger missiles, "
        "worth $2.2 billion."
    )
    [m] = extract_mentions(_doc(text, date(2021, 8, 6)))
    assert (m.date, m.date_precision, m.date_source, m.date_text) == (
        date(2019, 7, 8),
        "day",
        "reference",
        "2019",
    )


def test_a_recent_package_takes_its_notified_day() -> None:
    text = "This approval follows the US government's recent announcement of a $2 billion arms package for Taiwan."
    [m] = extract_mentions(_doc(text, date(2024, 11, 30)))
    assert (m.event_type, m.date) == ("approval", date(2024, 10, 25))


def test_an_unknown_value_keeps_the_texts_own_precision() -> None:
    text = "In 2019, Washington approved an arms sale to Taiwan worth $1.234 billion."
    [m] = extract_mentions(_doc(text, date(2020, 1, 5)))
    assert (m.date, m.date_precision) == (date(2019, 1, 1), "year")
