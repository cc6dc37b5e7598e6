"""Search over the goal library, in memory, built once per process (decision 0005).

    >>> index = library_index()
    >>> hits = index.search("research competitors", level="pm")
    >>> index.suggestions("stakehodler")          # ("stakeholder",) when that word is indexed

`LibraryIndex` indexes the title, why, description, keywords, step titles and competency
names of each template. Words are case-folded, stripped of accents, split on punctuation,
filtered through a short stop-word list and reduced by a light English stemmer (British and
American spellings share a stem). Each stem has a posting list holding its BM25F score in
every template (fields weighted, title and keywords highest), so a query only touches the
postings of its own terms and of their expansions:

* synonyms from a small hand-written table (`SYNONYM_GROUPS`), scored below exact words;
* typo corrections for words not in the vocabulary: edit distance 1 (words of 4+ letters)
  or 2 (8+ letters), found through a deletion-neighbourhood index built with the index and
  scored a bit below exact words; `suggestions()` returns the corrected words.

Templates matching adjacent query terms side by side get a phrase bonus, templates matching
every term a coverage bonus. Equal scores are ordered by title, then key. A query without
searchable words (empty, or only stop words and punctuation) lists every template that
passes the filters, by title. Pure Python: no Django imports.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stepwise.goals.library.catalogue import GoalTemplate

__all__ = [
    "MAX_QUERY_CHARS",
    "SYNONYM_GROUPS",
    "LibraryIndex",
    "SearchHit",
    "fold",
    "library_index",
    "normalise",
    "stem",
]

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 10  # distinct words of a query that are searched; the rest are ignored
MAX_TYPO_CANDIDATES = 3  # distinct stems a misspelt word may stand for
MAX_TYPO_WORD = 24  # longer words are not corrected (their neighbourhoods grow quadratically)
MAX_PAIR_ALTERNATIVES = 4  # per term, when looking for adjacent matches

# Field weights for BM25F: the title and keywords say what a template is about.
TITLE, KEYWORDS, COMPETENCIES, STEPS, WHY, DESCRIPTION = 3.0, 2.5, 1.5, 1.2, 1.0, 1.0
BM25_K1, BM25_B = 1.2, 0.75
SYNONYM_WEIGHT = 0.6
TYPO_WEIGHTS = {1: 0.8, 2: 0.65}  # edit distance -> weight of the corrected word
PHRASE_BONUS = 1.0  # times the weaker of two terms found side by side (half when reversed)
ALL_TERMS_BONUS = 1.25

_STOP_WORD_TEXT = """
    a about an and any are as at be been but by can do does for from get has have how i if in
    into is it its me my of on or our out s so than that the their them then there these they
    this those to up us was we were what when where which while who will with would you your
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

# Each group is a set of words or phrases a searcher may use for one another. Entries are
# normalised and stemmed like everything else, so "competitor" also covers "competitors".
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("competitor", "rival", "market landscape", "competitive landscape"),
    ("research", "analysis", "study", "teardown", "investigation"),
    ("engineer", "developer", "dev", "tech team"),
    ("designer", "ux", "user experience"),
    ("stakeholder", "partner"),
    ("metric", "kpi", "analytics", "data", "measurement"),
    ("roadmap", "plan"),
    ("okr", "objective", "key result"),
    ("status update", "report"),
    ("customer", "user", "client"),
    ("presentation", "demo", "talk", "pitch"),
    ("launch", "release", "ship"),
    ("experiment", "ab test", "split test"),
    ("mentor", "coach"),
)

_TOKEN_RE = re.compile(r"[^\W_]+")
_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
_AMERICAN_RE = re.compile(r"([iy])z(e|es|ed|ing|er|ers|ation|ations)$")
_VOWELS = frozenset("aeiouy")
_KEEP_DOUBLE = frozenset("lsfz")
# Derivational endings, longest first; the first that leaves a stem of 4+ letters is cut.
# Endings are written without a final "e", which is dropped before they are tried.
_DERIVATIONS = (
    "itisation",
    "isation",
    "ation",
    "ition",
    "itiv",
    "itor",
    "itis",
    "ment",
    "ness",
    "ity",
    "ion",
    "iv",
    "is",
    "or",
    "er",
    "at",
    "ly",
)
_MIN_STEM = 4


