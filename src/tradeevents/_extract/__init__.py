"""The news extractor's implementation (private; the public surface is :mod:`tradeevents.extraction`).

Modules: ``tokens`` (normalisation and the one-pass tokenizer), ``lexicon``
(data files, validated and cached), ``splitter`` (sentences), ``boilerplate``
(site furniture left out), ``timex`` (temporal expressions resolved against the
publication date), ``mentions`` (phrase matching by first token), ``rules``
(events from triggers), ``pipeline`` (the :class:`Document` state and stages).
"""
