"""``vf-tasks export``: mixtures of rendered tasks written as training shards.

The pipeline is: pick tasks (:mod:`.spec`), read candidates from a source (:mod:`.sources`), keep the
``cap`` smallest hashes per task and interleave them (:mod:`.sampling`, :mod:`.plan`), then write
fixed-size shards in parallel (:mod:`.shard`, :mod:`.writers`) and describe the result
(:mod:`.manifest`). Every step is a pure function of the spec, the seed and the data, so worker
count, partitioning and resuming never change a byte of the output.
"""