# -- normalisation -----------------------------------------------------------------------


def fold(text: str) -> str:
    """Case-folded, accents stripped: "Écrire" -> "ecrire"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalise(text: str) -> list[str]:
    """The searchable words of `text`: folded, split on punctuation, stop words dropped."""
    return [
        word
        for word in _TOKEN_RE.findall(fold(text))
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())
    ]


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A light English stem of a normalised word; related forms share one.

    "competitor", "competitors", "competitive", "competition" -> "compet";
    "prioritise", "prioritization", "priorities" -> "prior"; "tested", "testing" -> "test".
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if len(word) >= 6:
        word = _AMERICAN_RE.sub(r"\1s\2", word)
    word = _strip_inflection(word)
    for _ in range(2):
        word = _drop_final_e(word)
        word, cut = _strip_derivation(word)
        if not cut:
            break
    return _drop_final_e(word)


def _strip_inflection(word: str) -> str:
    word = _strip_plural(word)
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if len(base) >= 3 and _VOWELS.intersection(base):
                return _undouble(base)
    return word


def _strip_plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("xes", "ches", "shes", "zes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "sis")) and len(word) > 3:
        return word[:-1]
    return word


def _undouble(base: str) -> str:
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _KEEP_DOUBLE | _VOWELS:
        return base[:-1]
    return base


def _drop_final_e(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _strip_derivation(word: str) -> tuple[str, bool]:
    for ending in _DERIVATIONS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)], True
    return word, False


def _without_placeholders(text: str) -> str:
    return _PLACEHOLDER_RE.sub(" ", text)


# -- edit distance -----------------------------------------------------------------------


def _deletions(word: str, depth: int) -> set[str]:
    """`word` and every string made by deleting up to `depth` of its characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier if len(w) > 1 for i in range(len(w))}
        found |= frontier
    return found


