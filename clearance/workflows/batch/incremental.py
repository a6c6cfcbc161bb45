"""Re-screening after a list update: a party whose candidates did not change keeps its previous result.

A party's screening result is a function of the party and of its *candidates*: the entries the blocking
keys select from the index (with the positions of their names), each then pre-filtered and scored against
the party alone. So when, under the new index, a party selects exactly the entries it selected under the
old one, at the same name positions, and none of those entries changed (each entry as prepared for
matching, without the file and line it was read from, has the same SHA-256 digest in both indexes), its
hits, decision and reasons are the previous ones; only the list versions it names are new.

Every other party is re-scored in full: one that selects an added, removed or changed entry, one whose
candidate set moved (blocking weights depend on the whole index), one without a previous result, and
every party when a list is stale now (CANNOT_CLEAR for all). Candidate selection is the cheap half of
screening (no name is scored), so skipping is exact and the saving is the scoring.

The previous results are read by the driver from the previous run's output folder (its manifest names the
frozen index it used) and frozen by digest like the index, so every worker loads them once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.errors import CannotClear, ConfigError
from clearance.screening.algorithm import Algorithm
from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Query
from clearance.screening.prepared import PreparedEntity, prepare_query
from clearance.workflows.batch.frozen import load_index
from clearance.workflows.screening import row_query

SKIPPED = "candidates unchanged: the same entries at the same name positions, none changed since the last run"
NEW_PARTY = "no previous result (a party not in the previous run, or CANNOT_CLEAR there)"
MOVED = "candidates changed: an entry added, removed or changed, or another entry selected"

Signature = dict[tuple[str, str], tuple[tuple[int, ...], bytes]]


@dataclass(frozen=True, slots=True)
class Previous:
    """Where the previous run's index and results are (the results frozen by the driver, by digest)."""

    index_dir: str
    index_digest: str
    results_path: str
    results_digest: str
    algorithm: str


def freeze_previous(prev_out: str, folder: Path, job_meta: dict[str, Any]) -> Previous:
    """Read the previous run's results (one per distinct party that was not CANNOT_CLEAR) and freeze them."""
    from clearance.workflows.batch.results import folder_rows, manifest

    old = manifest(prev_out)
    if old.get("kind") != "screen":
        raise ConfigError(f"--previous {prev_out} is not the output of `clearance batch screen`")
    for key in ("algorithm", "threshold", "limit", "lists"):
        if old.get(key) != job_meta.get(key):
            raise ConfigError(f"--previous {prev_out} was screened with {key} {old.get(key)!r}, this run with "
                              f"{job_meta.get(key)!r}: its results cannot be reused; run without --previous")
    index_dir = old.get("index_dir") or str(Path(prev_out) / "_index")
    if not (Path(index_dir) / f"index-{old['index_digest']}.core").is_file():
        raise ConfigError(f"--previous {prev_out}: its frozen index is not in {index_dir} any more; run without "
                          "--previous (a full re-screen)")
    results: dict[Query, dict[str, Any]] = {}
    for row in folder_rows(prev_out):
        if row["input"] is None or row["decision"] == Decision.CANNOT_CLEAR.value:
            continue
        query, problem = row_query(row["input"])
        if problem is None and query not in results:
            results[query] = {"decision": row["decision"], "hits": row["hits"], "algorithm": row["algorithm"],
                              "list_versions": row["list_versions"], "reasons": row["reasons"]}
    payload = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.sha256(payload).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"previous-{digest}.pkl"
    if not path.exists():
        path.write_bytes(payload)
    return Previous(index_dir, old["index_digest"], str(path), digest, old["algorithm"])


_LOADED: dict[str, dict[Query, dict[str, Any]]] = {}
_LOCK = threading.Lock()


def load_previous(prev: Previous) -> dict[Query, dict[str, Any]]:
    with _LOCK:
        found = _LOADED.get(prev.results_digest)
        if found is None:
            payload = Path(prev.results_path).read_bytes()
            if hashlib.sha256(payload).hexdigest() != prev.results_digest:
                raise CannotClear(f"the previous results {prev.results_path} are not the ones this batch froze")
            _LOADED.clear()
            found = _LOADED[prev.results_digest] = pickle.loads(payload)
        return found


