"""The importer: a press release received as text, Word or PDF becomes a structured draft.

``files`` reads the document's text (with limits for hostile files), ``parsing`` finds its parts,
``matching`` compares them with what the newsroom already holds, ``drafts`` writes the draft
once staff confirm. ``manage.py import_release`` and the admin's "Import a release" page use them.
"""