def _edit_distance(a: str, b: str, limit: int) -> int | None:
    """Optimal string alignment distance (adjacent swaps count 1), None when above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return None
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i, *([0] * len(b))]
        for j, other in enumerate(b, start=1):
            cost = 0 if char == other else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return None
        before, previous = previous, current
    return previous[-1] if previous[-1] <= limit else None


def _typo_limit(word: str) -> int:
    if len(word) >= 8:
        return 2
    return 1 if len(word) >= 4 else 0


# -- the index ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    template: GoalTemplate
    score: float
    matched: tuple[str, ...]  # the query terms, as typed, that this template matched


@dataclass
class _Slot:
    """One distinct query word and what it may match, with weights."""

    typed: str
    alternatives: dict[str, float] = field(default_factory=dict)
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)
    corrections: tuple[str, ...] = ()

    def add(self, member: tuple[str, ...], weight: float) -> None:
        if len(member) == 1:
            if weight > self.alternatives.get(member[0], 0.0):
                self.alternatives[member[0]] = weight
        elif (member, weight) not in self.phrases:
            self.phrases.append((member, weight))

    def pair_alternatives(self) -> list[str]:
        ranked = sorted(self.alternatives.items(), key=lambda item: (-item[1], item[0]))
        return [term for term, _ in ranked[:MAX_PAIR_ALTERNATIVES]]


@dataclass
class _Document:
    weights: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    length: float = 0.0


def _fields(template: GoalTemplate, names: Mapping[str, str]) -> Iterator[tuple[float, str]]:
    yield TITLE, template.title
    for keyword in template.keywords:
        yield KEYWORDS, keyword
    for key in template.competencies:
        yield COMPETENCIES, names.get(key, key)
    for step in template.steps:
        yield STEPS, step.title
    yield WHY, template.why
    yield DESCRIPTION, template.description


class LibraryIndex:
    """Goal templates, searchable by words, competency and level.

    Templates are numbered in title order (then key), so that ties, which are broken by the
    smaller number, come out by title.
    """

    def __init__(
        self,
        templates: Sequence[GoalTemplate],
        *,
        competency_names: Mapping[str, str] | None = None,
    ) -> None:
        self._templates = tuple(sorted(templates, key=_title_key))
        names = dict(competency_names or {})
        self._by_competency: dict[str, set[int]] = defaultdict(set)
        self._by_level: dict[str, set[int]] = defaultdict(set)
        bigrams: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._words: dict[str, str] = {}  # every indexed (folded) word -> its stem
        documents = [
            self._read(doc, template, names, bigrams)
            for doc, template in enumerate(self._templates)
        ]
        self._bigrams = {pair: tuple(docs) for pair, docs in bigrams.items()}
        self._postings, self._idf = _bm25_postings(documents)
        self._by_score: dict[str, tuple[list[int], list[float]]] = {}  # filled on first use
        self._synonyms, self._phrase_synonyms = self._synonym_tables()
        self._neighbours = self._deletion_index()

    def __len__(self) -> int:
        return len(self._templates)

    # -- building ------------------------------------------------------------------------

    def _read(
        self,
        doc: int,
        template: GoalTemplate,
        names: Mapping[str, str],
        bigrams: dict[tuple[str, str], list[int]],
    ) -> _Document:
        for key in template.competencies:
            self._by_competency[key].add(doc)
        for level in template.levels:
            self._by_level[level].add(doc)
        document = _Document()
        pairs: set[tuple[str, str]] = set()
        known = self._words.get
        for weight, text in _fields(template, names):
            stems = [
                known(word) or self._stem_word(word)
                for word in normalise(_without_placeholders(text))
            ]
            for term in stems:
                document.weights[term] += weight
            pairs.update(itertools.pairwise(stems))
            document.length += weight * len(stems)
        for pair in pairs:
            bigrams[pair].append(doc)
        return document

    def _stem_word(self, word: str) -> str:
        term = self._words[word] = stem(word)
        return term

    def _synonym_tables(
        self,
    ) -> tuple[dict[str, list[tuple[str, ...]]], dict[tuple[str, ...], list[tuple[str, ...]]]]:
        """Stem -> the members of its groups; multi-word member -> the rest of its group."""
        singles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        phrases: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for group in SYNONYM_GROUPS:
            members = list(dict.fromkeys(tuple(map(stem, normalise(entry))) for entry in group))
            for member in members:
                others = [m for m in members if m != member and not set(m) & set(member)]
                (singles[member[0]] if len(member) == 1 else phrases[member]).extend(others)
            for word in (word for entry in group for word in normalise(entry)):
                self._words.setdefault(word, stem(word))
        return dict(singles), dict(phrases)

    def _deletion_index(self) -> dict[str, tuple[str, ...]]:
        """Deletion variant -> the known words that give it (SymSpell's neighbourhoods)."""
        neighbours: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            if len(word) >= 3 and word.isalpha():
                for variant in _deletions(word, 2 if len(word) >= 6 else 1):
                    neighbours[variant].append(word)
        return {variant: tuple(words) for variant, words in neighbours.items()}

    # -- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        *,
        competency: str | None = None,
        level: str | None = None,
        limit: int | None = 20,
    ) -> list[SearchHit]:
        """The best templates for `query`, best first, at most `limit` (None: all).

        An empty `competency` or `level` is no filter. A query without searchable words
        lists every template that passes the filters, by title, with score 0.
        """
        if limit is not None and limit <= 0:
            return []
        allowed = self._allowed(competency, level)
        slots = self._parse(query)
        if not slots:
            docs: Iterable[int] = range(len(self)) if allowed is None else sorted(allowed)
            return [SearchHit(self._templates[d], 0.0, ()) for d in itertools.islice(docs, limit)]
        sources = [self._sources(slot) for slot in slots]
        ranking = _Ranking(sources, self._adjacent(slots), allowed)
        return [
            SearchHit(self._templates[doc], round(score, 6), _matched(slots, ranking.matched(doc)))
            for doc, score in ranking.best(limit, len(self))
        ]

    def suggestions(self, query: str) -> tuple[str, ...]:
        """ "Did you mean": the corrected words for the misspelt words of `query`."""
        found = (slot.corrections[0] for slot in self._parse(query) if slot.corrections)
        return tuple(dict.fromkeys(found))

    def _allowed(self, competency: str | None, level: str | None) -> set[int] | None:
        chosen = [
            table.get(value, set())
            for table, value in ((self._by_competency, competency), (self._by_level, level))
            if value
        ]
        return set.intersection(*chosen) if chosen else None

    # -- the query -----------------------------------------------------------------------

    def _parse(self, query: str) -> list[_Slot]:
        terms = _query_terms(query)
        stems = [stem(word) for _, word in terms]
        extras = self._phrase_expansions(stems)
        return [
            self._slot(typed, word, term, extras.get(term, ()))
            for (typed, word), term in zip(terms, stems, strict=True)
        ]

    def _phrase_expansions(self, stems: list[str]) -> dict[str, list[tuple[str, ...]]]:
        """For multi-word synonyms typed in the query ("market landscape"), their group."""
        extras: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase, others in self._phrase_synonyms.items():
            for start in range(len(stems) - len(phrase) + 1):
                if tuple(stems[start : start + len(phrase)]) == phrase:
                    for term in phrase:
                        extras[term].extend(others)
        return extras

    def _slot(self, typed: str, word: str, term: str, extras: Iterable[tuple[str, ...]]) -> _Slot:
        slot = _Slot(typed)
        if term in self._postings or term in self._synonyms:
            bases = [(term, 1.0)]
        else:
            corrections = self._corrections(word)
            slot.corrections = tuple(fixed for fixed, _, _ in corrections)
            bases = [(self._words[fixed], TYPO_WEIGHTS[d]) for fixed, _, d in corrections]
        for base, weight in bases:
            slot.add((base,), weight)
            for member in self._synonyms.get(base, ()):
                slot.add(member, weight * SYNONYM_WEIGHT * self._rarity_cap(base, member))
        for member in extras:
            slot.add(member, SYNONYM_WEIGHT)
        slot.alternatives = {t: w for t, w in slot.alternatives.items() if t in self._postings}
        return slot

    def _rarity_cap(self, base: str, member: tuple[str, ...]) -> float:
        """Below 1 when a synonym is rarer than the word typed: rarity must not beat it."""
        if base not in self._idf or len(member) != 1 or member[0] not in self._idf:
            return 1.0
        return min(1.0, self._idf[base] / self._idf[member[0]])

    def _corrections(self, word: str) -> list[tuple[str, str, int]]:
        """Known words within the typo limit of `word`: (word, stem, distance), best first."""
        limit = _typo_limit(word)
        if not limit or len(word) > MAX_TYPO_WORD:
            return []
        candidates = {
            known
            for variant in _deletions(word, limit)
            for known in self._neighbours.get(variant, ())
        }
        found = []
        for known in candidates:
            distance = _edit_distance(word, known, limit)
            term = self._words[known]
            if distance and (term in self._postings or term in self._synonyms):
                found.append((distance, -len(self._postings.get(term, ())), known, term))
        best: dict[str, tuple[str, str, int]] = {}
        for distance, _, known, term in sorted(found):
            best.setdefault(term, (known, term, distance))
        return list(best.values())[:MAX_TYPO_CANDIDATES]

    # -- scoring -------------------------------------------------------------------------

    def _sources(self, slot: _Slot) -> list[_Source]:
        """What a slot may match: score maps with weights, ordered best first."""
        sources = [
            _Source(self._postings[term], weight, self._ordered(term))
            for term, weight in slot.alternatives.items()
        ]
        for phrase, weight in slot.phrases:
            scores = self._phrase_scores(phrase)
            if scores:
                sources.append(_Source(scores, weight, _best_first(scores)))
        return sources

    def _ordered(self, term: str) -> tuple[list[int], list[float]]:
        found = self._by_score.get(term)
        if found is None:
            found = self._by_score[term] = _best_first(self._postings[term])
        return found

    def _phrase_scores(self, phrase: tuple[str, ...]) -> dict[int, float]:
        """Templates holding `phrase` word by word, with the mean score of its words."""
        if any(term not in self._postings for term in phrase):
            return {}
        pairs = [self._bigrams.get(pair, ()) for pair in itertools.pairwise(phrase)]
        docs = set(pairs[0]).intersection(*pairs[1:])
        return {
            doc: sum(self._postings[term][doc] for term in phrase) / len(phrase) for doc in docs
        }

    def _adjacent(self, slots: list[_Slot]) -> list[tuple[set[int], set[int]]]:
        """Per pair of neighbouring slots: templates with the two side by side, and swapped."""
        found = []
        for first, second in itertools.pairwise(slots):
            firsts, seconds = first.pair_alternatives(), second.pair_alternatives()
            forward = [self._bigrams.get((a, b), ()) for a in firsts for b in seconds]
            swapped = [self._bigrams.get((b, a), ()) for a in firsts for b in seconds]
            found.append((set().union(*forward), set().union(*swapped)))
        return found


