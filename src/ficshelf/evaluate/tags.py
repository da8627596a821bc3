"""How well the wrangler maps written tags onto canonical ones, measured on a
"canonical,synonym1,synonym2,..." table (AO3's own wrangling is the answer key).

- mapped: a synonym resolved to its row's canonical;
- miss: it resolved to nothing (left for review: safe);
- false merge: it resolved to a *different* canonical of the table (two tags made one: the
  error that matters most).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from ficshelf.errors import UnreadableFile
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

_HEADERS = frozenset({"canonical", "canonical_tag", "canonical tag", "tag"})


@dataclass(frozen=True, slots=True)
class Outcome:
    canonical: str
    synonym: str
    got: str | None


@dataclass(frozen=True, slots=True)
class SynonymReport:
    path: str
    fandom: str | None
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
            f"{self.path} (fandom in context: {self.fandom or 'none'})",
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


def read_synonym_table(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Rows of (canonical, synonyms) from a "canonical,synonym1,..." CSV."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(path), f"cannot read synonym table: {error}") from error
    if rows and rows[0] and rows[0][0].strip().casefold() in _HEADERS:
        rows = rows[1:]
    return [
        (row[0].strip(), tuple(c.strip() for c in row[1:] if c.strip()))
        for row in rows
        if row and row[0].strip()
    ]


def evaluate_synonym_table(
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
    mapped = 0
    misses: list[Outcome] = []
    false_merges: list[Outcome] = []
    for canonical, synonyms in rows:
        for synonym in synonyms:
            match = resolver.resolve(synonym, context)
            got = match.character.name if match.character else None
            if got is not None and got == expected[canonical]:
                mapped += 1
            elif got is not None and got in table_names:
                false_merges.append(Outcome(canonical, synonym, got))
            else:
                misses.append(Outcome(canonical, synonym, got))
    return SynonymReport(
        path=str(path),
        fandom=fandom,
        canonicals=len(rows),
        canonicals_known=sum(1 for name in expected.values() if name),
        synonyms=sum(len(s) for _, s in rows),
        mapped=mapped,
        misses=tuple(misses),
        false_merges=tuple(false_merges),
    )


def _expected_name(canonical: str, match: object) -> str | None:
    character = getattr(match, "character", None)
    return None if character is None else str(character.name)
