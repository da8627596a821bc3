"""What every reading of a written name asks of the knowledge base: the characters of the
fandoms in context, the name tables, the groups' words and the guards against reading one
character as another. Answers are cached per context, so the rule modules (``group_rules``,
``family_rules``, ``spelling_rules``, ``wrapped_rules``, ``rewrite_rules``) can ask freely;
none of them keeps a table of its own that another would need.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ficshelf.wrangle.english import ordinary_word
from ficshelf.wrangle.groups import GroupWords
from ficshelf.wrangle.kb import Character, CharacterIndex, KnowledgeBase
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.typos import allowed_edits
from ficshelf.wrangle.written import name_words

MIN_TYPO_LENGTH = 5
_KIND = re.compile(r"\bcharacters?\b")
_LATIN = re.compile(r"[a-z]")


class Lookups:
    """One knowledge base's characters and name tables, asked per fandom context."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index: CharacterIndex = kb.index
        self._allowed_cache: dict[frozenset[str], frozenset[int]] = {}
        self._fuzzy_choices: dict[frozenset[str], tuple[list[str], list[str]]] = {}
        self._vocabularies: dict[frozenset[str], tuple[list[str], frozenset[str]]] = {}
        self._word_owners: dict[frozenset[str], Mapping[str, frozenset[int]]] = {}

    # -- who is in context ------------------------------------------------------------------

    def allowed(self, context: frozenset[str]) -> frozenset[int]:
        """The ids of every character and group of the fandoms in ``context``."""
        allowed = self._allowed_cache.get(context)
        if allowed is None:
            allowed = frozenset(i for f in context for i in self.index.by_fandom.get(f, ()))
            self._allowed_cache[context] = allowed
        return allowed

    def fandoms_in_asides(self, written: str) -> frozenset[str]:
        """Fandoms named in the tag's asides ("Basilisk (Harry Potter)") join the context."""
        _base, asides = split_asides(written)
        found = (self.kb.fandom(aside) for aside in asides)
        return frozenset(f.name for f in found if f is not None)

    def ids_of(self, character: Character) -> frozenset[int]:
        position = self.index.by_name.get(character.name)
        return frozenset() if position is None else frozenset({position})

    # -- the name tables ----------------------------------------------------------------------

    def lookup(self, table: str, key: str) -> frozenset[int]:
        """The ids under ``key`` in one of the index's tables; "weak" (a lone given or family
        name) includes the "strong" (full names)."""
        tables: Mapping[str, Mapping[str, frozenset[int]]] = {
            "strong": self.index.strong,
            "derived": self.index.derived,
            "weak": self.index.weak,
            "compact": self.index.compact,
            "compact_strong": self.index.compact_strong,
            "sound": self.index.sound,
            "initials": self.index.initials,
        }
        if table == "weak":
            return tables["weak"].get(key, frozenset()) | tables["strong"].get(key, frozenset())
        return tables[table].get(key, frozenset())

    def first_and_last(self, cleaned: str) -> frozenset[int]:
        """ "Harry James Potter": the first and the last word as a full name."""
        tokens = cleaned.split()
        if len(tokens) < 3:
            return frozenset()
        key = f"{tokens[0]} {tokens[-1]}"
        strong = self.index.strong.get(key, frozenset())
        derived = self.index.derived.get(key, frozenset())
        if len(strong | derived) > 1:
            spelt = self._by_middle_names(strong | derived, tokens[1:-1])
            if len(spelt) == 1:
                return spelt
        return strong or derived

    def _by_middle_names(self, ids: frozenset[int], middles: list[str]) -> frozenset[int]:
        """ "James Siriys Potter": of namesakes sharing a first and last name, those whose
        middle names the written ones spell, typos forgiven; else James Potter, whose first
        and last name it is, would take his son's tag."""
        middle = self.index.parts.middle
        return frozenset(
            i
            for i in ids
            if all(
                any(
                    OSA.distance(word, known, score_cutoff=allowed_edits(word))
                    <= allowed_edits(word)
                    for known in middle.get(i, ())
                )
                for word in middles
            )
        )

    def contains_other_name(self, cleaned: str, found: frozenset[int]) -> bool:
        """Whether any run of two or more words is the full name of someone not in ``found``."""
        tokens = cleaned.split()
        for size in range(2, len(tokens) + 1):
            for start in range(len(tokens) - size + 1):
                key = " ".join(tokens[start : start + size])
                other = self.index.strong.get(key) or self.index.derived.get(key)
                if other and other - found:
                    return True
        return False

    @functools.cached_property
    def words_in_names(self) -> frozenset[str]:
        """Every word of anyone's given, family or lone name."""
        index = self.index
        tables = (index.given, index.family, index.weak)
        return frozenset(t for table in tables for key in table for t in key.split())

    @functools.cached_property
    def lone_names(self) -> tuple[tuple[str, ...], Mapping[str, frozenset[int]]]:
        """The one-word names of characters ("voldemort", "kreacher"), sorted, and whom each
        names; groups' and kinds' names aside."""
        people = frozenset(range(len(self.index.characters))) - self.kinds
        owners = {
            key: ids & people
            for key, ids in self.index.strong.items()
            if " " not in key
            and key.isalpha()
            and ids & people
            and not any(self.index.characters[i].keywords for i in ids)
        }
        return tuple(sorted(owners)), owners

    @functools.cached_property
    def foreign_families(self) -> Mapping[str, str]:
        """Family names in other scripts, by the family name key they translate: "малфой",
        "马尔福" and "マルフォイ" are "malfoy", from the translated aliases of the family's
        members ("Драко Малфой"), so a title or a lone family name can be read in any script.
        A word the members of two families share (a married name) is the family most of them
        bear as their own; with no such family, it translates to none."""
        first = {f.name for f in self.kb.fandoms if f.family_name_first}
        parts = self.index.parts
        shared: dict[str, frozenset[str]] = {}
        own: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for position, character in enumerate(self.index.characters):
            families = parts.family.get(position, frozenset())
            if not families or character.keywords:
                continue
            at = 0 if character.fandom in first else -1
            for alias in character.aliases:
                tokens = name_key(alias).split()
                if len(tokens) >= 2 and not _LATIN.search(tokens[at]):
                    word = tokens[at]  # a married name too: "Гермиона Уизли"
                    shared[word] = shared.get(word, families) & families
                    own[word][parts.surname.get(position, "")] += 1
        return {
            word: family
            for word, families in shared.items()
            if (family := _most_borne(own[word], families)) is not None
        }

    @functools.cached_property
    def _name_words_listed(self) -> list[str]:
        return sorted(self.words_in_names)

    def near_a_name_word(self, key: str) -> bool:
        """Whether ``key`` is within the typos forgiven of a word of anyone's name
        ("percaval" of Percival), so it may be that name misspelt."""
        edits = allowed_edits(key)
        if not edits:
            return False
        near = process.extractOne(
            key, self._name_words_listed, scorer=OSA.distance, score_cutoff=edits
        )
        return near is not None

    def qualifier(self, key: str) -> bool:
        """An ordinary word that is no part of anyone's name in the knowledge base (a filler
        word such as "the" never is, though "The Grey Lady" begins with it)."""
        if key in name_words().fillers:
            return True
        return key not in self.words_in_names and ordinary_word(key)

    @functools.cached_property
    def kinds(self) -> frozenset[int]:
        """Kinds of character rather than people ("Original Character(s)", "Player Character
        (Hogwarts Legacy)"): a tag naming one besides a person or a group means the other."""
        return frozenset(
            i
            for i, c in enumerate(self.index.characters)
            if not c.keywords and _KIND.search(name_key(c.name))
        )

    # -- groups --------------------------------------------------------------------------------

    @functools.cache  # noqa: B019 - lookups live as long as their knowledge base
    def keywords(self, position: int) -> tuple[str, ...]:
        own = (name_key(k) for k in self.index.characters[position].keywords)
        family = self._family_of_group(position)
        if family is None:
            return tuple(dict.fromkeys(own))
        forms = (name_key(form.format(family)) for form in name_words().family_group_forms)
        whole = (_plural(family), f"the {_plural(family)}")
        return tuple(dict.fromkeys([*own, *forms, *whole]))

    def _family_of_group(self, position: int) -> str | None:
        """ "weasley" of the group "Weasley Family" (or "Black Family (Harry Potter)")."""
        words = name_key(split_asides(self.index.characters[position].name)[0]).split()
        return words[0] if len(words) == 2 and words[1] == "family" else None

    @functools.cache  # noqa: B019 - lookups live as long as their knowledge base
    def groups_of(self, fandom: str) -> tuple[int, ...]:
        return tuple(
            i for i in self.index.by_fandom.get(fandom, ()) if self.index.characters[i].keywords
        )

    @functools.cache  # noqa: B019 - lookups live as long as their knowledge base
    def group_words(self, fandom: str) -> tuple[GroupWords, ...]:
        return tuple(
            GroupWords(
                i,
                self.keywords(i),
                tuple(name_key(a) for a in self.index.characters[i].anchors),
            )
            for i in self.groups_of(fandom)
        )

    def groups_in_context(self, context: frozenset[str]) -> list[GroupWords]:
        return [g for fandom in context for g in self.group_words(fandom)]

    def grouped(self, context: frozenset[str]) -> frozenset[int]:
        """The ids of the groups (not people) of the fandoms in context."""
        return frozenset(i for fandom in context for i in self.groups_of(fandom))

    @functools.cache  # noqa: B019 - lookups live as long as their knowledge base
    def group_word_set(self, context: frozenset[str]) -> frozenset[str]:
        """The words that name the groups of the fandoms in context ("hogwarts",
        "marauders"): of their keywords and anchors, less words for people ("original",
        "students") and fillers."""
        vocab = name_words()
        return (
            frozenset(
                word
                for group in self.groups_in_context(context)
                for phrase in (*group.keywords, *group.anchors)
                for word in phrase.split()
            )
            - vocab.people_words
            - vocab.fillers
        )

    def anchors(self, context: frozenset[str]) -> frozenset[str]:
        """The groups' anchor words ("gryffindor", "hogwarts") of the fandoms in context."""
        return frozenset(a for f in context for g in self.group_words(f) for a in g.anchors)

    # -- spelling --------------------------------------------------------------------------------

    def choices(self, context: frozenset[str]) -> tuple[list[str], list[str]]:
        """The full-name keys and sound keys of the characters in context, for fuzzy matching."""
        cached = self._fuzzy_choices.get(context)
        if cached is not None:
            return cached
        allowed = self.allowed(context)
        keys = [k for k, ids in self.index.strong.items() if ids & allowed]
        sounds = [k for k, ids in self.index.sound.items() if ids & allowed]
        self._fuzzy_choices[context] = (keys, sounds)
        return keys, sounds

    def vocabulary(self, context: frozenset[str]) -> tuple[list[str], frozenset[str]]:
        """The words a misspelt word may be respelled to (sorted), and the words that need no
        respelling."""
        cached = self._vocabularies.get(context)
        if cached is None:
            keys, _sounds = self.choices(context)
            allowed = self.allowed(context)
            words = {w for k in keys for w in k.split()}
            words |= {
                w for k, ids in self.index.derived.items() if ids & allowed for w in k.split()
            }
            words |= {w for k, ids in self.index.weak.items() if ids & allowed for w in k.split()}
            words |= {p[0] for p in name_words().leading if len(p) == 1}
            words |= set(name_words().titles)
            common = name_words().fillers | name_words().people_words | name_words().relations
            for fandom in context:
                for i in self.groups_of(fandom):
                    words |= {w for kw in self.keywords(i) for w in kw.split()}
            cached = (sorted(words), frozenset(words | common))
            self._vocabularies[context] = cached
        return cached

    def word_owners(self, context: frozenset[str]) -> Mapping[str, frozenset[int]]:
        """Per word of the names of the characters in context, who has it in a name: two
        spellings of one person's name ("quirrell", "quirrel") are one correction."""
        cached = self._word_owners.get(context)
        if cached is None:
            allowed = self.allowed(context)
            owners: defaultdict[str, set[int]] = defaultdict(set)
            for table in (self.index.strong, self.index.derived):
                for key, ids in table.items():
                    if ids & allowed:
                        for word in key.split():
                            owners[word] |= ids & allowed
            cached = {word: frozenset(ids) for word, ids in owners.items()}
            self._word_owners[context] = cached
        return cached

    def guard(self, ids: frozenset[int], text: str, context: frozenset[str]) -> frozenset[int]:
        """Refuses a loose reading when the text is one typo away from someone else's name:
        "Madam Prince" is more likely Madam Pince than the one female Prince."""
        if len(ids) != 1:
            return ids
        key = name_key(text)
        if len(key) < MIN_TYPO_LENGTH:
            return ids
        keys, _sounds = self.choices(context)
        close = process.extract(key, keys, scorer=OSA.distance, score_cutoff=1, limit=8)
        others = {i for hit, _score, _ in close for i in self.index.strong[hit]} - ids
        return frozenset() if others & self.allowed(context) else ids


def _most_borne(surnames: Counter[str], shared: frozenset[str]) -> str | None:
    """The family name shared by everyone with a translated name that most of them bear as
    their own ("Снейп": Severus and Tobias Snape, and Eileen Prince who married one)."""
    if len(shared) == 1:
        return next(iter(shared))
    ranked = [(n, name) for name, n in surnames.most_common() if name in shared]
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _plural(name: str) -> str:
    """ "weasleys", "tonkses": a family name in the plural, for the whole family."""
    return f"{name}es" if name.endswith(("s", "x", "z", "ch", "sh")) else f"{name}s"
