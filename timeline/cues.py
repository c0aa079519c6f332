"""Cue words of news about arms sales, as patterns: what makes a sentence report an event, and how.

Every pattern runs on ASCII-lowered text (`_re` lowers its letters), which is three times
faster than re.IGNORECASE and keeps offsets.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator

#: lower-cases ASCII letters only, so that offsets into the lowered text stay those of the original
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _re(pattern: str) -> re.Pattern[str]:
    """Compile a pattern to run on ASCII-lowered text: three times faster than re.IGNORECASE."""
    out, escaped = [], False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())  # \S, \W, \B keep their case
        escaped = ch == "\\" and not escaped
    return re.compile("".join(out))


def _rx(*alternatives: str) -> re.Pattern[str]:
    return _re(r"(?:" + "|".join(alternatives) + r")")


#: what a sale sells, when the sentence names the weapons instead of "a sale"
WEAPON_NOUNS = (
    r"(?:tanks?|missiles?|jets?|fighters?|aircraft|launchers?|systems?|howitzers?|torpedoe?s?|drones?|"
    r"munitions|rockets?|radars?|helicopters?|vehicles?|rounds|pods|mines|ships?|frigates?|"
    r"submarines?|artillery|ammunition|spare\s+parts|parts)"
)


# --- cue words: what makes a sentence report an event ------------------------------------------

#: a government approving or formally notifying a sale
APPROVAL_CUES = _rx(
    r"\bapprov(?:ed|es|ing)\b(?:\s+(?!(?:are|is|was|were|be)\b)\S+){0,6}?\s+(?:sales?|packages?|deals?|arms|weapons|"
    r"equipment|cases|notifications?|" + WEAPON_NOUNS + r")\b",
    r"\b(?:approv|clear)(?:ed|es|s)\s+(?:us)?\$",
    r"\bapprov(?:ed|es|ing)\s+(?:the\s+|a\s+)?(?:possible\s+|potential\s+)?(?:sale|transfer)",
    r"\bapproves?\s+\$",
    r"\bapproved\s+\$",
    r"\b(?:notified|notifies|notify|notifying|informed|told)\s+(?:the\s+)?(?:U\.?S\.?\s+)?Congress\b",
    r"\bnotif(?:ies|ied|y|ying)\s+(?:\S+\s+){0,4}?(?:cases?|sales?|packages?)\b",
    r"\b(?:sale|package|deal|case|approval)s?,?\s+(?:(?:that\s+)?(?:was|were)\s+)?"
    r"(?:announced|approved|notified|cleared)\s+(?:late\s+|early\s+)?(?:in|on|last|earlier|by)\b",
    r"\bnotifications?\s+(?:to|for)\s+taiwan\b",
    r"\b(?:sale|package|deal|case)s?\s+of\s+[^.;,]{1,80}?\s(?:announced|approved|notified|cleared)\s+(?:on|in|last)\b",
    r"\bcame\s+(?:a|an|the)\s+(?:\S+\s+){0,3}?(?:package|sale|notification|approval)s?\b",
    r"\bfollows?\s+(?:a|an|the)\s+(?:\S+\s+){0,3}?(?:package|sale|notification|approval)s?\b",
    r"\b(?:sale|package|deal|purchase)s?\b[^.;]{0,30}?\b(?:was|were|been|is|,)\s+(?:formally\s+|officially\s+)?"
    r"(?:approved|cleared|notified)\b",
    r"\bformal(?:ly)?\s+notif(?:ied|ication)\b",
    r"\bclear(?:ed|s)\s+(?:\S+\s+){0,5}?(?:sales?|packages?|deals?|cases)\b",
    r"\b(?:sent|submitted|transmitted)\s+(?:to\s+)?congress\b",
    r"\b(?:put|placed|laid|brought)\s+(?:\S+\s+){0,5}?(?:before|in\s+front\s+of)\s+congress\b",
    r"\b(?:notice|notification)s?\s+(?:that\s+)?(?:reached|went\s+to)\s+congress\b",
    r"\b(?:posted|issued|published|sent|announced|made)\s+(?:\S+\s+){0,4}?notifications?\b",
    r"\bnotifications?\s+(?:to\s+congress|worth|valued|totall?ing|announced|issued)\b",
    r"\bannounc(?:ed|es|ing)\s+(?:[^.;:]{0,60}?\s)?(?:arms\s+)?(?:sale|package)s?\b",
    r"\b(?:green-?lit|green-?lighted|signed\s+off\s+on)\b",
    r"\bannouncement\s+of\s+(?:a|an|the)\s+\S+\s+(?:\w+\s+)?(?:arms\s+)?(?:sale|package)",
)
#: plans, intentions, requests and negotiations
PLAN_CUES = _rx(
    r"\bplan(?:s|ned|ning)?\s+to\s+(?:sell|increase|expand|approve|offer|supply|provide|buy|purchase|acquire)",
    r"\bintends?\b|\bintention\s+to\b",
    r"\b(?:is|are|was|were)\s+(?:set|poised|expected|likely|preparing)\s+to\s+(?:approve|sell|notify|announce|report|offer)",
    r"\bin\s+talks\b|\bnegotiat(?:ing|ions?|ed)\b|\btalks\s+(?:on|over|about|for)\b",
    r"\b(?:potential|possible|proposed|planned|prospective)\s+(?:arms\s+)?(?:deal|sale|package|purchase)s?\b",
    r"\brequested\b",
    r"\brequests?\s+(?:to|for(?!\s+comment)|a|an|the|that)\b",
    r"\bletters?\s+of\s+request\b",
    r"\bseek(?:s|ing)?\s+to\s+(?:buy|purchase|acquire)\b|\bwants?\s+to\s+(?:buy|purchase|acquire)\b",
    r"\b(?:considering|weighing)\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:sale|package|request)",
    r"\b(?:arms\s+)?(?:procurement|sales)\s+plan\b",
    r"\b(?:assembling|putting\s+together|drawing\s+up|working\s+on|finali[sz]ing)\s+(?:a|an|the)\s+"
    r"(?:\S+\s+){0,3}?(?:sale|package|deal)s?\b",
    r"\bexpect\b(?:\s+\w+){0,6}\s+arms\s+sales\b",
)
#: a weapon changing hands
DELIVERY_CUES = _rx(
    r"\b(?:took|taken|takes|take)\s+delivery\b",
    r"\b(?:delivered|received|receives)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:first|second|last|final|initial|"
    r"batch|shipment|\d+|[a-z]+\s+(?:batch|shipment))",
    r"\b(?:was|were|been|being)\s+(?:delivered|unloaded|shipped)\b",
    r"\b(?:would|will)\s+not\s+(?:arrive|be\s+delivered)\b",
    r"\bdeliver(?:y|ies)\s+(?:\w+\s+){0,4}?(?:delayed|postponed|slipped|pushed\s+back)\b",
    r"\b(?:arrived|arrive)\s+in\s+Taiwan\b",
    r"\bhanded\s+over\b",
)
#: the buyer's defence budget moving
BUDGET_NOUN = _rx(
    r"\b(?:defen[cs]e|military|special)\s+(?:\w+\s+)?(?:budgets?|spending|expenditures?)\b"
)
BUDGET_MOVES = _rx(
    r"\b(?:rais|increas|boost|propos|prioriti[sz]|allocat|earmark|hik|unveil|pass|approv|cut|"
    r"slash|expand|double|set\s+aside|announc|submit)\w*\b",
)
#: a retaliatory measure
SANCTION_CUES = _rx(
    r"\b(?:impos|announc|slap|levy|levi|adopt|tak|unveil|order)\w*\s+(?:\S+\s+){0,4}?(?:sanctions|countermeasures)\b",
    r"\bsanction(?:ed|s|ing)\s+(?:\S+\s+){0,4}?(?:firms?|compan\w+|contractors?|lockheed|raytheon|boeing|"
    r"executives?|individuals?|entities|makers?|manufacturers?|units?|subsidiar\w+)\b",
    r"\bsanctions\s+(?:on|against)\s+(?:\S+\s+){0,4}?(?:firms?|compan\w+|contractors?|lockheed|raytheon|boeing|"
    r"executives?|individuals?|entities|makers?|manufacturers?)\b",
    r"\bunreliable\s+entit(?:y|ies)\s+list\b",
    r"\bexport\s+control\s+list\b",
    r"\bblacklist(?:ed|s)?\b",
    r"\bsuspend(?:ed|s|ing)?\b[^.;]{0,40}\b(?:exchanges?|cooperation|talks|dialogue|contacts?|visits?)\b",
)
#: a statement: said, slammed, urged, welcomed...
SPEECH_CUES = _rx(
    r"\bsa(?:id|ys)\b",
    r"\bstated\b",
    r"\btold\b",
    r"\bstress(?:ed|es)\b",
    r"\bemphasi[sz](?:ed|es)\b",
    r"\bslamm?(?:ed|s)\b",
    r"\bcondemn(?:ed|s)?\b",
    r"\bcriticis(?:ed|es)\b",
    r"\bcriticiz(?:ed|es)\b",
    r"\bdenounc(?:ed|es)\b",
    r"\bprotest(?:ed|s)\b",
    r"\boppos(?:ed|es)\b",
    r"\burg(?:ed|es)\b",
    r"\bwarn(?:ed|s|ing)\b",
    r"\bvow(?:ed|s)\b",
    r"\bcalled\b",
    r"\bdescrib(?:ed|es)\b",
    r"\baccus(?:ed|es)\b",
    r"\bwelcom(?:ed|es)\b",
    r"\bthank(?:ed|s)\b",
    r"\bprais(?:ed|es)\b",
    r"\bexpress(?:ed|es)\b",
    r"\bdeclin(?:ed|es)\s+to\s+comment\b",
    r"\brespond(?:ed|s)\b",
    r"\blodg(?:ed|es)\b",
    r"\bsupports\b",
    r"\bsupported\b",
    r"\breiterat(?:ed|es)\b",
    r"\brepeat(?:ed|s)\s+(?:that|its|his|her|their)\b",
    r"\bobjected\b",
    r"\bobjects\s+to\b",
    r"\binsist(?:ed|s)\b",
    r"\bdemand(?:ed|s)\b",
    r"\bsummon(?:ed|s)\b",
    r"\bissu(?:ed|es)\s+(?:a\s+)?statement\b",
)
#: the sentence is about arms, not trade or diplomacy in general
ARMS_CONTEXT = _rx(
    r"\barms\b",
    r"\bweapons?\b",
    r"\bmilitary\s+(?:equipment|sales?|hardware|aid)\b",
    r"\bmissiles?\b",
    r"\bsale\b",
    r"\bsales\b",
    r"\bpackage\b",
    r"\bdefen[cs]e\s+(?:articles|equipment|deal)\b",
    r"\bjets?\b",
    r"\bfighters?\b",
    r"\bdrones?\b",
    r"\btanks?\b",
    r"\bFMS\b",
    r"\bforeign\s+military\s+sales?\b",
    r"\bdefen[cs]e\s+security\s+cooperation\s+agency\b",
    r"\bDSCA\b",
    r"\bnotifications?\b",
)
#: an approval told as the one another follows: the amounts before it are the later sale's
FOLLOWS = _re(r"follows?\b")
#: what a delivery delivers
DELIVERED_THINGS = _rx(
    r"\b(?:arms|weapons?|tanks?|jets?|aircraft|fighters?|missiles?|launchers?|systems?|"
    r"drones?|helicopters?|howitzers?|equipment|munitions|ammunition|rockets?|vehicles?|"
    r"ships?|frigates?|radars?|batch|shipment)\b"
)
#: what a delivery verb hands over when it is no weapon: "handed over a formal letter of request"
PAPERS_HANDED = _re(
    r"\s+(?:a|an|the|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:letters?|requests?|notes?|lists?|documents?|proposals?|petitions?)\b"
)
#: a clause looking ahead or hedged: "is set to approve", "could approve"
MODAL_BEFORE = _re(
    r"\b(?:set|poised|expected|likely|plans?|planning|preparing|about|going|intends?|seeks?|wants?)\s+to\s+"
    r"(?:\w+\s+)?$|\b(?:would|will|could|may|might|should|to)\s+(?:\w+\s+)?$"
)
#: a clause that only imagines the event: "until the U.S. issues a formal notification"
HYPOTHETICAL_BEFORE = _re(r"\b(?:until|unless|if|once|before|whether)\b[^,;]{0,40}$")
#: "the newly announced package", "the latest approved sale": a participle naming a sale, not an
#: act ("had already notified" is one)
ADJECTIVAL_BEFORE = _re(
    r"\b(?:the|a|an|this|that|its|of|latest|newly)\s+$"
    r"|(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)\b(?:recently|previously|already)\s+$"
)
#: an opening about what the sentence answers: "In response to the plan to expand arms sales, ..."
RESPONSE_OPENING = _re(
    r"^\s*(?:in\s+response\s+to|responding\s+to|reacting\s+to|asked\s+about|"
    r"commenting\s+on|in\s+reaction\s+to)\b[^,]*,"
)
#: words that make the event an earlier one than the article's: "the recent announcement"
EARLIER_CUES = _re(
    r"\b(?:recent(?:ly)?|earlier|previous(?:ly)?|prior|former|past|last\s+year's)\s+(?:\w+\s+){0,3}$"
)
NEGATION_BEFORE = _re(
    r"\b(?:not|n't|never|no|without|yet\s+to|refused\s+to|declined\s+to)\s+(?:\w+\s+)?$"
)
#: sums over many sales: a value that belongs to no single sale
AGGREGATE_CUES = _rx(
    r"\bcumulative\b",
    r"\bso\s+far\b",
    r"\bto\s+date\b",
    r"\bin\s+recent\s+years\b",
    r"\badd\s+up\s+to\b.{0,40}\bsince\b",
    r"\bduring\s+(?:\w+['’]s\s+)?(?:first\s+|second\s+|previous\s+|last\s+)?(?:term|administration|presidency|tenure)\b",
    r"\bsince\s+(?:\d{4}|taking|he\s+took|she\s+took)\b",
    r"\bover\s+the\s+(?:past|last)\s+\w+\s+(?:years|decades)\b",
)
#: a sentence that only restates the sale already reported: "The $2.37 billion sale ..."
ANAPHORA = _rx(
    r"\b(?:the|these|those)\s+(?:\w+\s+)?(?:sales|packages|deals|notifications)\b",
    r"\bestimated\s+(?:total\s+)?(?:case\s+)?(?:cost|value)\b",
    r"\b(?:is|are|was|were)\s+(?:valued|worth)\b",
    r"\b(?:the|this|that)\s+(?:potential|possible|proposed|planned|prospective)\s+(?:arms\s+)?(?:sale|package|deal)\b",
    r"\b(?:the|this|that)\s+(?:\\?\$[\d.,]+\s*(?:million|billion|bn|m)\s+)?(?:arms\s+)?(?:sale|package|deal)\b",
    r"^\s*(?:additionally|also|in\s+addition|separately|the\s+package|it)\b",
    r"\bwhich\s+includes?\b",
)

#: stance cue words, strongest kind first: a neutral non-answer beats the words around it
NEUTRAL_CUES = _rx(
    r"\bdeclin(?:ed|es)\s+to\s+comment\b",
    r"\b(?:no|without)\s+comment\b",
    r"\bwould\s+not\s+(?:comment|confirm)\b",
    r"\bdid\s+not\s+(?:comment|confirm)\b",
    r"\bno\s+official\s+statements?\b",
    r"\bspeculation\b",
    r"\bmedia\s+(?:assumption|reports?\s+speculation)\b",
    r"\broutine\b",
    r"\bsmooth\s+communication\b",
    r"\bneither\s+confirm(?:ed)?\s+nor\s+den(?:y|ied)\b",
)
OPPOSE_CUES = _rx(
    r"\boppos(?:e|es|ed|ing|ition)\b",
    r"\bcondemn",
    r"\bslamm?(?:ed|s)?\b",
    r"\bdenounc",
    r"\bprotest",
    r"\bcriticis",
    r"\bcriticiz",
    r"\bviolat",
    r"\bred\s+line\b",
    r"\burg(?:ed|es|ing)\b[^.;]{0,60}?\b(?:stop|halt|cease|cancel|revoke|refrain|cautious|abide|adhere|not\s+to|end)\b",
    r"\bpawns?\b",
    r"\banti-china\b",
    r"\bsummon(?:ed|s)\b",
    r"\bcollu",
    r"\bdoomed\b",
    r"\bfutile\b",
    r"\bthwart",
    r"\bwarn(?:ed|s|ing)?\b",
    r"\baccus",
    r"\bdamag",
    r"\binterfer",
    r"\bprovocat",
    r"\bdissatisf",
    r"\bplay(?:ing)?\s+with\s+fire\b",
    r"\bsanction",
    r"\bcountermeasure",
    r"\bbreach",
    r"\bundermin",
    r"\bescalat",
    r"\bstern\b",
    r"\bsolemn\s+representations\b",
    r"\bresolutely\b",
    r"\bstop\s+arms\s+sales\b",
    r"\bseparatis",
    r"\bwrong\s+signal\b",
    r"\bcautious\b",
)
SUPPORT_CUES = _rx(
    r"\bwelcom",
    r"\bsupport(?:s|ed|ing)?\b",
    r"\bthank",
    r"\bgrateful\b",
    r"\bappreciat",
    r"\bbreakthrough\b",
    r"\bbolster",
    r"\bstrengthen",
    r"\bgreat\s+importance\b",
    r"\breaffirm",
    r"\benhanc",
    r"\bboost",
    r"\bcommitment\b",
    r"\bassist",
    r"\bpartnership\b",
    r"\bpraise",
    r"\bdeterrence\b",
    r"\burg(?:ed|es|ing)\b[^.;]{0,60}?\b(?:speed\s+up|expedite|accelerate|approve|deliver|fast-track)",
)

#: the stance a speaker's statement on a sale nearly always has, when its words give none
STANCE_PRIOR = {
    "China": "oppose",
    "China MFA": "oppose",
    "China MND": "oppose",
    "Taiwan Affairs Office": "oppose",
    "People's Daily": "oppose",
    "Global Times": "oppose",
    "Xinhua": "oppose",
    "CCTV": "oppose",
    "China PLA": "oppose",
    "China NPC": "oppose",
    "Taiwan MND": "support",
    "Taiwan Presidential Office": "support",
    "Taiwan President": "support",
    "Taiwan MOFA": "support",
    "Taiwan government": "support",
}
#: who speaks for Beijing: after them, a sentence opening on "China" or "Beijing" says more
BEIJING_VOICES = frozenset(name for name, side in STANCE_PRIOR.items() if side == "oppose")
#: a sentence that carries on the statement before it: "It said ...", "He added ..."
PRONOUN_SUBJECT = re.compile(r"\s*(?:It|He|She|They)\b")
#: Beijing as the subject again (not "China's foreign ministry", a new speaker)
BEIJING_SUBJECT = re.compile(r"\s*(?:China|Beijing)\b(?!['’]s)")
#: a habit, not an event: "Beijing routinely demands ..."
HABITUAL_BEFORE = _re(
    r"\b(?:routinely|usually|typically|habitually|regularly|often|always|repeatedly)\s+(?:\w+\s+)?$"
)
#: a dateline opening the story: its date is the report's, not the event's
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z.' ]{1,40},\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\)\s*(?:--?|–|—)?|(?:--?|–|—))"
)
#: actor kinds that report news rather than make it
MEDIA_KINDS = frozenset({"news agency", "news outlet", "media", "outlet", "ignore"})
#: actor kinds that speak for the seller
SELLER_ACTORS = frozenset(
    {
        "US government",
        "US State Department",
        "DSCA",
        "Pentagon",
        "White House",
        "US President",
        "US Congress",
    }
)
#: the seller's executive: its own statements about a sale are sources of it, not reactions to it
SELLER_EXECUTIVE = SELLER_ACTORS - {"US Congress"}
#: who approves or plans when the sentence names nobody
DEFAULT_ACTOR = {
    "approval": "US government",
    "plan_or_talks": "US government",
    "budget": "Taiwan government",
    "delivery": "US government",
}

#: how far (characters) before an amount a date may sit and be that amount's own, in a sentence
#: that dates several amounts apart ("on October 21 of ... missiles, worth about $1.8 billion")
OWN_DATE_REACH = 160
#: how far (characters) a date may sit from the event's verb and still govern it
GOVERN_WINDOW = 90
#: how far after a statement's verb its own date may sit ("said late on Thursday")
STATEMENT_WINDOW = 30
#: confidence of a mention by how it was dated
CONFIDENCE = {"timex": 0.9, "reference": 0.85, "published": 0.7, "approximate": 0.5}
#: how far back "a recent approval" may be looked up among the official notifications
REFERENCE_LOOKBACK_DAYS = 366

#: words that make a date approximate: "early August", "the beginning of August", "over a year ago"
APPROX_WORDS = r"early|late|mid|around|about|over|more\s+than|nearly|almost|some|roughly"
APPROX_BEFORE = _re(
    r"\b(?:" + APPROX_WORDS + r"|(?:beginning|end|start|middle)\s+of)\s+(?:the\s+)?$"
)
APPROX_START = _re(r"(?:" + APPROX_WORDS + r"|the\s+(?:beginning|end|start|middle))\b")
#: a part of the current period that has passed: "earlier this month"
SO_FAR_IN_PERIOD = _re(r"earlier\s+this\b|(?:so\s+far\s+)?this\s+(?:week|month|year)\s+so\s+far")
#: words before a date that make it not the event's date ("the budget for next year" is for it)
NOT_EVENT_DATE_BEFORE = _re(
    r"\b(?:since|until|till|by|before|through|from|ahead\s+of|for)\s+(?:the\s+|early\s+|late\s+)?$"
)
#: verbs after which the speaker may follow: "..., said Zhao Lijian"
INVERTED_SPEECH = _re(r"(?:said|says|added|stated|told|noted|wrote)\b")
#: a statement carried on by a pronoun: "He urged ...", "The spokesperson added ..."
CONTINUED_SPEAKER = re.compile(
    r"\s*(?:He|She|They|The\s+(?:spokes(?:person|man|woman)|ministry|office|official))\b"
)
#: a speaker named by surname only once the full name is known: "..., Zhao said"
SURNAME_SPEAKS = re.compile(
    r"\b([A-Z][a-z]{1,15})\s+(?:said|says|added|told|stressed|noted|urged|warned)\b"
)
#: a statement about an approval it takes as given
PRESUPPOSED_APPROVAL = _re(
    r"\bfor\s+(?:approving|clearing|the\s+approval\s+of)\b|\bwelcom\w*\s+(?:the\s+)?approval\s+of\b"
)
#: a sentence announcing several sales at once, whose amounts come one by one after it
SEVERAL_SALES = _re(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:\S+\s+){0,3}?"
    r"(?:sales|notifications|packages|cases|deals)\b"
)
#: an unnamed subject that speaks instead of the actor before it: "Taiwan ..., sources said"
UNNAMED_SPEAKER = _re(
    r"\b(?:sources?|officials?|people|analysts?|reports?|experts?|diplomats?|"
    r"observers?|lawmakers?|critics?)\s*$"
)
#: a duration that places an event relative to another: "Weeks earlier", "days later"
VAGUE_OFFSET = _re(r"\b(?:earlier|ago|before|later|after)\b")
#: a clause a date opens: "in June 2017, when the administration notified ...", its verb after
WHEN_CLAUSE = _re(r",?\s+when\s+[^,;:]{0,80}$")
#: a clause counting from a start: "since Trump took office in January 2017"
SINCE_CLAUSE = _re(r"\b(?:since|until|till)\b")
#: a reporting verb right before a date: "confirmed on November 29"
REPORTED_ON = _re(
    r"\b(?:said|says|confirmed|announced|stated|reported|notified|approved|told\s+\w+)\s+"
    r"(?:(?:late|early|later|earlier)\s+)?(?:on|in|last)\s+$"
)
#: a quote or a bracketed aside; the pattern opens with the one character either begins with,
#: so that the regex engine skips to such characters instead of trying every position
QUOTES = re.compile(r"[“\"(](?:(?<=[“\"])([^”\"]{0,400})[”\"]|(?<=\()([^()]{0,200})\))")

#: the informal notice to Congress that comes before a formal one: still a plan
INFORMAL_NOTICE = _re(
    r"\binformal(?:ly)?\s+(?:\S+\s+){0,2}?notif\w*|\bnotif\w*\s+(?:\S+\s+){0,3}?informally\b"
)

#: how a notification names what the buyer asked for: "has requested to buy ..."
NOTICE_REQUEST = _re(
    r"requested\s+(?:to\s+(?:buy|purchase)|the\s+possible\s+sale|a\s+possible\s+sale)"
)

#: "the proposed sale", "this potential deal": a sale already spoken of
DEFINITE_BEFORE = _re(r"\b(?:the|this|that|such\s+a)\s+$")

PLAN_ADJECTIVE = _re(r"(?:potential|possible|proposed|planned|prospective)\b")

#: a word that makes the actor after it an object, not the subject
OBJECT_OF_PREPOSITION = _re(
    r"\b(?:with|to|for|from|on|against|toward|towards|into|of|about|over|between|"
    r"and|island|in)\s+(?:the\s+)?$"
)

STANCE_VERBS = _re(r"\b(?:supports?|opposes?|opposed|welcomed|criticised|criticized)\b")

PASSIVE_BY = _re(
    r"\b(welcom\w*|condemn\w*|criticis\w*|criticiz\w*|prais\w*|oppos\w*|slamm?\w*|"
    r"denounc\w*)\s+by\s+"
)

ARMS_SALE = _re(
    r"\barms\b|\bweapons?\s+(?:sales?|package)|\bsale\s+of\b|\bmilitary\s+sales?\b|"
    r"\bnotifications?\b|\bdefen[cs]e\s+security\s+cooperation\s+agency\b|\bdsca\b"
)


# --- where a cue pattern can match: at the words its every match begins with ---------------------
#
# Python's re tries a pattern opening with \b at every position of a text, which makes each cue
# pattern cost a pass over every sentence. Read from its source, each of these patterns opens
# every branch with \b and one of a few words ("said", "approv", "the"): one pass over the text
# finds where such words begin, and a pattern is then tried only there.

#: what makes the literal before it optional or repeated
_QUANTIFIERS = "?*+{"
#: the most opening words one branch is read into; past it, its shorter openings are kept
MAX_OPENINGS = 64
_WORD = re.compile(r"[a-z0-9_]+")


def _class_end(source: str, i: int) -> int:
    """Return the index after the character class that opens at source[i]."""
    i += 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _plain(source: str, i: int = 0) -> Iterator[tuple[int, str]]:
    """Yield (index, character) of a pattern's source from i, past escapes and classes."""
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(source, i)
        else:
            yield i, c
            i += 1


