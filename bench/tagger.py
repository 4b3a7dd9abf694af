"""Benchmark: tag a fixed corpus and print texts per second and peak memory as JSON.

Run: .venv/bin/python -m bench.tagger [--texts N]
Single process, single thread: the figure is for one core. Next to it, the bare
TextBlob sentiment speed from the same run, so a slower day shows as such.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc

from textblob import TextBlob

from analysis.safeguarding import screen
from analysis.theme_training import load_examples
from analysis.themes import Tagger

# Short answers, as most are: every distinct labelled answer of 60 characters or less
# (998 of them, 40 characters on average). More distinct texts than the features cache
# holds, so a repeated text is never read from the cache.
SHORT = 60


def corpus(size: int) -> list[str]:
    texts = sorted({e.text for e in load_examples() if len(e.text) <= SHORT})
    return [texts[i % len(texts)] for i in range(size)]


def rate(texts: list[str], work: object) -> float:
    start = time.perf_counter()
    for text in texts:
        work(text)  # type: ignore[operator]
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=5000)
    size = parser.parse_args().texts
    texts = corpus(size)
    tagger = Tagger()
    tagger.tag("warm up")
    full = rate(texts, lambda t: (tagger.tag(t), screen(t)))
    themes_only = rate(texts, lambda t: tagger.tag(t))
    bare_sentiment = rate(texts, lambda t: TextBlob(t).sentiment)
    # Memory is traced in a separate pass: tracing slows Python down several times.
    tracemalloc.start()
    rate(texts[:500], lambda t: (tagger.tag(t), screen(t)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "texts": size,
                "mean_characters": round(sum(map(len, texts)) / size, 1),
                "texts_per_second_full": round(full),
                "full_means": "per answer, as the bot does: themes, sentiment, safeguarding",
                "texts_per_second_themes_and_sentiment": round(themes_only),
                "texts_per_second_bare_textblob_sentiment": round(bare_sentiment),
                "ms_per_text_full": round(1000 / full, 3),
                "peak_traced_memory_mb": round(peak / 2**20, 1),
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
