"""Release search (PostgreSQL full-text search, or SQLite FTS5) and contact look-up.

``queries.ranked()`` and ``queries.matching()`` are the entry points for releases;
``index`` keeps the documents in step; ``facets``, ``snippets`` and ``contacts`` serve pages.
"""
