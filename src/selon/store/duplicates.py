"""Near-duplicates: wire copies of one story (the same text with small edits, under several
outlets) are linked into one cluster, so the store can say how many articles and outlets
report an event.

MinHash over word trigrams estimates how much two texts share (Jaccard similarity); LSH
banding finds the stored articles worth comparing without reading them all. Everything is
seeded: the same texts give the same clusters on every machine and in every run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import duckdb
import numpy as np
import numpy.typing as npt

SHINGLE_WORDS = 3
PERMUTATIONS = 128
BANDS = 32  # of PERMUTATIONS // BANDS rows: pairs at 0.6 similarity meet in a band 99% of the time
# Estimated share of shared word trigrams above which two articles are one story. A copy that
# changed a word in twenty, or added a paragraph, stays above it; two stories on one topic do not.
THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_ROWS = PERMUTATIONS // BANDS
_seed = np.random.default_rng(20251118)
# Multiply-shift hashing: (a·x + b) mod 2^64, top 32 bits; `a` odd.
_A = _seed.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _seed.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)

Signature = npt.NDArray[np.uint32]


def _stable_hash(data: bytes) -> int:
    # Python's hash() changes between processes; the store outlives them.
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def shingles(text: str) -> npt.NDArray[np.uint64]:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE_WORDS])
             for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return np.fromiter((_stable_hash(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                       count=len(grams))


def signature(text: str) -> Signature:
    hashed = shingles(text)
    if not hashed.size:
        return np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = (hashed[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return mixed.min(axis=0).astype(np.uint32)


def similarity(one: Signature, other: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' word trigrams."""
    return float(np.mean(one == other))


def band_keys(sig: Signature) -> list[int]:
    """One bucket per band, as signed 64-bit integers (DuckDB BIGINT)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * _ROWS:(band + 1) * _ROWS].tobytes() + band.to_bytes(2, "little")
        keys.append(_stable_hash(chunk) - 2**63)
    return keys


def insert_rows(db: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str],
                rows: Sequence[Sequence[object]], new: bool = False) -> None:
    """Insert many rows in one statement; rows whose key is stored already are left as they
    are, unless the rows are known to be `new`: then a stored key is an error, and the rows
    keep their order (DuckDB's ON CONFLICT does not keep it; the store's row order is the
    input's).

    Each column goes in as one list parameter and `unnest` turns the lists back into rows:
    a statement per row costs DuckDB milliseconds each, which made storing as slow as parsing.
    `columns` maps each column to its DuckDB type."""
    if not rows:
        return
    names = ", ".join(columns)
    lists = ", ".join(f"unnest(?::{kind}[])" for kind in columns.values())
    conflict = "" if new else " ON CONFLICT DO NOTHING"
    db.execute(f"INSERT INTO {table} ({names}) SELECT * FROM (SELECT {lists}){conflict}",
               [list(column) for column in zip(*rows, strict=True)])


def link(db: duckdb.DuckDBPyConnection, articles: Sequence[tuple[str, str]],
         signatures: Sequence[Signature | None] | None = None) -> list[str]:
    """Record each article's signature and join it to the cluster of its closest copy, stored
    or earlier in `articles` (or start its own). Returns their cluster ids: the id of each
    story's first stored article. `signatures`, where given, are the texts' own, computed where
    the article was coded (`signature`); where one is None, or none are given, it is computed
    here."""
    given = signatures if signatures is not None else [None] * len(articles)
    sigs = [sig if sig is not None else signature(text)
            for (_, text), sig in zip(articles, given, strict=True)]
    keys = [band_keys(sig) for sig in sigs]
    # Who is in each bucket: the stored articles first, then this batch's as they are linked;
    # and the signature and cluster of each, read once however many buckets it shares.
    in_bucket: dict[int, list[str]] = {}
    for bucket, other in db.execute(
        "SELECT bucket, article_id FROM article_buckets WHERE bucket IN (SELECT unnest(?::BIGINT[]))",
        [sorted({k for article_keys in keys for k in article_keys})],
    ).fetchall():
        in_bucket.setdefault(bucket, []).append(other)
    known: dict[str, tuple[Signature, str]] = {}
    met = sorted({other for members in in_bucket.values() for other in members})
    if met:
        for other, sig, cluster in db.execute(
            "SELECT s.article_id, s.signature, c.cluster_id FROM article_signatures s"
            " JOIN article_clusters c ON c.article_id = s.article_id"
            " WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))", [met],
        ).fetchall():
            known[other] = (np.asarray(sig, dtype=np.uint32), cluster)
    clusters, rows = [], []
    for (article_id, _), sig, article_keys in zip(articles, sigs, keys, strict=True):
        # (In any order: the closest copy and the smallest cluster id do not depend on it.)
        met_here = set().union(*(in_bucket.get(k, ()) for k in article_keys))
        met_here.discard(article_id)
        candidates = [other for other in met_here if other in known]
        score, cluster = 1.0, article_id
        if candidates:
            # Agreeing rows of the signatures (`similarity`, all candidates at once): the
            # closest copy wins, and of equally close ones the smallest cluster id.
            shared = np.count_nonzero(np.stack([known[c][0] for c in candidates]) == sig, axis=1)
            top = int(shared.max())
            if top / PERMUTATIONS >= THRESHOLD:
                score = top / PERMUTATIONS
                cluster = min(known[c][1] for c, n in zip(candidates, shared.tolist(), strict=True)
                              if n == top)
        for k in article_keys:
            in_bucket.setdefault(k, []).append(article_id)
        known[article_id] = (sig, cluster)
        clusters.append(cluster)
        rows.append((article_id, sig.tolist(), cluster, score))
    # Signatures go in as text ("[1,2,…]"), which DuckDB reads much faster than lists of ints.
    insert_rows(db, "article_signatures", {"article_id": "VARCHAR", "signature": "VARCHAR"},
                [(article_id, f"[{','.join(map(str, sig))}]") for article_id, sig, _, _ in rows])
    insert_rows(db, "article_clusters",
                {"article_id": "VARCHAR", "cluster_id": "VARCHAR", "similarity": "DOUBLE"},
                [(article_id, cluster, score) for article_id, _, cluster, score in rows])
    # Buckets have no key: only articles not linked before add theirs.
    db.execute("INSERT INTO article_buckets SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])",
               [[k for article_keys in keys for k in article_keys],
                [article_id for (article_id, _), article_keys in zip(articles, keys, strict=True)
                 for _ in article_keys]])
    return clusters


def link_unlinked(db: duckdb.DuckDBPyConnection) -> int:
    """Link the articles stored before the store knew about duplicates, oldest first."""
    rows = db.execute(
        "SELECT a.id, a.text FROM articles a"
        " WHERE NOT EXISTS (SELECT 1 FROM article_clusters c WHERE c.article_id = a.id)"
        " ORDER BY a.ingested_at, a.id"
    ).fetchall()
    link(db, [(article_id, text) for article_id, text in rows])
    return len(rows)