@dataclass(frozen=True)
class _Source:
    scores: Mapping[int, float]
    weight: float
    ordered: tuple[list[int], list[float]]  # the templates by descending score, and scores


def _best_first(scores: Mapping[int, float]) -> tuple[list[int], list[float]]:
    docs = sorted(scores, key=scores.__getitem__, reverse=True)
    return docs, list(map(scores.__getitem__, docs))


def _title_key(template: GoalTemplate) -> tuple[str, str, str]:
    return fold(template.title), template.title, template.key


class _Ranking:
    """The best templates for one query, scoring as few templates as it can.

    A template's score is (sum of its slot scores + phrase bonus) x coverage, where a slot
    score is the best weighted score among what the slot may match, and coverage grows with
    the share of slots matched (with a bonus for all of them). Scores are computed column by
    column with C-level maps. Candidates are the templates with a phrase bonus plus the top
    `depth` of every source; a template outside them scores at most the sum of the scores at
    that depth, so once the `limit`-th candidate beats that bound the answer is exact.
    Otherwise the depth grows, until the candidates are every matching template.
    """

    def __init__(
        self,
        sources: list[list[_Source]],
        adjacent: list[tuple[set[int], set[int]]],
        allowed: set[int] | None,
    ) -> None:
        self.sources = sources
        self.allowed = allowed
        count = len(sources)
        self.coverage = [0.5 + 0.5 * found / count for found in range(count + 1)]
        if count > 1:
            self.coverage[count] *= ALL_TERMS_BONUS
        self.bonus: dict[int, float] = {}
        for position, (forward, swapped) in enumerate(adjacent):
            self._add_bonus(position, forward, swapped)

    def _add_bonus(self, position: int, forward: set[int], swapped: set[int]) -> None:
        docs = sorted(forward | swapped)
        left, right = self.column(position, docs), self.column(position + 1, docs)
        for doc, weaker in zip(docs, map(min, left, right), strict=True):
            if weaker > 0:
                factor = 1.0 if doc in forward else 0.5
                self.bonus[doc] = self.bonus.get(doc, 0.0) + PHRASE_BONUS * factor * weaker

    def column(self, position: int, docs: list[int]) -> list[float]:
        """The slot's score in each of `docs` (0 where it does not match)."""
        zero = repeat(0.0)
        columns = [
            map(operator.mul, map(source.scores.get, docs, zero), repeat(source.weight))
            for source in self.sources[position]
        ]
        if not columns:
            return [0.0] * len(docs)
        return list(columns[0] if len(columns) == 1 else map(max, *columns))

    def scores(self, docs: list[int]) -> dict[int, float]:
        columns = [self.column(position, docs) for position in range(len(self.sources))]
        sums = map(sum, zip(*columns, strict=True))
        found = map(sum, zip(*(map(bool, column) for column in columns), strict=True))
        raw = map(operator.add, sums, map(self.bonus.get, docs, repeat(0.0)))
        final = map(operator.mul, raw, map(self.coverage.__getitem__, found))
        return {doc: score for doc, score in zip(docs, final, strict=True) if score > 0}

    def best(self, limit: int | None, size: int) -> list[tuple[int, float]]:
        depth = 4 * (limit or 0) + 32
        if self.allowed is not None:
            depth = depth * size // max(len(self.allowed), 1)
        while True:
            candidates, bound = self.candidates(depth if limit is not None else size)
            docs = sorted(candidates if self.allowed is None else candidates & self.allowed)
            scores = self.scores(docs)
            top = _top(scores, limit)
            if not bound or (limit is not None and len(top) == limit and top[-1][1] > bound):
                return top
            depth *= 8

    def candidates(self, depth: int) -> tuple[set[int], float]:
        """The top `depth` of every source, and the most any other template can score."""
        found = set(self.bonus)
        limits = []
        for sources in self.sources:
            below = 0.0
            for source in sources:
                docs, scores = source.ordered
                found.update(docs[:depth])
                if len(docs) > depth:
                    below = max(below, scores[depth] * source.weight)
            limits.append(below)
        return found, sum(limits) * self.coverage[sum(1 for x in limits if x)]

    def matched(self, doc: int) -> list[bool]:
        return [self.column(position, [doc])[0] > 0 for position in range(len(self.sources))]


