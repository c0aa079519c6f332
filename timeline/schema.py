"""The columns of every table the project produces, with dtype and meaning, in one place."""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    name: str
    dtype: str  # pandas dtype of the column in the DataFrame
    meaning: str


#: ``python -m timeline docs``: one row per document
DOC_COLUMNS: tuple[Column, ...] = (
    Column("doc", "string", "file name, or file#record for a collection"),
    Column("title", "string", "title from the manifest, record or page"),
    Column("outlet", "string", "who published it"),
    Column("url", "string", "where it was published"),
    Column("published", "string", "ISO publication date, or empty"),
    Column("published_source", "string", "manifest, metadata, text, inferred, user or none"),
    Column("chars", "Int64", "characters of decoded text"),
    Column("boilerplate_chars", "Int64", "characters the cleaner set aside"),
    Column("error", "string", "empty, or why the file could not be read"),
)

#: ``python -m timeline dates``: one row per temporal expression
DATE_COLUMNS: tuple[Column, ...] = (
    Column("doc", "string", "the document"),
    Column("start", "Int64", "character offset where the expression starts"),
    Column("end", "Int64", "character offset where it ends (exclusive)"),
    Column("text", "string", "the expression as written"),
    Column("type", "string", "TIMEX3 type: DATE, TIME, DURATION or SET"),
    Column("value", "string", "TIMEX3 value"),
    Column("anchor", "string", "the date a relative expression was resolved against"),
)

#: ``python -m timeline events``: one row per event mention, in document order
MENTION_COLUMNS: tuple[Column, ...] = (
    Column("doc", "string", "the document"),
    Column("event_id", "string", "the timeline event this mention belongs to"),
    Column(
        "event_type",
        "string",
        "approval, plan_or_talks, delivery, budget, reaction, sanction, other",
    ),
    Column("date", "string", "first day of the event's interval (ISO), empty when not placed"),
    Column("date_precision", "string", "day, week, month, quarter, year or approximate"),
    Column(
        "date_text",
        "string",
        "the expression the date came from; empty when it took the publication date",
    ),
    Column("actor", "string", "who acted or spoke, normalised"),
    Column("stance", "string", "oppose, support or neutral, for reactions and sanctions"),
    Column("value_usd", "Float64", "the sale's value in US dollars; a range's low end"),
    Column("value_usd_high", "Float64", "a range's high end"),
    Column("systems", "string", "weapon systems named, ;-separated"),
    Column("evidence", "string", "the sentence the mention rests on, exactly as in the text"),
    Column("start", "Int64", "the sentence's start offset"),
    Column("end", "Int64", "the sentence's end offset (exclusive)"),
    Column("confidence", "Float64", "0 to 1"),
)

#: extra mention columns kept for the page (provenance); not printed by the command line
MENTION_EXTRA_COLUMNS: tuple[Column, ...] = (
    Column("date_end", "string", "last day of the event's interval (ISO)"),
    Column("date_source", "string", "timex, published or none: where the date came from"),
    Column("categories", "string", "system categories, ;-separated"),
    Column("value_text", "string", "the money expression the value came from"),
    Column("rule", "string", "which rule produced the mention"),
    Column("published", "string", "the document's publication date (ISO)"),
    Column("outlet", "string", "the document's outlet"),
    Column("title", "string", "the document's title"),
)

#: the ``timeline`` DataFrame behind the page: one row per event_id
TIMELINE_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "stable id shared by all mentions of the event"),
    Column("event_type", "string", "as for mentions"),
    Column("date", "datetime64[ns]", "first day of the event's interval (NaT when not placed)"),
    Column("date_end", "datetime64[ns]", "last day of the interval"),
    Column("date_precision", "string", "day, week, month, quarter, year or approximate"),
    Column("date_text", "string", "the expression the date came from"),
    Column("actor", "string", "normalised actor"),
    Column("stance", "string", "oppose, support, neutral or empty"),
    Column("value_usd", "Float64", "value in USD (a range's low end)"),
    Column("value_usd_high", "Float64", "a range's high end"),
    Column(
        "counted_usd",
        "Float64",
        "the value that enters sums: 0 for parts of a package already counted",
    ),
    Column("part_of", "string", "event_id of the package total this event is part of"),
    Column("systems", "string", "weapon systems, ;-separated"),
    Column("categories", "string", "their categories, ;-separated"),
    Column("category", "string", "the main category (for stacking)"),
    Column("n_mentions", "Int64", "how many mentions"),
    Column("n_sources", "Int64", "how many distinct documents report it"),
    Column("sources", "string", "the documents, ;-separated"),
    Column("outlets", "string", "their outlets, ;-separated"),
    Column("first_report", "datetime64[ns]", "earliest publication date among its sources"),
    Column("evidence", "string", "the sentence of its most confident mention"),
    Column("summary", "string", "one line in words: who did what, when, for how much"),
    Column("answers", "string", "for a reaction: event_id of the sale it answers"),
    Column("lag_days", "Float64", "days from that sale to this reaction"),
    Column("confidence", "Float64", "0 to 1"),
    Column("corrected", "string", "fields a user corrected, ;-separated"),
)

EVENT_TYPES = ("approval", "plan_or_talks", "delivery", "budget", "reaction", "sanction", "other")
STANCES = ("oppose", "support", "neutral")
PRECISIONS = ("day", "week", "month", "quarter", "year", "approximate")


def names(columns: tuple[Column, ...]) -> list[str]:
    """Return the column names in order."""
    return [c.name for c in columns]
