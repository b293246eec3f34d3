"""PL103's swaps fit their sentence: the real CLI with --fix --unsafe-fixes on sentences
where a one-word swap is right and where it is not (part of speech, fixed phrases,
titles, quotations, compounds, a/an), and the fix is taken back when it leaves a new
problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

HEAD = "---\ntitle: Swaps\naudienceLevel: patient\n---\n\n"

# (sentence, what --fix --unsafe-fixes makes of it)
CHANGED = [
    ("You can request a copy at the front desk.", "You can ask for a copy at the front desk."),
    (
        "You will have an initial visit with the nurse.",
        "You will have a first visit with the nurse.",
    ),
    ("An initial visit takes an hour.", "A first visit takes an hour."),
    ("If you had a prior heart attack, tell us.", "If you had an earlier heart attack, tell us."),
    ("Approximately 1 in 5 people get a headache.", "About 1 in 5 people get a headache."),
    ("Thank you for utilizing our clinic.", "Thank you for using our clinic."),
    ("A referral is not required for this visit.", "A referral is not needed for this visit."),
    ("You are required to bring your card.", "You must bring your card."),
    ("Therefore, we will call you.", "So, we will call you."),
    ("We will write to you concerning your visit.", "We will write to you about your visit."),
    ("Please present your card at the desk.", "Please show your card at the desk."),
    ("Only minute amounts pass into breast milk.", "Only tiny amounts pass into breast milk."),
    ("PLEASE UTILIZE THE SIDE DOOR.", "PLEASE USE THE SIDE DOOR."),
    ("Copies are available upon request.", "Copies are available on request."),
    ("Please inform us if you move house.", "Please tell us if you move house."),
    ("Ask whether or not you need a test.", "Ask whether you need a test."),
    ("Send the form no later than June 30.", "Send the form by June 30."),
    ("We currently offer evening visits.", "We now offer evening visits."),
    (
        "If your baby has a fit, call 999 immediately.",
        "If your baby has a fit, call 999 right away.",
    ),
    (
        "Important: Discontinue the tablets if you get a rash.",
        "Important: Stop the tablets if you get a rash.",
    ),
]
# Sentences a one-word swap would get wrong: left as they are.
KEPT = [
    "Large-print copies are available on request.",  # a fixed phrase
    "We have your request for a new time.",  # a noun
    "At your request, we sent a copy to your doctor.",
    "Please initial each page of the form.",  # a verb, not 'first'
    "If you notice anything concerning, call us.",  # not 'about'
    "The Principal Investigator is Dr. Laura Chen.",  # a title
    "See our Frequently Asked Questions page.",
    'The label says: "Discontinue use if a rash develops."',  # a quotation
    "The leaflet says “Discontinue use if a rash develops.”",
    "Most people are self-sufficient again within a week.",  # part of a longer word
    "Your robot-assisted surgery is on Tuesday.",
    "You are therefore responsible for the bill.",  # 'so responsible' says another thing
    "Federal law requires us to keep your records private.",  # an order, not a need
    "Expect an approximately 20-minute wait.",  # 'an about' is not English
    "Make sure you have an adequate supply of tablets.",  # 'an enough' is not English
    "Your insurer may need prior authorization first.",
    "Keep your receipt as proof of purchase.",
    "Many older adults move into an assisted living home.",
    "Some infections are required by law to be reported.",
    "Fill your prescriptions at a participating pharmacy.",
    "Wait one minute between puffs.",
    "We will find an optimal dose for you.",  # 'the best dose', not 'a best dose'
    "Some children present with a rash.",
    "Sign with your initial or your full name.",  # a noun: 'first or' is not English
    "Read about the Individuals with Disabilities Education Act.",  # a name
    "You can request for a new time at the desk.",  # 'ask for for'
    "We will provide you with a sharps bin.",  # 'give you with'
    "Keep taking it whether or not you feel better.",  # needs its 'or not'
    "This leaflet can help inform your choice.",  # not 'tell your choice'
    "Our nurses have a kind bedside manner.",
    "The nurse will be with you presently.",  # 'now' or 'soon'?
    "If you employ a carer, you have legal duties.",  # 'hire', not 'use'
    "A doctor will check whether she has the capacity to decide.",  # a legal test
    "Researchers will have the ability to contact you.",  # not 'will can'
    "We anticipate enrolling 2,000 people.",  # 'expect to enroll'
    "The bank may request that she fill in a form.",  # not 'ask for that'
    "We can provide travel in an emergency.",  # not 'give travel'
    "Tell us no later than 30 days from the date of the letter.",  # not 'by 30 days'
    "We're not required to grant your request.",  # an obligation
    "You may see a nurse or a physician's assistant.",  # a job title
    "Your data will not be identified by name.",  # the privacy sense
    "Fill your prescriptions at a participating pharmacy today.",
    # From VA pages: the names of things.
    "Women may face sexually transmitted diseases at any age.",
    "We offer assisted reproductive technologies such as IVF.",
    "Ask about a period of employment assistance.",
]
# Of those, the ones where the plain word is still named, as a hint without a fix.
HINTED = {
    "You can request for a new time at the desk.",
    "The nurse will be with you presently.",
    "If you employ a carer, you have legal duties.",
    "A doctor will check whether she has the capacity to decide.",
    "This leaflet can help inform your choice.",
    "We can provide travel in an emergency.",
    "Tell us no later than 30 days from the date of the letter.",
}


def _fix(tmp_path: Path, sentences: list[str], config: str | None = None) -> list[str]:
    article = tmp_path / "articles" / "care" / "swaps.md"
    article.parent.mkdir(parents=True)
    article.write_text(HEAD + "\n\n".join(sentences) + "\n", encoding="utf-8")
    if config is not None:
        (tmp_path / ".plainlint.yaml").write_text(config, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(article), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    body = article.read_text(encoding="utf-8")[len(HEAD) :]
    return [p for p in body.strip("\n").split("\n\n")]


def test_right_swaps_are_made_with_their_article_and_capitals(tmp_path: Path) -> None:
    assert _fix(tmp_path, [s for s, _ in CHANGED]) == [out for _, out in CHANGED]


def test_wrong_swaps_are_not_made(tmp_path: Path) -> None:
    assert _fix(tmp_path, KEPT) == KEPT


def test_wrong_frames_are_not_even_hinted(tmp_path: Path) -> None:
    """Where the words around it show the plain word cannot fit, nothing is said."""
    article = tmp_path / "a.md"
    silent = [s for s in KEPT if s not in HINTED]
    article.write_text(HEAD + "\n\n".join(silent) + "\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--select", "PL103", str(article))
    found = json.loads(proc.stdout)
    assert [(d["line"], d["subject"]) for d in found] == []
    article.write_text(HEAD + "\n\n".join(sorted(HINTED)) + "\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--select", "PL103", str(article))
    hints = json.loads(proc.stdout)
    assert len(hints) == len(HINTED) and all(d["fix"] is None for d in hints)


def test_an_unsure_frame_is_a_hint_without_a_fix(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(HEAD + "Some people retain water on this medicine.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", "--select", "PL103", str(article))
    (found,) = json.loads(proc.stdout)
    assert found["fix"] is None
    assert found["message"] == "'retain' may have a plainer choice: 'keep' or 'hold'."
    assert found["suggestions"] == ["Say 'keep' or 'hold' if it fits here."]


def test_a_site_adds_its_own_fixed_phrases(tmp_path: Path) -> None:
    """The site's own phrase keeps its words; the shipped ones still count beside it."""
    sentences = [
        "Staff must obtain consent before any photo.",
        "Staff must obtain a badge first.",
        "Large-print copies are available on request.",
    ]
    config = "extend-fixed-phrases: [obtain consent]\n"
    assert _fix(tmp_path, sentences, config) == [
        sentences[0],
        "Staff must get a badge first.",
        sentences[2],
    ]


