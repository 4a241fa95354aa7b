"""The embedded corpus store (SQLite): see `recoupe.store.store.Store` for the read API."""

from recoupe.store.schema import MIGRATIONS, SCHEMA_VERSION, StoreVersionError
from recoupe.store.store import SearchHit, Store, StoreCounts, StoryRow

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SearchHit",
    "Store",
    "StoreCounts",
    "StoreVersionError",
    "StoryRow",
]
