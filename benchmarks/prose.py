"""Generated prose: sentences assembled from the small word list in ``data/words.toml``.

A work's text is drawn from a pool of pre-assembled sentences for its fandom (so character
names appear in the story as they would), which keeps generating a hundred megabytes of prose
fast. Word counts use ficshelf's own counter so the corpus knows exactly how long each story is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.vocab import Fandom, Words
from ficshelf.parse.words import count_words

POOL_SIZE = 4000


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True, slots=True)
class Paragraphs:
    """A chapter's text as paragraphs, with the exact word count of all of them."""

    items: tuple[str, ...]
    words: int


def fill(template: str, words: Words, names: list[str], rng: random.Random) -> str:
    """One template with every slot filled from the word lists (capitalised slots too)."""
    name, other = rng.sample(names, 2) if len(names) > 1 else (names[0], names[0])
    slots = {
        "name": name,
        "other": other,
        "noun": rng.choice(words.nouns),
        "noun2": rng.choice(words.nouns),
        "adj": rng.choice(words.adjectives),
        "verb": rng.choice(words.verbs),
        "vi": rng.choice(words.intransitive),
        "adv": rng.choice(words.adverbs),
        "prep": rng.choice(words.prepositions),
        "place": rng.choice(words.places),
        "time": rng.choice(words.times),
    }
    slots |= {key.capitalize(): value.title() for key, value in slots.items()}
    text = template.format(**slots)
    return text[0].upper() + text[1:]


class ProsePool:
    """Sentences for one fandom; built once per corpus and fandom from a derived seed."""

    def __init__(self, words: Words, fandoms: tuple[Fandom, ...], seed: str) -> None:
        rng = random.Random(seed)
        names = [character.short for fandom in fandoms for character in fandom.characters]
        texts = [fill(rng.choice(words.templates), words, names, rng) for _ in range(POOL_SIZE)]
        self.sentences = tuple(Sentence(text, count_words(text)) for text in texts)

    def paragraphs(self, rng: random.Random, target_words: int) -> Paragraphs:
        """Paragraphs of 2-8 sentences until at least ``target_words`` words are written."""
        items: list[str] = []
        total = 0
        while total < target_words:
            chosen = rng.choices(self.sentences, k=rng.randint(2, 8))
            items.append(" ".join(sentence.text for sentence in chosen))
            total += sum(sentence.words for sentence in chosen)
        return Paragraphs(tuple(items), total)