def signature(query: Query, index: ScreeningIndex, algo: Algorithm, lists: list[str] | None,
              digests: dict[int, bytes] | None = None) -> Signature:
    """The party's candidates as screening selects them: entry -> (name positions, digest of what screening reads
    of the entry). ``digests``: a cache of the entries' digests (by entity number in ``index``)."""
    pq = prepare_query(query)
    rerank: Callable[[Any], Callable[[Any], float]] | None = getattr(algo, "candidate_score", None)
    found = index.candidates(pq.form, pq.id_keys, keys=algo.query_keys(pq.form),
                             rerank=rerank(pq.form) if rerank is not None else None)
    if pq.form.phonetic and rerank is not None:  # the candidates screening adds for these scripts (add_across)
        index.add_across(found, pq.form, algo.query_keys(pq.form), index.scores_of(rerank(pq.form)))
    ents = index.entities
    out: Signature = {}
    for i, positions in found.items():
        e = ents[i].entity
        if lists is not None and e.list_code not in lists:
            continue
        d = digests.get(i) if digests is not None else None
        if d is None:
            d = content_digest(ents[i])
            if digests is not None:
                digests[i] = d
        out[(e.list_code, e.entry_id)] = (tuple(sorted(positions)), d)
    return out


def content_digest(pe: PreparedEntity) -> bytes:
    """SHA-256 of the entry as prepared for matching, in a canonical form (sets sorted: a pickle of a set
    depends on insertion order and the hash seed), without where it was read from (file and line: screening
    never reads them, and they change with every list file even for an unchanged entry)."""
    bare = dataclasses.replace(pe, entity=dataclasses.replace(pe.entity, source_file=None, source_line=None))
    return hashlib.sha256(repr(_canon(bare)).encode("utf-8", "surrogatepass")).digest()


def _canon(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__, tuple((f.name, _canon(getattr(obj, f.name))) for f in dataclasses.fields(obj)))
    if isinstance(obj, set | frozenset):
        return ("set", tuple(sorted((_canon(x) for x in obj), key=repr)))
    if isinstance(obj, dict):
        return ("dict", tuple(sorted(((repr(_canon(k)), _canon(v)) for k, v in obj.items()), key=repr)))
    if isinstance(obj, list | tuple):
        return tuple(_canon(x) for x in obj)
    if hasattr(obj, "tolist"):  # numpy arrays and scalars
        return ("array", obj.tolist())
    return obj


_ENTRY_DIGESTS: dict[str, dict[int, bytes]] = {}


def _entry_digests(index_digest: str) -> dict[int, bytes]:
    """entity number -> content digest, for the frozen index ``index_digest`` (two indexes kept at most)."""
    found = _ENTRY_DIGESTS.get(index_digest)
    if found is None:
        while len(_ENTRY_DIGESTS) >= 2:
            del _ENTRY_DIGESTS[next(iter(_ENTRY_DIGESTS))]
        found = _ENTRY_DIGESTS[index_digest] = {}
    return found


class Reuse:
    """Decides, party by party, whether the previous result stands (and counts why or why not)."""

    def __init__(self, prev: Previous, new: ScreeningIndex, algo: Algorithm, lists: list[str] | None,
                 versions: dict[str, str], new_digest: str = "") -> None:
        self.results = load_previous(prev)
        self.old = load_index(prev.index_dir, prev.index_digest) if prev.index_dir else None
        self.new = new
        self.algo = algo
        self.lists = lists
        self.versions = versions
        self.reasons: dict[str, int] = {}
        # the entries' content digests, kept per index across the tasks a worker runs
        self._old_digests = _entry_digests(prev.index_digest)
        self._new_digests = _entry_digests(new_digest) if new_digest else {}

    def result(self, query: Query) -> dict[str, Any] | None:
        """The previous result with today's list versions, or None (re-score)."""
        before = self.results.get(query)
        if before is None or self.old is None:
            self._count(NEW_PARTY)
            return None
        if (signature(query, self.old, self.algo, self.lists, self._old_digests)
                != signature(query, self.new, self.algo, self.lists, self._new_digests)):
            self._count(MOVED)
            return None
        self._count(SKIPPED)
        return {**before, "list_versions": dict(self.versions)}

    def _count(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1
