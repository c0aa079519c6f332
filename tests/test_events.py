"""Event mentions from real sentences: type, date, actor, stance and value."""

from __future__ import annotations

import random
from datetime import date

import pytest

from timeline.boilerplate import find_boilerplate
from timeline.events import _article_spans, extract_mentions
from timeline.records import Boilerplate, Document


def _doc(text: str, published: date | None) -> Document:
    return Document(
        doc="t.txt",
        text=text,
        published=published,
        published_source="manifest",
        boilerplate=find_boilerplate(text),
    )


def _only(text: str, published: date | None) -> dict[str, object]:
    found = extract_mentions(_doc(text, published))
    assert len(found) == 1, [(m.event_type, m.evidence) for m in found]
    m = found[0]
    return {
        "type": m.event_type,
        "date": m.date.isoformat() if m.date else "",
        "precision": m.date_precision,
        "actor": m.actor,
        "stance": m.stance,
        "value": m.value_usd,
        "high": m.value_usd_high,
    }


# (text, publication date, expected fields)
SENTENCES = [
    # approvals: the seller's government approves or notifies; the date is the one that governs the verb
    (
        "On Wednesday, Trump’s State Department approved the sale of US sensors, missiles and artillery to "
        "Taiwan, a package worth around \\$1.8 billion.",
        date(2020, 10, 27),
        {
            "type": "approval",
            "date": "2020-10-21",
            "precision": "day",
            "actor": "US State Department",
            "value": 1.8e9,
        },
    ),
    (
        "The State Department has approved the possible sale to Taiwan of 66 F-16 fighter jets for an "
        "estimated $8 billion, the Defense Security Cooperation Agency said on Tuesday.",
        date(2019, 8, 23),
        {"type": "approval", "date": "2019-08-20", "precision": "day", "value": 8e9},
    ),
    (
        "The US State Department has approved the sale of $385 million worth of military equipment to Taiwan, "
        "including spare parts for F-16 jets and radars, the Pentagon confirmed on November 29.",
        date(2024, 11, 30),
        {"type": "approval", "date": "2024-11-29", "value": 3.85e8},
    ),
    (
        "The Defense Security Cooperation Agency notified Congress of the possible sale on Dec. 18.",
        date(2024, 12, 21),
        {"type": "approval", "date": "2024-12-18", "actor": "DSCA"},
    ),
    # plans and talks: modal or reported intentions, ranges kept as ranges
    (
        "According to Reuters, the White House is set to approve the sale of five weapons systems worth "
        "around \\$5 billion, including drones, anti-ship and cruise missiles.",
        date(2020, 10, 27),
        {"type": "plan_or_talks", "date": "2020-10-27", "value": 5e9},
    ),
    (
        "The potential deal, estimated between $7 billion and $10 billion, may include coastal defense cruise "
        "missiles and HIMARS rocket systems.",
        date(2025, 2, 18),
        {"type": "plan_or_talks", "value": 7e9, "high": 1e10},
    ),
    (
        "Last month, reports indicated that Washington intends a major weapons sale to Taiwan.",
        date(2020, 10, 27),
        {"type": "plan_or_talks", "date": "2020-09-01", "precision": "month"},
    ),
    (
        "In February, Reuters reported that the DPP authorities were negotiating with the US to purchase "
        "military equipment worth $7 billion to $10 billion.",
        date(2025, 5, 30),
        {
            "type": "plan_or_talks",
            "date": "2025-02-01",
            "precision": "month",
            "value": 7e9,
            "high": 1e10,
        },
    ),
    # reactions: speaker, stance, and the day they spoke
    (
        "On Thursday, Chinese Foreign Ministry spokesman Zhao Lijian slammed the arms sale for seriously "
        "violating the one-China principle.",
        date(2020, 10, 27),
        {"type": "reaction", "date": "2020-10-22", "actor": "China MFA", "stance": "oppose"},
    ),
    (
        "Chinese foreign ministry spokesperson Mao Ning told a regular briefing on Monday that China firmly "
        "opposes US arms sales to Taiwan.",
        date(2024, 12, 3),
        {"type": "reaction", "date": "2024-12-02", "actor": "China MFA", "stance": "oppose"},
    ),
    (
        "Taiwan’s defense ministry declined to comment on specific purchases of arms.",
        date(2025, 2, 18),
        {"type": "reaction", "actor": "Taiwan MND", "stance": "neutral", "date": "2025-02-18"},
    ),
    (
        "Taiwan's presidential office thanked the United States for the arms sale, saying it would "
        "strengthen the island's defence.",
        date(2024, 10, 27),
        {"type": "reaction", "stance": "support"},
    ),
    # sanctions: a retaliatory measure
    (
        "China said on Friday it would impose sanctions on Lockheed Martin over its role in the arms sale "
        "to Taiwan.",
        date(2019, 7, 13),
        {"type": "sanction", "date": "2019-07-12", "stance": "oppose"},
    ),
    # budgets: the buyer's defence budget moves
    (
        "In February, Lai Qingde stated that special budgets would be prioritized to raise defense spending "
        "to more than 3% of GDP.",
        date(2025, 5, 30),
        {"type": "budget", "date": "2025-02-01", "precision": "month", "value": None},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES]
)
def test_sentence_gives_the_expected_mention(
    text: str, published: date, expected: dict[str, object]
) -> None:
    got = _only(text, published)
    assert {k: got[k] for k in expected} == expected


