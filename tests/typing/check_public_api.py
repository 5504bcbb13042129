"""User code that must type-check under ``mypy --strict`` (run by test_public_api_types.py).

Not collected by pytest; checked by mypy. A line that must be *rejected* carries
a ``# type: ignore[code]``: with ``warn_unused_ignores`` (part of ``--strict``),
mypy fails if that line stops being an error.
"""

from __future__ import annotations

import tradeevents as te
from tradeevents.formats import json

# The set fields take any iterable of their items: tuples, lists, sets, generators.
agreement = te.Agreement(
    status=te.Status.PLANNED,
    parties=("US", "JP"),
    topics=("x",),
    instruments=["section-232"],
    products={"steel"},
    officials=[te.Official("Gina Raimondo", "Commerce Secretary", "US")],
)
tariff = te.Tariff(
    status="in-effect",
    parties=(code for code in ("CN", "US")),
    rates=[te.Rate(25), te.Rate(10.0, qualifier="up-to")],
    quota=te.Quota(3_300_000, "metric ton"),
    confidence=0.5,
)

# ... and are read back as tuples of their items.
parties: tuple[str, ...] = agreement.parties
officials: tuple[te.Official, ...] = agreement.officials
rates: tuple[te.Rate, ...] = tariff.rates
status: te.Status = tariff.status
events: list[te.Event] = json.loads(json.dumps([agreement, tariff]))

# Wrong item types are rejected.
te.Agreement(status=te.Status.PLANNED, parties=[1])  # type: ignore[list-item]
te.Tariff(status=te.Status.PLANNED, rates=["25%"])  # type: ignore[list-item]
te.Agreement(status=3)  # type: ignore[arg-type]
