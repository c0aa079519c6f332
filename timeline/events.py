"""Event mentions, sentence by sentence, from an article's own text (never its boilerplate)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.actors import find_actors
from timeline.cues import (
    ADJECTIVAL_BEFORE,
    AGGREGATE_CUES,
    ANAPHORA,
    APPROVAL_CUES,
    APPROX_BEFORE,
    APPROX_START,
    ARMS_CONTEXT,
    ARMS_SALE,
    ASCII_LOWER,
    BEIJING_SUBJECT,
    BEIJING_VOICES,
    BUDGET_MOVES,
    BUDGET_NOUN,
    CONFIDENCE,
    CONTINUED_SPEAKER,
    DATELINE,
    DEFAULT_ACTOR,
    DEFINITE_BEFORE,
    DELIVERED_THINGS,
    DELIVERY_CUES,
    EARLIER_CUES,
    FOLLOWS,
    GOVERN_WINDOW,
    HABITUAL_BEFORE,
    HYPOTHETICAL_BEFORE,
    INFORMAL_NOTICE,
    INVERTED_SPEECH,
    MEDIA_KINDS,
    MODAL_BEFORE,
    NEGATION_BEFORE,
    NEUTRAL_CUES,
    NOT_EVENT_DATE_BEFORE,
    NOTICE_REQUEST,
    OBJECT_OF_PREPOSITION,
    OPPOSE_CUES,
    OWN_DATE_REACH,
    PAPERS_HANDED,
    PASSIVE_BY,
    PLAN_ADJECTIVE,
    PLAN_CUES,
    PRESUPPOSED_APPROVAL,
    PRONOUN_SUBJECT,
    QUOTES,
    REFERENCE_LOOKBACK_DAYS,
    REPORTED_ON,
    RESPONSE_OPENING,
    SANCTION_CUES,
    SELLER_ACTORS,
    SELLER_EXECUTIVE,
    SEVERAL_SALES,
    SINCE_CLAUSE,
    SO_FAR_IN_PERIOD,
    SPEECH_CUES,
    STANCE_PRIOR,
    STANCE_VERBS,
    STATEMENT_WINDOW,
    SUPPORT_CUES,
    SURNAME_SPEAKS,
    UNNAMED_SPEAKER,
    VAGUE_OFFSET,
    WHEN_CLAUSE,
    CueIndex,
)
from timeline.money import find_money
from timeline.records import Document, Match, Mention, Money, Timex
from timeline.reference import notification_day
from timeline.sentences import sentence_spans
from timeline.systems import find_systems
from timeline.temporal import tag, value_interval


@dataclass(frozen=True)
class _Cue:
    event_type: str
    start: int
    end: int
    rule: str


def extract_mentions(doc: Document) -> list[Mention]:
    """Return the event mentions of one document, in document order."""
    low = doc.text.lower()
    if len(low) != len(
        doc.text
    ):  # a rare letter lowered into two ("İ"): keep offsets, lower ASCII only
        low = doc.text.translate(ASCII_LOWER)
    if not ARMS_CONTEXT.search(low) and not BUDGET_NOUN.search(low) and not find_systems(doc.text):
        return []  # an article about neither arms nor defence budgets has nothing for this timeline
    timexes = _LazyTimexes(doc)
    spans = _article_spans(doc, list(sentence_spans(doc.text)))
    mentions: list[Mention] = []
    for i, (start, end) in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        found = _sentence_mentions(doc, low, start, end, timexes, nxt, mentions)
        mentions.extend(found)
    return _mark_parts(mentions)


def _article_spans(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the sentence spans (in order) that do not lie mostly in boilerplate.

    The test is Document.is_boilerplate's, summed over the boilerplate spans a sentence
    overlaps only: the others add nothing, and a page of links has hundreds of them.
    """
    if not doc.boilerplate:
        return spans
    marks = sorted((b.start, b.end) for b in doc.boilerplate)
    out: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    j = 0
    for start, end in spans:
        while j < len(marks) and marks[j][0] < end:
            near.append(marks[j])
            j += 1
        near = [m for m in near if m[1] > start]  # sentences only move on
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in near)
        if inside * 2 <= max(1, end - start):
            out.append((start, end))
    return out


