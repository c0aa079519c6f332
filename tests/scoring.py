"""Score event mentions against gold events: required rows found, nothing false on the time axis."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

Row = Mapping[str, Any]
ONE_DAY = timedelta(days=1)
REACTION_FAMILY = frozenset({"reaction", "sanction"})
VALUE_TOLERANCE = 0.02


def _day(text: str) -> date:
    return date.fromisoformat(str(text).strip()[:10])


def placed(p: Row) -> tuple[date, date] | None:
    """Return the interval a mention draws on the time axis, None when it is not placed."""
    text = str(p.get("date") or "").strip()
    if not text:
        return None
    d, precision = _day(text), str(p.get("date_precision") or "day").strip().lower()
    if precision == "day":
        return d, d
    if precision == "week":
        return d, d + 6 * ONE_DAY
    if precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "quarter":
        first = d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)
        last_month = first.month + 2
        return first, first.replace(
            month=last_month, day=calendar.monthrange(d.year, last_month)[1]
        )
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return None


def number(value: Any) -> float | None:
    try:
        text = str(value).strip()
        return float(text) if text and text.lower() not in ("nan", "<na>", "none") else None
    except ValueError:
        return None


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= VALUE_TOLERANCE * max(abs(b), 1.0)


def compatible(p: Row, g: Row) -> bool:
    """Return whether a predicted mention can stand for a gold event."""
    kind, gold_kind = str(p["event_type"]).strip().lower(), g["event_type"]
    if kind != gold_kind and not (kind in REACTION_FAMILY and gold_kind in REACTION_FAMILY):
        return False
    if (
        gold_kind in REACTION_FAMILY
        and g["stance"]
        and str(p.get("stance") or "").strip().lower() != g["stance"]
    ):
        return False
    interval = placed(p)
    if g["date_min"]:
        if interval is None:
            return False
        if (
            interval[0] < _day(g["date_min"]) - ONE_DAY
            or interval[1] > _day(g["date_max"]) + ONE_DAY
        ):
            return False
    value = number(p.get("value_usd"))
    if value is not None:
        return close(value, number(g["value_usd"])) or close(value, number(g["value_usd_high"]))
    return True


def doc_name(p: Row) -> str:
    return str(p["doc"]).strip().split("/")[-1].split("#")[0]


def score(gold: Sequence[Row], predicted: Sequence[Row]) -> dict[str, Any]:
    """Return recall, false positives, value accuracy, merges and the approval value error."""
    gold_by_doc: dict[str, list[Row]] = defaultdict(list)
    pred_by_doc: dict[str, list[Row]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["file"]].append(g)
    for p in predicted:
        pred_by_doc[doc_name(p)].append(p)
    match: dict[str, Row] = {}
    false: list[Row] = []
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc)):
        golds, preds = gold_by_doc[doc], pred_by_doc[doc]
        pairs = sorted(
            (
                (_pair_weight(p, g), i, j)
                for i, p in enumerate(preds)
                for j, g in enumerate(golds)
                if compatible(p, g)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                match[golds[j]["id"]] = preds[i]
        false += [
            p
            for i, p in enumerate(preds)
            if i not in used_p
            and placed(p) is not None
            and not any(compatible(p, g) for g in golds)
        ]
    required = [g for g in gold if g["required"] == "1"]
    found = [g for g in required if g["id"] in match]
    valued = [g for g in found if number(g["value_usd"]) is not None]
    return {
        "required": len(required),
        "found": len(found),
        "false_positives": len(false),
        "recall": len(found) / len(required) if required else 0.0,
        "value_accuracy": (
            sum(
                close(number(match[g["id"]].get("value_usd")), number(g["value_usd"]))
                for g in valued
            )
            / len(valued)
        )
        if valued
        else 1.0,
        **_merges(gold, match),
        "approval_value_error": _approval_value_error(gold, predicted, match),
        "missed": [g["id"] for g in required if g["id"] not in match],
        "false": [
            f"{p['doc']} {p['event_type']} {p['date']} {str(p.get('evidence'))[:50]}" for p in false
        ],
    }


def _pair_weight(p: Row, g: Row) -> float:
    weight = 10.0 if g["required"] == "1" else 0.0
    interval = placed(p)
    if interval and g["date_min"] and interval == (_day(g["date_min"]), _day(g["date_max"])):
        weight += 2
    return weight + 3 * (number(p.get("value_usd")) is not None)


def _merges(gold: Sequence[Row], match: Mapping[str, Row]) -> dict[str, Any]:
    """Return the share of same-cluster gold pairs that share an event id, and wrong merges."""
    matched = [g for g in gold if g["id"] in match and not g["part_of"]]
    together = apart_wrong = pairs_together = 0
    for a, ga in enumerate(matched):
        for gb in matched[a + 1 :]:
            ea = str(match[ga["id"]].get("event_id") or "").strip()
            eb = str(match[gb["id"]].get("event_id") or "").strip()
            same = bool(ea) and ea == eb
            if ga["cluster"] and ga["cluster"] == gb["cluster"]:
                pairs_together += 1
                together += same
            else:
                apart_wrong += same
    return {
        "merge_recall": together / pairs_together if pairs_together else 1.0,
        "wrong_merges": apart_wrong,
    }


def _approval_value_error(
    gold: Sequence[Row], predicted: Sequence[Row], match: Mapping[str, Row]
) -> float:
    """Return the dollars on the approvals chart that are wrong, missing or extra, as a share of the gold."""

    def key(g: Row) -> str:
        return str(g["cluster"] or g["id"])

    gold_values = {
        key(g): number(g["value_usd"])
        for g in gold
        if g["event_type"] == "approval"
        and g["required"] == "1"
        and number(g["value_usd"])
        and not g["part_of"]
    }
    events: dict[str, list[Row]] = defaultdict(list)
    for n, p in enumerate(predicted):
        if (
            str(p["event_type"]).strip().lower() == "approval"
            and number(p.get("value_usd")) is not None
            and placed(p) is not None
        ):
            events[str(p.get("event_id") or "").strip() or f"row{n}"].append(p)
    gold_of = {id(p): g for gid, p in match.items() for g in gold if g["id"] == gid}
    error, explained = 0.0, set()
    for rows in events.values():
        value = max(number(p["value_usd"]) or 0.0 for p in rows)
        golds = [gold_of[id(p)] for p in rows if id(p) in gold_of]
        if not golds:
            if not any(compatible(p, g) for p in rows for g in gold if g["file"] == doc_name(p)):
                error += value
            continue
        k = key(golds[0])
        if k in explained or k not in gold_values:
            continue
        explained.add(k)
        error += abs(value - (gold_values[k] or 0.0))
    error += sum(v or 0.0 for k, v in gold_values.items() if k not in explained)
    return error / (sum(v or 0.0 for v in gold_values.values()) or 1.0)
