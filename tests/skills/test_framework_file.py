"""The framework file reader: shapes, rules, lines and paths of problems (decision 0005)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepwise.skills.framework_file import (
    MAX_COMPETENCIES,
    MAX_FILE_BYTES,
    AreaSpec,
    CompetencySpec,
    FrameworkFileError,
    FrameworkSpec,
    LevelSpec,
    LevelTexts,
    Problem,
    default_framework_path,
    load_framework_file,
    parse_framework,
)

# Line numbers in the tests below count lines of this text (after dedent), starting at 1.
MINIMAL_YAML = textwrap.dedent(
    """\
    key: tiny-pm
    name: Tiny framework
    description: Just enough to test with.
    levels:
      - key: junior
        name: Junior
        summary: Learning the ropes.
      - key: senior
        name: Senior
        summary: Knows the ropes.
    areas:
      - key: execution
        name: Product execution
        competencies:
          - key: delivery
            name: Execution and delivery
            summary: Ships things.
            expectations:
              junior: Ships small things with help.
              senior: Ships big things alone.
          - key: prioritisation
            name: Prioritisation
            expectations:
              junior: Orders a backlog.
              senior: Says no.
      - key: insight
        name: Customer insight
        competencies:
          - key: user-research
            name: User research
            summary: Talks to users.
            expectations:
              junior: Joins interviews.
              senior: Runs the research programme.
    """
)


def minimal_data() -> dict[str, Any]:
    return {
        "key": "tiny-pm",
        "name": "Tiny framework",
        "description": "Just enough to test with.",
        "levels": [
            {"key": "junior", "name": "Junior", "summary": "Learning the ropes."},
            {"key": "senior", "name": "Senior", "summary": "Knows the ropes."},
        ],
        "areas": [
            {
                "key": "execution",
                "name": "Product execution",
                "competencies": [
                    {
                        "key": "delivery",
                        "name": "Execution and delivery",
                        "summary": "Ships things.",
                        "expectations": {
                            "junior": "Ships small things with help.",
                            "senior": "Ships big things alone.",
                        },
                    },
                    {
                        "key": "prioritisation",
                        "name": "Prioritisation",
                        "expectations": {"junior": "Orders a backlog.", "senior": "Says no."},
                    },
                ],
            },
            {
                "key": "insight",
                "name": "Customer insight",
                "competencies": [
                    {
                        "key": "user-research",
                        "name": "User research",
                        "summary": "Talks to users.",
                        "expectations": {
                            "junior": "Joins interviews.",
                            "senior": "Runs the research programme.",
                        },
                    }
                ],
            },
        ],
    }


def problems_of(text: str, fmt: str | None = None) -> tuple[Problem, ...]:
    with pytest.raises(FrameworkFileError) as caught:
        parse_framework(text, fmt=fmt)
    return caught.value.problems


def only_problem(text: str, fmt: str | None = None) -> Problem:
    problems = problems_of(text, fmt)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def edit(text: str, old: str, new: str) -> str:
    """The text with one exact occurrence of `old` replaced."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def as_json(data: Any) -> str:
    return json.dumps(data, indent=2)


# --------------------------------------------------------------------------------------------
# Valid files
# --------------------------------------------------------------------------------------------


def test_minimal_yaml_parses_to_the_expected_spec() -> None:
    spec = parse_framework(MINIMAL_YAML)

    assert spec.key == "tiny-pm"
    assert spec.name == "Tiny framework"
    assert spec.description == "Just enough to test with."
    assert spec.levels == (
        LevelSpec("junior", "Junior", "Learning the ropes."),
        LevelSpec("senior", "Senior", "Knows the ropes."),
    )
    assert [area.key for area in spec.areas] == ["execution", "insight"]
    assert isinstance(spec.areas[0], AreaSpec)
    delivery = spec.competency("delivery")
    assert delivery == CompetencySpec(
        key="delivery",
        name="Execution and delivery",
        summary="Ships things.",
        area_key="execution",
        expectations={
            "junior": "Ships small things with help.",
            "senior": "Ships big things alone.",
        },
    )
    assert spec.competency("prioritisation") is not None
    assert spec.competency("prioritisation").summary == ""  # type: ignore[union-attr]
    assert spec.competency("user-research").area_key == "insight"  # type: ignore[union-attr]
    assert spec.competency("nope") is None
    assert [c.key for c in spec.competencies()] == ["delivery", "prioritisation", "user-research"]