class _LazyTimexes(Sequence[Timex]):
    """The document's temporal expressions, found only when a sentence first needs a date."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._found: list[Timex] | None = None

    def _all(self) -> list[Timex]:
        if self._found is None:
            skip = [(b.start, b.end) for b in self._doc.boilerplate]
            self._found = tag(self._doc.text, self._doc.published, skip=skip)
        return self._found

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._all())


def _sentence_mentions(
    doc: Document,
    low: str,
    start: int,
    end: int,
    timexes: Sequence[Timex],
    nxt: tuple[int, int] | None,
    earlier: list[Mention],
) -> list[Mention]:
    """Return the mentions of one sentence; `low` is the document's text, ASCII-lowered."""
    text = doc.text
    sentence = low[start:end]
    if _continues_quote(sentence, earlier, text, start):
        return []  # the quote after "..., adding:" is part of the statement already taken
    named = find_actors(text, start, end)
    systems = find_systems(text, start, end)
    cues = CueIndex(sentence)
    arms = cues.search(ARMS_CONTEXT, sentence) is not None or bool(systems)
    cue = _event_cue(sentence, named, start, arms, cues)
    continued = bool(earlier) and earlier[-1].event_type in ("reaction", "sanction")
    statement = cue is not None and cue.event_type == "reaction"
    if statement and continued and CONTINUED_SPEAKER.match(text, start):
        return []  # "He urged ...": the same speaker, the same statement
    if cue is not None and _restates_sale(sentence, cue, earlier):
        cue = None  # "the proposed sale will ...", "has requested to buy ...": a sale told already
    if cue is None:
        _attach_to_previous(doc, low, start, end, earlier, cues)
        return []
    money = _dollars(text, start, end)
    cue = _Cue(cue.event_type, cue.start + start, cue.end + start, cue.rule)
    actors = [a for a in named if a.category not in MEDIA_KINDS]
    if cue.event_type in ("reaction", "sanction"):
        found = _reactions(doc, low, start, end, cue, actors, timexes, nxt, cues)
        if found and money and cues.search(PRESUPPOSED_APPROVAL, sentence):
            # "Taiwan thanks U.S. for approving US$11.1 billion arms packages": that approval too
            # the thanks is dated; the approval it thanks for came before it, on a day the
            # official notifications may give
            recalled = _When(None, None, "approximate", "", "recalled", "recalled")
            for m in money:
                when = _notified(doc, recalled, m)
                found.append(
                    _mention(
                        doc,
                        start,
                        end,
                        "approval",
                        when,
                        DEFAULT_ACTOR["approval"],
                        "",
                        m,
                        [],
                        f"presupposed+{when.rule}",
                    )
                )
        return found
    if cue.event_type == "budget" and not _buyer_acts(actors, cue):
        return []
    actor = _actor_for(actors, cue, low) or DEFAULT_ACTOR.get(cue.event_type, "")
    if cue.event_type == "approval" and actor not in SELLER_ACTORS:
        actor = DEFAULT_ACTOR["approval"]  # only the seller's government approves a sale
    when = _governing_date(doc, low, start, end, cue, timexes)
    aggregate = bool(money) and cues.search(AGGREGATE_CUES, sentence) is not None
    event_type = (
        "other" if aggregate and cue.event_type in ("approval", "plan_or_talks") else cue.event_type
    )
    if aggregate and when.source != "timex":
        when = _undated(doc)  # a sum over years: no event of this day
    elif EARLIER_CUES.search(low[max(start, cue.start - 40) : cue.start]):
        when = _When(
            None, None, "approximate", "", "recalled", "recalled"
        )  # an earlier sale, day unknown
    if cue.rule == "approval" and FOLLOWS.match(low, cue.start):
        money = [m for m in money if m.start >= cue.start]  # "$5.85bn follows the $6.4bn package"
    amounts: list[Money | None] = list(money) or [None]
    own = _own_dates(doc, low, money, timexes) if len(money) > 1 else {}
    out = []
    for amount in amounts:
        dated = own.get(amount.start, when) if amount else when
        dated = _notified(doc, dated, amount) if event_type == "approval" and amount else dated
        out.append(
            _mention(
                doc,
                start,
                end,
                event_type,
                dated,
                actor,
                "",
                amount,
                systems,
                f"{cue.rule}+{dated.rule}",
            )
        )
    return out


