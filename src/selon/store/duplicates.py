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


def link(db: duckdb.DuckDBPyConnection, article_id: str, text: str) -> str:
    """Record the article's signature and join it to the cluster of its closest stored copy
    (or start its own). Returns its cluster id: the id of the story's first stored article."""
    sig = signature(text)
    keys = band_keys(sig)
    candidates = db.execute(
        "SELECT DISTINCT s.article_id, s.signature, c.cluster_id FROM article_buckets b"
        " JOIN article_signatures s ON s.article_id = b.article_id"
        " JOIN article_clusters c ON c.article_id = b.article_id"
        " WHERE b.bucket IN (SELECT unnest(?::BIGINT[])) AND b.article_id <> ?",
        [keys, article_id],
    ).fetchall()
    scored = sorted(((similarity(sig, np.asarray(other, dtype=np.uint32)), cluster)
                     for _, other, cluster in candidates), key=lambda s: (-s[0], s[1]))
    score, cluster = scored[0] if scored and scored[0][0] >= THRESHOLD else (1.0, article_id)
    db.execute("INSERT INTO article_signatures VALUES (?, ?) ON CONFLICT DO NOTHING",
               [article_id, sig.tolist()])
    db.execute("INSERT INTO article_buckets SELECT unnest(?::BIGINT[]), ?", [keys, article_id])
    db.execute("INSERT INTO article_clusters VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
               [article_id, cluster, score])
    return cluster


def link_unlinked(db: duckdb.DuckDBPyConnection) -> int:
    """Link the articles stored before the store knew about duplicates, oldest first."""
    rows = db.execute(
        "SELECT a.id, a.text FROM articles a"
        " WHERE NOT EXISTS (SELECT 1 FROM article_clusters c WHERE c.article_id = a.id)"
        " ORDER BY a.ingested_at, a.id"
    ).fetchall()
    for article_id, text in rows:
        link(db, article_id, text)
    return len(rows)
