"""The DeepWeeds dataset folder."""