def _own_dates(
    doc: Document, low: str, money: Sequence[Money], timexes: Sequence[Timex]
) -> dict[int, _When]:
    """Return, by amount start, the dates a sentence gives each of its amounts apart.

    "the approvals on October 21 ($1.8bn) and October 26 ($2.37bn)": a date right before an
    amount, with no other amount between them, is that amount's own. Only when every amount
    has one: otherwise they share the date that governs the sentence.
    """
    dates = [t for t in timexes if t.type == "DATE" and t.rule != "name"]
    own: dict[int, _When] = {}
    previous = -1
    for m in money:
        near = [
            t
            for t in dates
            if previous <= t.start and t.end <= m.start and m.start - t.end <= OWN_DATE_REACH
        ]
        if not near:
            return {}
        own[m.start] = _timex_when(doc, low, near[-1])
        previous = m.end
    if len({(w.start, w.end) for w in own.values()}) < len(own):
        return {}  # two amounts, one date: the sentence's date is theirs
    return own


def _notified(doc: Document, when: _When, amount: Money) -> _When:
    """Return the day an approval known only to its year, month or as 'recent' was notified."""
    if when.precision in ("day", "week") or amount.high is not None:
        return when
    if when.start is not None and when.end is not None:
        first, last = when.start, when.end
    elif doc.published is not None and when.source == "recalled":
        first, last = doc.published - timedelta(days=REFERENCE_LOOKBACK_DAYS), doc.published
    else:
        return when
    found = notification_day(amount.low, first, last)
    if found is None:
        return when
    return _When(found[0], found[0], "day", when.text, "reference", "notified")


def _event_cue(
    sentence: str,
    actors: Sequence[Match] = (),
    offset: int = 0,
    arms: bool | None = None,
    cues: CueIndex | None = None,
) -> _Cue | None:
    """Return the strongest event cue of a sentence (lowered), or None; `arms`: it names weapons."""
    masked = _masked(sentence)
    if cues is None:
        cues = CueIndex(sentence)
    if arms is None:
        arms = cues.search(ARMS_CONTEXT, sentence) is not None
    m = cues.search(SANCTION_CUES, masked)
    if m and not NEGATION_BEFORE.search(masked[: m.start()][-30:]):
        return _Cue(
            "sanction", m.start(), m.end(), "sanction"
        )  # announced ones too: "would impose sanctions"
    budget = cues.search(BUDGET_NOUN, masked)
    moves = cues.search(BUDGET_MOVES, masked) if budget else None
    if budget and moves and not _has_stance_speech(masked, cues):
        # the verb is the event: its date and its subject, not those near the budget's name
        return _Cue("budget", moves.start(), moves.end(), "budget")
    speech = cues.search(SPEECH_CUES, masked)
    sale = _sale_cue(masked, cues) if arms else None
    # "X summoned the envoy, while spokesman Hong Lei said": the verb of the named speaker
    named = next(
        (
            later
            for later in cues.finditer(SPEECH_CUES, masked)
            if _reported_by_speaker(sentence, later.start(), actors, offset)
        ),
        None,
    )
    if named is not None and (
        sale is None
        or named.start() < sale.start
        and (sale.event_type == "plan_or_talks" or _stance(masked, cues) is not None)
    ):
        return _Cue("reaction", named.start(), named.end(), "speech")  # what they say is the event
    if sale is not None:
        return sale
    if speech:
        return _Cue("reaction", speech.start(), speech.end(), "speech")
    return None