def test_level_positions_are_one_based() -> None:
    spec = parse_framework(MINIMAL_YAML)

    assert spec.level_position("junior") == 1
    assert spec.level_position("senior") == 2
    assert spec.level_position("director") is None


def test_yaml_and_json_of_the_same_framework_parse_to_the_same_spec() -> None:
    from_yaml = parse_framework(MINIMAL_YAML)

    assert parse_framework(as_json(minimal_data())) == from_yaml
    assert parse_framework(json.dumps(minimal_data()), fmt="json") == from_yaml
    # JSON is YAML enough to be read as YAML on request.
    assert parse_framework(as_json(minimal_data()), fmt="yaml") == from_yaml


def test_round_trip_through_to_data() -> None:
    spec = parse_framework(MINIMAL_YAML)
    data = spec.to_data()

    assert parse_framework(json.dumps(data)) == spec
    assert json.loads(json.dumps(data)) == data  # plain JSON-able data
    assert data["areas"][0]["competencies"][1]["summary"] == ""
    assert list(data["areas"][0]["competencies"][0]["expectations"]) == ["junior", "senior"]


def test_specs_are_frozen_and_hashable() -> None:
    spec = parse_framework(MINIMAL_YAML)

    assert hash(spec) == hash(parse_framework(as_json(minimal_data())))
    assert isinstance(spec.areas[0].competencies[0].expectations, LevelTexts)
    with pytest.raises(AttributeError):
        spec.key = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        spec.areas[0].competencies[0].expectations["junior"] = "x"  # type: ignore[index]


def test_expectations_keep_level_order_whatever_the_file_order() -> None:
    text = edit(
        MINIMAL_YAML,
        "      junior: Orders a backlog.\n          senior: Says no.",
        "      senior: Says no.\n          junior: Orders a backlog.",
    )
    spec = parse_framework(text)

    assert list(spec.competency("prioritisation").expectations) == ["junior", "senior"]  # type: ignore[union-attr]


def test_text_is_stripped_and_empty_optional_fields_become_empty_text() -> None:
    text = edit(MINIMAL_YAML, "name: Tiny framework", "name: '  Tiny framework  '")
    text = edit(text, "description: Just enough to test with.\n", "description:\n")
    spec = parse_framework(text)

    assert spec.name == "Tiny framework"
    assert spec.description == ""


def test_a_byte_order_mark_is_ignored() -> None:
    assert parse_framework("\ufeff" + as_json(minimal_data())).key == "tiny-pm"
    assert parse_framework("\ufeff" + MINIMAL_YAML).key == "tiny-pm"


def test_load_framework_file_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    expected = parse_framework(MINIMAL_YAML)
    for name, text in [
        ("a.yaml", MINIMAL_YAML),
        ("b.yml", MINIMAL_YAML),
        ("c.json", as_json(minimal_data())),
        ("d.txt", as_json(minimal_data())),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_framework_file(path) == expected, name


def test_load_framework_file_reads_json_as_json(tmp_path: Path) -> None:
    # A .json file is JSON even without a leading "{": here the error is a JSON one.
    path = tmp_path / "framework.json"
    path.write_text("key: tiny-pm\n", encoding="utf-8")

    with pytest.raises(FrameworkFileError) as caught:
        load_framework_file(path)
    assert caught.value.problems[0].message.startswith("JSON syntax error")


def test_load_framework_file_rejects_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "framework.yaml"
    path.write_bytes(b"key: tiny-pm\nname: caf\xe9\n")

    with pytest.raises(FrameworkFileError) as caught:
        load_framework_file(path)
    assert str(caught.value.problems[0]) == "line 2, (file): the file is not UTF-8 text"


def test_load_framework_file_rejects_files_over_1_mb(tmp_path: Path) -> None:
    path = tmp_path / "framework.yaml"
    path.write_text(MINIMAL_YAML + "#" * MAX_FILE_BYTES, encoding="utf-8")

    with pytest.raises(FrameworkFileError) as caught:
        load_framework_file(path)
    assert str(caught.value.problems[0]) == "(file): the file is 1.0 MB; the limit is 1 MB"


def test_an_unknown_format_argument_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="fmt"):
        parse_framework(MINIMAL_YAML, fmt="toml")


