"""Weapon systems in news sentences and in the DSCA notification list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from timeline.systems import SYSTEM_CATEGORIES, category_of, find_systems, is_generic, systems_table
from timeline.vocabulary import alias_key, spelling_variants

DSCA_ROWS = list(
    csv.DictReader(
        (Path(__file__).parent / "data" / "dsca_taiwan_notifications.csv").open(encoding="utf-8")
    )
)


def names(text: str) -> list[str]:
    return [m.name for m in find_systems(text)]


@pytest.mark.parametrize("system", [r["system"] for r in DSCA_ROWS])
def test_every_notified_system_is_found(system: str) -> None:
    assert find_systems(system), system


# the seed sentences whose gold rows list systems, and realistic sentences about sales
SENTENCES = [
    (
        "the sale of the weapon systems to Taiwan would include mines, cruise missiles, and drones",
        ["mines", "cruise missiles", "drones"],
    ),
    (
        "On Wednesday, Trump’s State Department approved the sale of US sensors, missiles and "
        "artillery to "
        "Taiwan, a package worth around \\$1.8 billion.",
        ["sensors", "missiles", "artillery"],
    ),
    (
        "the White House is set to approve the sale of five weapons systems worth around \\$5 "
        "billion, "
        "including drones, anti-ship and cruise missiles.",
        ["drones", "anti-ship missiles", "cruise missiles"],
    ),
    (
        "On Monday, Trump’s Defense Security Cooperation Agency announced the sale of around 100 "
        "Harpoon "
        "Coastal Defense Systems (anti-ship missiles) and related weapons to Taiwan.",
        ["Harpoon Coastal Defense System"],
    ),
    (
        "Taiwan will be the first foreign buyer to have AGM-84H cruise missiles, using F-16V "
        "fighter jets",
        ["AGM-84H", "F-16V"],
    ),
    (
        "The potential deal, estimated between $7 billion and $10 billion, may include coastal "
        "defense "
        "cruise missiles and HIMARS rocket systems.",
        ["coastal defense cruise missiles", "HIMARS"],
    ),
    (
        "Trump's previous term saw regular arms sales to Taiwan, including F-16 fighter jets",
        ["F-16"],
    ),
    (
        "The US State Department has approved the sale of $385 million worth of military "
        "equipment to "
        "Taiwan, including spare parts for F-16 jets and radars",
        ["F-16 spare parts", "radars"],
    ),
    (
        "$320 million worth of F-16 spare parts, support, and advanced radar systems",
        ["F-16 spare parts", "radars"],
    ),
    (
        "Taiwan is set to receive mobile communications equipment and support valued at "
        "approximately "
        "$65 million",
        ["communications equipment"],
    ),
    (
        "which includes the delivery of a highly advanced air defence missile system, which was "
        "tested in "
        "Ukraine",
        ["air defence missile system"],
    ),
    (
        "the new arms sales plan would focus on cost-effective equipment such as missiles, "
        "ammunition, and "
        "drones",
        ["missiles", "ammunition", "drones"],
    ),
    (
        "Taiwan plans to propose a special defense budget prioritizing precision ammunition, "
        "air-defense "
        "upgrades, command systems, reserve force equipment, and anti-drone technology.",
        [
            "precision ammunition",
            "air defence",
            "command and control systems",
            "counter-drone systems",
        ],
    ),
    ("The package includes 82 HIMARS launchers and 420 ATACMS missiles.", ["HIMARS", "ATACMS"]),
    (
        "The State Department approved the possible sale of three NASAMS units to Taiwan.",
        ["NASAMS"],
    ),
    (
        "Taiwan ordered 108 M1A2T Abrams tanks and 250 Stinger missiles.",
        ["M1A2T Abrams", "Stinger"],
    ),
    (
        "the sale of 400 RGM-84L-4 Harpoon Block II missiles",
        ["Harpoon Coastal Defense System", "Harpoon"],
    ),
    (
        "The Pentagon notified Congress of the sale of Switchblade 300 drones and ALTIUS-600M "
        "loitering munitions.",
        ["Switchblade 300", "Altius-600M"],
    ),
    ("four MQ-9B SeaGuardian drones", ["MQ-9B"]),
    ("the Patriot PAC-3 MSE interceptors", ["Patriot PAC-3"]),
    ("including six MS-110 reconnaissance pods and 11 M142 launchers", ["MS-110", "HIMARS"]),
    ("Taiwan's 66 new F-16 Block 70 jets", ["F-16V"]),
    ("Washington approved TOW 2B and Javelin anti-tank missiles", ["TOW 2B", "Javelin"]),
    (
        "Mk-48 heavyweight torpedoes and AGM-154C Joint Standoff Weapons",
        ["Mk 48 torpedo", "AGM-154C JSOW"],
    ),
    (
        "the Mk 15 Phalanx Block 1B Baseline 2 close-in weapon system (CIWS)",
        ["Phalanx CIWS", "Phalanx CIWS"],
    ),
    ("Harpoon Coastal Defense Systems (HCDS)", ["Harpoon Coastal Defense System"]),
    ("the sale of 60 M109A7 Paladin self-propelled howitzers", ["M109A7 Paladin"]),
    ("The US approved F-16s, Harpoons and Stingers.", ["F-16", "Harpoon", "Stinger"]),
    ("anti-armour and anti-tank missiles", ["anti-tank missiles", "anti-tank missiles"]),
    ("sea mines and naval mine-laying systems", ["mines", "mines"]),
    ("the transfer of Knox-class frigates and M60A3 tanks", ["Knox-class frigates", "M60A3 tanks"]),
    ("AGM-65G Maverick missiles and AIM-7M Sparrow missiles", ["AGM-65 Maverick", "AIM-7 Sparrow"]),
    ("help for Taiwan's submarine programme", ["submarines"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# nothing here names a weapon system
NOT_SYSTEMS = [
    "China's determination to defend national sovereignty and territorial integrity is unwavering.",
    "data from the Cato Institute and other think tanks",
    "the tow truck pulled the car away",
    "Taiwan plans anti-drone technology",  # a counter-drone system, but not a drone
    "the Patriot Act",
    "The Taiwan question is the first inviolable red line",
    "a harm to the relations between both countries",
]


@pytest.mark.parametrize("text", NOT_SYSTEMS)
def test_not_systems(text: str) -> None:
    assert "drones" not in names(text)
    assert [n for n in names(text) if n != "counter-drone systems"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOW 2B", ["TOW 2B"]),
        ("tow 2b", []),
        ("MS-110", ["MS-110"]),
        ("ms-110", []),
        ("HARM", ["AGM-88 HARM"]),
        ("harm", []),
        ("Harpoon", ["Harpoon"]),
        ("HARPOON", ["Harpoon"]),
        ("harpoon", []),
        ("cruise missiles", ["cruise missiles"]),
        ("Cruise Missiles", ["cruise missiles"]),
        ("air defense missile system", ["air defence missile system"]),
        ("air-defence missile systems", ["air defence missile system"]),
        ("F16", ["F-16"]),
        ("F-16s", ["F-16"]),
        ("F 16", ["F-16"]),
        ("armored vehicles", ["armoured vehicles"]),
        ("armoured vehicles", ["armoured vehicles"]),
    ],
)
def test_case_spelling_and_separators(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_offsets_index_the_whole_text() -> None:
    text = "Intro sentence on HIMARS. The sale includes Harpoon missiles and radars. Then F-16s."
    start, end = text.index("The sale"), text.index("Then")
    found = find_systems(text, start, end)
    assert [(m.name, text[m.start : m.end]) for m in found] == [
        ("Harpoon", "Harpoon missiles"),
        ("radars", "radars"),
    ]
    assert all(text[m.start : m.end] == m.text for m in find_systems(text))


def test_table_size_and_categories() -> None:
    table = systems_table()
    assert len(table) >= 60
    assert {s.category for s in table} == set(SYSTEM_CATEGORIES)
    assert all(category_of(s.name) == s.category for s in table)
    assert category_of("not a system") == ""


def test_no_alias_names_two_systems() -> None:
    owner: dict[str, str] = {}
    for s in systems_table():
        for alias in (s.name, *s.aliases):
            for variant in spelling_variants(alias):
                key = alias_key(variant)
                assert owner.setdefault(key, s.name) == s.name, (alias, owner[key], s.name)


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("cruise missiles", True),
        ("radars", True),
        ("HIMARS", False),
        ("F-16 spare parts", False),
    ],
)
def test_generic_names_are_lower_case(name: str, generic: bool) -> None:
    assert is_generic(name) is generic
