"""Batch screening and determination of files larger than memory, on dask.distributed.

The input is cut into partitions (``partitions``: byte ranges of a CSV or JSON-lines file cut at record
boundaries, row ranges of a Parquet file); each partition is read, screened or determined and written as one
Parquet file by a worker (``tasks``), which loads the frozen screening index once per digest (``frozen``).
``run`` drives a Dask cluster (a LocalCluster by default) and writes the manifest. Dask is imported only in
``run``: the partitions and tasks are plain functions, tested without a cluster.
"""