def _sale_cue(sentence: str, cues: CueIndex | None = None) -> _Cue | None:
    """Return the cue of an approval, delivery or plan in a sentence, or None."""
    if cues is None:
        cues = CueIndex(sentence)
    informal = cues.search(INFORMAL_NOTICE, sentence)
    if informal:
        return _Cue("plan_or_talks", informal.start(), informal.end(), "informal-notice")
    for event_type, cue_words in (("approval", APPROVAL_CUES), ("delivery", DELIVERY_CUES)):
        m = cues.search(cue_words, sentence)
        if not m:
            continue
        before = sentence[: m.start()][-40:]
        # approved, notified, cleared: not "the sale, approved"; "the notice that reached" is a noun
        participle = m.group()[:1] in "anc" and not m.group().startswith("notice")
        if (
            NEGATION_BEFORE.search(before)
            or HYPOTHETICAL_BEFORE.search(before)
            or participle
            and ADJECTIVAL_BEFORE.search(before)
        ):
            continue
        if MODAL_BEFORE.search(before):
            if event_type == "delivery":
                return None  # a delivery still to come is no event yet
            return _Cue("plan_or_talks", m.start(), m.end(), f"{event_type}-ahead")
        if event_type == "delivery" and PAPERS_HANDED.match(sentence, m.end()):
            continue  # "handed over a formal letter of request": papers, not weapons
        if (
            event_type == "delivery"
            and not DELIVERED_THINGS.search(sentence[m.start() : m.end() + 80])
            and not DELIVERED_THINGS.search(sentence[max(0, m.start() - 60) : m.start()])
        ):
            continue  # "delivered the required certification": no weapon changed hands
        return _Cue(event_type, m.start(), m.end(), event_type)
    m = cues.search(PLAN_CUES, sentence)
    if (
        m
        and not NEGATION_BEFORE.search(sentence[: m.start()][-30:])
        and not HYPOTHETICAL_BEFORE.search(sentence[: m.start()][-40:])
    ):
        return _Cue("plan_or_talks", m.start(), m.end(), "plan")
    return None


def _restates_sale(sentence: str, cue: _Cue, earlier: Sequence[Mention]) -> bool:
    """Return whether a plan cue only refers back to a sale the article has reported already."""
    if cue.event_type != "plan_or_talks" or not earlier:
        return False
    said = sentence[cue.start : cue.end]
    if said.startswith("request") and NOTICE_REQUEST.match(sentence, cue.start):
        return any(m.event_type == "approval" for m in earlier)  # a notice names what was requested
    if DEFINITE_BEFORE.search(sentence[: cue.start]) and PLAN_ADJECTIVE.match(said):
        return any(m.event_type in ("approval", "plan_or_talks") for m in earlier)
    return False


def _masked(sentence: str) -> str:
    """Return the sentence with quotes and an opening "In response to ..." blanked out."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group())

    # each blanked span ends on a closing quote, a bracket or a comma: the sentence's CueIndex
    # holds for the blanked copy
    masked = QUOTES.sub(blank, sentence)
    return RESPONSE_OPENING.sub(blank, masked)


def _reported_by_speaker(sentence: str, verb: int, actors: Sequence[Match], offset: int) -> bool:
    """Return whether a named non-seller speaks first and the sale is only what they talk about."""
    if not actors:
        return False
    speaker = _speaker(
        [a for a in actors if not _object_of_preposition(sentence, a.start - offset)],
        _Cue("reaction", verb + offset, verb + offset, "speech"),
        " " * offset + sentence,
    )
    return (
        speaker is not None
        and speaker.name not in SELLER_ACTORS
        and speaker.category not in MEDIA_KINDS
    )


def _object_of_preposition(sentence: str, local_start: int) -> bool:
    """Return whether an actor is a preposition's object ("ties with Taiwan"), not a subject."""
    return (
        OBJECT_OF_PREPOSITION.search(sentence[max(0, local_start - 12) : local_start]) is not None
    )


def _continues_quote(sentence: str, earlier: Sequence[Mention], text: str, start: int) -> bool:
    """Return whether a quote carries on the statement just before it ("..., adding:")."""
    if not earlier or sentence.lstrip()[:1] not in "“\"‘'":
        return False
    last = earlier[-1]
    between = text[last.end : start]
    return (
        last.event_type in ("reaction", "sanction")
        and last.evidence.rstrip().endswith(":")
        and len(between.strip()) == 0
    )


