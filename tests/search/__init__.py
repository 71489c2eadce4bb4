"""Release search and its indexes."""
