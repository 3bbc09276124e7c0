"""Simulated callers, the scorer and the runner behind `daisy eval`."""
