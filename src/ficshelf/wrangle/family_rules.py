"""Family rules: a name that says which family but not plainly which member ("Malfoy",
"Mrs. Lupin", "Hadrian Potter", "Alice Prewett", "Remus Lupin's mum"), read from the
fandom files' family names, kin and fanon names. The pure readings over the family tables
are ``families``' and ``name_parts``'; these rules add the context and refuse a reading
that someone else's name would explain as well.
"""

from __future__ import annotations

from collections.abc import Callable

from ficshelf.wrangle.english import given_name_gender, ordinary_word
from ficshelf.wrangle.families import head_of, renamed_member, rival_member, tied_by_kin
from ficshelf.wrangle.group_rules import GroupRules
from ficshelf.wrangle.kb import Character
from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.loose import given_with_other_family, titled
from ficshelf.wrangle.name_parts import bearers, match_parts
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.written import (
    TAG_KIND_SUFFIX,
    kin_of,
    name_words,
    plain_name,
    title_and_family,
)

_MAX_PART_EDITS = 3
_MAX_QUALIFIERS = 2

# Reads a written name in a context, as the resolver reads any tag: the character (None for
# no one) and how. Kin are named after their owner ("Remus Lupin's mum"), whose name is read
# like any other.
ReadName = Callable[[str, frozenset[str]], tuple[Character | None, str]]


