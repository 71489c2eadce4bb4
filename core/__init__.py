"""Tools both apps use: rich text, uploads and their checks, image rights, renditions, slugs
of translated fields, paging, languages, and the template tags for them. It knows nothing of
releases or partners (an import-linter contract checks it)."""
