"""visionflan_trainer: two-stage LLaVA training on LLaVA-format data.

Self-contained by design: it reads the exported ``llava/*.json`` files and never
imports ``visionflan_core`` or ``visionflan_tasks``, so it can be installed and run
on a training cluster without the data-generation stack.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