class FamilyRules:
    """The readings of a tag by family name, title and kin of the fandoms in context."""

    def __init__(self, look: Lookups, groups: GroupRules, read: ReadName) -> None:
        self._look = look
        self._groups = groups
        self._read = read

    def _resolve(self, written: str, context: frozenset[str]) -> Character | None:
        return self._read(written, context)[0]

    def weak(self, cleaned: str, context: frozenset[str], written: str = "") -> frozenset[int]:
        """A lone given or family name; not a group's anchor word ("Slytherin": the founder
        or the house?). A family name the fandom file says means one character or group
        ("Malfoy": Draco, "Dursley": the family) means it when several share it, unless a
        title says which ("Mentioned Mrs Zabini")."""
        found = self._look.lookup("weak", cleaned)
        if context and len(found & self._look.allowed(context)) > 1:
            meant = self._family_name(cleaned, context, written) or self.namesake(
                found & self._look.allowed(context)
            )
            if meant:
                return meant
        if (
            context
            and cleaned in self._look.anchors(context)
            and not TAG_KIND_SUFFIX.search(written)
        ):
            return frozenset()  # "Hufflepuff - Character" is Helga, "Hufflepuff" the house too
        return found

    def namesake(self, ids: frozenset[int]) -> frozenset[int]:
        """Of characters sharing a given name and a family name, the one named after no one:
        "James" is James Potter, not his grandson James Sirius Potter."""
        families = {self._look.index.parts.surname.get(i) for i in ids}
        family = families.pop()
        if families or family is None:
            return frozenset()
        return self._plainest(ids, family)

    def _family_name(self, cleaned: str, context: frozenset[str], written: str) -> frozenset[int]:
        """Whom the fandom files say a lone family name means; a family group only for the
        bare name ("Good!Dursley" is one Dursley, not the family)."""
        titles = name_words().titles
        if any(t in titles for t in plain_name(written).split()):
            return frozenset()
        found: set[int] = set()
        for name in context:
            fandom = self._look.kb.fandom_named(name)
            meant = fandom.family_names.get(cleaned) if fandom is not None else None
            position = self._look.index.by_name.get(meant) if meant is not None else None
            if position is None or self._look.index.characters[position].fandom != name:
                continue
            if "!" not in written or not self._look.index.characters[position].keywords:
                found.add(position)
        return frozenset(found)

    def titled(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Mrs. Lupin": in context, the one Lupin who is a woman; never without a fandom.
        A title that says nothing of gender ("Professor Lupin", "Auror Potter") leaves a
        shared family name to whom the fandom file says it means (a person, not a group)."""
        if not context:
            return frozenset()
        found = self._look.guard(
            titled(plain, self._look.index, self._look.allowed(context)), plain, context
        )
        title_family = title_and_family(plain)
        if len(found) > 1 and title_family is not None and title_family[0] is None:
            meant = self._family_name(title_family[1], context, "")
            if meant and not any(self._look.index.characters[i].keywords for i in meant):
                return meant
        gender, family = title_family if title_family is not None else (None, "")
        if not found and not self._look.index.family.get(family):
            found = self._goes_by(family, gender, context)  # "Mr Olivander"
        if gender is not None:
            if len(found) > 1 and plain.split()[0] in name_words().young_titles:
                return self._young_of(found, family)  # "Miss Granger": not her mother
            if len(found) > 1:
                return head_of(found, family, self._look.index.families) or found
            if not found:
                return self._parent_of_dominant(family, gender, context)
        return found

    def _young_of(self, found: frozenset[int], family: str) -> frozenset[int]:
        """Of several members a title fits, the one who is not a head of the family."""
        heads = self._look.index.families.heads.get(family, frozenset())
        young = found - heads
        return young if len(young) == 1 else found

    def _goes_by(self, family: str, gender: str | None, context: frozenset[str]) -> frozenset[int]:
        """The one character of ``gender`` who goes by a family name no canonical name has
        (an alias's spelling, a maiden name: see ``name_parts``)."""
        ids = self._look.index.parts.by_family.get(family, frozenset()) & self._look.allowed(
            context
        )
        found = frozenset(
            i for i in ids if gender is None or self._look.index.characters[i].gender == gender
        )
        return found if len(found) == 1 else frozenset()

    def _parent_of_dominant(
        self, family: str, gender: str, context: frozenset[str]
    ) -> frozenset[int]:
        """ "Mama Scamander": no Scamander woman is known by name, but the one the family
        name means (Newt) has a mother in the fandom file."""
        kinds = {"mother"} if gender == "f" else {"father"}
        found: set[int] = set()
        for position in self._dominant(family, context):
            for kind, name in self._look.index.characters[position].kin:
                parent = self._look.index.by_name.get(name)
                if kind in kinds and parent is not None:
                    found.add(parent)
        return frozenset(found) & self._look.allowed(context)

    def _members(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The people (not groups) of a family in the fandoms in context."""
        ids = self._look.index.family.get(family, frozenset()) & self._look.allowed(context)
        return frozenset(i for i in ids if not self._look.index.characters[i].keywords)

    def _meant(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The person the fandom file says a family name means alone (not a family group)."""
        meant = self._family_name(family, context, "")
        return frozenset(i for i in meant if not self._look.index.characters[i].keywords)

    def _dominant(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The one person a family name means alone: the fandom file's, or its only member."""
        meant = self._meant(family, context)
        if meant:
            return meant
        members = self._members(family, context)
        return members if len(members) == 1 else frozenset()

    def renamed(self, written: str, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Hadrian Potter", "Severina Snape", "Cordelia Zabini": a known family name after
        a given name no character of the fandom has (see ``families.renamed_member``); after
        two family names, the one character who goes by both ("Aradia Potter-Peverell"). A
        title in an aside says which member instead ("Helen (Mama) Scamander", "Maeve Lupin
        (Mrs. Lupin)")."""
        tokens = cleaned.split()
        if not 2 <= len(tokens) <= 3:
            return frozenset()
        given, family = tokens[0], tokens[-1]
        titles = name_words().titles
        for aside in split_asides(written)[1]:
            words = name_key(aside).split()
            if words and words[0] in titles:
                titled_as = " ".join(words) if len(words) > 1 else f"{words[0]} {family}"
                return self.titled(titled_as, context)
        if len(tokens) > 2 and self._look.lookup("strong", " ".join(tokens[1:])):
            return frozenset()  # "Azkaban Sirius Black": a word before a full name
        if len(tokens) > 2 and self._unknown_given(given, context):
            found = bearers(tokens[1:], self._look.index.parts, self._look.allowed(context))
            if len(found) == 1:  # "Aradia Potter-Peverell": the one who goes by both
                return self._look.guard(found, cleaned, context)
        if not all(self._unknown_given(t, context) for t in tokens[:-1]):
            return frozenset()  # "Barty-as-Moody", "Holly Lily Potter"
        members = self._members(family, context)
        if not members:
            return frozenset()
        kin = self._look.index.families.kin_of_family.get(family, frozenset()) & self._look.allowed(
            context
        )
        found = renamed_member(
            given,
            members,
            self._look.index.unnamed,
            self._meant(family, context),
            self._look.index.families,
            kin,
            self._of_other_gender(given, members | kin),
        )
        if len(found) > 1:
            found = self._plainest(found, family)
        if not found or self._look.contains_other_name(cleaned, found):
            return frozenset()
        return self._look.guard(found, cleaned, context)

    def _of_other_gender(self, given: str, ids: frozenset[int]) -> frozenset[int]:
        """The characters of ``ids`` whose gender is not the one ``given`` is commonly
        ("charlotte": the men), unless it is a given name they go by, their own or fanon
        ("Harriet" for Harry)."""
        gender = given_name_gender(given)
        if gender is None:
            return frozenset()
        index = self._look.index
        own, fanon = index.families.given_of, index.parts.given
        return frozenset(
            i
            for i in ids
            if index.characters[i].gender not in (None, gender)
            and given not in own.get(i, ())
            and given not in fanon.get(i, frozenset())
        )

    def by_parts(
        self, cleaned: str, context: frozenset[str], loose: bool = False
    ) -> frozenset[int]:
        """ "Hadrian Black", "Harry Snape", "Rose Granger": a given name and family name(s) the
        character goes by (see ``name_parts``); ``loose`` forgives typos and a family name's
        beginning ("roneld wesly", "james pot") when one character needs fewer edits than
        anyone else. Of several named alike, the plainest ("james pot": James Potter)."""
        tokens = cleaned.split()
        found = match_parts(tokens, self._look.index.parts, self._look.allowed(context), loose)
        if found is None:
            return frozenset()
        if loose and (found.edits > _MAX_PART_EDITS or (len(tokens) > 2 and found.edits > 1)):
            return frozenset()
        ids = self.namesake(found.ids) if len(found.ids) > 1 else found.ids
        if not ids or self._look.contains_other_name(self._without_own_middle(tokens, ids), ids):
            return frozenset()
        return self._look.guard(ids, cleaned, context) if found.edits else ids

    def _without_own_middle(self, tokens: list[str], ids: frozenset[int]) -> str:
        """The tokens without a middle name the character has ("Hadrian James Potter": Harry's
        middle name and family name are James Potter's name, not James Potter)."""
        middles = set().union(*(self._look.index.parts.middle.get(i, ()) for i in ids))
        kept = [t for position, t in enumerate(tokens[:-1]) if not position or t not in middles]
        return " ".join([*kept, tokens[-1]])

    def _plainest(self, ids: frozenset[int], family: str) -> frozenset[int]:
        """Of several members sharing a given name, the one whose name is just that given
        name and ``family`` (James Potter, not James Sirius Potter)."""
        given_of = self._look.index.families.given_of
        keys = {f"{given} {family}" for i in ids for given in given_of.get(i, ())}
        found = frozenset(i for key in keys for i in self._look.index.strong.get(key, ())) & ids
        return found if len(found) == 1 else frozenset()

    def _unknown_given(self, word: str, context: frozenset[str]) -> bool:
        """A word that reads as a given name no character of the fandom has: not a known
        name or alias, nor an ordinary word ("Happy Potter", "Dead Malfoy")."""
        if not word.isalpha() or len(word) < 2:
            return False
        allowed = self._look.allowed(context)
        index = self._look.index
        for table in (index.given, index.family, index.strong, index.weak):
            if table.get(word, frozenset()) & allowed:
                return False
        vocab = name_words()
        if word in vocab.titles or word in vocab.people_words or word in vocab.relations:
            return False
        return not ordinary_word(word)

    def given_name(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Alice Prewett" -> Alice Longbottom; also by a fanon given name of one character
        only, with a family name no one in the fandom goes by ("Hadrian Smith" -> Harry
        Potter; "Hadrian Zabini" may be a Zabini). Asked last (see ``loose``)."""
        allowed = self._look.allowed(context)
        index = self._look.index
        found = given_with_other_family(cleaned, index, allowed)
        tokens = cleaned.split()
        if not found and tokens and not self._known_family(tokens[-1], context):
            found = given_with_other_family(cleaned, index, allowed, index.parts.by_given)
        if not found and tokens:
            found = given_with_other_family(cleaned, index, allowed, self._kin_namesake(tokens))
        if not found or self._look.index.characters[next(iter(found))].gender is None:
            return frozenset()
        if self._look.contains_other_name(cleaned, found):
            return frozenset()  # "Henry James Potter": someone else's full name inside
        middle = self._look.index.parts.middle
        if any(tokens[0] in middle.get(i, ()) for i in self._members(tokens[-1], context)):
            return frozenset()  # "John Lupin": Remus John Lupin's middle name, not John Dawlish
        rival = rival_member(
            tokens[0],
            self._members(tokens[-1], context),
            self._dominant(tokens[-1], context),
            self._look.index.families,
        )
        if rival - found and not tied_by_kin(
            next(iter(found)), tokens[1:], self._look.index.families
        ):
            return frozenset()  # "Hope Potter": Hope Lupin married, or Harry renamed?
        return self._look.guard(found, cleaned, context)

    def _kin_namesake(self, tokens: list[str]) -> dict[str, frozenset[int]]:
        """Of several characters with the given name ``tokens[0]``, the one whose kin bear a
        family name written after it ("Rose Granger-Malfoy": Rose Weasley, whose mother is a
        Granger, not Rose Zeller); none when not exactly one is."""
        index = self._look.index
        sharing = index.given.get(tokens[0], frozenset())
        tied = frozenset(i for i in sharing if tied_by_kin(i, tokens[1:], index.families))
        return {tokens[0]: tied} if len(sharing) > 1 and len(tied) == 1 else {}

    def qualified_family(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Happy Potter", "Cattleya Potter", "Colossal Squid": ordinary words before a family
        name the fandom file says means one person, or before the last word of the one
        character named by a description, are a label or a pun on that person, as a lone
        family name is. Not a word that says which generation or which relative ("Elder
        Malfoy", "Papa Malfoy"), nor any word of anyone's name ("Hope Potter": Hope Lupin
        married?)."""
        *head, family = cleaned.split() or [""]
        if not head or len(head) > _MAX_QUALIFIERS:
            return frozenset()
        if not all(self._labels(word, context) for word in head):
            return frozenset()
        meant = self._meant(family, context)
        if meant:
            return meant
        members = self._members(family, context)
        return members if len(members) == 1 and self._epithet(next(iter(members))) else frozenset()

    def _epithet(self, position: int) -> bool:
        """Whether a character's name is a description ("Giant Squid", "The Bloody Baron"):
        other words before its last one say what it is, where a person's given name would
        say who ("Rye Prince" may be a Prince no book names, not Eileen)."""
        name = split_asides(self._look.index.characters[position].name)[0]
        *head, _last = name_key(name).split() or [""]
        return bool(head) and all(w in name_words().fillers or ordinary_word(w) for w in head)

    def _labels(self, word: str, context: frozenset[str]) -> bool:
        """Whether ``word`` is an ordinary word that can only describe someone, and no name
        of anyone in the fandoms in context ("Happy" may be a name elsewhere)."""
        vocab = name_words()
        generation_words = {w for phrase in vocab.generations for w in phrase}
        if word in generation_words or word in vocab.titles or word in vocab.kin:
            return False
        if word in vocab.relations or word in vocab.people_words or word in vocab.fillers:
            return False
        index, allowed = self._look.index, self._look.allowed(context)
        for table in (index.given, index.family, index.weak):
            if table.get(word, frozenset()) & allowed:
                return False
        return ordinary_word(word)

    def _known_family(self, word: str, context: frozenset[str]) -> bool:
        """Whether anyone in the fandoms in context has or goes by the family name ``word``."""
        index, allowed = self._look.index, self._look.allowed(context)
        return bool(
            (index.family.get(word, frozenset()) | index.parts.by_family.get(word, frozenset()))
            & allowed
        )

    def fanon_given(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Siri", "Nev", "Trixie": a given name fan fiction gives one character (the fandom
        file's fanon names), written alone; asked after the canon names, so "Teddy" stays
        Teddy Lupin though fans call Theodore Nott so too. Not a name of the other gender
        ("Holly", "Harriet"): alone, that is as likely someone new as a genderbent Harry."""
        if not context or " " in cleaned:
            return frozenset()
        found = self._look.index.parts.by_given.get(cleaned, frozenset()) & self._look.allowed(
            context
        )
        if len(found) != 1:
            return frozenset()  # shared, it names no one
        gender = given_name_gender(cleaned)
        own = self._look.index.characters[next(iter(found))].gender
        return found if gender is None or own in (gender, None) else frozenset()

    def kin_in_aside(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "John Lupin (Remus' Father)", "Lily Potter (Harry's daughter)": an aside naming
        someone's relative says whom the tag means, when the name before it is all names of
        theirs or names no one plainly; not when it names someone else ("Severus Snape
        (Harry's father)" is Snape in an AU where he is)."""
        base, asides = split_asides(written)
        if not context or not asides:
            return frozenset()
        found = {i for aside in asides if len(ids := self.kin(aside, context)) == 1 for i in ids}
        if len(found) != 1:
            return frozenset()
        meant = next(iter(found))
        parts = self._look.index.parts
        own = parts.given.get(meant, frozenset()) | parts.family.get(meant, frozenset())
        if set(name_key(base).split()) <= own:  # a namesake of the one the name is
            return frozenset(found)
        named, how = self._read(base, context)
        return frozenset(found) if named is None or how == "name mentioned" else frozenset()

    def kin(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Remus Lupin's mum" -> Hope Lupin, "Harry Potter's Owl" -> Hedwig (the fandom file's
        kin of the owner); "Tom Riddle's diary" -> Diary Tom Riddle (a canonical named "<thing>
        <owner>"), "Snape's portrait" -> Snape when there is none (as "Portrait Snape" is).
        Only with a fandom in context: kin is canon knowledge."""
        found = kin_of(written) if context else None
        if found is None:
            return frozenset()
        owner_text, word = found
        owner = self._resolve(owner_text, context)
        if owner is None or owner.keywords:
            return frozenset()
        kind = name_words().kin.get(word)
        if kind == "family":
            return self._groups.family_group(name_key(owner.name).split()[-1], owner.fandom)
        target = dict(owner.kin).get(kind) if kind is not None else None
        if target is not None:
            position = self._look.index.by_name.get(target)
            if position is None or self._look.index.characters[position].fandom != owner.fandom:
                return frozenset()
            return frozenset({position})
        if word not in name_words().owned_forms:
            return frozenset()
        named = self._look.lookup("strong", name_key(f"{word} {owner.name}"))
        if named or (word,) not in name_words().leading:
            return named
        return self._look.ids_of(owner)  # "Portrait Albus Dumbledore" is read as Dumbledore too