def _has_stance_speech(sentence: str, cues: CueIndex) -> bool:
    """Return whether someone takes a side ("firmly supports increasing the budget")."""
    return cues.search(STANCE_VERBS, sentence) is not None


def _buyer_acts(actors: Sequence[Match], cue: _Cue) -> bool:
    """Return whether the budget is moved by the buyer (Taiwan), not pressed on it by others."""
    before = [a for a in actors if a.start < cue.start]
    if not before:
        return True
    return not before[0].name.startswith("US") and before[0].name not in SELLER_ACTORS


def _actor_for(actors: Sequence[Match], cue: _Cue, text: str = "") -> str:
    """Return an event's actor: the nearest named one before its verb, else the first after."""
    before = [a for a in actors if a.end <= cue.start and not _object_of_preposition(text, a.start)]
    if before:
        return before[-1].name
    after = [a for a in actors if a.start >= cue.end and a.start - cue.end <= 80]
    return after[0].name if after else ""


# --- reactions ----------------------------------------------------------------------


def _reactions(
    doc: Document,
    low: str,
    start: int,
    end: int,
    cue: _Cue,
    actors: Sequence[Match],
    timexes: Sequence[Timex],
    nxt: tuple[int, int] | None,
    cues: CueIndex,
) -> list[Mention]:
    """Return a sentence's statements, one per speaker ("welcomed by X but condemned by Y")."""
    text = doc.text
    sentence = low[start:end]
    passive = list(cues.finditer(PASSIVE_BY, sentence))
    if passive and actors:
        out = []
        for m in passive:
            after = [
                a for a in actors if a.start >= start + m.end() and a.start - (start + m.end()) < 5
            ]
            if after:
                verb = _Cue(cue.event_type, start + m.start(), start + m.end(), "passive")
                side = _stance(m.group(1)) or "neutral"
                out.append(_reaction(doc, low, start, end, verb, after[0].name, side, timexes))
        if out:
            return out
    quoted = _shielded(sentence, start)
    speaker = _speaker(
        [
            a
            for a in actors
            if not _object_of_preposition(low, a.start)
            and not any(q0 <= a.start < q1 for q0, q1 in quoted)
        ],
        cue,
        low,
    )
    if speaker is None:
        speaker = _by_surname(doc, start, end, cue)
    if speaker is None:
        return []
    lead_in = low[max(start, cue.start - 30) : cue.start]
    if HABITUAL_BEFORE.search(lead_in) or NEGATION_BEFORE.search(lead_in):
        return []  # "Beijing routinely demands ...", "had not responded": no statement made
    context, context_cues = sentence, cues
    if nxt and (sentence.rstrip().endswith(":") or sentence.rstrip().endswith(",")):
        context += " " + low[nxt[0] : nxt[1]]  # "... said the following:" and the quote after it
        context_cues = CueIndex(context)
    stance: str | None = _stance(context, context_cues)
    if stance is None and nxt:
        carried = _continues_speech(text[nxt[0] : nxt[1]], speaker.name)
        stance = _stance(low[nxt[0] : nxt[1]]) if carried else None
    if speaker.name in SELLER_EXECUTIVE and cue.event_type == "reaction" and stance != "oppose":
        return []  # the seller's officials describing their own plans are sources, not reactions
    if cue.event_type == "reaction" and not _about_arms(low, sentence, cues):
        return []
    stance = stance or STANCE_PRIOR.get(speaker.name, "neutral")
    return [_reaction(doc, low, start, end, cue, speaker.name, stance, timexes)]


def _by_surname(doc: Document, start: int, end: int, cue: _Cue) -> Match | None:
    """Return a speaker named by surname ("..., Zhao said") after the full name was given."""
    m = SURNAME_SPEAKS.search(doc.text, start, end)
    if m is None or not (m.start() <= cue.start <= m.end() or m.end(1) <= cue.start):
        return None
    surname = m.group(1)
    for a in reversed(find_actors(doc.text, 0, start)):
        words = a.text.split()
        if len(words) >= 2 and surname in (words[0], words[-1]):
            return Match(m.start(1), m.end(1), surname, a.name, a.category, "surname")
    return None


