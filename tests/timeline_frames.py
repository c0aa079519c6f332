"""Small timeline DataFrames in the TIMELINE_COLUMNS schema, built from real news sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from timeline import schema

DEFAULTS: dict[str, object] = {
    "date_precision": "day",
    "date_text": "",
    "stance": "",
    "part_of": "",
    "systems": "",
    "categories": "",
    "category": "",
    "n_mentions": 1,
    "n_sources": 1,
    "answers": "",
    "confidence": 0.8,
    "corrected": "",
}


def timeline_frame(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """Return a timeline with every schema column and dtype; defaults fill what rows omit."""
    records = []
    for row in rows:
        record = {c.name: row.get(c.name, DEFAULTS.get(c.name)) for c in schema.TIMELINE_COLUMNS}
        record["date_end"] = row.get("date_end", row.get("date"))
        record["summary"] = row.get(
            "summary", f"{row.get('actor', '')} {row.get('event_type', '')}"
        )
        record["counted_usd"] = row.get("counted_usd", row.get("value_usd"))
        record["first_report"] = row.get("first_report", row.get("date"))
        records.append(record)
    df = pd.DataFrame(records, columns=schema.names(schema.TIMELINE_COLUMNS))
    for column in schema.TIMELINE_COLUMNS:
        df[column.name] = df[column.name].astype(column.dtype)
    return df


#: events told by the seed articles, as the pipeline should build them
SEED_LIKE = [
    {
        "event_id": "e-1.8b",
        "event_type": "approval",
        "date": "2020-10-21",
        "actor": "US State Department",
        "value_usd": 1.8e9,
        "systems": "SLAM-ER;HIMARS;MS-110",
        "categories": "missiles;artillery;sensors",
        "category": "missiles",
        "sources": "002.txt",
        "outlets": "Global Research",
        "n_sources": 1,
        "evidence": "On Wednesday, Trump's State Department approved the sale of US sensors, "
        "missiles and "
        "artillery to Taiwan, a package worth around $1.8 billion.",
        "summary": "US State Department approves $1.8 bn sale",
    },
    {
        "event_id": "e-harpoon",
        "event_type": "approval",
        "date": "2020-10-26",
        "actor": "DSCA",
        "value_usd": 2.37e9,
        "systems": "Harpoon",
        "categories": "missiles",
        "category": "missiles",
        "sources": "002.txt",
        "outlets": "Global Research",
        "evidence": "On Monday, Trump's Defense Security Cooperation Agency announced the sale "
        "of around 100 "
        "Harpoon Coastal Defense Systems",
    },
    {
        "event_id": "e-zhao",
        "event_type": "reaction",
        "date": "2020-10-22",
        "actor": "China MFA",
        "stance": "oppose",
        "answers": "e-1.8b",
        "lag_days": 1.0,
        "sources": "002.txt;005.txt",
        "outlets": "Global Research;Reuters",
        "n_sources": 2,
        "evidence": "On Thursday, Chinese Foreign Ministry spokesman Zhao Lijian "
        "slammed the Trump regime",
    },
    {
        "event_id": "e-talks",
        "event_type": "plan_or_talks",
        "date": "2025-02-01",
        "date_end": "2025-02-28",
        "date_precision": "month",
        "actor": "Taiwan government",
        "value_usd": 7e9,
        "value_usd_high": 1e10,
        "systems": "HIMARS",
        "categories": "artillery",
        "category": "artillery",
        "sources": "000.txt;003.txt",
        "outlets": "Observer Network;EconoTimes",
        "n_sources": 2,
        "evidence": "In February, Reuters reported that the DPP authorities were negotiating "
        "with the US to "
        "purchase military equipment worth $7 billion to $10 billion",
    },
    {
        "event_id": "e-385m",
        "event_type": "approval",
        "date": "2024-11-29",
        "actor": "US State Department",
        "value_usd": 3.85e8,
        "systems": "F-16 spare parts;radars",
        "categories": "aircraft;sensors",
        "category": "aircraft",
        "sources": "004.txt",
        "outlets": "Caliber.Az",
        "evidence": "The US State Department has approved the sale of $385 million worth "
        "of military "
        "equipment to Taiwan",
    },
    {
        "event_id": "e-320m",
        "event_type": "approval",
        "date": "2024-11-29",
        "actor": "DSCA",
        "value_usd": 3.2e8,
        "counted_usd": 0.0,
        "part_of": "e-385m",
        "systems": "F-16 spare parts;radars",
        "categories": "aircraft;sensors",
        "category": "aircraft",
        "sources": "004.txt",
        "outlets": "Caliber.Az",
        "evidence": "$320 million worth of F-16 spare parts, support, and advanced radar systems",
    },
    {
        "event_id": "e-mnd",
        "event_type": "reaction",
        "date": "2024-11-30",
        "actor": "Taiwan MND",
        "stance": "support",
        "answers": "e-385m",
        "lag_days": 1.0,
        "sources": "004.txt",
        "outlets": "Caliber.Az",
        "evidence": "Taiwan's Ministry of Defence has expressed that these sales are "
        "expected to be "
        "operational within a month",
    },
    {
        "event_id": "e-carter",
        "event_type": "other",
        "date": "1979-01-01",
        "date_end": "1979-12-31",
        "date_precision": "year",
        "actor": "US government",
        "sources": "002.txt",
        "outlets": "Global Research",
        "evidence": "Since Jimmy Carter ended US recognition of Taiwan in 1979",
    },
]


def seed_like() -> pd.DataFrame:
    """Return the seed-like timeline."""
    return timeline_frame(SEED_LIKE)