# --------------------------------------------------------------------------------------------
# Problems, their lines and paths
# --------------------------------------------------------------------------------------------


def test_problem_str_with_and_without_a_line() -> None:
    problem = Problem(14, "areas[0].competencies[2].expectations", 'missing level "pm"')

    assert str(problem) == 'line 14, areas[0].competencies[2].expectations: missing level "pm"'
    assert str(Problem(None, "(file)", "the file is empty")) == "(file): the file is empty"


def test_error_summary_lists_every_problem() -> None:
    error = FrameworkFileError(
        [Problem(2, "name", "must not be empty"), Problem(None, "(file)", "oops")]
    )

    assert isinstance(error, ValueError)
    assert str(error) == (
        "2 problems in the framework file:\n- line 2, name: must not be empty\n- (file): oops"
    )
    assert str(FrameworkFileError([Problem(1, "key", "x")])).startswith(
        "1 problem in the framework file:"
    )


def test_missing_level_in_expectations_names_line_and_path() -> None:
    text = edit(MINIMAL_YAML, "          senior: Says no.\n", "")

    problem = only_problem(text)
    assert str(problem) == (
        'line 23, areas[0].competencies[1].expectations: missing level "senior"'
    )


def test_unknown_level_in_expectations_lists_the_levels() -> None:
    text = edit(MINIMAL_YAML, "senior: Says no.", "senior: Says no.\n          seniour: Typo.")

    problem = only_problem(text)
    assert problem.line == 26
    assert problem.path == "areas[0].competencies[1].expectations.seniour"
    assert problem.message == 'unknown level "seniour" (levels are: junior, senior)'


def test_empty_expectation_is_a_problem() -> None:
    text = edit(MINIMAL_YAML, "senior: Says no.", 'senior: "   "')

    problem = only_problem(text)
    assert (problem.line, problem.path) == (25, "areas[0].competencies[1].expectations.senior")
    assert problem.message == "must not be empty"


def test_expectation_that_is_not_text_explains_quoting() -> None:
    text = edit(MINIMAL_YAML, "senior: Says no.", "senior: yes")

    problem = only_problem(text)
    assert problem.path == "areas[0].competencies[1].expectations.senior"
    assert problem.message.startswith("expected text, got true/false")
    assert "quotes" in problem.message


def test_expectations_must_be_a_mapping() -> None:
    text = edit(
        MINIMAL_YAML,
        "expectations:\n          junior: Orders a backlog.\n          senior: Says no.",
        "expectations: [Orders a backlog., Says no.]",
    )

    problem = only_problem(text)
    assert (problem.line, problem.path) == (23, "areas[0].competencies[1].expectations")
    assert problem.message == "expected a mapping from level key to text, got a list"


def test_missing_required_key_points_at_its_mapping() -> None:
    text = edit(MINIMAL_YAML, "        name: Prioritisation\n", "")

    problem = only_problem(text)
    assert problem.line == 21  # the "- key: prioritisation" line
    assert problem.path == "areas[0].competencies[1].name"
    assert problem.message == 'missing (a competency needs "name")'