@pytest.mark.parametrize("words", [24, 25])
def test_a_swap_that_makes_a_new_problem_is_taken_back(tmp_path: Path, words: int) -> None:
    """'request' -> 'ask for' adds a word: a sentence at the limit would go over it."""
    filler = " ".join(["today"] * (words - 4))
    sentence = f"You can request one {filler}."
    assert len(sentence.split()) == words
    article = tmp_path / "a.md"
    article.write_text(HEAD + sentence + "\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(article))
    after = article.read_text(encoding="utf-8")
    if words == 24:
        assert "ask for one" in after and "not made" not in proc.stdout
    else:
        assert after == HEAD + sentence + "\n"
        assert "1 fix not made: it would leave a new problem" in proc.stdout
        assert "PL103" in proc.stdout
        shown = run_cli(
            "check", "--no-cache", "--fix", "--unsafe-fixes", "--format", "json", str(article)
        )
        (left,) = [d for d in json.loads(shown.stdout) if d["code"] == "PL103"]
        assert left["fix"] is None
        assert left["suggestions"][-1] == (
            "Not fixed: the change would leave a new problem (PL201 long-sentence)."
        )
        # --diff says so too, beside a swap it does make, and its diff leaves the sentence.
        article.write_text(HEAD + sentence + "\n\nPlease utilize the side door.\n", "utf-8")
        diff = run_cli("check", "--no-cache", "--diff", "--unsafe-fixes", str(article))
        assert "+Please use the side door." in diff.stderr and "+You can" not in diff.stderr
        assert "1 fix not made" in diff.stdout
