"""Is this a name? One answer for every rule: words written with capitals inside a
sentence name someone or something (Lancet Oncology, Xavier Leleu, the Myeloma Section),
and so are not jargon, rare words or hard words."""

from __future__ import annotations


def capitalized(text: str) -> bool:
    """Every word starts with a capital ('Lancet Oncology', 'Kaplan-Meier')."""
    words = text.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def is_name(text: str, at_sentence_start: bool, known_word: bool = True) -> bool:
    """Whether capitalised words name something. At the start of a sentence every word
    has a capital, so there only a word no dictionary knows is taken for a name."""
    if not capitalized(text):
        return False
    return not at_sentence_start or not known_word