def _speaker(actors: Sequence[Match], cue: _Cue, text: str = "") -> Match | None:
    """Return who speaks: the actor nearest before the verb, or right after ("said X")."""
    before = [
        a
        for a in actors
        if a.end <= cue.start
        and cue.start - a.end <= 120
        and not UNNAMED_SPEAKER.search(text[a.end : cue.start])
    ]
    if before:
        return before[-1]
    if not INVERTED_SPEECH.match(text[cue.start : cue.end] if text else ""):
        return None
    after = [
        a
        for a in actors
        if a.start >= cue.end and re.fullmatch(r"\s*(?:the\s+)?", text[cue.end : a.start])
    ]
    return after[0] if after else None


def _continues_speech(sentence: str, speaker: str) -> bool:
    """Return whether a sentence carries on a speaker's statement: a quote, a pronoun, or
    Beijing named again after one of its own voices ("China's ..." opens another speaker)."""
    if sentence.lstrip()[:1] in "“\"'‘" or PRONOUN_SUBJECT.match(sentence):
        return True
    return speaker in BEIJING_VOICES and BEIJING_SUBJECT.match(sentence) is not None


def _stance(text: str, cues: CueIndex | None = None) -> str | None:
    """Return oppose, support or neutral from the cue words of a statement, or None without any."""
    if cues is None:
        cues = CueIndex(text)
    neutral = cues.search(NEUTRAL_CUES, text)
    opposing = [m.start() for m in cues.finditer(OPPOSE_CUES, text)]
    supporting = [
        m.start()
        for m in cues.finditer(SUPPORT_CUES, text)
        if not NEGATION_BEFORE.search(text[: m.start()][-25:])
    ]
    # a non-answer, unless a side was taken first ("welcomed it, but would not comment on ...")
    if neutral and not any(at < neutral.start() for at in opposing + supporting):
        return "neutral"
    if not opposing and not supporting:
        return None
    return "oppose" if len(opposing) >= len(supporting) else "support"


def _about_arms(low: str, sentence: str, cues: CueIndex) -> bool:
    """Return whether a statement belongs here: it or its (lowered) article is about arms sales."""
    if cues.search(ARMS_CONTEXT, sentence):
        return True
    return _article_about_arms(low)


def _article_about_arms(text: str) -> bool:
    return ARMS_SALE.search(text) is not None


def _reaction(
    doc: Document,
    low: str,
    start: int,
    end: int,
    cue: _Cue,
    actor: str,
    stance: str,
    timexes: Sequence[Timex],
) -> Mention:
    when = _governing_date(doc, low, start, end, cue, timexes)
    return _mention(
        doc, start, end, cue.event_type, when, actor, stance, None, [], f"{cue.rule}+{when.rule}"
    )


# --- dates --------------------------------------------------------------------------


@dataclass(frozen=True)
class _When:
    start: date | None
    end: date | None
    precision: str
    text: str
    source: str  # timex, published, none
    rule: str


def _governing_date(
    doc: Document, low: str, start: int, end: int, cue: _Cue, timexes: Sequence[Timex]
) -> _When:
    """Return the date that governs the event: its own expression, else the publication date."""
    best: tuple[float, Timex] | None = None
    sentence = low[start:end]
    shielded = _shielded(sentence, start)
    dateline = DATELINE.match(doc.text, start, end)
    if dateline:
        shielded.append((start, dateline.end()))
    for t in timexes:
        if t.start < start or t.end > end or t.rule == "name":
            continue
        if (
            t.type == "DURATION"
            and VAGUE_OFFSET.search(low, t.start, t.end)
            and t.start - start <= 3
        ):
            return _When(
                None, None, "approximate", t.text, "timex", "vague"
            )  # "Weeks earlier, ..."
        if t.type not in ("DATE", "TIME"):
            continue
        if any(a <= t.start and t.end <= b for a, b in shielded):
            continue  # inside a quote or brackets: someone else's date
        if t.end <= cue.start and WHEN_CLAUSE.match(low, t.end, cue.start):
            # "since June 2017, when the administration notified ...": the clause's own date
            best = (900.0, t)
            continue
        before = low[max(start, t.start - 25) : t.start]
        clause = low[max(start, low.rfind(",", start, t.start) + 1) : t.start]
        if NOT_EVENT_DATE_BEFORE.search(before) or SINCE_CLAUSE.search(clause):
            continue
        score = _govern_score(t, start, cue)
        if score is None and REPORTED_ON.search(before):
            score = 400.0  # "..., the Pentagon confirmed on November 29": the date of the report
        if score is not None and (best is None or score > best[0]):
            best = (score, t)
    if best is None:
        return _published(doc)
    return _timex_when(doc, low, best[1])


