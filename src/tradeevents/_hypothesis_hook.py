"""Hypothesis' entry point for tradeevents (see ``[project.entry-points.hypothesis]``).

It lives apart from :mod:`tradeevents.testing` because hypothesis runs its entry
points while it is itself being imported: the hook must not import hypothesis
at module level.
"""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Register the strategies of :mod:`tradeevents.testing` for ``st.from_type``."""
    if "tradeevents.testing" in sys.modules:
        # tradeevents.testing is being imported (and imported hypothesis): it
        # registers its strategies itself when it finishes.
        return
    from tradeevents import testing

    testing.register()
