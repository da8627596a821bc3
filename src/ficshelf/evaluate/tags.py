"""How well the wrangler maps written tags onto canonical ones, measured on AO3's own
wrangling as the answer key. Three kinds of table are read (the kind is told by its shape):

- characters, "canonical,synonym1,synonym2,..." (canonicals are characters we know);
- freeforms, the same layout with freeform canonicals;
- relationships, a "hasParticipant..." header, the participant, then one relationship tag per
  row: each tag must be read as a relationship that has the participant in it.

- mapped: a synonym resolved to its row's canonical (a relationship: includes the participant);
- miss: it resolved to nothing (left for review: safe);
- false merge: it resolved to a *different* canonical of the table (two tags made one: the
  error that matters most); for relationships, every name was read but not the participant.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ficshelf.errors import UnreadableFile
from ficshelf.wrangle.character_freeforms import (
    character_freeform,
    fandom_of_character_freeform,
)
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.freeforms import known_freeform
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.relationships import read_pairing

_HEADERS = frozenset({"canonical", "canonical_tag", "canonical tag", "tag"})
_PARTICIPANT_HEADER = "hasparticipant"


@dataclass(frozen=True, slots=True)
class Outcome:
    canonical: str
    synonym: str
    got: str | None


@dataclass(frozen=True, slots=True)
class SynonymReport:
    path: str
    fandom: str | None
    kind: str
    canonicals: int
    canonicals_known: int
    synonyms: int
    mapped: int
    misses: tuple[Outcome, ...]
    false_merges: tuple[Outcome, ...]

    @property
    def share_mapped(self) -> float:
        return self.mapped / self.synonyms if self.synonyms else 0.0

    @property
    def share_false_merges(self) -> float:
        return len(self.false_merges) / self.synonyms if self.synonyms else 0.0

    def to_json(self) -> str:
        data = asdict(self)
        data["share_mapped"] = round(self.share_mapped, 4)
        data["share_false_merges"] = round(self.share_false_merges, 4)
        return json.dumps(data, ensure_ascii=False, indent=1)

    def to_text(self, show: int = 20) -> str:
        lines = [
            f"{self.path} ({self.kind}; fandom in context: {self.fandom or 'none'})",
            f"canonicals known: {self.canonicals_known}/{self.canonicals}",
            f"synonyms mapped: {self.mapped}/{self.synonyms} = {self.share_mapped:.1%}",
            f"false merges: {len(self.false_merges)} = {self.share_false_merges:.2%}",
            f"misses: {len(self.misses)}",
        ]
        lines += [
            f"  FALSE MERGE {o.synonym!r} -> {o.got} (is {o.canonical})"
            for o in self.false_merges[:show]
        ]
        lines += [f"  miss {o.synonym!r} (is {o.canonical})" for o in self.misses[:show]]
        return "\n".join(lines)


@dataclass(slots=True)
class _Tally:
    """Each synonym's verdict, counted alike by every kind of table; each evaluator decides
    what is right and what is a false merge for its own kind."""

    mapped: int = 0
    misses: list[Outcome] = field(default_factory=list)
    false_merges: list[Outcome] = field(default_factory=list)

    def count(self, outcome: Outcome, *, right: bool, merged_wrongly: bool) -> None:
        if right:
            self.mapped += 1
        elif merged_wrongly:
            self.false_merges.append(outcome)
        else:
            self.misses.append(outcome)

    def report(
        self,
        path: Path,
        *,
        fandom: str | None,
        kind: str,
        canonicals: int,
        canonicals_known: int,
        synonyms: int,
    ) -> SynonymReport:
        return SynonymReport(
            path=str(path),
            fandom=fandom,
            kind=kind,
            canonicals=canonicals,
            canonicals_known=canonicals_known,
            synonyms=synonyms,
            mapped=self.mapped,
            misses=tuple(self.misses),
            false_merges=tuple(self.false_merges),
        )


def read_synonym_table(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Rows of (canonical, synonyms) from a "canonical,synonym1,..." CSV."""
    rows = _read_rows(path)
    if rows and rows[0] and rows[0][0].strip().casefold() in _HEADERS:
        rows = rows[1:]
    return [
        (row[0].strip(), tuple(c.strip() for c in row[1:] if c.strip()))
        for row in rows
        if row and row[0].strip()
    ]


def _read_rows(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(path), f"cannot read tag table: {error}") from error


TABLE_KINDS = ("characters", "freeforms", "relationships")
# How a canonical reads when it is a character's own name (or a group's), not a tag that only
# mentions someone ("Harry Potter Needs a Hug" reads as Harry, but not by these).
_BY_NAME = ("name as written", "name without asides", "known name", "group name")


def evaluate_synonym_table(
    path: Path, kb: KnowledgeBase | None = None, fandom: str | None = None, kind: str | None = None
) -> SynonymReport:
    """Evaluate a table of one of the three kinds (see the module's docstring), ``kind`` or
    else told from the table; ``fandom`` defaults to the table's own (the fandom most of its
    characters belong to)."""
    kb = kb if kb is not None else KnowledgeBase.default()
    path = Path(path)
    kind = kind or table_kind(path, kb)
    if kind == "relationships":
        return evaluate_relationship_list(path, kb, fandom)
    if kind == "freeforms":
        return evaluate_freeform_table(path, kb, fandom)
    return evaluate_character_table(path, kb, fandom)


