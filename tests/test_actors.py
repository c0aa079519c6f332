"""Actors in news sentences, normalised: seed sentences with their gold actor, and news language."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from timeline.actors import ACTOR_ORDER, SOURCE_KINDS, actor_kinds, find_actors

SEEDS = Path(__file__).parent.parent / "seeds"


def names(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [m.name for m in find_actors(text, start, end)]


# seed sentences (gold evidence) and the actor the gold table gives them
SEED_SENTENCES = [
    (
        "On the 30th, Reuters cited two US officials as saying that the US plans to increase arms "
        "sales to "
        "Taiwan",
        "US government",
    ),
    (
        "In February, Reuters reported that the DPP authorities were negotiating with the US to "
        "purchase "
        "military equipment worth $7 billion to $10 billion",
        "Taiwan government",
    ),
    (
        "In February, Lai Qingde stated that special budgets would be prioritized",
        "Taiwan President",
    ),
    ("Meanwhile, the US side is pressuring the opposition party in Taiwan", "US government"),
    (
        "Chinese Foreign Ministry spokesperson Lin Jian emphasized at a regular press conference "
        "on May 30",
        "China MFA",
    ),
    (
        "The Taiwanese Ministry of Defense described the package’s announcement as a media "
        "assumption",
        "Taiwan MND",
    ),
    (
        "U.S. Secretary of State Mike Pompeo is expected to report on the packages this week to "
        "President "
        "Donald Trump.",
        "US State Department",
    ),
    (
        "At the beginning of August, Taiwan’s foreign minister warned that the CCP is seeking ways",
        "Taiwan MOFA",
    ),
    ("During his latest visit to Taiwan, U.S. Health Secretary Alex Azar said", "US government"),
    (
        "Last month, reports indicated that Washington intends a major weapons sale to Taiwan.",
        "US government",
    ),
    (
        "China’s Foreign Ministry stressed that US arms sales to the “breakaway province” "
        "breaches the "
        "one-China principle",
        "China MFA",
    ),
    (
        "Weeks earlier, China’s official People’s Daily broadsheet accused the Trump regime",
        "People's Daily",
    ),
    (
        "On Wednesday, Trump’s State Department approved the sale of US sensors, missiles and "
        "artillery to "
        "Taiwan",
        "US State Department",
    ),
    (
        "According to Reuters, the White House is set to approve the sale of five weapons systems",
        "US government",
    ),
    ("A Taiwan Defense Ministry statement said the following:", "Taiwan MND"),
    (
        "On Thursday, Chinese Foreign Ministry spokesman **Zhao Lijian** slammed the Trump regime",
        "China MFA",
    ),
    (
        "On Monday, Trump’s Defense Security Cooperation Agency announced the sale of around 100 "
        "Harpoon "
        "Coastal Defense Systems",
        "DSCA",
    ),
    ("Taiwan’s defense ministry declined to comment on specific purchases", "Taiwan MND"),
    (
        "The U.S. State Department also removed language from its website that opposed Taiwan "
        "independence",
        "US State Department",
    ),
    ("a move welcomed by Taiwan but condemned by China", "China"),
    ("a move welcomed by Taiwan but condemned by China", "Taiwan government"),
    ("Taiwan plans to propose a special defense budget", "Taiwan government"),
    (
        "The US State Department has approved the sale of $385 million worth of military "
        "equipment to Taiwan",
        "US State Department",
    ),
    (
        "Taiwan's Ministry of Defence has expressed that these sales are expected to be "
        "operational within a "
        "month",
        "Taiwan MND",
    ),
    (
        "This approval follows the US government's recent announcement of a $2 billion arms "
        "package for "
        "Taiwan",
        "US government",
    ),
    ("China, meanwhile, has urged the US to be cautious in its dealings with Taiwan", "China"),
    ("Lai will depart for Hawaii on November 30", "Taiwan President"),
    (
        "Huang Jiezhen, director of international affairs at the Kuomintang, said that the party",
        "KMT",
    ),
    ("According to data from the Cato Institute, the total amount of arms sales", "Cato Institute"),
    (
        "New York-based Taiwan Security Analysis Center director Mei Fu-hsing called the newly "
        "announced "
        "package",
        "Taiwan Security Analysis Center",
    ),
    (
        "On February 7, Trump and Japanese Prime Minister Shigeru Ishiba jointly opposed any "
        "forceful changes",
        "Japan",
    ),
]


@pytest.mark.parametrize(("text", "actor"), SEED_SENTENCES)
def test_seed_sentences_name_the_gold_actor(text: str, actor: str) -> None:
    assert actor in names(text)


# realistic news sentences and every actor they name, in order
NEWS = [
    ("Chinese foreign ministry spokesperson Mao Ning told a regular briefing", ["China MFA"]),
    (
        "Taiwan Affairs Office spokesperson Zhu Fenglian said on Wednesday",
        ["Taiwan Affairs Office"],
    ),
    (
        "The Defense Security Cooperation Agency said the State Department had approved the "
        "possible sale",
        ["DSCA", "US State Department"],
    ),
    (
        "The Pentagon's Defense Security Cooperation Agency notified Congress on Friday",
        ["DSCA", "US Congress"],
    ),
    (
        "Wang Wenbin, a spokesman for the Chinese foreign ministry, said China would take "
        "countermeasures",
        ["China MFA", "China"],
    ),
    (
        "Foreign Ministry spokesperson Guo Jiakun said China would take resolute countermeasures",
        ["China MFA", "China"],
    ),
    (
        "Defense ministry spokesman Sun Li-fang said the missiles would arrive next year",
        ["Taiwan MND"],
    ),
    ("said Mao Ning, a spokeswoman for China's foreign ministry", ["China MFA"]),
    ("A senior administration official told reporters the sale was routine", ["US government"]),
    ("Taiwan's Mainland Affairs Council condemned the sanctions", ["Taiwan government"]),
    (
        "Japanese Chief Cabinet Secretary Yoshimasa Hayashi said Tokyo was watching",
        ["Japan", "Japan"],
    ),
    (
        "China's defence ministry spokesperson Wu Qian said the PLA would respond",
        ["China MND", "PLA"],
    ),
    (
        "Taiwan's Presidential Office spokesperson Karen Kuo thanked the United States",
        ["Taiwan Presidential Office", "US government"],
    ),
    ("Taiwan's Ministry of National Defense (MND) said the sale would help", ["Taiwan MND"]),
    (
        "The Defense Security Cooperation Agency (DSCA) delivered the required certification",
        ["DSCA"],
    ),
    (
        "The Ministry of National Defense in Taipei welcomed the decision",
        ["Taiwan MND", "Taiwan government"],
    ),
    ("Beijing's Ministry of National Defense said it would take resolute measures", ["China MND"]),
    ("The foreign ministry in Beijing said it firmly opposes the sale", ["China MFA", "China"]),
    (
        "Taiwan's foreign ministry thanked Washington for the approval.",
        ["Taiwan MOFA", "US government"],
    ),
    ("KMT and TPP lawmakers have frozen part of the special budget.", ["KMT", "TPP"]),
    ("Opposition lawmakers of the Kuomintang cut the budget.", ["Taiwan legislature", "KMT"]),
    ("US lawmakers from both parties praised the sale.", ["US Congress"]),
    (
        "The Global Times, a tabloid run by the People's Daily, said Xinhua and CCTV had reported "
        "the drills",
        ["Global Times", "People's Daily", "Xinhua", "CCTV"],
    ),
    (
        "Secretary of State Marco Rubio said the Biden administration had delayed deliveries",
        ["US State Department", "US government"],
    ),
    (
        "AIT Director Raymond Greene said the American Institute in Taiwan would keep working",
        ["AIT", "AIT"],
    ),
    (
        "President Lai Ching-te said Taiwan would raise defence spending",
        ["Taiwan President", "Taiwan government"],
    ),
    ("Former president Tsai Ing-wen visited Japan", ["Taiwan President", "Japan"]),
    (
        "China's Ministry of Commerce added the firms to its unreliable entity list",
        ["China MOFCOM", "China MOFCOM"],
    ),
    ("The Ministry of Commerce said the sanctions take effect today", []),
    ("The People's Party said it would support the bill", []),
    ("The TPP trade pact was signed in 2016", []),
    ("The foreign ministry said the talks were useful", []),
    ("tensions in the Taiwan Strait and the South China Sea", []),
    ("The US$7 billion package", []),
    ("Let us see what the Taiwan Relations Act says about the US-China relationship", []),
    ("Hong Kong media tycoon Jimmy Lai", []),
    (
        "WASHINGTON (Reuters) - The U.S. State Department approved the sale",
        ["Reuters", "US State Department"],
    ),
    ("TAIPEI, Taiwan — Taiwan's defense ministry welcomed the sale", ["Taiwan MND"]),
    ("BEIJING: China said it firmly opposes the sale", ["China"]),
    ("The US and China held talks in Washington", ["US government", "China", "US government"]),
]


@pytest.mark.parametrize(("text", "expected"), NEWS)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_context_reaches_the_sentence_before() -> None:
    text = (SEEDS / "000_7b448bc0385fa330.txt").read_text(encoding="utf-8")
    start = text.index("The People's Party said")
    end = text.index("\n", start)
    assert names(text, start, end)[0] == "TPP"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Reuters reported on Thursday", "news agency"),
        ("according to the South China Morning Post", "news outlet"),
        ("the Global Times said in an editorial", "state media"),
        ("Zhao Lijian said", "ministry"),
        ("the Kuomintang said", "party"),
        ("data from the Cato Institute", "think tank"),
        ("Beijing said", "government"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert [m.category for m in find_actors(text)] == [kind]


def test_sources_are_told_from_actors() -> None:
    kinds = actor_kinds()
    assert kinds["Reuters"] in SOURCE_KINDS and kinds["China MFA"] not in SOURCE_KINDS


def test_order_covers_the_table_once() -> None:
    rows = csv.DictReader(
        (Path(__file__).parent.parent / "timeline" / "data" / "actors.csv").open(encoding="utf-8")
    )
    table = list(dict.fromkeys(r["name"] for r in rows if r["kind"] != "ignore"))
    assert list(ACTOR_ORDER) == table
    assert set(actor_kinds()) == set(ACTOR_ORDER)


def test_one_kind_per_actor() -> None:
    rows = csv.DictReader(
        (Path(__file__).parent.parent / "timeline" / "data" / "actors.csv").open(encoding="utf-8")
    )
    kinds: dict[str, str] = {}
    for r in rows:
        assert kinds.setdefault(r["name"], r["kind"]) == r["kind"], r["name"]


def test_offsets_index_the_whole_text() -> None:
    text = "Reuters said so. Mao Ning told reporters in Beijing. Taipei thanked Washington."
    start, end = text.index("Mao"), text.index("Taipei")
    found = find_actors(text, start, end)
    assert [(m.name, text[m.start : m.end]) for m in found] == [
        ("China MFA", "Mao Ning"),
        ("China", "Beijing"),
    ]
