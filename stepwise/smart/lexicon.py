"""Small helpers to turn word lists into precompiled regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

FLAGS = re.IGNORECASE

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "write": ("write", "writes", "wrote", "written", "writing"),
    "run": ("run", "runs", "ran", "running"),
    "get": ("get", "gets", "got", "gotten", "getting"),
    "give": ("give", "gives", "gave", "given", "giving"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "lead": ("lead", "leads", "led", "leading"),
    "hold": ("hold", "holds", "held", "holding"),
    "build": ("build", "builds", "built", "building"),
    "read": ("read", "reads", "reading"),
    "meet": ("meet", "meets", "met", "meeting"),
    "send": ("send", "sends", "sent", "sending"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "teach": ("teach", "teaches", "taught", "teaching"),
    "make": ("make", "makes", "made", "making"),
    "grow": ("grow", "grows", "grew", "grown", "growing"),
    "become": ("become", "becomes", "became", "becoming"),
    "be": ("be", "am", "is", "are", "was", "were", "been", "being"),
    "win": ("win", "wins", "won", "winning"),
    "set": ("set", "sets", "setting"),
    "put": ("put", "puts", "putting"),
    "cut": ("cut", "cuts", "cutting"),
    "keep": ("keep", "keeps", "kept", "keeping"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "sit": ("sit", "sits", "sat", "sitting"),
    "begin": ("begin", "begins", "began", "begun", "beginning"),
    "choose": ("choose", "chooses", "chose", "chosen", "choosing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "draw": ("draw", "draws", "drew", "drawn", "drawing"),
    "do": ("do", "does", "did", "done", "doing"),
    "go": ("go", "goes", "went", "gone", "going"),
    "pay": ("pay", "pays", "paid", "paying"),
    "sell": ("sell", "sells", "sold", "selling"),
    "spend": ("spend", "spends", "spent", "spending"),
    "find": ("find", "finds", "found", "finding"),
    "shadow": ("shadow", "shadows", "shadowed", "shadowing"),
    "show": ("show", "shows", "showed", "shown", "showing"),
}
_DOUBLE_FINAL = frozenset(
    {
        "ship",
        "plan",
        "map",
        "stop",
        "drop",
        "scope",
        "chat",
        "pin",
        "sum",
        "log",
        "skim",
        "jot",
        "submit",
        "commit",
        "admit",
        "prep",
        "audit",
    }
)


def inflect(verb: str) -> tuple[str, ...]:
    """The usual forms of an English verb (base, -s, -ed, -ing)."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e") and not verb.endswith("ee"):
        return (verb, verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return (verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return (verb, verb + "es", verb + "ed", verb + "ing")
    if verb in _DOUBLE_FINAL and verb not in ("audit",):
        last = verb[-1]
        return (verb, verb + "s", verb + last + "ed", verb + last + "ing")
    return (verb, verb + "s", verb + "ed", verb + "ing")


def phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: words separated by spaces or hyphens; `*` inflects a verb."""
    parts: list[str] = []
    for word in phrase.split():
        if word.endswith("*"):
            parts.append(alternation(inflect(word[:-1])))
        elif word.startswith("(") or "\\" in word or "[" in word:
            parts.append(word)
        else:
            parts.append(re.escape(word))
    return r"[\s-]+".join(parts)


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation, longest first so the longest match wins."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


def phrases_pattern(phrases: Iterable[str]) -> str:
    """An alternation of phrase patterns (see `phrase_pattern`)."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


def plural_nouns(nouns: Iterable[str]) -> list[str]:
    """Nouns with their plural forms."""
    out: list[str] = []
    for noun in nouns:
        out.append(noun)
        if noun.endswith(("s", "x", "ch", "sh")):
            out.append(noun + "es")
        elif noun.endswith("y") and noun[-2:-1] not in "aeiou":
            out.append(noun[:-1] + "ies")
        else:
            out.append(noun + "s")
    return out


# A word: letters and digits, maybe joined by ' : / & + or _ ("q3'27", "a/b", "r&d").
_TOKEN = re.compile(r"[^\W_]++(?:[_':/&+]++[^\W_]++)*+")
_ASCII_TOKEN = re.compile(r"[a-z0-9]++(?:[_':/&+]++[a-z0-9]++)*+")  # the same, for ASCII
_PART = re.compile(r"[^\W_]+")
_ALPHA_PREFIX = re.compile(r"\b([a-z]+)[0-9]")
_LETTER_DIGIT = re.compile(r"[0-9](?<=[a-z].)")  # a digit right after a letter
_GAP = re.compile(r"[\s-]+")


class Tokens:
    """The words of a text, lowercased, with where each starts and ends. A possessive "'s"
    is dropped in `bare`; `joined` says a word hangs on the previous one by a hyphen."""

    __slots__ = ("ends", "lowered", "starts", "words")

    def __init__(self, text: str) -> None:
        self.lowered = lowered = fold(text)
        token = _ASCII_TOKEN if lowered.isascii() else _TOKEN
        self.words: list[str] = token.findall(lowered)
        self.starts: list[int] = []
        self.ends: list[int] = []
        # Between two words there is no letter or digit, so each word is found where it is.
        end = 0
        for word in self.words:
            end = lowered.find(word, end)
            self.starts.append(end)
            end += len(word)
            self.ends.append(end)

    def __len__(self) -> int:
        return len(self.words)

    def bare(self, index: int) -> str:
        word = self.words[index]
        return word[:-2] if word.endswith("'s") else word

    def joined(self, index: int) -> bool:
        start = self.starts[index]
        return start > 0 and self.lowered[start - 1] == "-"

    def indexes_of(self, words: frozenset[str]) -> list[int]:
        """Where the words are (as they are, or bare), in order."""
        if "'s" not in self.lowered:  # no word has a bare form
            return [index for index, word in enumerate(self.words) if word in words]
        return [
            index
            for index, word in enumerate(self.words)
            if word in words or (word.endswith("'s") and word[:-2] in words)
        ]


@lru_cache(maxsize=64)
def tokenize(text: str) -> Tokens:
    """The words of a text (split at spaces, hyphens and punctuation)."""
    return Tokens(text)


_YEARISH = re.compile(r"\b(?:19|20|21)[0-9]{2}\b")
_CENTURY = re.compile(r"(?:19|20|21)[0-9]{2}")
_NUMERIC_DATE = re.compile(r"[0-9][/.][0-9]")
_DIGITS = "0123456789"
_JOINERS = "':/&+"


_LAST: list[tuple[str, frozenset[str]]] = [("", frozenset()), ("", frozenset())]


def word_set(text: str) -> frozenset[str]:
    """Every lowercased word of a text (see `_word_set`); the last two answers are kept at
    hand, as a goal's text and its core words are asked about many times in turn."""
    last, before = _LAST
    if text is last[0]:
        return last[1]
    if text is before[0]:
        _LAST[0], _LAST[1] = before, last
        return before[1]
    words = _word_set(text)
    _LAST[0], _LAST[1] = (text, words), last
    return words


def has_any(text: str, chars: str) -> bool:
    """True when the text holds one of the characters (a plain loop: `any` is slower)."""
    for char in chars:
        if char in text:
            break
    else:
        return False
    return True


@lru_cache(maxsize=64)
def _word_set(text: str) -> frozenset[str]:
    """Every lowercased word of a text, with the parts of compound tokens ("q3'27" gives
    "q3'27", "q3" and "27"; "fy27" gives "fy"), plus "#digit" and "#year" markers."""
    tokens = tokenize(text)
    lowered = tokens.lowered
    words = set(tokens.words)
    if has_any(lowered, _JOINERS):
        words.update(_PART.findall(lowered))
        words.update(word[:-2] for word in tokens.words if word.endswith("'s"))
    if has_any(lowered, _DIGITS):
        if _LETTER_DIGIT.search(lowered):  # quick scans first: patterns opening on \b are slow
            words.update(_ALPHA_PREFIX.findall(lowered))
        words.add("#digit")
        if _CENTURY.search(lowered) and _YEARISH.search(lowered):
            words.add("#year")
        if _NUMERIC_DATE.search(lowered):
            words.add("#numdate")
    return frozenset(words)


class Needle:
    """A cheap test that a text may hold a match: all word groups present (any word of each
    group), or one of the characters."""

    def __init__(self, *groups: str, chars: str = "") -> None:
        self.groups = tuple(frozenset(group.lower().split()) for group in groups)
        self.chars = chars

    def __call__(self, text: str, words: frozenset[str] | None = None) -> bool:
        return self.allows(text, word_set(text) if words is None else words)

    def allows(self, text: str, words: frozenset[str]) -> bool:
        """The test, given the text's word set."""
        every_group = bool(self.groups)
        for group in self.groups:
            if group.isdisjoint(words):
                every_group = False
                break
        if every_group:
            return True
        if self.chars:
            return has_any(text, self.chars)
        return not self.groups

    @property
    def key(self) -> frozenset[str] | None:
        """Words one of which every text it allows holds (the smallest group), or None when
        it allows texts by their characters or with no words at all."""
        if self.chars or not self.groups:
            return None
        return min(self.groups, key=len)


class NeedleIndex:
    """Which of many needles may allow a text, found with one set intersection: each needle
    is filed under the words of its key group; the few it names are then tested in full."""

    def __init__(self, needles: Sequence[Needle]) -> None:
        self._needles = tuple(needles)
        self._always: list[int] = []
        self._by_word: dict[str, list[int]] = {}
        self._others: list[tuple[frozenset[str], ...]] = []  # the groups but the key
        for index, needle in enumerate(self._needles):
            key = needle.key
            if key is None:
                self._always.append(index)
            for word in key or ():
                self._by_word.setdefault(word, []).append(index)
            self._others.append(tuple(group for group in needle.groups if group is not key))

    def allowed(self, text: str, words: frozenset[str]) -> list[int]:
        """The indexes, in order, of the needles that allow the text."""
        by_word = self._by_word
        named = {index for word in words if word in by_word for index in by_word[word]}
        found = [index for index in self._always if self._needles[index].allows(text, words)]
        for index in named:  # its key group is there: are the others?
            for group in self._others[index]:
                if group.isdisjoint(words):
                    break
            else:
                found.append(index)
        return sorted(found)


class FoldedMatch:
    """A match found in the lowered text, answering with the original words."""

    __slots__ = ("match", "string")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self.match = match
        self.string = text

    def group(self, name: int | str = 0) -> str:
        start, end = self.match.span(name)
        return "" if start < 0 else self.string[start:end]

    def __getitem__(self, name: int | str) -> str:
        return self.group(name)

    def start(self, name: int | str = 0) -> int:
        return self.match.start(name)

    def end(self, name: int | str = 0) -> int:
        return self.match.end(name)

    def span(self, name: int | str = 0) -> tuple[int, int]:
        return self.match.span(name)


def _unicode_spaces(pattern: str) -> str | None:
    """The pattern with each \\s written out as the spaces Unicode finds in ASCII text: with
    re.ASCII, \\s leaves out \\x1c-\\x1f. None when the pattern has \\S."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escape = pattern[index : index + 2]
            if escape == "\\S":
                return None
            if escape == "\\s":
                escape = "\\s\\x1c-\\x1f" if in_class else "[\\s\\x1c-\\x1f]"
            out.append(escape)
            index += 2
            continue
        if not in_class and char == "[":
            in_class = True
            start = index + 1
            start += pattern.startswith("^", start)
            start += pattern.startswith("]", start)  # "]" first in a set is a plain "]"
            out.append(pattern[index:start])
            index = start
            continue
        if in_class and char == "]":
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


class Regex:
    """A compiled pattern and its twin compiled with re.ASCII, which `on` picks for ASCII
    text (most goals). On ASCII text the twin finds the same matches, faster: word and digit
    classes and case folding differ between the two only beyond ASCII, and spaces by four
    control characters, which the twin's \\s lists (see `_unicode_spaces`). A pattern with
    characters beyond ASCII, or with \\S, has no twin."""

    __slots__ = ("ascii", "unicode")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.unicode = re.compile(pattern, flags)
        spaced = _unicode_spaces(pattern) if pattern.isascii() else None
        self.ascii = self.unicode if spaced is None else re.compile(spaced, flags | re.ASCII)

    def on(self, text: str) -> re.Pattern[str]:
        """The compiled pattern to run on the text."""
        return self.ascii if text.isascii() else self.unicode


class Gated:
    """A regular expression that is only run when the text has one of its gate words (or
    gate characters): a cheap set lookup spares most texts most patterns. It runs on the
    lowered text (much faster than IGNORECASE) unless it has case-sensitive parts."""

    def __init__(self, pattern: str, words: str = "", chars: str = "", flags: int = FLAGS) -> None:
        self.folds = "(?-i" not in pattern and bool(flags & re.IGNORECASE)
        if self.folds:
            self.pattern = Regex(lower_pattern(pattern), flags & ~re.IGNORECASE)
        else:
            self.pattern = Regex(pattern, flags)
        self.words = frozenset(words.lower().split())
        self.chars = chars
        self.open = not self.words and not chars  # no gate: always run

    def could_match(self, text: str) -> bool:
        """False when the text has no gate word nor gate character (`search` and `finditer`
        test the same inline: most calls end there)."""
        last = _LAST[0]
        words = last[1] if text is last[0] else word_set(text)
        return not (
            self.words.isdisjoint(words)
            and not self.open
            and not (self.chars and has_any(text, self.chars))
        )

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> FoldedMatch | None:
        last = _LAST[0]
        words = last[1] if text is last[0] else word_set(text)
        if (
            self.words.isdisjoint(words)
            and not self.open
            and not (self.chars and has_any(text, self.chars))
        ):
            return None
        subject = fold(text) if self.folds else text
        pattern = self.pattern.on(subject)
        match = pattern.search(subject, pos, len(text) if endpos is None else endpos)
        return FoldedMatch(match, text) if match else None

    def finditer(self, text: str) -> list[FoldedMatch]:
        last = _LAST[0]
        words = last[1] if text is last[0] else word_set(text)
        if (
            self.words.isdisjoint(words)
            and not self.open
            and not (self.chars and has_any(text, self.chars))
        ):
            return []
        subject = fold(text) if self.folds else text
        return [FoldedMatch(match, text) for match in self.pattern.on(subject).finditer(subject)]


def gate_words(patterns: Iterable[Gated]) -> frozenset[str]:
    """The union of the gate words of several patterns (empty when any has no gate)."""
    union: set[str] = set()
    for pattern in patterns:
        if not pattern.words or pattern.chars:
            return frozenset()
        union |= pattern.words
    return frozenset(union)


class PhraseMatch(NamedTuple):
    """Where a phrase was found; answers like a regular-expression match."""

    text: str
    begin: int
    finish: int
    label: str

    def group(self, index: int = 0) -> str:
        return self.text[self.begin : self.finish]

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return (self.begin, self.finish)


class PhraseSet:
    """Fast whole-word lookup of many words and phrases (leftmost, then longest)."""

    def __init__(self, labelled: Iterable[tuple[str, str]], *, compounds: bool = False) -> None:
        """`compounds=True` also finds a word inside a hyphenated compound ("customer-led")."""
        self._compounds = compounds
        table: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        for rank, (phrase, label) in enumerate(labelled):
            words = tuple(w for w in re.split(r"[\s_-]+", phrase.lower()) if w)
            if words:
                table.setdefault(words[0], []).append((words[1:], label, rank))
        self._table = {
            first: sorted(entries, key=lambda e: (-len(e[0]), e[2]))
            for first, entries in table.items()
        }
        self._firsts = frozenset(self._table)

    @classmethod
    def of(cls, phrases: Iterable[str], label: str = "", *, compounds: bool = False) -> PhraseSet:
        return cls(((phrase, label) for phrase in phrases), compounds=compounds)

    def _match_at(self, text: str, tokens: Tokens, i: int) -> PhraseMatch | None:
        entries = self._table.get(tokens.words[i]) or self._table.get(tokens.bare(i))
        for rest, label, _ in entries or ():
            if rest and not self._follows(text, tokens, i, rest):
                continue
            last = i + len(rest)
            if not self._compounds and last + 1 < len(tokens.words) and tokens.joined(last + 1):
                continue  # "class" is not in "class-based"
            return PhraseMatch(text, tokens.starts[i], tokens.ends[last], label)
        return None

    @staticmethod
    def _follows(text: str, tokens: Tokens, i: int, rest: tuple[str, ...]) -> bool:
        if i + len(rest) >= len(tokens):
            return False
        for offset, word in enumerate(rest, start=1):
            index = i + offset
            if word != tokens.words[index] and word != tokens.bare(index):
                return False
            if not _GAP.fullmatch(text, tokens.ends[index - 1], tokens.starts[index]):
                return False
        return True

    def iterate(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Every match between `start` and `end`, left to right, never overlapping."""
        if self._firsts.isdisjoint(word_set(text)):
            return
        tokens = tokenize(text)
        limit = len(text) if end is None else end
        after = start
        starts, ends = tokens.starts, tokens.ends
        for i in tokens.indexes_of(self._firsts):  # the words that may start a phrase
            if ends[i] > limit:
                return
            if starts[i] < after:
                continue
            if not self._compounds and tokens.joined(i):
                continue
            match = self._match_at(text, tokens, i)
            if match is not None:
                yield match
                after = match.finish

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        return list(self.iterate(text, start, end))

    def search(self, text: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        return next(self.iterate(text, start, end), None)


def lower_pattern(pattern: str) -> str:
    """A pattern for lowercased text: literal letters lowered; escapes (\\S, \\W, \\B…) and
    group syntax ((?P<name>…)) kept. Case-sensitive patterns on lowered text are several
    times faster than IGNORECASE ones."""
    out: list[str] = []
    escaped = False
    for index, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "P" and pattern[index - 2 : index] == "(?":
            out.append(char)
        else:
            out.append(char.lower())
    return "".join(out)


_FOLDED: list[tuple[str, str]] = [("", ""), ("", "")]


def fold(text: str) -> str:
    """The text lowercased letter by letter, keeping every offset (a letter whose lowercase
    is longer, like "İ", is kept as it is). The last two answers are kept at hand."""
    last, before = _FOLDED
    if text is last[0]:
        return last[1]
    if text is before[0]:
        _FOLDED[0], _FOLDED[1] = before, last
        return before[1]
    if text.isascii():
        folded = text.lower()
    else:
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _FOLDED[0], _FOLDED[1] = (text, folded), last
    return folded


def phrase_set(words: Iterable[str], *, compounds: bool = False) -> PhraseSet:
    """A fast, case-insensitive lookup of any of the given whole words or phrases."""
    return PhraseSet.of(words, compounds=compounds)


def word_list(text: str) -> list[str]:
    """Words from a spaced string (keeps long word lists readable)."""
    return text.split()


class Spans:
    """Which characters of a text are already explained (a date, a name, a quantity)."""

    def __init__(self, size: int, spans: Sequence[tuple[int, int]]) -> None:
        self.mask = bytearray(size)
        for span in spans:
            self.take(span)

    def free(self, span: tuple[int, int]) -> bool:
        return 1 not in self.mask[span[0] : span[1]]

    def take(self, span: tuple[int, int]) -> None:
        start, end = max(0, span[0]), max(0, span[1])
        self.mask[start:end] = b"\x01" * (end - start)
