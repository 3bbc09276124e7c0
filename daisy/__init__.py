"""Daisy: a telephone voice agent that collects a driver's registration data."""

__version__ = "0.1.0"