@pytest.mark.parametrize(
    ("old", "new", "line", "path"),
    [
        ("key: tiny-pm", "kye: tiny-pm", 1, "kye"),
        ("summary: Knows the ropes.", "sumary: Knows the ropes.", 10, "levels[1].sumary"),
        ("name: Customer insight", "title: Customer insight", 27, "areas[1].title"),
        ("name: Prioritisation", "nmae: Prioritisation", 22, "areas[0].competencies[1].nmae"),
    ],
)
def test_unknown_keys_are_problems(old: str, new: str, line: int, path: str) -> None:
    problems = problems_of(edit(MINIMAL_YAML, old, new))

    unknown = [p for p in problems if p.message.startswith("unknown key")]
    assert [(p.line, p.path) for p in unknown] == [(line, path)]


def test_unknown_key_suggests_the_close_one_or_lists_the_allowed() -> None:
    typo = only_problem(MINIMAL_YAML + "descripton: again\n")
    assert typo.message == 'unknown key "descripton" (did you mean "description"?)'

    other = only_problem(MINIMAL_YAML + "owner: me\n")
    assert other.message == (
        'unknown key "owner" (expected one of: key, name, levels, areas, description)'
    )
    assert other.line == 35


def test_duplicate_keys_in_a_mapping_are_problems() -> None:
    text = edit(MINIMAL_YAML, "name: Junior\n", "name: Junior\n    name: Again\n")

    problem = only_problem(text)
    assert str(problem) == 'line 7, levels[0].name: duplicate key "name" (first on line 6)'


def test_duplicate_expectation_levels_are_problems() -> None:
    text = edit(MINIMAL_YAML, "senior: Says no.", "senior: Says no.\n          junior: Again.")

    problem = only_problem(text)
    assert problem.line == 26
    assert problem.path == "areas[0].competencies[1].expectations.junior"
    assert problem.message == 'duplicate key "junior" (first on line 24)'


@pytest.mark.parametrize(
    ("old", "new", "path", "message_part"),
    [
        ("key: tiny-pm", "key: Tiny PM", "key", "not a valid key"),
        ("key: junior", "key: junior-", "levels[0].key", "not a valid key"),
        ("key: execution", "key: exec--ution", "areas[0].key", "not a valid key"),
        ("key: delivery", "key: 'délivery'", "areas[0].competencies[0].key", "not a valid key"),
        ("key: delivery", "key: " + "d" * 51, "areas[0].competencies[0].key", "limit is 50"),
        ("key: delivery", "key: ''", "areas[0].competencies[0].key", "must not be empty"),
        ("key: delivery", "key: 42", "areas[0].competencies[0].key", "expected text"),
        ("name: Junior", "name: ''", "levels[0].name", "must not be empty"),
        ("name: Junior", "name:", "levels[0].name", "must not be empty"),
        ("name: Junior", "name: " + "J" * 121, "levels[0].name", "limit is 120"),
        ("name: Junior", "name: [Junior]", "levels[0].name", "expected text, got a list"),
        (
            "summary: Talks to users.",
            "summary: " + "t" * 2001,
            "areas[1].competencies[0].summary",
            "is 2,001 characters long; the limit is 2,000",
        ),
        ("description: Just", "description: {a: b}\nx: Just", "description", "got a mapping"),
    ],
)
def test_field_rules(old: str, new: str, path: str, message_part: str) -> None:
    problems = problems_of(edit(MINIMAL_YAML, old, new))

    matching = [p for p in problems if p.path == path and message_part in p.message]
    assert matching, [str(p) for p in problems]


def test_keys_and_texts_at_their_limits_are_fine() -> None:
    text = edit(MINIMAL_YAML, "key: delivery", "key: " + "d" * 50)
    text = edit(text, "name: Junior", "name: " + "J" * 120)
    text = edit(text, "summary: Talks to users.", "summary: " + "t" * 2000)
    text = edit(text, "senior: Says no.", "senior: " + "n" * 2000)

    spec = parse_framework(text)
    assert spec.levels[0].name == "J" * 120


