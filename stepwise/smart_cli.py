"""`stepwise check`: the SMART checker on the command line (text only, no database).

The JSON shapes are the stable machine interface of SMART.md; see `stepwise check --help`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from stepwise.smart import Analysis, Context, InvalidGoalText, analyze

CRITERION_LABELS = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
PROGRESS_FROM_LINES = 500


def analysis_json(text: str, today: date) -> dict[str, Any]:
    """One result object; invalid text gives ``{"text", "error"}`` instead of verdicts."""
    try:
        return analyze(text, Context(today=today)).to_dict()
    except InvalidGoalText as problem:
        return {"text": text, "error": str(problem)}


def print_report(analysis: Analysis, console: Console) -> None:
    """A readable, coloured report of one analysis."""
    console.print(f"[bold]{escape(analysis.text)}[/]", highlight=False)
    console.print(f"SMART score: [bold]{analysis.score}/5[/]\n")
    for name, verdict in analysis.criteria.items():
        mark = "[green]✓ pass[/]" if verdict.passed else "[red]✗ fail[/]"
        console.print(
            f"{mark}  [bold]{CRITERION_LABELS[name]}[/]: {escape(verdict.reason)}", highlight=False
        )
        if name == "time_bound" and verdict.deadline:
            console.print(f"         deadline: {verdict.deadline:%A %d %B %Y}", highlight=False)
        if not verdict.passed and verdict.suggestion:
            console.print(f"         [yellow]try:[/] {escape(verdict.suggestion)}", highlight=False)
    if analysis.rewrite:
        rewrite = escape(analysis.rewrite)
        console.print(f"\n[bold]A version that passes more:[/] {rewrite}", highlight=False)


def check_batch(path: Path, today: date, out: TextIO, err: Console) -> int:
    """Analyse a JSON-lines file, writing one JSON object per input line, in order.

    A malformed line gives ``{"line": N, "error": "..."}`` (and a note on stderr) and the
    rest carries on. Returns how many lines were malformed.
    """
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    problems = 0
    with Progress(console=err, transient=True, disable=len(lines) < PROGRESS_FROM_LINES) as bar:
        task = bar.add_task("checking goals", total=len(lines))
        for number, result in enumerate(_batch_results(lines, today), start=1):
            if "line" in result:
                problems += 1
                err.print(f"line {number}: {result['error']}", highlight=False, markup=False)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            bar.advance(task)
    return problems


def _batch_results(lines: Iterable[str], today: date) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        text = _text_of(line)
        if isinstance(text, ValueError):
            yield {"line": number, "error": str(text)}
        else:
            yield analysis_json(text, today)


def _text_of(line: str) -> str | ValueError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ValueError(f"not valid JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return ValueError('expected an object with a "text" string')
    return str(record["text"])