def _group_end(source: str, i: int) -> int:
    """Return the index after the group that opens at source[i]."""
    depth = 0
    for at, c in _plain(source, i):
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return at + 1
    raise ValueError(f"unclosed group in {source!r}")


def _branches(source: str) -> list[str]:
    """Return the top-level alternatives of a pattern's source."""
    out, depth, last = [], 0, 0
    for at, c in _plain(source):
        if c == "|" and depth == 0:
            out.append(source[last:at])
            last = at + 1
        depth += (c == "(") - (c == ")")
    return [*out, source[last:]]


def _openings(source: str, done: frozenset[str] = frozenset({""})) -> tuple[frozenset[str], bool]:
    """Return strings one of which opens every match of `done` then source, and if they are whole.

    Only literal letters, digits and groups of them are read; the first other token (a class,
    an escape, a quantifier, a lookaround) ends the reading, and what was read so far opens
    every match all the same.
    """
    i = 0
    while i < len(source):
        c, after = source[i], source[i + 1 : i + 2]
        if c.isascii() and c.isalnum():
            if after and after in _QUANTIFIERS:
                return done, False
            done = frozenset(d + c for d in done)
            i += 1
            continue
        if c != "(" or (source.startswith("(?", i) and not source.startswith("(?:", i)):
            return done, False
        end = _group_end(source, i)
        inner = source[i + (3 if source.startswith("(?:", i) else 1) : end - 1]
        read = [_openings(b, done) for b in _branches(inner)]
        taken = frozenset().union(*(opened for opened, _ in read))
        quantifier = source[end : end + 1]
        if quantifier == "?":  # taken, or skipped and what follows opens the match
            both = taken | _openings(source[end + 1 :], done)[0]
            return (both if len(both) <= MAX_OPENINGS else done), False
        if (quantifier and quantifier in _QUANTIFIERS) or len(taken) > MAX_OPENINGS:
            return done, False
        if not all(whole for _, whole in read):
            return taken, False  # a branch was read only in part: what follows may not follow it
        done, i = taken, end
    return done, True


