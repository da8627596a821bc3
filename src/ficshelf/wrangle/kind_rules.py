"""Kind rules: tags for an original character rather than a canon one. A name with an aside
saying it is one ("Tom (OMC)", "Luna (OFC)") is the original character, however canon the name
sounds; an original character said to be a woman or a man ("Female OC", "OCs (female)") is the
fandom's original female or male character.
"""

from __future__ import annotations

from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.wrapped_rules import WrappedRules

# Words saying an original character is a woman or a man ("Female OC", "OC (boy)").
_SAID = (
    ("female", frozenset({"female", "woman", "girl", "fem"})),
    ("male", frozenset({"male", "man", "boy"})),
)


class KindRules:
    """The readings of a tag as a kind of character (an original character)."""

    def __init__(self, look: Lookups, wrapped: WrappedRules) -> None:
        self._look = look
        self._wrapped = wrapped

    def said_in_aside(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Tom (OMC)": the kind an aside names, unless the tag names a group the person is
        one of ("Caro the House Elf (OC)" is an original of the house elves)."""
        look = self._look
        _base, asides = split_asides(written)
        found = frozenset(
            i for aside in asides for i in look.lookup("strong", name_key(aside)) & look.kinds
        )
        if len(found) != 1:
            return frozenset()
        named = self._wrapped.in_pieces(written, context) - look.kinds
        if any(look.index.characters[i].keywords for i in named):
            return frozenset()
        return self.gendered(found, written)

    def gendered(self, kind: frozenset[int], written: str) -> frozenset[int]:
        """The original female or male character of the kind's fandom when the tag says
        which ("Female OC"), if the fandom has one; else ``kind``."""
        if len(kind) != 1 or not kind <= self._look.kinds:
            return kind
        words = set(name_key(written).split())
        fandom = self._look.index.characters[next(iter(kind))].fandom
        for gender, said in _SAID:
            if words & said:
                narrower = frozenset(
                    i
                    for i in self._look.lookup("strong", f"original {gender} character")
                    if self._look.index.characters[i].fandom == fandom
                )
                return narrower if len(narrower) == 1 else kind
        return kind
