"""The NUS-WIDE dataset folder."""
