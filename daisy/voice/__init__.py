"""Daisy on the phone: LiveKit Agents pipelines around the dialogue core.

Nothing here is imported by text mode; modules import livekit lazily where it matters (see config).
"""