def first_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """Return the words that open every match at a word start, and whether `^` branches exist.

    None when some branch opens neither with \\b and a word nor with ^.
    """
    if pattern.flags != re.UNICODE:
        return None
    source = pattern.pattern
    if source.startswith("(?:") and _group_end(source, 0) == len(source):
        source = source[3:-1]
    words: set[str] = set()
    at_start = False
    for branch in _branches(source):
        if branch.startswith("^"):
            at_start = True  # without MULTILINE, ^ matches only where the text starts
            continue
        if not branch.startswith("\\b"):
            return None
        opened, _ = _openings(branch[2:])
        if not all(_WORD.fullmatch(w) for w in opened):
            return None
        words |= opened
    return frozenset(words), at_start


def _longest_first(words: Iterable[str]) -> str:
    """Return an alternation of the words, as a trie, that matches the longest one that fits."""
    heads: dict[str, list[str]] = {}
    for w in sorted(words):
        heads.setdefault(w[0], []).append(w[1:])
    out = []
    for head, rests in heads.items():
        longer = [r for r in rests if r]
        if not longer:
            out.append(re.escape(head))
            continue
        optional = "?" if "" in rests else ""  # greedy: the longer words are tried first
        out.append(f"{re.escape(head)}(?:{_longest_first(longer)}){optional}")
    return "|".join(out)