def test_slug_rule_allows_hyphens_and_underscores_between_parts() -> None:
    text = edit(MINIMAL_YAML, "key: tiny-pm", "key: tiny-pm_2")
    assert parse_framework(text).key == "tiny-pm_2"


def test_wrong_type_for_levels_and_areas() -> None:
    data = minimal_data()
    data["levels"] = {"junior": "Junior"}
    data["areas"] = "execution"

    problems = problems_of(as_json(data))
    assert [(p.line, p.path, p.message) for p in problems] == [
        (5, "levels", "expected a list, got a mapping"),
        (8, "areas", "expected a list, got text"),
    ]


def test_level_and_area_items_must_be_mappings() -> None:
    text = edit(
        MINIMAL_YAML,
        "  - key: senior\n    name: Senior\n    summary: Knows the ropes.\n",
        "  - senior\n",
    )

    # Expectations for "senior" are not reported as unknown: the broken level may be senior.
    problems = problems_of(text)
    assert [(p.line, p.path) for p in problems] == [(8, "levels[1]")]
    assert problems[0].message == "expected a mapping with key, name and summary, got text"

    data = minimal_data()
    data["areas"].append("strategy")
    data["areas"][0]["competencies"].append(["prioritisation"])
    text = as_json(data)
    assert text.splitlines()[59 - 1].strip() == '"strategy"'
    problems = problems_of(text)
    assert [(p.line, p.path, p.message) for p in problems] == [
        (
            39,
            "areas[0].competencies[2]",
            "expected a mapping with key, name, summary and expectations, got a list",
        ),
        (59, "areas[2]", "expected a mapping with key, name and competencies, got text"),
    ]


@pytest.mark.parametrize("count", [1, 11])
def test_levels_must_number_two_to_ten(count: int) -> None:
    data = minimal_data()
    data["levels"] = [{"key": f"l{i}", "name": f"L{i}"} for i in range(count)]
    for area in data["areas"]:
        for competency in area["competencies"]:
            competency["expectations"] = {f"l{i}": "Does it." for i in range(count)}

    problems = problems_of(as_json(data))
    assert [(p.line, p.path) for p in problems] == [(5, "levels")]
    assert f"{count} level" in problems[0].message
    assert "2 to 10" in problems[0].message


def test_ten_levels_are_fine() -> None:
    data = minimal_data()
    data["levels"] = [{"key": f"l{i}", "name": f"L{i}"} for i in range(10)]
    for area in data["areas"]:
        for competency in area["competencies"]:
            competency["expectations"] = {f"l{i}": "Does it." for i in range(10)}

    assert parse_framework(as_json(data)).level_position("l9") == 10


def test_level_keys_must_be_unique() -> None:
    text = edit(MINIMAL_YAML, "key: senior", "key: junior")

    problem = only_problem(text)
    assert (problem.line, problem.path) == (8, "levels[1].key")
    assert problem.message == (
        '"junior" is already used (levels[0].key, line 5); keys must be unique'
    )


def test_area_keys_must_be_unique() -> None:
    text = edit(MINIMAL_YAML, "key: insight", "key: execution")

    problem = only_problem(text)
    assert (problem.line, problem.path) == (26, "areas[1].key")
    assert "already used (areas[0].key, line 12)" in problem.message


def test_competency_keys_must_be_unique_across_the_framework() -> None:
    text = edit(MINIMAL_YAML, "key: user-research", "key: delivery")

    problem = only_problem(text)
    assert (problem.line, problem.path) == (29, "areas[1].competencies[0].key")
    assert "already used (areas[0].competencies[0].key, line 15)" in problem.message


