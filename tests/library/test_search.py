"""Search over goal templates (stepwise/goals/library/search.py), on templates built here."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepwise.goals.library import catalogue
from stepwise.goals.library.catalogue import GoalTemplate, StepTemplate
from stepwise.goals.library.search import (
    MAX_QUERY_CHARS,
    LibraryIndex,
    SearchHit,
    fold,
    library_index,
    normalise,
    stem,
)

COMPETENCY_NAMES = {
    "market-research": "Market and competitor research",
    "user-research": "User research",
    "stakeholders": "Stakeholder management",
    "delivery": "Execution and delivery",
    "data": "Data and analytics",
    "prioritisation": "Prioritisation",
    "communication": "Communication",
}


def template(
    key: str,
    title: str,
    *,
    why: str = "so that the team ships better products",
    description: str = "",
    competencies: tuple[str, ...] = ("delivery",),
    levels: tuple[str, ...] = ("pm",),
    steps: tuple[str, ...] = ("Agree the scope with {manager}", "Share what you learnt"),
    keywords: tuple[str, ...] = (),
) -> GoalTemplate:
    return GoalTemplate(
        key=key,
        title=title,
        why=why,
        description=description,
        competencies=competencies,
        levels=levels,
        category="skill",
        metric_kind="number",
        metric_unit="items",
        baseline=Decimal(0),
        target=Decimal(3),
        weeks=8,
        hours_per_week=Decimal(2),
        steps=tuple(
            StepTemplate(title=text, week=week, hours=Decimal(1))
            for week, text in enumerate(steps, start=1)
        ),
        keywords=keywords,
    )


TEMPLATES = (
    template(
        "competitor-teardowns",
        "Write a competitive analysis of 3 products {due}",
        why="so that our roadmap answers what customers can already get elsewhere",
        competencies=("market-research",),
        levels=("associate_pm", "pm"),
        steps=("Pick 3 products with {manager}", "Walk {manager} through the findings"),
        keywords=("market landscape",),
    ),
    template(
        "user-interviews",
        "Run 6 customer interviews for {team}'s discovery work {due}",
        why="so that the next bets rest on what users actually do",
        competencies=("user-research",),
        levels=("associate_pm", "pm", "senior_pm"),
        keywords=("discovery", "interviews"),
    ),
    template(
        "regression-suite",
        "Agree a regression testing checklist with the engineers before each release",
        why="so that fewer bugs reach customers",
        competencies=("delivery",),
        levels=("pm", "senior_pm"),
        steps=("List the flows that broke last quarter", "Review the checklist with QA"),
        keywords=("quality", "bugs"),
    ),
    template(
        "stakeholder-map",
        "Map the stakeholders of the checkout launch and meet each of them {due}",
        why="so that nobody is surprised by the launch",
        competencies=("stakeholders",),
        levels=("pm", "senior_pm", "principal_pm"),
        keywords=("influence", "alignment"),
    ),
    template(
        "weekly-status",
        "Send a weekly status update on the onboarding project to {manager}",
        why="so that leadership sees progress without asking",
        competencies=("communication",),
        levels=("associate_pm",),
        keywords=("visibility",),
    ),
    template(
        "kpi-dashboard",
        "Build a dashboard of the five KPIs of the invoicing product",
        why="so that decisions rest on data, not opinions",
        competencies=("data",),
        levels=("pm", "senior_pm"),
        keywords=("metrics", "analytics"),
    ),
    template(
        "backlog-priorities",
        "Prioritise the backlog with a scoring model and publish the ranking",
        why="so that the team always works on what matters most",
        competencies=("prioritisation",),
        levels=("pm",),
        keywords=("prioritization", "backlog"),
    ),
    template(
        "pricing-workshop",
        "Run a pricing workshop with sales",
        why="so that our prices reflect the value customers get",
        description="Bring a roadmap of pricing experiments and a summary of the results.",
        competencies=("business",),
        levels=("senior_pm",),
        keywords=("pricing", "monetisation"),
    ),
    template(
        "roadmap-review",
        "Present the roadmap to the sales team {due}",
        why="so that sales can tell customers what is coming",
        competencies=("communication",),
        levels=("senior_pm",),
        keywords=("presentation",),
    ),
    template(
        "resume-cafe",
        "Écrire un résumé of the café research for the regional team",
        why="so that the Paris office knows what we learnt",
        competencies=("user-research",),
        levels=("pm",),
        keywords=("naïve summary",),
    ),
)


@pytest.fixture(scope="module")
def index() -> LibraryIndex:
    return LibraryIndex(TEMPLATES, competency_names=COMPETENCY_NAMES)


def keys(hits: list[SearchHit]) -> list[str]:
    return [hit.template.key for hit in hits]


# -- normalisation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ("competitor", "competitors", "competitive", "competition", "compete", "competing"),
        ("test", "testing", "tests", "tested", "tester"),
        ("prioritise", "prioritize", "prioritisation", "prioritization", "priorities"),
        ("prioritising", "prioritizing", "prioritised", "priority"),
        ("analyse", "analyze", "analysis", "analysing"),
        ("organise", "organize", "organisation", "organization"),
        ("stakeholder", "stakeholders"),
        ("study", "studies", "studied"),
        ("ship", "shipping", "shipped", "ships"),
        ("kpi", "kpis"),
        ("design", "designer", "designers", "designing"),
    ],
)
def test_related_forms_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem(word) for word in words}) == 1, {word: stem(word) for word in words}


def test_unrelated_words_keep_distinct_stems() -> None:
    words = ("prior", "price", "product", "process", "project", "status", "research", "user")
    assert len({stem(word) for word in words}) == len(words)


def test_normalise_folds_case_accents_and_punctuation_and_drops_stop_words() -> None:
    assert normalise("Écrire un RÉSUMÉ: the café's A/B-tests!") == [
        "ecrire",
        "un",
        "resume",
        "cafe",
        "tests",
    ]
    assert normalise("") == []
    assert normalise("the of and") == []


# -- ranking -----------------------------------------------------------------------------


def test_title_match_beats_description_match(index: LibraryIndex) -> None:
    hits = index.search("roadmap")
    assert keys(hits)[0] == "roadmap-review"
    assert "pricing-workshop" in keys(hits)
    assert keys(hits).index("roadmap-review") < keys(hits).index("pricing-workshop")


def test_title_match_beats_description_match_on_equal_templates() -> None:
    in_title = template("a", "Plan the migration", description="Notes on the work.")
    in_description = template("b", "Plan the work", description="Notes on the migration.")
    index = LibraryIndex([in_description, in_title])
    assert keys(index.search("migration")) == ["a", "b"]


def test_scores_are_positive_and_descending(index: LibraryIndex) -> None:
    hits = index.search("customers research team")
    assert len(hits) > 2
    scores = [hit.score for hit in hits]
    assert all(score > 0 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_stemming_matches_other_forms(index: LibraryIndex) -> None:
    assert keys(index.search("competitors"))[0] == "competitor-teardowns"
    assert keys(index.search("tested"))[0] == "regression-suite"
    assert keys(index.search("prioritization"))[0] == "backlog-priorities"
    assert keys(index.search("priorities"))[0] == "backlog-priorities"
    assert keys(index.search("interviewing customer"))[0] == "user-interviews"


def test_research_competitors_finds_competitive_analysis(index: LibraryIndex) -> None:
    hits = index.search("research competitors")
    assert keys(hits)[0] == "competitor-teardowns"
    assert hits[0].matched == ("research", "competitors")


def test_competency_names_are_searchable(index: LibraryIndex) -> None:
    assert keys(index.search("stakeholder management"))[0] == "stakeholder-map"
    assert keys(index.search("execution")) == ["regression-suite"]  # "Execution and delivery"
    assert LibraryIndex(TEMPLATES).search("execution") == []  # without names: keys only
    assert keys(LibraryIndex(TEMPLATES).search("delivery")) == ["regression-suite"]


def test_all_terms_and_adjacent_terms_rank_higher() -> None:
    together = template("together", "Write release notes", keywords=("changelog",))
    apart = template("apart", "Write the notes of the design review before a release")
    one = template("one", "Write a release plan")
    index = LibraryIndex([one, apart, together])
    assert keys(index.search("release notes")) == ["together", "apart", "one"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rivals", "competitor-teardowns"),
        ("market landscape", "competitor-teardowns"),
        ("kpi", "kpi-dashboard"),
        ("metrics", "kpi-dashboard"),
        ("partners", "stakeholder-map"),
        ("report", "weekly-status"),
        ("developers", "regression-suite"),
        ("okr objectives", None),
    ],
)
def test_synonyms(index: LibraryIndex, query: str, expected: str | None) -> None:
    hits = index.search(query)
    if expected is None:
        assert hits == []
    else:
        assert keys(hits)[0] == expected


def test_synonyms_score_below_exact_words() -> None:
    exact = template("exact", "Write a report for the board")
    synonym = template("synonym", "Write a status update for the board")
    index = LibraryIndex([synonym, exact])
    assert keys(index.search("report")) == ["exact", "synonym"]
    assert keys(index.search("status update")) == ["synonym", "exact"]


# -- typos -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected", "suggestion"),
    [
        ("competiter", "competitor-teardowns", ("competitor",)),
        ("stakehodler", "stakeholder-map", ("stakeholder",)),
        ("regresion tests", "regression-suite", ("regression",)),
        ("dashbaord", "kpi-dashboard", ("dashboard",)),
        ("prioritse backlog", "backlog-priorities", ("prioritise",)),
    ],
)
def test_typos_are_corrected(
    index: LibraryIndex, query: str, expected: str, suggestion: tuple[str, ...]
) -> None:
    hits = index.search(query)
    assert keys(hits)[0] == expected
    assert hits[0].matched[0] == query.split()[0]
    assert index.suggestions(query) == suggestion


def test_typos_score_below_exact_words() -> None:
    exact = template("exact", "Run the pricing review")
    other = template("other", "Run the prising review")
    index = LibraryIndex([exact, other])
    # "prising" is a word of the index, so it is not corrected and only matches itself.
    assert keys(index.search("prising")) == ["other"]
    assert index.suggestions("prising") == ()
    assert keys(index.search("pricingg"))[0] == "exact"  # "prising" is 2 edits away
    assert index.search("pricingg")[0].score < index.search("pricing")[0].score


def test_short_words_are_not_corrected(index: LibraryIndex) -> None:
    assert index.search("kpo") == []
    assert index.suggestions("kpo") == ()


def test_correct_words_have_no_suggestions(index: LibraryIndex) -> None:
    assert index.suggestions("competitive analysis") == ()
    assert index.suggestions("") == ()


def test_nonsense_returns_nothing(index: LibraryIndex) -> None:
    assert index.search("xqzv plorkt wibblefrotz") == []
    assert index.suggestions("xqzv plorkt wibblefrotz") == ()


# -- filters, empty query, limit -------------------------------------------------------


def test_competency_filter(index: LibraryIndex) -> None:
    hits = index.search("research", competency="user-research")
    assert set(keys(hits)) == {"user-interviews", "resume-cafe"}
    assert all("user-research" in hit.template.competencies for hit in hits)
    assert "competitor-teardowns" not in keys(hits)
    assert keys(index.search("research", competency="market-research")) == ["competitor-teardowns"]


def test_level_filter(index: LibraryIndex) -> None:
    hits = index.search("roadmap", level="senior_pm")
    assert keys(hits) == ["roadmap-review", "pricing-workshop"]
    assert index.search("roadmap", level="director") == []
    assert keys(index.search("customers", competency="user-research", level="senior_pm")) == [
        "user-interviews"
    ]


def test_unknown_filters_match_nothing_and_empty_filters_are_ignored(
    index: LibraryIndex,
) -> None:
    assert index.search("roadmap", competency="nope") == []
    assert index.search("", level="nope") == []
    assert index.search("roadmap", competency="", level="") == index.search("roadmap")


def by_title(templates: tuple[GoalTemplate, ...]) -> list[str]:
    return [t.key for t in sorted(templates, key=lambda t: (fold(t.title), t.key))]


def test_empty_query_lists_every_template_by_title(index: LibraryIndex) -> None:
    hits = index.search("", limit=None)
    assert keys(hits) == by_title(TEMPLATES)
    assert keys(hits)[:3] == ["regression-suite", "kpi-dashboard", "resume-cafe"]  # É as E
    assert all(hit.score == 0 and hit.matched == () for hit in hits)
    assert keys(index.search("  the ... of  ", limit=None)) == by_title(TEMPLATES)


def test_empty_query_with_filters_lists_matching_templates_by_title(
    index: LibraryIndex,
) -> None:
    hits = index.search(level="senior_pm", limit=None)
    expected = tuple(t for t in TEMPLATES if "senior_pm" in t.levels)
    assert keys(hits) == by_title(expected)
    hits = index.search(competency="communication", level="senior_pm")
    assert keys(hits) == ["roadmap-review"]


def test_limit(index: LibraryIndex) -> None:
    assert len(index.search("")) == len(TEMPLATES)
    assert len(index.search("", limit=3)) == 3
    assert index.search("the team customers", limit=0) == []
    assert index.search("the team customers", limit=-1) == []
    everything = index.search("so that team customers", limit=None)
    assert len(everything) > 2
    assert index.search("so that team customers", limit=2) == everything[:2]


def test_equal_scores_are_ordered_by_title_then_key() -> None:
    index = LibraryIndex(
        [
            template("b-key", "Zebra crossing audit"),
            template("a-key", "Zebra crossing audit"),
            template("c-key", "yellow crossing audit"),
        ]
    )
    hits = index.search("audit")
    assert keys(hits) == ["c-key", "a-key", "b-key"]
    assert len({hit.score for hit in hits}) == 1


def test_library_index_is_built_once_over_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue, "load_library", lambda: TEMPLATES)
    library_index.cache_clear()
    try:
        index = library_index()
        assert library_index() is index
        assert len(index) == len(TEMPLATES)
        # Competency names come from the default framework: "Market and competitor research".
        assert keys(index.search("market competitor research"))[0] == "competitor-teardowns"
        assert keys(index.search("execution")) == ["regression-suite"]
    finally:
        library_index.cache_clear()


def test_accents_are_ignored(index: LibraryIndex) -> None:
    assert keys(index.search("resume cafe"))[0] == "resume-cafe"
    assert keys(index.search("RÉSUMÉ"))[0] == "resume-cafe"
    assert keys(index.search("naive"))[0] == "resume-cafe"
    assert index.search("Cafe\u0301")[0].matched == ("Café",)


def test_matched_terms_are_as_typed(index: LibraryIndex) -> None:
    hit = index.search("Weekly STATUS, please!")[0]
    assert hit.template.key == "weekly-status"
    assert hit.matched == ("Weekly", "STATUS")


def test_placeholders_are_not_indexed(index: LibraryIndex) -> None:
    assert index.search("due") == []
    assert "competitor-teardowns" not in keys(index.search("manager"))


def test_long_queries_are_cut(index: LibraryIndex) -> None:
    padding = "x" * (MAX_QUERY_CHARS - 1)
    assert index.search(f"{padding} roadmap") == []
    assert index.search("roadmap " + padding)[0].template.key == "roadmap-review"


def test_an_empty_library() -> None:
    index = LibraryIndex([])
    assert index.search("roadmap") == []
    assert index.search("") == []
    assert index.suggestions("roadmap") == ()


text_with_anything = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=400
) | st.lists(
    st.sampled_from(["research", "competiter", "the", "é", "-", " ", "ROADMAP", "kpi", "{due}"])
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    query=text_with_anything,
    competency=st.none() | st.sampled_from(["", "delivery", "user-research", "x"]),
    level=st.none() | st.sampled_from(["", "pm", "senior_pm", "x"]),
    limit=st.none() | st.integers(min_value=-2, max_value=12),
)
def test_any_text_never_raises(
    index: LibraryIndex,
    query: str,
    competency: str | None,
    level: str | None,
    limit: int | None,
) -> None:
    hits = index.search(query, competency=competency, level=level, limit=limit)
    assert len(hits) <= (len(TEMPLATES) if limit is None else max(limit, 0))
    assert all(isinstance(hit, SearchHit) for hit in hits)
    assert isinstance(index.suggestions(query), tuple)


def test_the_top_of_a_limited_search_is_the_top_of_the_full_ranking() -> None:
    """The early stop (scoring only the best candidates) never changes the answer."""
    rng = random.Random(7)
    words = ["roadmap", "launch", "metric", "customer", "research", "plan", "team", "review"]
    words += [f"w{n}" for n in range(150)]
    templates = [
        template(
            f"t-{n:03d}",
            " ".join(rng.choices(words, k=rng.randint(5, 12))),
            why=" ".join(rng.choices(words, k=6)),
            levels=(rng.choice(["pm", "senior_pm"]),),
            keywords=(rng.choice(words),),
        )
        for n in range(400)
    ]
    index = LibraryIndex(templates)
    for _ in range(60):
        query = " ".join(rng.choices([*words[:10], "rival", "roadmp", "w1"], k=rng.randint(1, 4)))
        level = rng.choice([None, "pm"])
        everything = index.search(query, level=level, limit=None)
        for limit in (1, 5, 20):
            assert index.search(query, level=level, limit=limit) == everything[:limit], query