#: the cue patterns tried only where one of their first words begins
INDEXED = (
    ARMS_CONTEXT,
    SANCTION_CUES,
    BUDGET_NOUN,
    BUDGET_MOVES,
    STANCE_VERBS,
    SPEECH_CUES,
    INFORMAL_NOTICE,
    APPROVAL_CUES,
    DELIVERY_CUES,
    PLAN_CUES,
    AGGREGATE_CUES,
    ANAPHORA,
    NEUTRAL_CUES,
    OPPOSE_CUES,
    SUPPORT_CUES,
    PASSIVE_BY,
    PRESUPPOSED_APPROVAL,
)


def _first_word_tables() -> tuple[re.Pattern[str], dict[str, int], int]:
    """Return the scan for first words, the indexed patterns (bits) each found word may open,
    and the bits of those with ^ branches."""
    opened_by: dict[str, int] = {}
    at_start = 0
    for i, pattern in enumerate(INDEXED):
        found = first_words(pattern)
        if found is None:
            raise ValueError(f"a branch opens with no word: {pattern.pattern[:60]}")
        for word in found[0]:
            opened_by[word] = opened_by.get(word, 0) | 1 << i
        if found[1]:
            at_start |= 1 << i
    # the scan finds the longest word at a place: it opens the patterns of its shorter ones too
    opens = {
        word: _bits_union(bits for w, bits in opened_by.items() if word.startswith(w))
        for word in opened_by
    }
    return re.compile(rf"\b(?:{_longest_first(opened_by)})"), opens, at_start