def _top(scores: dict[int, float], limit: int | None) -> list[tuple[int, float]]:
    """Best first; equal scores by template number (title order)."""
    docs = sorted(scores)
    if limit is None or limit >= len(docs):
        ranked = sorted(docs, key=scores.__getitem__, reverse=True)
    else:
        ranked = heapq.nlargest(limit, docs, key=scores.__getitem__)
    return [(doc, scores[doc]) for doc in ranked]


def _query_terms(query: str) -> list[tuple[str, str]]:
    """The distinct searchable words of a query: (the token as typed, the word)."""
    text = unicodedata.normalize("NFC", query[:MAX_QUERY_CHARS])
    terms: dict[str, str] = {}
    for typed in _TOKEN_RE.findall(text):
        for word in normalise(typed):
            terms.setdefault(word, typed)
            if len(terms) == MAX_QUERY_TERMS:
                return [(typed, word) for word, typed in terms.items()]
    return [(typed, word) for word, typed in terms.items()]


def _matched(slots: Sequence[_Slot], matched: Sequence[bool]) -> tuple[str, ...]:
    typed = (slot.typed for slot, found in zip(slots, matched, strict=True) if found)
    return tuple(dict.fromkeys(typed))


def _bm25_postings(
    documents: Sequence[_Document],
) -> tuple[dict[str, dict[int, float]], dict[str, float]]:
    """Stem -> {template: its BM25F score}, from field-weighted term frequencies; the idfs."""
    count = len(documents)
    average = sum(d.length for d in documents) / count if count else 0.0
    frequency: Counter[str] = Counter()
    for document in documents:
        frequency.update(document.weights.keys())
    idf = {term: math.log(1.0 + (count - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for doc, document in enumerate(documents):
        norm = BM25_K1 * (1.0 - BM25_B + BM25_B * document.length / (average or 1.0))
        for term, weight in document.weights.items():
            postings[term][doc] = idf[term] * weight * (BM25_K1 + 1.0) / (weight + norm)
    return dict(postings), idf


@functools.cache
def library_index() -> LibraryIndex:
    """The index of the packaged goal library, built on first use, once per process."""
    from stepwise.goals.library.catalogue import load_library

    return LibraryIndex(load_library(), competency_names=_default_competency_names())


def _default_competency_names() -> dict[str, str]:
    """Competency key -> name in the default framework (the keys templates use)."""
    from stepwise.skills.framework_file import (
        FrameworkFileError,
        default_framework_path,
        load_framework_file,
    )

    try:
        framework = load_framework_file(default_framework_path())
    except (OSError, FrameworkFileError):
        return {}
    return {competency.key: competency.name for competency in framework.competencies()}
