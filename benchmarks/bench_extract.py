"""Extraction speed: MB/s and texts/s over the dev corpus, beside a one-regex-pass baseline.

Usage: python benchmarks/bench_extract.py [CORPUS_DIR]   (default ../shared/corpus/dev)

The corpus texts are repeated to at least 5 MB and extracted one text at a time
on one core; the baseline is ``re.findall(r"\\w+", text)`` over the same texts in
the same run. Then one growing document (10 kB, 100 kB, 1 MB, 10 MB) shows that
time grows linearly with size.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from tradeevents.extraction import extract

WORD = re.compile(r"\w+")


def main() -> None:
    corpus = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"
    )
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.json"))]
    texts = [(d["text"], d.get("published")) for d in docs]
    size = sum(len(t.encode("utf-8")) for t, _ in texts)
    repeat = max(1, -(-5_000_000 // size))
    work = texts * repeat
    total = size * repeat
    extract(texts[0][0], published=texts[0][1])  # load the vocabularies once

    start = time.perf_counter()
    for text, _ in work:
        WORD.findall(text)
    base = time.perf_counter() - start

    start = time.perf_counter()
    for text, published in work:
        extract(text, published=published)
    ours = time.perf_counter() - start

    mb = total / 1e6
    print(f"corpus: {len(texts)} texts x {repeat} = {len(work)} texts, {mb:.1f} MB")
    print(f"baseline re.findall(r'\\w+'): {mb / base:8.1f} MB/s")
    print(
        f"extract():                  {mb / ours:8.2f} MB/s  {len(work) / ours:8.0f} texts/s  ({base / ours:.3f} x baseline)"
    )

    # a copyright line makes the rest of a document its footer, which extraction
    # leaves out: the growing document keeps none, so that every byte is analysed
    body = [
        "\n".join(
            line
            for line in text.splitlines()
            if "©" not in line and "copyright" not in line.lower()
        )
        for text, _ in texts
    ]
    one = "\n\n".join(body)
    print("one document growing (time, and time per MB):")
    for target in (10_000, 100_000, 1_000_000, 10_000_000):
        doc = (one * (target // len(one) + 1))[:target]
        start = time.perf_counter()
        extract(doc, published="2024-01-01")
        took = time.perf_counter() - start
        print(f"  {target / 1e6:7.2f} MB  {took:8.3f} s  {took / (target / 1e6):6.3f} s/MB")


if __name__ == "__main__":
    main()