def test_areas_must_not_be_empty_nor_have_empty_competency_lists() -> None:
    data = minimal_data()
    data["areas"] = []
    assert [(p.line, p.path, p.message) for p in problems_of(as_json(data))] == [
        (17, "areas", "must list at least one area"),
    ]

    text = edit(MINIMAL_YAML, "competencies:\n      - key: user-research", "competencies: []\nx:")
    problems = problems_of(text)
    empty = [p for p in problems if p.message == "must list at least one competency"]
    assert [(p.line, p.path) for p in empty] == [(28, "areas[1].competencies")]


def test_at_most_sixty_competencies() -> None:
    def framework(count: int) -> str:
        data = minimal_data()
        competencies = [
            {"key": f"c{i}", "name": f"C{i}", "expectations": {"junior": "a", "senior": "b"}}
            for i in range(count)
        ]
        data["areas"] = [
            {"key": "one", "name": "One", "competencies": competencies[:30]},
            {"key": "two", "name": "Two", "competencies": competencies[30:]},
        ]
        return as_json(data)

    assert len(parse_framework(framework(MAX_COMPETENCIES)).competencies()) == MAX_COMPETENCIES
    problem = only_problem(framework(MAX_COMPETENCIES + 1))
    assert (problem.line, problem.path) == (17, "areas")
    assert problem.message == "has 61 competencies; the limit is 60"


def test_top_level_must_be_a_mapping_with_the_required_keys() -> None:
    assert str(only_problem("- key: tiny-pm\n")) == (
        "line 1, (file): expected a mapping with key, name, levels and areas, got a list"
    )
    assert str(only_problem("")) == "(file): the file is empty"
    assert str(only_problem("# only a comment\n")) == "(file): the file is empty"

    problems = problems_of("key: tiny-pm\n")
    assert [p.path for p in problems] == ["name", "levels", "areas"]
    assert problems[0].message == 'missing (the framework needs "name")'


def test_too_large_text_is_one_problem() -> None:
    text = MINIMAL_YAML + "#" * MAX_FILE_BYTES

    problem = only_problem(text)
    assert problem.path == "(file)"
    assert "limit is 1 MB" in problem.message


def test_several_problems_are_all_reported_in_file_order() -> None:
    text = edit(MINIMAL_YAML, "key: tiny-pm", "key: Tiny")
    text = edit(text, "    name: Senior\n", "")
    text = edit(text, "key: execution", "key: execution\n    colour: blue")
    text = edit(text, "senior: Ships big things alone.", "senior: ''")
    text = edit(text, "          junior: Joins interviews.\n", "")

    problems = problems_of(text)
    assert [(p.line, p.path) for p in problems] == [
        (1, "key"),
        (8, "levels[1].name"),
        (12, "areas[0].colour"),
        (20, "areas[0].competencies[0].expectations.senior"),
        (32, "areas[1].competencies[0].expectations"),
    ]
    assert problems[-1].message == 'missing level "junior"'


def test_json_problems_name_their_lines() -> None:
    data = minimal_data()
    data["areas"][1]["competencies"][0]["expectations"]["senior"] = ""
    data["areas"][0]["competencies"][0]["name"] = 7
    text = as_json(data)
    lines = text.splitlines()

    problems = problems_of(text)
    assert [(p.line, p.path) for p in problems] == [
        (24, "areas[0].competencies[0].name"),
        (51, "areas[1].competencies[0].expectations.senior"),
    ]
    assert '"name": 7' in lines[24 - 1]
    assert '"senior": ""' in lines[51 - 1]


def test_json_with_tab_indentation_still_has_lines() -> None:
    data = minimal_data()
    del data["areas"][0]["competencies"][1]["expectations"]["senior"]
    text = json.dumps(data, indent="\t")

    problem = only_problem(text)
    assert problem.line == 34
    assert '"expectations"' in text.splitlines()[34 - 1]


def test_json_duplicate_keys_are_problems() -> None:
    text = as_json(minimal_data()).replace(
        '"name": "Tiny framework",', '"name": "Tiny framework",\n  "name": "Again",'
    )

    assert str(only_problem(text)) == 'line 4, name: duplicate key "name" (first on line 3)'