# sentences that must put nothing on the time axis at the publication date
NOT_ON_THE_PUBLICATION_DATE = [
    # an aggregate over a presidency is no sale of the day
    "According to data from the Cato Institute, the total amount of arms sales to Taiwan during Trump's "
    "first term was $18.335 billion (approximately RMB 131.8 billion).",
    # a sale recalled from before
    "This approval follows the US government's recent announcement of a $2 billion arms package for "
    "Taiwan.",
    # history
    "The latest announced sale to Taiwan is the 8th one since Trump took office in January 2017.",
    # a vague earlier date
    "Weeks earlier, China’s official People’s Daily broadsheet accused the Trump regime of provocations "
    "over arms sales.",
]


@pytest.mark.parametrize(
    "text", NOT_ON_THE_PUBLICATION_DATE, ids=[t[:40] for t in NOT_ON_THE_PUBLICATION_DATE]
)
def test_background_never_sits_at_the_publication_date(text: str) -> None:
    published = date(2025, 5, 30)
    for m in extract_mentions(_doc(text, published)):
        assert m.date != published or m.date_precision == "approximate", (m.event_type, m.date)


def test_headline_block_after_the_story_gives_nothing() -> None:
    story = (
        "Taiwan is in talks with the United States to purchase billions of dollars in arms, sources said.\n\n"
        "Putin Aide Says European, Ukrainian Changes Fail to Improve Ukraine Peace Prospects\n"
        "US and Japan Fast-Track $550 Billion Strategic Investment Initiative\n"
        "Trump Announces Ambitious Plan for New U.S. Navy Super Battleships\n"
        "Protests Erupt in Albania as Corruption Allegations Rock Government\n"
    )
    found = extract_mentions(_doc(story, date(2025, 2, 18)))
    assert [m.event_type for m in found] == ["plan_or_talks"]
    assert all(m.value_usd is None for m in found)


def test_article_without_events_claims_nothing() -> None:
    text = (
        "Taiwan's chip exports rose 20% in October from a year earlier to $45 billion, the finance "
        "ministry said on Friday, as demand for servers used in artificial intelligence kept growing."
    )
    assert extract_mentions(_doc(text, date(2024, 11, 8))) == []


def test_value_in_the_next_sentence_belongs_to_the_sale() -> None:
    text = (
        "On Monday, the Defense Security Cooperation Agency announced the sale of around 100 Harpoon "
        "Coastal Defense Systems to Taiwan.\n\nThe \\$2.37 billion sale throws more fuel on the fire."
    )
    [m] = extract_mentions(_doc(text, date(2020, 10, 27)))
    assert (m.event_type, m.date, m.value_usd) == ("approval", date(2020, 10, 26), 2.37e9)
    assert "Harpoon Coastal Defense System" in m.systems


