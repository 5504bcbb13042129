"""docs/scale.md's dask example, run on dask's local process scheduler, equals a plain loop."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tradeevents import parsers
from tradeevents.formats import jsonl

dask = pytest.importorskip("dask")

DOC = Path(__file__).resolve().parent.parent / "docs" / "scale.md"
NEWS = [
    "The U.S. and Japan signed a trade agreement on Monday.",
    "China imposed 25% tariffs on U.S. soybeans on July 6, 2018.",
    "Nothing happened today.",
    "The European Union launched an antidumping investigation into Chinese steel last week.",
    "Mexico and Canada held talks on steel in Ottawa on Tuesday.",
    "Washington lifted sanctions on Venezuelan oil in October 2023.",
]


def _dask_example() -> str:
    """The first python block after the dask heading of docs/scale.md."""
    section = DOC.read_text(encoding="utf-8").split("## dask", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "docs/scale.md has no dask example"
    return match.group(1)


def test_dask_example_equals_a_plain_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = [
        {"id": f"doc-{i}", "text": NEWS[i % len(NEWS)], "published": f"2021-{i % 12 + 1:02d}-15"}
        for i in range(300)
    ]
    (tmp_path / "corpus").mkdir()
    for part in range(4):
        with open(tmp_path / "corpus" / f"part-{part}.jsonl", "w", encoding="utf-8") as fp:
            for record in records[part::4]:
                fp.write(json.dumps(record) + "\n")
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="processes", num_workers=2):
        exec(compile(_dask_example(), str(DOC), "exec"), {})

    found = [
        event
        for path in sorted((tmp_path / "events").glob("*.jsonl"))
        for event in jsonl.load_path(path)
    ]
    expected = [
        event.replace(source=record["id"])
        for part in range(4)
        for record in records[part::4]
        for event in parsers.extract(record["text"], published=record["published"])
    ]
    assert len(expected) > 200
    assert found == expected
