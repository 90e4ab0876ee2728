"""PlotQA: scientific plots with template questions, the multi-GB QA file streamed."""
