"""Coding prepared articles in worker processes, each with its own pipeline loaded once.

The parent reads, prepares (clean, language, hash) and decides what to skip; workers parse
and code, and compute what the store needs of one article alone (its near-duplicate
signature). Results come back in the order the batches were sent, so what the parent writes
does not depend on how many workers there are.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from types import TracebackType

from selon.config import Settings
from selon.parse.syntax import forget
from selon.pipeline import Coded, Pipeline
from selon.records import Article
from selon.store.duplicates import signature

# The pipeline of this worker process, built once by the pool's initializer.
_PIPELINE: Pipeline | None = None


def default_workers() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def settle_heap() -> None:
    """Leave what is loaded so far out of the cyclic garbage collector's full collections.

    A worker's models, gazetteer and lexicons are about a million Python objects that live as
    long as the process; each full collection walked them all again (some 0.4 s, about once
    per hundred articles: 3–4 ms an article, a fifth of coding). Frozen, they are left alone;
    what articles allocate is collected as before. (A frozen object that becomes cyclic
    garbage is never collected: call it only on what lives as long as the work, and
    `gc.unfreeze()` after, as `ingest_into` does.)"""
    gc.collect()
    gc.freeze()


def code_prepared(pipeline: Pipeline, batch: Sequence[Article]) -> list[Coded]:
    """Parse and code prepared articles, in their order: what `Pipeline.run` does after its
    `prepare` and `skip`, through the pipeline's public stages."""
    parsed = pipeline.parsers.parse([(article, article.lang or "") for article in batch])
    coded = []
    for article in parsed:
        coded.append(pipeline.coded(article))
        for paragraph in article.paragraphs:
            forget(paragraph.doc)  # (so that each Doc is freed with its batch)
    return coded


def _start_worker(settings: Settings) -> None:
    global _PIPELINE
    # Ctrl-C is the parent's to handle: it stops sending batches and writes nothing half-done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PIPELINE = Pipeline(settings)
    # Load every model now, so that the first batch does not pay for it and a missing
    # model fails the run at once.
    for lang in settings.languages:
        _PIPELINE.load(lang)
    settle_heap()


def _code_in_worker(batch: list[Article]) -> list[Coded]:
    if _PIPELINE is None:
        raise RuntimeError("worker used before its pipeline was built")
    return with_signatures(code_prepared(_PIPELINE, batch))


def with_signatures(coded: list[Coded]) -> list[Coded]:
    """The coded articles with their near-duplicate signatures, which depend on one article's
    text alone: computed here, in a worker, they are not the writing parent's work."""
    return [replace(c, signature=signature(c.article.text)) for c in coded]


class WorkerPool:
    """`workers` processes, each with one pipeline; use as a context manager.

    Workers are spawned, not forked: the parent holds a DuckDB connection and detector
    threads, which a fork would copy in an unknown state.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings,),
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        # On an interrupt, queued batches are dropped: their articles are not stored, and the
        # next run codes them.
        self._executor.shutdown(wait=error is None, cancel_futures=error is not None)

    def code(self, batches: Iterable[list[Article]]) -> Iterator[list[Coded]]:
        """Coded batches in the order they were given. At most two batches per worker are in
        flight, so reading stays just ahead of coding and memory stays flat."""
        pending: deque[Future[list[Coded]]] = deque()
        for batch in batches:
            pending.append(self._executor.submit(_code_in_worker, batch))
            while len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