def _shielded(sentence: str, offset: int) -> list[tuple[int, int]]:
    return [(m.start() + offset, m.end() + offset) for m in QUOTES.finditer(sentence)]


def _govern_score(t: Timex, start: int, cue: _Cue) -> float | None:
    """Return how strongly a date governs the event verb (higher is stronger), or None."""
    if (
        t.start - start <= 3
    ):  # "On Wednesday, ...": a sentence-initial date governs the whole sentence
        return 1000.0
    gap = cue.start - t.end if t.end <= cue.start else t.start - cue.end
    after = t.start >= cue.end
    if gap > (
        STATEMENT_WINDOW if after and cue.event_type in ("reaction", "sanction") else GOVERN_WINDOW
    ):
        return None  # past "said on Thursday that ...", a date belongs to what was said
    return 500.0 - gap


def _timex_when(doc: Document, low: str, t: Timex) -> _When:
    if t.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF") or "X" in t.value:
        if t.value == "PRESENT_REF" and doc.published:
            return replace(_published(doc), text=t.text, source="timex", rule="present")
        return _When(None, None, "approximate", t.text, "timex", "vague")
    interval = value_interval(t.value)
    if interval is None:
        return _When(None, None, "approximate", t.text, "timex", "vague")
    first, last, precision = interval
    if precision not in ("day", "week", "month", "quarter", "year"):
        precision = "approximate"
    before = low[max(0, t.start - 20) : t.start]
    if APPROX_BEFORE.search(before) or APPROX_START.match(low, t.start, t.end):
        precision = "approximate"
    if (
        SO_FAR_IN_PERIOD.match(low, t.start, t.end)
        and doc.published
        and first <= doc.published <= last
    ):
        last, precision = (
            doc.published,
            "approximate",
        )  # "earlier this month": its start up to today
    return _When(first, last, precision, t.text, "timex", "timex")


def _published(doc: Document) -> _When:
    if doc.published is None:
        return _undated(doc)
    return _When(doc.published, doc.published, "day", "", "published", "published")


def _undated(doc: Document) -> _When:
    return _When(None, None, "approximate", "", "none", "undated")


# --- values that a later sentence gives ----------------------------------------------------------


def _dollars(text: str, start: int, end: int) -> list[Money]:
    """Return the distinct dollar amounts of text[start:end]."""
    return [m for m in find_money(text, start, end) if m.usd and not m.conversion]