def test_yaml_syntax_error_reports_its_line() -> None:
    text = edit(MINIMAL_YAML, "name: Prioritisation", "name: [Prioritisation")

    problem = only_problem(text)
    assert problem.path == "(file)"
    assert problem.message.startswith("YAML syntax error")
    assert problem.line is not None
    assert 22 <= problem.line <= 24


def test_yaml_syntax_error_bad_indentation() -> None:
    text = edit(MINIMAL_YAML, "    summary: Learning the ropes.", "   summary: Learning the ropes.")

    problem = only_problem(text)
    assert problem.path == "(file)"
    assert problem.line == 7
    assert problem.message.startswith("YAML syntax error")


def test_json_syntax_error_reports_its_line() -> None:
    text = as_json(minimal_data()).replace('"Junior",', '"Junior"', 1)

    problem = only_problem(text)
    assert problem.path == "(file)"
    assert problem.line == 9  # json reports the token after the missing comma
    assert problem.message == "JSON syntax error: Expecting ',' delimiter (column 7)"


def test_several_yaml_documents_are_a_problem() -> None:
    problem = only_problem(MINIMAL_YAML + "---\nkey: other\n")

    assert problem.line == 35  # the "---" line
    assert "single document" in problem.message


def test_unsupported_yaml_features_are_problems_not_crashes() -> None:
    tagged = only_problem(edit(MINIMAL_YAML, "name: Junior", "name: !shout Junior"))
    assert (tagged.line, tagged.path) == (6, "levels[0].name")
    assert tagged.message == "unsupported YAML tag !shout"

    merged = problems_of(edit(MINIMAL_YAML, "name: Junior", "<<: {name: Junior}"))
    assert any("merge keys" in p.message and p.line == 6 for p in merged)

    bad_date = only_problem(edit(MINIMAL_YAML, "senior: Says no.", "senior: 2024-13-45"))
    assert bad_date.path == "areas[0].competencies[1].expectations.senior"
    assert "put it in quotes" in bad_date.message


def test_cyclic_and_deeply_nested_yaml_are_problems_not_crashes() -> None:
    assert any("nested too deeply" in p.message for p in problems_of("a: &a [*a]\n"))
    assert any("nested too deeply" in p.message for p in problems_of("[" * 5000 + "]" * 5000))
    assert any(
        "nested too deeply" in p.message
        for p in problems_of('{"a":' + "[" * 50_000 + "]" * 50_000 + "}")
    )


def test_billion_laughs_is_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]

    problems = problems_of("\n".join(lines) + "\n")
    assert any("too many aliases" in p.message for p in problems)


# --------------------------------------------------------------------------------------------
# The default framework
# --------------------------------------------------------------------------------------------


def test_default_framework_file_parses() -> None:
    path = default_framework_path()
    assert path.name == "product-management.yaml"
    assert path.parent.name == "data"

    spec = load_framework_file(path)

    assert isinstance(spec, FrameworkSpec)
    assert [level.key for level in spec.levels] == [
        "associate_pm",
        "pm",
        "senior_pm",
        "principal_pm",
        "director",
    ]
    assert len(spec.areas) == 4
    assert len(spec.competencies()) == 13
    assert parse_framework(json.dumps(spec.to_data())) == spec


# ---- any input: a spec or a FrameworkFileError, never anything else ----------------------

_YAMLISH = st.text(
    alphabet=st.sampled_from(list("key:name-levels areas[]{}\"',\n#&*!|>%@`\t0123456789"))
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=300), _YAMLISH), fmt=st.sampled_from([None, "yaml", "json"]))
def test_any_text_is_a_framework_or_a_list_of_problems(text: str, fmt: str | None) -> None:
    problems: tuple[object, ...] = ()
    try:
        parse_framework(text, fmt=fmt)
    except FrameworkFileError as refused:
        problems = tuple(refused.problems)
        if not problems:
            raise
    assert all(str(problem) for problem in problems)
