"""Group rules: a tag that names a group of characters rather than one ("Various Slytherins",
"Harry's yearmates", "Mr and Mrs Dursley", "Pippy and Poppy (house elves)", "Original
Characters: House Elves"). The matching of keywords and anchor words is ``groups``'; these
rules decide when a tag is about the group at all, since a group that swallows a person's
tag ("Death Eater Snape") is a false merge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from ficshelf.wrangle.english import ordinary_or_plural, ordinary_word
from ficshelf.wrangle.groups import (
    GroupWords,
    best_keyword,
    by_anchor,
    by_keyword,
    by_words,
    owned_by,
)
from ficshelf.wrangle.kb import Character
from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.loose import mentioned
from ficshelf.wrangle.names import POSSESSIVE, name_key, split_asides
from ficshelf.wrangle.typos import respell
from ficshelf.wrangle.written import (
    TAG_KIND_SUFFIX,
    clean_name,
    identity_pieces,
    name_words,
    plain_name,
    title_and_family,
    words_of,
)

_POSSESSIVE_S = re.compile(r"['’]s\b")
_ORIGINAL = frozenset({"original", "originals", "oc", "ocs"})
_CHARACTER_WORDS = frozenset({"character", "characters", "s"})


class GroupRules:
    """The readings of a tag as a group of the fandoms in context; none reads without one."""

    def __init__(self, look: Lookups) -> None:
        self._look = look
        self._owner_cache: dict[frozenset[str], tuple[frozenset[str], frozenset[str]]] = {}
        self._word_group_cache: dict[frozenset[str], Mapping[str, frozenset[int]]] = {}

    def group(self, written: str, plain: str, context: frozenset[str]) -> frozenset[int]:
        """A group named by keyword, else by anchor word; a misspelt group name counts
        ("Gryffindoor students"). Not when the tag also names one person ("Death Eater
        Snape" is Snape) or is about someone's things ("Harry's friends")."""
        if not context or title_and_family(plain) is not None:
            return frozenset()  # "Mr. Snaples" is one person, whatever it is a misspelling of
        possessive = POSSESSIVE.search(written)
        if possessive is not None:
            return self._owners_group(written, possessive.start() + 1, context)
        people = name_words().people_words
        whole = name_key(TAG_KIND_SUFFIX.sub("", split_asides(written)[0]))
        readings = [plain] if "!" in written else [plain, whole]  # "Girl!Hufflepuff!Harry"
        families, owners = self._owners(context)
        for reading in dict.fromkeys(readings):  # "All the bad asses from Slytherin"
            groups, texts = self._groups_and_spellings(reading, context)
            found = owned_by(reading, groups, owners, families) or by_words(
                texts, groups, people, [self._without_full_names(t) for t in texts]
            )
            if found:
                break
        if not found or self._names_one_person(written, found, context):
            return frozenset()
        return self._narrowed(found, whole, context)

    def _narrowed(
        self, found: frozenset[int], text: str, context: frozenset[str]
    ) -> frozenset[int]:
        """The one smaller group of ``found`` whose anchor the tag also has ("the Ravenclaw
        seventh years": a year of Hogwarts, but of Ravenclaw), else ``found``."""
        if len(found) != 1:
            return found
        parent = next(iter(found))
        words = set(text.split())
        narrower = {
            group.position
            for group in self._look.groups_in_context(context)
            if words & set(group.anchors)
            and self._parent_group(frozenset({group.position}), context) == parent
        }
        return frozenset(narrower) if len(narrower) == 1 else found

    def _owners_group(self, written: str, cut: int, context: frozenset[str]) -> frozenset[int]:
        """ "Harry's yearmates", "Draco's Slytherin friends", "most of Harry's Hogwarts
        cohort": a group of people around someone is the group they are of; "Harry's
        professors", "Harry's elves" are the group the rest names. Otherwise only for words
        for people after the owner ("Harry's friends" names no group), and only when
        someone is the owner."""
        groups = self._look.groups_in_context(context)
        owner, rest = written[:cut], written[cut:].lstrip("s'’")
        spelt = name_key(_POSSESSIVE_S.sub(" s", written))  # keywords spell "voldemort s"
        found, keyword = best_keyword([name_key(written), spelt], groups)
        spans = [set(name_key(part).split()) & set(keyword.split()) for part in (owner, rest)]
        if found and all(spans):  # "Voldemort's followers": a keyword across the possessive
            return found
        families, owners = self._owners(context)
        found = owned_by(name_key(f"{owner} {rest}"), groups, owners, families)
        if found:  # "the Potters' elves", "Hogwarts' elves"
            return found
        plain = name_key(rest)
        named = frozenset(g.position for g in groups if plain in g.keywords)
        if named:  # "Harry Potter's professors": the rest is a group's own name
            return named
        people = name_words().people_words
        if not any(w in people for w in plain.split()) or POSSESSIVE.search(rest):
            return frozenset()
        allowed = self._look.allowed(context)
        if not mentioned(owner, self._look.index, allowed) - self._look.grouped(context):
            return frozenset()
        groups, texts = self._groups_and_spellings(plain, context)
        found = by_words(texts, groups, people)
        if not found or self._names_one_person(rest, found, context):
            return frozenset()
        return found

    def _without_full_names(self, text: str) -> str:
        """``text`` without the full names of people in it ("harry potter"); a kind of
        character is no one's name ("original characters")."""
        tokens = text.split()
        kept: list[str] = []
        position = 0
        while position < len(tokens):
            pair = " ".join(tokens[position : position + 2])
            ids = self._look.index.strong.get(pair) if position + 1 < len(tokens) else None
            people = ids - self._look.kinds if ids else frozenset()  # "original characters" stays
            if people and not any(self._look.index.characters[i].keywords for i in people):
                position += 2
                continue
            kept.append(tokens[position])
            position += 1
        return " ".join(kept)

    def _groups_and_spellings(
        self, plain: str, context: frozenset[str]
    ) -> tuple[list[GroupWords], list[str]]:
        """The groups of the fandoms in context, and ``plain`` as written and respelled with
        their words (a misspelt group name counts)."""
        groups = self._look.groups_in_context(context)
        intensifiers = name_words().intensifiers
        calm = " ".join(w for w in plain.split() if w not in intensifiers)
        texts = [plain] if calm == plain else [plain, calm]  # "the whole fucking school"
        vocabulary, known = self._look.vocabulary(context)
        # an ordinary word is only ever taken for its singular or plural ("potion teacher":
        # "potions"), never for another word a letter or two away ("prefects": "Prewetts")
        written = plain.split()
        words = [_number_of(w, known) if ordinary_or_plural(w) else w for w in written]
        ordinary = {w for w in words if ordinary_or_plural(w)}
        respelled = respell(words, vocabulary, known | ordinary, self._word_groups(context))
        if respelled is None and words != written:
            respelled = " ".join(words)
        if respelled is not None:
            texts.append(respelled)
        return groups, texts

    def _word_groups(self, context: frozenset[str]) -> Mapping[str, frozenset[int]]:
        """Per word of the groups' keywords and anchors, the groups it is a word of: two
        spellings of one group's word are one correction ("gryffindor", "gryfindor")."""
        cached = self._word_group_cache.get(context)
        if cached is None:
            found: defaultdict[str, set[int]] = defaultdict(set)
            for group in self._look.groups_in_context(context):
                for phrase in (*group.keywords, *group.anchors):
                    for word in phrase.split():
                        found[word].add(group.position)
            cached = {word: frozenset(ids) for word, ids in found.items()}
            self._word_group_cache[context] = cached
        return cached

    def _names_one_person(
        self, written: str, groups: frozenset[int], context: frozenset[str]
    ) -> bool:
        """Whether the tag names one person, also with a family name in the plural read as
        the one name ("Amycus Carrows" is Amycus, not the Carrows)."""
        allowed = self._look.allowed(context)
        words = name_key(written).split()
        singular = " ".join(_number_of(w, self._families_of(context)) for w in words)
        for text in dict.fromkeys((written, singular)):
            people = mentioned(text, self._look.index, allowed)
            if len(people - self._look.grouped(context) - self._look.kinds) == 1:
                return True
        return False

    def _families_of(self, context: frozenset[str]) -> frozenset[str]:
        return self._owners(context)[0]

    def _owners(self, context: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The family names of the people of the fandoms in context, and the words naming
        whom a group may belong to: those family names and the groups' anchor words
        ("potter", "hogwarts"), titles aside ("Lady" is the Grey Lady's family name)."""
        cached = self._owner_cache.get(context)
        if cached is None:
            allowed = self._look.allowed(context) - self._look.grouped(context)
            families = frozenset(k for k, ids in self._look.index.family.items() if ids & allowed)
            families -= name_words().titles.keys()
            cached = (families, families | self._look.anchors(context))
            self._owner_cache[context] = cached
        return cached

    def family_group(self, family: str, fandom: str) -> frozenset[int]:
        """The group of a fandom named "<family> family" ("Malfoy Family"), if any."""
        keyword = f"{family} family"
        return frozenset(
            g.position for g in self._look.group_words(fandom) if keyword in g.keywords
        )

    def couple(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Mr and Mrs Dursley", "Mr. & Mrs. Malfoy": a couple by title, the family group."""
        tokens = [t for t in plain.split() if not name_words().several_people.fullmatch(f" {t} ")]
        titles = name_words().titles
        if len(tokens) < 3 or not all(t in titles for t in tokens[:-1]):
            return frozenset()
        found: set[int] = set()
        for fandom in context:
            found |= self.family_group(tokens[-1], fandom)
        return frozenset(found)

    def family_members(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Bellatrix & Andromeda & Narcissa Black", "Petunia and Vernon Dursley": given names
        of one family's members before its name, the family group (as a couple by title
        is). Not when a given name is no member's ("Harry and Vernon Dursley")."""
        if not context:
            return frozenset()
        parts = [name_key(p).split() for p in name_words().several_people.split(written)]
        if len(parts) < 2 or not all(parts) or len(parts[-1]) != 2:
            return frozenset()
        family = parts[-1][-1]
        givens = [part[0] for part in parts[:-1] if len(part) == 1] + [parts[-1][0]]
        if len(givens) != len(parts):
            return frozenset()
        index = self._look.index
        members = index.family.get(family, frozenset()) | index.parts.by_family.get(
            family, frozenset()
        )
        members &= self._look.allowed(context)  # born to the family too: Narcissa Black
        for given in givens:
            named = self._look.lookup("strong", f"{given} {family}") | self._look.lookup(
                "derived", f"{given} {family}"
            )
            if not named & members:
                return frozenset()
        found: set[int] = set()
        for fandom in context:
            found |= self.family_group(family, fandom)
        return frozenset(found)

    def members_listed(
        self,
        written: str,
        context: frozenset[str],
        read: Callable[[str, frozenset[str]], Character | None],
    ) -> frozenset[int]:
        """ "Moony, Wormtail, Padfoot and Prongs", "Harry, Ron & Hermione": every member of a
        group of friends the fandom file lists, and no one else, is the group."""
        parts = [p for p in re.split(r"\s*,\s*", written) if p.strip()]
        people = [piece for part in parts for piece in name_words().several_people.split(part)]
        if len(people) < 2 or not context:
            return frozenset()
        named = {read(person.strip(), context) for person in people}
        if None in named or len(named) != len(people):
            return frozenset()
        names = {c.name for c in named if c is not None}
        found: set[int] = set()
        for fandom_name in context:
            fandom = self._look.kb.fandom_named(fandom_name)
            for group, members in (fandom.group_members if fandom else {}).items():
                if set(members) == names:
                    found |= self._look.lookup("strong", name_key(group))
        return frozenset(found)

    def joined_group(self, plain: str, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "The Most Noble and Ancient House of Black": an 'and' that is part of a group's
        name, not two people: a group keyword is there and every other word is an ordinary
        word ("Harry and the Weasleys" names Harry too). Two groups of one larger group
        name it ("Gryffindor and Slytherin students": Hogwarts Students); two others name
        neither ("the Weasleys and the Potters")."""
        if not context:
            return frozenset()
        base = split_asides(written)[0]
        whole = name_key(base)
        groups, texts = self._groups_and_spellings(plain, context)
        conjunctions = name_words().several_people
        people = name_words().people_words
        for text in (*texts, whole):
            several = by_anchor([text], groups, people)
            parent = self._parent_group(several, context) if len(several) > 1 else None
            if parent is not None:
                return frozenset({parent})
        if self._joins_someone(base):
            return frozenset()  # "Slytherins and Pippy": the house and one of its own
        for text in texts:
            found = by_keyword([text], groups)
            if len(found) != 1 or by_anchor([whole], groups, people) - found:
                continue
            keywords = self._look.keywords(next(iter(found)))
            padded = f" {text} "
            keyword = max((k for k in keywords if f" {k} " in padded), key=len)
            rest = padded.replace(f" {keyword} ", " ", 1).split()
            own = {w for k in keywords for w in k.split()}  # "most noble and ancient"
            words = [w for w in rest if not conjunctions.fullmatch(f" {w} ") and w not in own]
            if all(self._look.qualifier(w) for w in words):
                return found
        return frozenset()

    def joined_to_another(
        self, written: str, found: frozenset[int], context: frozenset[str]
    ) -> bool:
        """Whether a part of the tag joined by 'and' names a group other than ``found``."""
        base = split_asides(written)[0]
        parts = name_words().several_people.split(base)
        return any(self._groups_in(part, context) - found for part in parts)

    @staticmethod
    def _joins_someone(base: str) -> bool:
        """Whether an 'and' joins a lone capitalised word, a name however ordinary a word it
        also is ("Pippy"), in mixed-case text."""
        parts = name_words().several_people.split(base)
        if len(parts) < 2:
            return False
        vocab = name_words()
        for part in parts:
            words = words_of(part)
            if len(words) == 1 and words[0].capitalised:
                key = words[0].key
                if key not in vocab.fillers and key not in vocab.people_words:
                    return True
        return False

    def unknown_members(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Pippy and Poppy (house elves)", "Nim & Tog the house-elves": people no book names,
        said to be of one group, are its original characters where the fandom file has a
        group of them, else of the group. Not when anyone known is named ("Harry and Ron
        (Gryffindors)")."""
        if not context:
            return frozenset()
        allowed = self._look.allowed(context)
        if (
            mentioned(written, self._look.index, allowed)
            - self._look.grouped(context)
            - self._look.kinds
        ):
            return frozenset()
        pieces = [p for p in identity_pieces(written) if not p.head]
        head = identity_pieces(written)[0] if pieces else None
        if head is None or self._groups_in(head.text, context):
            return frozenset()  # "the Weasleys and the Potters": groups, not unknown people
        joined = name_words().several_people
        if joined.search(f"{head.text} ") and not joined.split(f"{head.text} ")[-1].strip():
            return frozenset()  # "Pippy and the Weasleys": one of them and a group
        parts = joined.split(head.text)
        if any(self._look.lookup("weak", clean_name(part)) & allowed for part in parts):
            return frozenset()  # "Pippy and Harry (house elves)"
        found: set[int] = set()
        for piece in pieces:
            found |= self.original_group(f"original {piece.text}", context) or self._groups_in(
                piece.text, context
            )
        return frozenset(found) if len(found) == 1 else frozenset()

    def chatter_group(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Really the whole order but thats a lot of tags to put": a one-letter conjunction
        in chatter ("a") joins no people; the one group named is meant when no other part names or
        seems to name anyone."""
        if not context:
            return frozenset()
        base, _asides = split_asides(written)
        joins = name_words().several_people.findall(base)
        if not all(len(j.strip()) == 1 and j.strip().isalpha() for j in joins):
            return frozenset()  # "Pippy and the Weasleys": 'and' joins someone to them
        allowed = self._look.allowed(context)
        found: set[int] = set()
        for part in name_words().several_people.split(base):
            ids = self.group(part, plain_name(part), context)
            if ids:
                found |= ids
            elif mentioned(part, self._look.index, allowed) or any(
                w.capitalised and w.key not in name_words().fillers and not ordinary_word(w.key)
                for w in words_of(part)
            ):
                return frozenset()
        return frozenset(found) if len(found) == 1 else frozenset()

    def _groups_in(self, text: str, context: frozenset[str]) -> frozenset[int]:
        groups, texts = self._groups_and_spellings(plain_name(text), context)
        return by_words(texts, groups, name_words().people_words)

    def _parent_group(self, ids: frozenset[int], context: frozenset[str]) -> int | None:
        """The one group the fandom file says all of ``ids`` belong to, if any."""
        parents = set()
        for i in ids:
            character = self._look.index.characters[i]
            fandom = self._look.kb.fandom_named(character.fandom)
            parents.add(fandom.group_parents.get(character.name) if fandom else None)
        parent = parents.pop() if len(parents) == 1 else None
        return self._look.index.by_name.get(parent) if parent is not None else None

    def original_group(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Original Characters: House Elves", "Hufflepuffs (OCs)": a group whose original
        characters the fandom file names as a group of their own ("original house elves")."""
        words = name_key(written).split()
        marks = [w for w in words if w in _ORIGINAL]
        if not context or not marks:
            return frozenset()
        rest = " ".join(w for w in words if w not in _ORIGINAL and w not in _CHARACTER_WORDS)
        keys = {f"original {rest}", f"{rest} oc", f"{rest} ocs", f"oc {rest}"}
        groups = self._look.groups_in_context(context)
        found = frozenset(g.position for g in groups if keys.intersection(g.keywords))
        if found or not rest or rest in self._owners(context)[0]:
            return found
        # "Professor OCs", "original student character", "Death Eater OCs": one of a group
        # named by it or its plural ("professors"), where the group has no original
        # characters of its own
        plural = {rest, f"{rest}s", f"{rest}es"}
        originals = {f"original {p}" for p in plural}  # "sprite OC": the original sprites
        for keys in (originals, plural):
            found = frozenset(g.position for g in groups if keys.intersection(g.keywords))
            if found:
                return found
        return found

    def group_exactly(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Slytherin OCs": the whole tag is a group keyword (before "OCs" alone is read)."""
        if not context:
            return frozenset()
        groups = self._look.groups_in_context(context)
        return frozenset(g.position for g in groups if plain in g.keywords)


def _number_of(word: str, known: frozenset[str]) -> str:
    """``word`` as the known word that is its plural or singular, else as it is."""
    for other in (f"{word}s", word[:-1] if word.endswith("s") else ""):
        if other and other in known and word not in known:
            return other
    return word
