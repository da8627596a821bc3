"""A title and family name in another language read as in English: the family name's
translations come from the translated aliases of the family's members ("Оскар Вейл" makes
"Вейл" Vale), the title from a table ("мистер" is "Mr", Chinese "夫人" after a name "Mrs")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MOOR = frozenset({"Moor"})

_FILE = {
    "name": "Moor",
    "characters": {
        "male": {
            "Oscar Vale": ["Оскар Вейл", "奥斯卡·维尔", "オスカー・ヴェイル"],
            "Tobin Rook": ["Тобин Рук", "托宾·鲁克"],
        },
        "female": {
            "Mara Vale": ["Мара Вейл", "玛拉·维尔"],
            "Greta Hale": ["Грета Хейл", "Грета Принц"],  # "Принц" is also a word: prince
        },
    },
    "family_names": {"Vale": "Oscar Vale"},
}


@pytest.fixture(scope="module")
def moor() -> KnowledgeBase:
    return fandom_kb(_FILE, "moor.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("мистер Вейл", "Oscar Vale"),
        ("миссис Вейл", "Mara Vale"),
        ("维尔夫人", "Mara Vale"),  # Mrs Vale, the title after the name
        ("维尔先生", "Oscar Vale"),
        ("鲁克教授", "Tobin Rook"),  # Professor Rook
        ("ヴェイル先生", "Oscar Vale"),  # "Professor Vale": whom "Vale" means
        ("Вейл", "Oscar Vale"),  # the family name alone, as "Vale" alone
        ("Frau Vale", "Mara Vale"),
        ("Оскар Вейл", "Oscar Vale"),  # the alias itself
        ("Принц-Полукровка", None),  # a word that is no family name: not read as one
        ("мистер Полукровка", None),
    ],
)
def test_titles_and_family_names_in_other_languages(
    moor: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(moor).resolve(written, MOOR)
    assert (match.character.name if match.character else None) == canonical


def test_no_translation_without_a_fandom(moor: KnowledgeBase) -> None:
    assert resolver_for(moor).resolve("мистер Вейл").character is None