def test_parts_of_a_package_are_linked_to_its_total() -> None:
    text = (
        "The US State Department has approved the sale of $385 million worth of military equipment to "
        "Taiwan, the Pentagon confirmed on November 29. The agency outlined the sale, which includes "
        "$320 million worth of F-16 spare parts. Additionally, Taiwan is set to receive communications "
        "equipment valued at approximately $65 million."
    )
    found = extract_mentions(_doc(text, date(2024, 11, 30)))
    total = [m for m in found if m.value_usd == 3.85e8]
    parts = [m for m in found if m.value_usd in (3.2e8, 6.5e7)]
    assert len(total) == 1 and len(parts) == 2
    assert all(p.extra["part_of_start"] == str(total[0].start) for p in parts)


def test_a_friday_publication_and_friday_are_the_same_day() -> None:
    text = "Taiwan's defence ministry said on Friday it welcomed the approval of the arms sale."
    [m] = extract_mentions(_doc(text, date(2024, 11, 29)))
    assert m.date == date(2024, 11, 29)


def test_undated_article_places_nothing_at_a_made_up_date() -> None:
    text = "The State Department approved the sale of $385 million of spare parts to Taiwan."
    [m] = extract_mentions(_doc(text, None))
    assert m.date is None and m.date_source == "none"


