"""Institutions, people, media contacts and who the public may know of."""