def _attach_to_previous(
    doc: Document, low: str, start: int, end: int, earlier: list[Mention], cues: CueIndex
) -> None:
    """Give the last sale the value, parts or systems of a sentence restating it."""
    if not earlier or not cues.search(ANAPHORA, low[start:end]):
        return
    money = _dollars(doc.text, start, end)
    sale_types = (
        ("approval", "plan_or_talks") if money else ("approval", "plan_or_talks", "delivery")
    )
    last = next((m for m in reversed(earlier) if m.event_type in sale_types), None)
    if last is None:
        return
    i = earlier.index(last)
    systems = find_systems(doc.text, start, end)
    names = tuple(dict.fromkeys([*last.systems, *(s.name for s in systems)]))
    cats = tuple(dict.fromkeys([*last.categories, *(s.category for s in systems)]))
    value = last.value_usd
    if not money:
        if names != last.systems:
            earlier[i] = replace(last, systems=names, categories=cats)
    elif value is None and (len(money) > 1 or SEVERAL_SALES.search(last.evidence.lower())):
        # "The packages include HIMARS (US$4.05 billion), howitzers (US$4.03 billion) ...", or
        # "approving two possible sales. The estimated total cost is $1.16 billion": its parts
        earlier += [_part(last, doc, start, end, m) for m in money]
    elif value is None:
        m = money[0]
        earlier[i] = replace(
            last,
            value_usd=m.low,
            value_usd_high=m.high,
            value_text=m.text,
            systems=names,
            categories=cats,
            rule=last.rule + "+value-after",
        )
    elif len(money) == 1 and money[0].low > value and _totals(earlier, last, money[0]):
        # "Together those three were worth $1.81bn": the total of the amounts just listed
        total = money[0]
        earlier.append(
            replace(
                last,
                value_usd=total.low,
                value_usd_high=None,
                value_text=total.text,
                evidence=doc.text[start:end],
                start=start,
                end=end,
                rule=last.rule + "+total",
                extra={},
            )
        )
    else:
        # "which includes $320 million of ...": the parts of the sale
        parts = [m for m in money if m.high is None and m.low < value]
        earlier += [_part(last, doc, start, end, m, systems) for m in parts]


def _totals(earlier: Sequence[Mention], last: Mention, amount: Money) -> bool:
    """Return whether an amount adds up the two or more amounts listed with the last sale."""
    listed = [x.value_usd for x in earlier if x.start == last.start and x.value_usd is not None]
    return len(listed) >= 2 and _close(sum(listed), amount.low)


def _part(
    last: Mention, doc: Document, start: int, end: int, m: Money, systems: Sequence[Match] = ()
) -> Mention:
    """Return one part of the last sale's package: an amount of a sentence that lists them."""
    return replace(
        last,
        value_usd=m.low,
        value_usd_high=m.high,
        value_text=m.text,
        evidence=doc.text[start:end],
        start=start,
        end=end,
        systems=tuple(s.name for s in systems),
        categories=tuple(s.category for s in systems),
        rule=last.rule + "+part",
        confidence=last.confidence - 0.1,
        extra={**last.extra, "part_of_start": str(last.start)},
    )


def _mark_parts(mentions: list[Mention]) -> list[Mention]:
    """Mark the mentions whose values add up to another's total as its parts."""
    valued = [
        m
        for m in mentions
        if m.value_usd is not None
        and m.value_usd_high is None
        and m.event_type in ("approval", "plan_or_talks")
    ]
    out = list(mentions)
    for total in valued:
        smaller = [m for m in valued if m is not total and m.value_usd < total.value_usd]  # type: ignore[operator]
        if len(smaller) >= 2 and _close(sum(m.value_usd for m in smaller), total.value_usd):  # type: ignore[misc]
            for m in smaller:
                k = out.index(m)
                out[k] = replace(
                    m,
                    event_type=total.event_type,
                    extra={**m.extra, "part_of_start": str(total.start)},
                )
    return sorted(out, key=lambda m: (m.start, m.value_usd is None, -(m.value_usd or 0)))


def _close(a: float | None, b: float | None, tolerance: float = 0.02) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance * max(abs(b), 1.0)


def _mention(
    doc: Document,
    start: int,
    end: int,
    event_type: str,
    when: _When,
    actor: str,
    stance: str,
    amount: Money | None,
    systems: Sequence[Match],
    rule: str,
) -> Mention:
    confidence = (
        CONFIDENCE["approximate" if when.precision == "approximate" else when.source]
        if when.source in CONFIDENCE
        else 0.4
    )
    return Mention(
        doc=doc.doc,
        event_type=event_type,
        date=when.start,
        date_end=when.end,
        date_precision=when.precision,
        date_text=when.text,
        date_source=when.source,
        actor=actor,
        stance=stance,
        value_usd=amount.low if amount else None,
        value_usd_high=amount.high if amount else None,
        systems=tuple(dict.fromkeys(s.name for s in systems)),
        categories=tuple(dict.fromkeys(s.category for s in systems)),
        evidence=doc.text[start:end],
        start=start,
        end=end,
        confidence=round(confidence, 2),
        rule=rule,
        value_text=amount.text if amount else "",
    )
