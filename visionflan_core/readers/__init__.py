"""Generic readers for layouts many datasets share.

Every reader has the signature ``reader(context, root, **options) -> Iterator[SourceRecord]``: it reads
the dataset's own files under ``root``, reports malformed records through ``context`` and goes on.
"""
