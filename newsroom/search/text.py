"""Words as search sees them: case and accents folded, then stemmed per language.

The same steps as the PostgreSQL configurations of migration 0009 (unaccent, then the Snowball
stemmer), so SQLite indexes, queries and highlighted snippets agree with PostgreSQL.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
STEMMERS = {"fr": "french", "en": "english"}
# Letters NFKD does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


def fold(text):
    """Lower case without accents: "Thérapie" → "therapie"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text):
    return WORD.findall(fold(text))


@cache
def stemmer(language):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


@lru_cache(maxsize=200_000)
def stem(word, language):
    """The stem of a folded word (cached: the pure-Python stemmer is slow, words repeat)."""
    return stemmer(language).stemWord(word)


@lru_cache(maxsize=200_000)
def stem_of(word, language):
    """The stem of a word as written ("Thérapies" → "therap"), for marking words in text."""
    return stem(fold(word), language)


def stems(text, language):
    """["immunotherap"] for "Immunothérapies" in French."""
    return [stem(word, language) for word in words(text)]
