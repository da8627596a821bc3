"""Names wrapped in what taggers write around them still reach the right character, and the
loose readings refuse rather than merge two people."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import Character, KnowledgeBase

ORCHARD = frozenset({"Orchard"})


@pytest.fixture(scope="module")
def orchard() -> KnowledgeBase:
    """A small invented fandom: a family with an unnamed member, two Thistlewoods, a group."""
    cast = [
        Character("Pip Thistlewood", "Orchard", "m", ("Pipkin",)),
        Character("Wren Thistlewood", "Orchard", "f"),
        Character("Hollis Thistlewood", "Orchard", "m"),
        Character("Marigold Alder", "Orchard", "f"),
        Character("Tamsin Pince", "Orchard", "f", ("Madam Pince",)),
        Character("Odo Prince", "Orchard", "m"),
        Character("Mrs Bramble", "Orchard", "f"),
        Character("Basil Bramble", "Orchard", "m"),
        Character("Quill", "Orchard", None),
        Character(
            "Orchard Pickers", "Orchard", None, (), ("orchard pickers", "pickers"), ("picker",)
        ),
        Character("Original Grove-Sprite Character(s)", "Orchard", None, (), ("grove sprite",)),
    ]
    return KnowledgeBase(characters=cast)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mentioned - Marigold Alder", "Marigold Alder"),
        ("Marigold Alder: mentioned", "Marigold Alder"),
        ("Fern Holloway (aka Marigold Alder)", "Marigold Alder"),
        ("Fern Holloway | Marigold Alder", "Marigold Alder"),
        ("Nettle (fem Pip)", "Pip Thistlewood"),
        ("oh and MARIGOLD ALDER YAY!!", "Marigold Alder"),
        ("pretty sure Pip'll be around", "Pip Thistlewood"),
        ("Mrs. Alder", "Marigold Alder"),
        ("Lady Bramble", "Mrs Bramble"),
        ("Marigold Thistlewood", "Marigold Alder"),
        ("Profesor Marigold Aldre", "Marigold Alder"),
        ("Dandelion the Grove Sprite", "Original Grove-Sprite Character(s)"),
        ("Some Picker folks", "Orchard Pickers"),
        ("Pip Thistlewood's grin", "Pip Thistlewood"),
        ("Holly Bramble", "Mrs Bramble"),  # a given name no one has: the unnamed Bramble
    ],
)
def test_wrapped_names_reach_the_character(
    orchard: KnowledgeBase, written: str, canonical: str
) -> None:
    match = resolver_for(orchard).resolve(written, ORCHARD)
    assert match.character is not None, match.how
    assert match.character.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Mrs Thistlewood",  # which Thistlewood woman? only Wren, but Mr/Mrs need gender
        "Mr Thistlewood",  # Pip or Hollis
        "Madam Prince",  # one letter from Madam Pince: no guess
        "Pip Thistlewood's mother",  # someone else, named by her tie to Pip
        "Pip Thistlewood (Impersonator)",  # someone wearing Pip's name
        "Hollis and Tansy Reed",  # two people, one unreadable
        "Henry Pip Thistlewood",  # a stranger with Pip's name in the middle
        "Pip Wren",  # two people side by side
        "Quill",  # in no fandom context nothing loose is tried
    ],
)
def test_loose_readings_refuse_rather_than_merge(orchard: KnowledgeBase, written: str) -> None:
    context = frozenset() if written == "Quill" else ORCHARD
    match = resolver_for(orchard).resolve(written, context)
    if written == "Mrs Thistlewood":
        assert match.character is not None and match.character.name == "Wren Thistlewood"
        return
    if written == "Quill":
        assert match.character is not None  # a known single name still resolves exactly
        return
    assert match.character is None, f"{written} -> {match.character} ({match.how})"


HP = frozenset({"Harry Potter - J. K. Rowling"})
NARUTO = frozenset({"Naruto"})
SHERLOCK = frozenset({"Sherlock (TV)"})


@pytest.mark.parametrize(
    ("written", "context", "canonical"),
    [
        ("Северус Снейп", HP, "Severus Snape"),
        ("德拉科·马尔福 - Character", HP, "Draco Malfoy"),
        ("Maugrey Fol'Œil", HP, 'Alastor "Mad-Eye" Moody'),
        ("Lily Potter Jr.", HP, "Lily Luna Potter"),
        ("The Dursley's", HP, "Dursley Family"),
        ("Gryffindor Folks", HP, "Gryffindor Students"),
        ("Mentioned - Hatake Kakashi", NARUTO, "Hatake Kakashi"),
        ("flashback - Iruka-sensei", NARUTO, "Umino Iruka"),
        ("oh and John Watson", SHERLOCK, "John Watson"),
    ],
)
def test_other_fandoms_and_languages(
    kb: KnowledgeBase, written: str, context: frozenset[str], canonical: str
) -> None:
    match = resolver_for(kb).resolve(written, context)
    assert match.character is not None, match.how
    assert match.character.name == canonical
