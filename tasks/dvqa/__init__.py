"""DVQA: synthetic bar charts with template questions, QA files streamed."""
