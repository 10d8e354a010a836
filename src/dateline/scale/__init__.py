"""Scale-out: the per-article stage on a Dask cluster, with Parquet shards as the exchange format.

The heavy dependencies (``dask.distributed``, ``pyarrow``) are optional (``pip install
'dateline[dask]'``) and imported only when a function here is called::

    from dateline.scale import ingest_parquet, read_documents, documents_for_query
    result = ingest_parquet(["news.jsonl.gz"], "shards/")               # LocalCluster
    result = ingest_parquet(["news.jsonl.gz"], "shards/", scheduler="tcp://10.0.0.5:8786")
    docs = list(documents_for_query("shards/", "oil spill"))

See the "Scale-out on Dask" section of the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "ScaleResult",
    "ingest_parquet",
    "read_documents",
    "search_documents",
    "documents_for_query",
    "to_store",
]

# public name -> submodule that defines it (a constant table; the import happens on first use)
_EXPORTS: dict[str, str] = {
    "ScaleResult": "dateline.scale.ingest",
    "ingest_parquet": "dateline.scale.ingest",
    "read_documents": "dateline.scale.shards",
    "search_documents": "dateline.scale.shards",
    "documents_for_query": "dateline.scale.shards",
    "to_store": "dateline.scale.shards",
}

if TYPE_CHECKING:  # pragma: no cover
    from dateline.scale.ingest import ScaleResult, ingest_parquet
    from dateline.scale.shards import documents_for_query, read_documents, search_documents, to_store


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dateline.scale' has no attribute {name!r}")
