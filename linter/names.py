"""Is this a name? One answer for every rule: words written with capitals inside a
sentence name someone or something (Lancet Oncology, Xavier Leleu, the Myeloma Section),
and so are not jargon, rare words or hard words. A title before (Dr., Professor) or
after (MD, PhD) marks a person's name even where a sentence starts."""

from __future__ import annotations

import re

from linter.terms import drug_name, word_part

_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Dr|Drs|Mr|Mrs|Ms|Mx|Prof|Professor|Sir|Dame|Lord|Lady|Nurse|Sister|Father|"
    r"Rev|Saint|St|Mt|Mount|Lake|Fort)\.?|\b[A-Z]\.)\s+(?:[A-Z][\w’'-]*\s+)*\Z"
)
_TITLE_AFTER = re.compile(
    r"\A(?:\s+[A-Z][\w’'-]*)*,?\s+(?:MD|M\.D\.|PhD|Ph\.D\.|DO|RN|NP|PA-C|DNP|MPH|MBBS|FRCP|"
    r"FRCS|MRCP|DPhil|BSc|MSc|PharmD|RGN|RMN|BSN|APRN|LPN|FNP|CNM|DDS|DMD|MBChB|MRCGP|"
    r"FRACGP|FRACP|FRCOG|Jr\.?|Sr\.?|III?)\b"
)

# A word that ends an organisation's name: 'Arrhythmia Alliance', 'Mayo Clinic'.
_ORGANISATION_WORDS = (
    r"(?:Alliance|Association|Foundation|Society|Trust|Institute|"
    r"Institutes|Council|Network|Clinic|Hospital|Hospitals|Centre|Center|Charity|Agency|"
    r"College|University|Federation|League|Coalition|Fund|Partnership|Collaborative|"
    r"Consortium|Service|Services|Academy|Board|Unit|Ward|Department|Team|Helpline)\b"
)
_ORGANISATION_AFTER = re.compile(r"\A(?:\s+[A-Z][\w’'-]*)*\s+" + _ORGANISATION_WORDS)
# The words end with one: 'Anticoagulation Clinic: 01632 960 418'.
_ORGANISATION_END = re.compile(r"\s" + _ORGANISATION_WORDS + r"\Z")

# What follows a person's name when it names a condition or a test.
_CONDITION_AFTER = re.compile(
    r"\A(?:['’]s)?\s+(?:disease|syndrome|anomaly|sign|palsy|phenomenon|disorder|ataxia|"
    r"dystrophy|test|score|scale|criteria|manoeuvre|maneuver|reflex|triad)\b"
)

# A person's name and a comma: what follows is their title ('Maria Lopez, NP').
# Titles may follow one another: 'Lena Castillo, MD, MPH'.
_NAME_BEFORE = re.compile(
    r"\b[A-Z](?:[^\W\d_A-Z]|[’'-])+(?:\s+[A-Z]\.)?\s+[A-Z](?:[^\W\d_A-Z]|[’'-])+,\s*"
    r"(?:[A-Z][A-Za-z.]{1,6},\s*){0,3}\Z"
)


# A colon before the words: what follows it opens a clause, and so has a capital
# whether or not it is a name ('IMPORTANT WARNING: Metformin, a medicine that ...').
_AFTER_COLON = re.compile(r":\s*\Z")


def after_a_name(text: str, at: int) -> bool:
    """Whether a person's name and a comma come right before offset `at`, so that a
    short form there is a title: 'Maria Lopez, NP', 'Dr Ana Ruiz, OD'."""
    return bool(_NAME_BEFORE.search(text, max(0, at - 60), at))


def capitalized(text: str) -> bool:
    """Every word starts with a capital ('Lancet Oncology', 'Kaplan-Meier')."""
    words = text.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def titled(before: str, after: str) -> bool:
    """Whether a title next to the words marks them as a name: 'Dr. Patel', 'Maria
    Lopez, MD', 'Professor Singh', or an organisation: 'Arrhythmia Alliance'."""
    return bool(
        _TITLE_BEFORE.search(before[-80:])
        or _TITLE_AFTER.match(after[:80])
        or _ORGANISATION_AFTER.match(after[:80])
    )


def is_name(
    text: str, at_sentence_start: bool, known_word: bool = True, before: str = "", after: str = ""
) -> bool:
    """Whether capitalised words name something. At the start of a sentence every word
    has a capital, so there only a word no dictionary knows, or one with a title beside
    it, is taken for a name."""
    if not capitalized(text):
        return False
    if _CONDITION_AFTER.match(after[:40]):
        # 'Stargardt disease', 'Ebstein's anomaly': a condition named after someone.
        return False
    if titled(before, after) or _ORGANISATION_END.search(text):
        return True
    if not at_sentence_start and not _AFTER_COLON.search(before):
        return True
    # An unknown word opening a sentence is a name, unless it is built like a medical
    # word ('Hyperuricemia') or a drug's name ('Phenazopyridine').
    return not known_word and word_part(text) is None and not drug_name(text)
