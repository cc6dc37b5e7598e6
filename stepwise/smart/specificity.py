"""The goal's main action: which verb leads it, how concrete that verb is, and its object.

Verbs fall into classes (see `vocabulary`): concrete actions ("write", "ship"), change verbs
that need a target ("reduce"), soft direction verbs that need a named metric ("improve"),
generic verbs that need an anchor ("get", "have"), and vague verbs ("foster", "understand").
Hedges such as "I want to" or "make sure" are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from typing import NamedTuple

from stepwise.smart.lexicon import FLAGS, Gated, PhraseSet, Regex, lower_pattern
from stepwise.smart.vocabulary import (
    CHANGE_VERBS,
    CONCRETE_VERBS,
    GENERIC_VERBS,
    SOFT_VERBS,
    VAGUE_PHRASES,
    VAGUE_VERBS,
)

HEDGE = Gated(
    r"\b(?:make\s+sure(?:\s+that)?|ensure(?:\s+that)?|try(?:ing)?\s+to|(?:want|wants|need|needs"
    r"|would\s+like|'d\s+like|like|plan|plans|aim|aims|hope|intend|going|gonna|have|has|got"
    r"|decide|decided|commit|committed)\s+to|be\s+able\s+to|my\s+goal\s+is(?:\s+to)?|may\s+i"
    r"|i\s+will|i'll|will|shall|must|should|can|could|would)\b",
    "make ensure try trying want wants need needs would like 'd plan plans aim aims hope "
    "intend going gonna have has got decide decided commit committed able goal may i will i'll "
    "shall must should can could",
)
_BE = ("be", "am", "is", "are", "was", "were", "being", "been")
_LEARN = ("learn", "learns", "learned", "learnt", "learning")
LEAD_WORDS = PhraseSet(
    [(verb, "vague") for verb in VAGUE_VERBS]
    + [(verb, "learn") for verb in _LEARN]
    + [(verb, "change") for verb in CHANGE_VERBS]
    + [(verb, "soft") for verb in SOFT_VERBS]
    + [(verb, "be") for verb in _BE]
    + [(verb, "concrete") for verb in CONCRETE_VERBS]
    + [(verb, "generic") for verb in GENERIC_VERBS]
)
PLACEHOLDER_VERB = re.compile(r"\[(?:concrete\s+)?action[^\[\]]*\]", FLAGS)
# Where an object ends: a mark (",", ";", ":", ".", "!", "?", brackets, " - ") or a word that
# opens a new clause: one alternation in effect, looked for in three parts that each start
# on a different kind of character (a mark, the "-" of " - ", a letter), so the earliest of
# the three is the one the alternation finds. Marks and dashes are rare characters, found
# fast; the words are looked for in the lowered text (faster than ignoring case).
_OBJECT_END_MARK = Regex(r"[,;:.!?()](?:(?<=,)(?![0-9]{3})|(?<!,))")
_OBJECT_END_DASH = Regex(r"-(?<=\s-)\s")  # " - ": its match starts one character earlier
_CLAUSE_WORDS = (
    r"\b(?:and|so|because|before|until|by|within|during|while|then|but|which|after|this|next"
    r"|in\s+(?:Q[1-4]|H[12]|[0-9]{4}))\b"
)
_OBJECT_END_WORD = Regex(_CLAUSE_WORDS, FLAGS)
_OBJECT_END_LOWERED_WORD = Regex(lower_pattern(_CLAUSE_WORDS))  # for lowered ASCII text


class Lead(NamedTuple):
    """The verb that leads the goal, its class and the words it acts on."""

    kind: str  # placeholder, vague, learn, change, soft, be, concrete, generic
    verb: str
    start: int
    end: int
    obj: str

    @property
    def phrase(self) -> str:
        return f"{self.verb} {self.obj}".strip()


def _hedges(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in HEDGE.finditer(text)]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _verbs(text: str) -> list[tuple[str, int, int]]:
    found = [("placeholder", m.start(), m.end()) for m in PLACEHOLDER_VERB.finditer(text)]
    found += [(m.label, m.start(), m.end()) for m in LEAD_WORDS.finditer(text)]
    return sorted(found, key=lambda verb: verb[1])


def all_verbs(
    text: str, skip: list[tuple[int, int]] | None = None, kinds: Collection[str] | None = None
) -> Iterator[Lead]:
    """Every verb of the known classes (or of the given `kinds`) in the text, with its
    object, in order; each object is found only when the verb is asked for."""
    hedges = _hedges(text) + list(skip or [])
    for kind, start, end in _verbs(text):
        if (kinds is None or kind in kinds) and not _inside((start, end), hedges):
            yield Lead(kind, text[start:end], start, end, object_after(text, end))


_COORDINATED = Regex(r"\s*(?:and|&|or)\s+[A-Za-z]+", FLAGS)
_LIST_COMMA = Regex(r",\s*(?:[\w'-]+\s+){0,3}?(?:and|&)\s+", FLAGS)


def _object_end(rest: str, position: int) -> tuple[int, bool] | None:
    """Where the first clause break from `position` on starts, and whether it is a comma."""
    mark = _OBJECT_END_MARK.on(rest).search(rest, position)
    end = len(rest) if mark is None else mark.start()
    dash = _OBJECT_END_DASH.on(rest).search(rest, position + 1)
    if dash is not None and dash.start() - 1 < end:
        mark, end = None, dash.start() - 1
    word = _clause_word(rest, position, end)
    if word is not None:
        return word, False
    if dash is None and mark is None:
        return None
    return end, mark is not None and mark.group(0) == ","


def _clause_word(rest: str, position: int, end: int) -> int | None:
    """Where the first word opening a clause starts, between `position` and `end` (where a
    mark or a space stands, so nothing beyond it would change the answer)."""
    if rest.isascii():
        found = _OBJECT_END_LOWERED_WORD.ascii.search(rest.lower(), position, end)
    else:
        found = _OBJECT_END_WORD.unicode.search(rest, position, end)
    return None if found is None else found.start()


def object_after(text: str, end: int, limit: int = 60) -> str:
    """The words a verb acts on: up to the next clause break. In "write and share a report"
    the object of "write" is "a report"; in "a PM, design and engineering kickoff" the list
    is kept whole."""
    coordinated = _COORDINATED.on(text).match(text, end)
    if coordinated:
        end = coordinated.end()
    rest = text[end : end + limit]
    position = 0
    while True:
        stop = _object_end(rest, position)
        if stop is None:
            return rest.strip()
        start, comma = stop
        listed = _LIST_COMMA.on(rest).match(rest, start) if comma else None
        if listed:
            position = listed.end()
            continue
        return rest[:start].strip()


def _first_verb(text: str, hedges: list[tuple[int, int]]) -> Lead | None:
    verbs: Iterable[tuple[str, int, int]]
    if "[" in text:
        verbs = _verbs(text)
    else:
        verbs = ((m.label, m.start(), m.end()) for m in LEAD_WORDS.iterate(text))
    for kind, start, end in verbs:
        if not _inside((start, end), hedges):
            return Lead(kind, text[start:end], start, end, object_after(text, end))
    return None


def _first_vague_phrase(text: str, hedges: list[tuple[int, int]]) -> Lead | None:
    for match in VAGUE_PHRASES.finditer(text):
        if _inside(match.span(), hedges):
            continue
        obj = object_after(text, match.end())
        return Lead("vague", match.group(0), match.start(), match.end(), obj)
    return None


def find_lead(text: str, skip: list[tuple[int, int]] | None = None) -> Lead | None:
    """The verb that leads the goal (the earliest; a vague phrase wins a tie). Verbs inside
    hedges ("I want to") and inside the `skip` spans (time phrases) are passed over."""
    hedges = _hedges(text) + list(skip or [])
    verb = _first_verb(text, hedges)
    vague = _first_vague_phrase(text, hedges)
    if vague is not None and (verb is None or vague.start <= verb.start):
        return vague
    return verb


# ---- what a weak verb reaches for --------------------------------------------------------

# Verbs of being and becoming: what follows is a quality to show ("be more strategic").
STATE_VERBS = frozenset(
    (
        *("be", "am", "is", "are", "was", "were", "being", "been", "become", "becoming"),
        *("get", "getting", "feel", "stay", "seem", "look"),
    )
)
_LEADING_LINKS = re.compile(r"^(?:(?:at|about|on|in|with|of|to|for|into|how|what)\s+)+", FLAGS)
_COMPARATIVES = re.compile(r"\b(?:more|less|better|worse)\b\s*", FLAGS)
_A_BETTER = re.compile(r"\b(an?)\s+better\b", FLAGS)  # "a better listener": "a good listener"
_A_BEFORE_VOWEL = re.compile(r"\ba(?=\s+[aeiou])", FLAGS)  # "a more open" lost "more"
_GET_A_THING = re.compile(r"^(?:a|an|my|our)\b", FLAGS)


class WeakTarget(NamedTuple):
    """What a weak verb reaches for, without its vague comparison: a ``quality`` the person
    wants to show ("strategic" in "be more strategic") or an ``area`` to act on ("SQL" in
    "get better at SQL", "our competitors" in "understand our competitors better")."""

    kind: str  # quality or area
    words: str  # "" when nothing but the verb is left


def weak_target(verb: str, obj: str) -> WeakTarget:
    """What the weak ``verb`` (its words after the first, then ``obj``) reaches for."""
    first, *carried = verb.split()
    rest = " ".join([*carried, obj]).strip()
    plain = _without_comparison(rest)
    got_a_thing = first.lower().startswith("get") and _GET_A_THING.match(plain)  # "get a grip"
    is_state = first.lower() in STATE_VERBS and not got_a_thing
    if is_state and plain and not _LEADING_LINKS.match(plain):
        return WeakTarget("quality", plain)
    return WeakTarget("area", _LEADING_LINKS.sub("", plain).strip(" ,;:"))


def _without_comparison(words: str) -> str:
    """The words without "more", "less", "better" or "worse": a comparison with an unnamed
    before is what made them vague."""
    plain = _COMPARATIVES.sub("", _A_BETTER.sub(r"\1 good", words)).strip(" ,;:")
    return _A_BEFORE_VOWEL.sub("an", plain)
