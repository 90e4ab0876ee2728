"""visionflan_eval: score model predictions on Vision-Flan tasks, each task with its own metric.

Scoring reads predictions only: it never imports task plugins, torch or transformers, so an API
model's or an lmms-eval run's outputs, mapped to the keys below, score the same way as ours.

Predictions schema (the contract between ``vf-eval generate`` and ``vf-eval score``): JSON Lines,
one object per example.

==============  ========  ====================================================================
key             required  meaning
==============  ========  ====================================================================
``id``          yes       example id, unique within its task (string or integer)
``task_id``     yes       the registry's task id
``prediction``  yes       the model's answer (string)
``references``  yes       non-empty list of every acceptable answer: VQA's ten human answers,
                          every caption, for multiple choice the correct option's label AND text
``metric``      no        metric name to apply (as resolved from task.yaml ``metric:``); when
                          absent, ``default_metric(answer_type)``
``answer_type`` no        one of ``visionflan_core.vocab.ANSWER_TYPES``; needed when ``metric``
                          is absent
``category``    no        the paper's category, for per-category averages
``release_name``no        the task's name in the Vision-Flan release
``prompt``      no        the rendered prompt (kept for reading, not scored)
``options``     no        list of ``{"label": ..., "text": ...}``; multiple choice matches the
                          prediction against them (MMBench-style)
==============  ========  ====================================================================

Metric names: ``mc_accuracy``, ``vqa_accuracy``, ``exact_match``, ``anls``, ``label_match``,
``cider``, ``rouge_l``, ``bleu4`` (see :mod:`visionflan_eval.metrics`).
"""

from visionflan_core.vocab import ANSWER_TYPES

from .schema import METRIC_NAMES, Prediction, RowError, default_metric, parse_row

__all__ = [
    "ANSWER_TYPES",
    "METRIC_NAMES",
    "Prediction",
    "RowError",
    "__version__",
    "default_metric",
    "parse_row",
]

__version__ = "0.1.0"