def table_kind(path: Path, kb: KnowledgeBase) -> str:
    """Relationships by their header; characters when most canonicals are characters' own
    names; freeforms otherwise."""
    rows = _read_rows(path)
    if rows and rows[0] and rows[0][0].strip().casefold().startswith(_PARTICIPANT_HEADER):
        return "relationships"
    table = read_synonym_table(path)
    resolver = resolver_for(kb)
    named = sum(
        1
        for canonical, _ in table
        if (match := resolver.resolve(canonical)).character and match.how.startswith(_BY_NAME)
    )
    return "freeforms" if table and named * 2 < len(table) else "characters"


def evaluate_freeform_table(
    path: Path, kb: KnowledgeBase | None = None, fandom: str | None = None
) -> SynonymReport:
    """Fold every synonym of a freeform table; a fold onto another row's canonical is a
    false merge. ``fandom`` (default: the fandom of the characters the canonicals are about,
    when there is one) is in context for freeforms about a character ("Good Draco Malfoy")."""
    kb = kb if kb is not None else KnowledgeBase.default()
    rows = read_synonym_table(Path(path))
    resolver = resolver_for(kb)
    if fandom is None:
        about = Counter(fandom_of_character_freeform(c, resolver) for c, _ in rows)
        about.pop(None, None)
        fandom = about.most_common(1)[0][0] if about else None
    context = frozenset({fandom}) if fandom else frozenset()

    def fold(written: str) -> str | None:
        found = known_freeform(written, kb) or character_freeform(written, resolver, context)
        return None if found is None else found[0]

    canonicals = {canonical for canonical, _ in rows}
    known_rows = sum(1 for canonical, _ in rows if fold(canonical))
    tally = _Tally()
    for canonical, synonyms in rows:
        expected = fold(canonical) or canonical
        for synonym in synonyms:
            got = fold(synonym)
            tally.count(
                Outcome(canonical, synonym, got),
                right=got is not None and got == expected,
                merged_wrongly=got is not None and got in canonicals,
            )
    return tally.report(
        path,
        fandom=fandom,
        kind="freeforms",
        canonicals=len(rows),
        canonicals_known=known_rows,
        synonyms=sum(len(s) for _, s in rows),
    )


def evaluate_relationship_list(
    path: Path, kb: KnowledgeBase | None = None, fandom: str | None = None
) -> SynonymReport:
    """Read every relationship tag of a "hasParticipant" list; the participant (the file's
    first name) must be among the characters read from each."""
    kb = kb if kb is not None else KnowledgeBase.default()
    resolver = resolver_for(kb)
    rows = [row[0].strip() for row in _read_rows(Path(path))[1:] if row and row[0].strip()]
    if not rows:
        raise UnreadableFile(str(path), "no participant in relationship list")
    participant, tags = rows[0], rows[1:]
    who = resolver.resolve(participant).character
    fandom = fandom or (who.fandom if who else None)
    context = frozenset({fandom}) if fandom else frozenset()
    expected = who.name if who else participant
    tally = _Tally()
    for tag in tags:
        names = _relationship_members(tag, kb, context)
        got = "/".join(n or "?" for n in names) if names else None
        tally.count(
            Outcome(expected, tag, got),
            right=expected in names,
            merged_wrongly=bool(names) and all(names),
        )
    return tally.report(
        path,
        fandom=fandom,
        kind="relationships",
        canonicals=1,
        canonicals_known=int(who is not None),
        synonyms=len(tags),
    )


def _relationship_members(tag: str, kb: KnowledgeBase, context: frozenset[str]) -> list[str | None]:
    """The canonical names read from one relationship tag (None for a name not read)."""
    pairing = read_pairing(tag, kb, context)
    if pairing is None:
        return []
    if pairing.members:
        return list(pairing.members)
    resolver = resolver_for(kb)
    found = [resolver.resolve(person, context).character for person in pairing.people]
    return [c.name if c else None for c in found]


def evaluate_character_table(
    path: Path, kb: KnowledgeBase | None = None, fandom: str | None = None
) -> SynonymReport:
    """Resolve every synonym of a character table; ``fandom`` defaults to the table's own
    (the fandom most of its canonicals belong to), as the wrangler would have it in context."""
    kb = kb if kb is not None else KnowledgeBase.default()
    resolver = resolver_for(kb)
    rows = read_synonym_table(Path(path))
    canon = {c: resolver.resolve(c) for c, _ in rows}
    if fandom is None:
        fandoms = Counter(m.character.fandom for m in canon.values() if m.character)
        fandom = fandoms.most_common(1)[0][0] if fandoms else None
    context = frozenset({fandom}) if fandom else frozenset()
    expected = {c: _expected_name(c, resolver.resolve(c, context)) for c, _ in rows}
    table_names = {name for name in expected.values() if name}
    tally = _Tally()
    for canonical, synonyms in rows:
        for synonym in synonyms:
            match = resolver.resolve(synonym, context)
            got = match.character.name if match.character else None
            tally.count(
                Outcome(canonical, synonym, got),
                right=got is not None and got == expected[canonical],
                merged_wrongly=got is not None and got in table_names,
            )
    return tally.report(
        path,
        fandom=fandom,
        kind="characters",
        canonicals=len(rows),
        canonicals_known=sum(1 for name in expected.values() if name),
        synonyms=sum(len(s) for _, s in rows),
    )


def _expected_name(canonical: str, match: object) -> str | None:
    character = getattr(match, "character", None)
    return None if character is None else str(character.name)