def _bits_union(bits: Iterable[int]) -> int:
    """Return the union of bit sets."""
    out = 0
    for b in bits:
        out |= b
    return out


_FIRST_WORD, _OPENS, _AT_START = _first_word_tables()
#: each indexed pattern's bit, by the pattern's id: hashing a pattern hashes all its code
_BIT = {id(p): 1 << i for i, p in enumerate(INDEXED)}


class CueIndex:
    """Where each indexed cue pattern may match in one text, or in a copy of it with spans blanked.

    A blanked copy keeps the text's length and puts spaces in spans that each end on a
    character that is no word character (a quote, a bracket, a comma): it opens no word where
    the text opens none, so the places found in the text hold for it.
    """

    __slots__ = ("_found", "_opened", "_at")

    def __init__(self, text: str) -> None:
        self._found = [(m.start(), _OPENS[m.group()]) for m in _FIRST_WORD.finditer(text)]
        self._opened = _AT_START
        for _, opens in self._found:
            self._opened |= opens
        self._at: dict[int, list[int]] = {}

    def _places(self, bit: int) -> list[int]:
        """Return where the pattern of a bit may begin to match, in order."""
        if not bit & self._opened:
            return []  # most sentences open most patterns nowhere
        places = self._at.get(bit)
        if places is None:
            places = [at for at, opens in self._found if opens & bit]
            if bit & _AT_START and places[:1] != [0]:
                places.insert(0, 0)
            self._at[bit] = places
        return places

    def search(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """Return pattern.search(text): its match at the first place where one begins."""
        bit = _BIT.get(id(pattern))
        if bit is None:
            return pattern.search(text)
        for place in self._places(bit):
            m = pattern.match(text, place)
            if m:
                return m
        return None

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of pattern.finditer(text)."""
        bit = _BIT.get(id(pattern))
        if bit is None or bit & _AT_START:  # a ^ branch may match empty
            yield from pattern.finditer(text)
            return
        end = 0  # every match holds a first word: none is empty
        for place in self._places(bit):
            if place >= end and (m := pattern.match(text, place)):
                yield m
                end = m.end()