# short articles in the styles news uses, with the events an analyst puts on the timeline
ARTICLES = [
    (
        date(2024, 10, 26),
        "WASHINGTON – The State Department has made a determination approving a possible Foreign Military Sale "
        "to the Taipei Economic and Cultural Representative Office in the United States (TECRO) of National "
        "Advanced Surface-to-Air Missile Systems (NASAMS) and related equipment. The estimated total cost is "
        "$1.16 billion. The Defense Security Cooperation Agency delivered the required certification notifying "
        "Congress of this possible sale today.",
        [("approval", "2024-10-26", 1.16e9), ("approval", "2024-10-26", None)],
    ),
    (
        date(2019, 7, 13),
        "Beijing said on Friday it would impose sanctions on U.S. firms involved in a $2.2 billion arms sale to "
        "Taiwan, including Lockheed Martin. The package, approved by the State Department on Monday, includes "
        "108 M1A2T Abrams tanks and 250 Stinger missiles. Taiwan's presidential office thanked Washington for "
        "the sale.",
        [
            ("sanction", "2019-07-12", None),
            ("approval", "2019-07-08", None),
            ("reaction", "2019-07-13", None),
        ],
    ),
    (
        date(2023, 12, 16),
        "Taiwan received its first batch of M1A2T Abrams tanks on Dec. 16, the defence ministry said. The "
        "$300 million package is the 18th arms sale to Taiwan under the Biden administration. Since 2017, "
        "Washington has approved a total of $18 billion in arms sales to Taiwan.",
        [("delivery", "2023-12-16", None), ("other", "", 1.8e10)],
    ),
    (
        date(2022, 9, 3),
        "The U.S. State Department approved a potential $1.1 billion arms sale to Taiwan on Friday, including 60 "
        "anti-ship Harpoon missiles and 100 Sidewinder missiles, the Pentagon said. China's embassy in "
        "Washington said the sale severely jeopardizes China-U.S. relations. Two days later, Taiwan's defense "
        "ministry said it expected the missiles to arrive by 2026.",
        [
            ("approval", "2022-09-02", 1.1e9),
            ("reaction", "2022-09-03", None),
            ("reaction", "2022-09-04", None),
        ],
    ),
    (
        date(2020, 10, 22),
        "China will impose sanctions on Lockheed Martin, Boeing Defense, Raytheon and other U.S. companies over "
        "arms sales to Taiwan, foreign ministry spokesman Zhao Lijian said on Monday. Senator Jim Risch, "
        "chairman of the Senate Foreign Relations Committee, welcomed the sale.",
        [("sanction", "2020-10-19", None), ("reaction", "2020-10-22", None)],
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expected"), ARTICLES, ids=[a[1][:30] for a in ARTICLES]
)
def test_article_gives_the_analysts_events(
    published: date, text: str, expected: list[tuple[str, str, float | None]]
) -> None:
    found = extract_mentions(_doc(text, published))
    assert [
        (m.event_type, m.date.isoformat() if m.date else "", m.value_usd) for m in found
    ] == expected


# (published, sentence, expected (type, date, value) of each mention)
MORE_SENTENCES = [
    # an approval that names the weapons, in a dated list item
    (date(2019, 8, 22), "- April 15, 2019: DSCA notifies a $500 million case to continue F-16 pilot training.",
     [("approval", "2019-04-15", 5e8)]),
    # the package the later one follows is the one dated
    (date(2011, 9, 23), "The US$5.85 billion package follows the US$6.4 billion package announced in January last year.",
     [("approval", "2010-01-29", 6.4e9)]),  # the month refined to its notified day
    # the second speaker is the named one
    (date(2011, 9, 23), "In Beijing, Vice Foreign Minister Zhang Zhijun summoned the US ambassador, while Chinese foreign "
     "ministry spokesman Hong Lei said the arms sale seriously interfered in China's internal affairs.",
     [("reaction", "2011-09-23", None)]),
    # a delivery still to come is no event; a delay is news about deliveries
    (date(2015, 12, 17), "A Navy official said the two frigates are expected to be handed over in the fourth quarter of 2016.", []),
    (date(2023, 7, 10), "In May, the defence ministry said the first F-16V fighters would not arrive before 2024.",
     [("delivery", "2023-05-01", None)]),
    # the budget the buyer's cabinet submitted
    (date(2020, 11, 4), "The island's Executive Yuan has submitted a special budget request for the coastal Harpoon systems.",
     [("budget", "2020-11-04", None)]),
    # DSCA's notice is an arms sale even where the sentence names no weapon
    (date(2023, 8, 25), "According to a ministry statement, the Defense Security Cooperation Agency notified Congress of the case on Aug. 23.",
     [("approval", "2023-08-23", None)]),
    # the approval a thanks takes as given came before the thanks: undated unless notified
    (date(2021, 3, 5), "Taiwan's defence ministry on Friday thanked Washington for approving a $77 million sale of radar parts.",
     [("approval", "", 7.7e7), ("reaction", "2021-03-05", None)]),
    # "China's foreign ministry" opens another speaker: its words are not the first one's stance
    (date(2022, 6, 14), "Taiwan's defence ministry said on Thursday that the arms sale would keep its ships ready. "
     "China's foreign ministry said on Thursday that it firmly opposed the sale.",
     [("reaction", "2022-06-09", None), ("reaction", "2022-06-09", None)]),
    # the year a budget is for is not the day it was approved
    (date(2023, 8, 25), "On Thursday the Executive Yuan approved a defence budget of NT$606.8 billion for next year.",
     [("budget", "2023-08-24", None)]),
    # statements repeated and objections raised
    (date(2010, 2, 5), "At his briefing on Tuesday, foreign ministry spokesman Ma Zhaoxu repeated that the arms sale harmed China's interests.",
     [("reaction", "2010-02-02", None)]),
    (date(2024, 12, 23), "Beijing objected on Saturday, calling the arms sale a grave interference in China's internal affairs.",
     [("reaction", "2024-12-21", None)]),
    # a sale named by its approval, then its day
    (date(2022, 6, 14), "Washington's latest Taiwan arms approval, announced late on Wednesday of last week, covers $120 million of spare parts for the navy.",
     [("approval", "2022-06-08", 1.2e8)]),
    # "of approved ... weapons" names weapons, approves nothing
    (date(2025, 11, 17), "The backlog of approved but undelivered weapons remains the awkward fact.", []),
    # a budget dated by its verb, not by a budget named later in the sentence
    (date(2025, 11, 17), "The cabinet in August proposed NT$949.5 billion for defence next year, and the president has promised a special budget on top of that.",
     [("budget", "2025-08-01", None)]),
    # the date a "when" clause hangs on is its verb's, not the publication's
    (date(2018, 9, 25), "It is the first arms sale to Taiwan announced since June 2017, when the administration notified lawmakers of seven cases worth some $1.4 billion.",
     [("approval", "2017-06-01", 1.4e9)]),
    # "had already notified" is an act; "the already notified package" names one
    (date(2010, 1, 30), "The U.S. had already notified a package worth 6.5 billion dollars in October 2008.",
     [("approval", "2008-10-03", 6.5e9)]),
    (date(2010, 1, 30), "The already notified package is worth 6.5 billion dollars.", []),
    # cases put before Congress, a notice that reached it: notifications
    (date(2024, 12, 23), "The Defense Security Cooperation Agency on Friday put two new Taiwan cases in front of Congress, together worth about $295 million.",
     [("approval", "2024-12-20", 2.95e8)]),
    (date(2025, 11, 17), "The notice that reached Congress on Thursday covers $330 million of spare parts for Taiwan's fighter jets.",
     [("approval", "2025-11-13", 3.3e8)]),
    # a vice foreign minister summoning an envoy speaks for the ministry
    (date(2011, 9, 22), "Vice Foreign Minister Zhang Zhijun summoned US Ambassador Gary Locke to lodge a protest against the arms sale.",
     [("reaction", "2011-09-22", None)]),
    # two sales, each with its own day
    (date(2020, 11, 4), "It follows the approvals on October 21 of SLAM-ER missiles and HIMARS launchers, together worth about US$1.8 billion, and the approval on October 26 of Harpoon coastal defense systems worth US$2.37 billion.",
     [("approval", "2020-10-26", 2.37e9), ("approval", "2020-10-21", 1.8e9)]),
    # a sale being put together is a plan; a letter handed over is a request, not a delivery
    (date(2019, 4, 15), "Administration officials are assembling a sale of new F-16 fighter jets to Taiwan that could be worth between $8 billion and $13 billion, people familiar with the matter said.",
     [("plan_or_talks", "2019-04-15", 8e9)]),
    (date(2019, 4, 15), "Taiwan's government handed over a formal letter of request for the fighters in late February.",
     [("plan_or_talks", "2019-02-01", None)]),
]


@pytest.mark.parametrize(("published", "text", "expected"), MORE_SENTENCES, ids=[s[1][:30] for s in MORE_SENTENCES])
def test_more_news_phrasing(published: date, text: str, expected: list[tuple[str, str, float | None]]) -> None:
    found = extract_mentions(_doc(text, published))
    assert [(m.event_type, m.date.isoformat() if m.date else "", m.value_usd) for m in found] == expected


def test_article_spans_drop_what_is_mostly_boilerplate() -> None:
    rng = random.Random(3)
    for _ in range(300):
        cuts = sorted(rng.sample(range(1, 400), 20))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        marks = []
        for _ in range(rng.randint(1, 30)):  # nested, overlapping and empty ones too
            a = rng.randint(0, 390)
            marks.append(Boilerplate(a, a + rng.randint(0, 80), "links"))
        doc = Document(doc="t.txt", text="x" * 400, boilerplate=tuple(marks))
        assert _article_spans(doc, spans) == [s for s in spans if not doc.is_boilerplate(*s)]


def test_a_new_speaker_does_not_lend_the_last_one_a_stance() -> None:
    text = (
        "Taiwan's defence ministry said on Thursday that the arms sale would keep its ships ready. "
        "China's foreign ministry said on Thursday that it firmly opposed the sale."
    )
    found = extract_mentions(_doc(text, date(2022, 6, 14)))
    assert [(m.actor, m.stance) for m in found] == [("Taiwan MND", "support"), ("China MFA", "oppose")]


def test_a_side_taken_before_a_non_answer_is_the_statement_s_stance() -> None:
    text = (
        "Taiwan's Ministry of National Defense said on Monday that it welcomed the arms sale, "
        "but that it would not comment on any sale not yet notified."
    )
    found = extract_mentions(_doc(text, date(2019, 4, 16)))
    assert [(m.actor, m.stance) for m in found] == [("Taiwan MND", "support")]
    plain = "Taiwan's Ministry of National Defense said on Monday that it would not comment on the arms sale."
    assert [m.stance for m in extract_mentions(_doc(plain, date(2019, 4, 16)))] == ["neutral"]
