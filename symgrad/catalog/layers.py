"""Catalog entries (being written this session)."""

ENTRIES: dict = {}
