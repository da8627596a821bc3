"""``ficshelf eval headers DIR``: how well ficshelf reads headers, field by field.

DIR holds one folder per case with ``story.txt`` and ``expected.json`` (what a careful reader
gets from the header). Each case is inspected exactly as ``ficshelf inspect`` would, and every
expected field is compared with the record:

- ``*_alt`` keys give accepted alternatives for a field;
- tag fields (fandoms, relationships, characters, freeforms) compare as sets, and an expected
  value matches a tag when it is the tag's canonical name, the form the file wrote, or a form the
  knowledge base wrangles to that canonical (expected "Shikamaru/Temari" = "Nara Shikamaru/Temari");
- ``words`` is compared with the count the file states when it states one, else the counted one;
- ``body_starts_with`` is a prefix of the story text proper; ``rating_raw`` is the rating as
  written; ``encoding`` compares codec names (``cp1252`` = ``windows-1252``).
"""

from __future__ import annotations

import codecs
import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ficshelf.errors import FicshelfError
from ficshelf.library.discover import StoryBytes
from ficshelf.library.importer import read_story
from ficshelf.model import RawWork, TagRef, TagType, Work
from ficshelf.record import Record, work_record
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase

STORY_FILE = "story.txt"
EXPECTED_FILE = "expected.json"
ALT_SUFFIX = "_alt"

TAG_FIELDS: Mapping[str, TagType] = {
    "fandoms": TagType.FANDOM,
    "relationships": TagType.RELATIONSHIP,
    "characters": TagType.CHARACTER,
    "freeforms": TagType.FREEFORM,
}
_UNORDERED_FIELDS = frozenset({"authors", "warnings", "categories"})


@dataclass(frozen=True, slots=True)
class Miss:
    case: str
    field: str
    expected: object
    got: object


@dataclass(slots=True)
class FieldScore:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(slots=True)
class HeadersReport:
    cases: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def overall(self) -> FieldScore:
        return FieldScore(
            sum(score.right for score in self.fields.values()),
            sum(score.total for score in self.fields.values()),
        )

    def as_json(self) -> dict[str, object]:
        def score(value: FieldScore) -> dict[str, object]:
            return {
                "right": value.right,
                "total": value.total,
                "accuracy": round(value.accuracy, 4),
            }

        return {
            "cases": self.cases,
            "overall": score(self.overall),
            "fields": {name: score(value) for name, value in sorted(self.fields.items())},
            "misses": [
                {"case": m.case, "field": m.field, "expected": m.expected, "got": m.got}
                for m in self.misses
            ],
            "errors": self.errors,
        }


def evaluate_headers(directory: Path, kb: KnowledgeBase | None = None) -> HeadersReport:
    """Score every case folder under ``directory`` (sorted by name)."""
    if not directory.is_dir():
        raise FicshelfError(f"{directory}: not a folder of header cases")
    kb = kb or KnowledgeBase.default()
    report = HeadersReport()
    for case in sorted(path for path in directory.iterdir() if (path / EXPECTED_FILE).is_file()):
        report.cases += 1
        _score_case(case, kb, report)
    return report


def _score_case(case: Path, kb: KnowledgeBase, report: HeadersReport) -> None:
    expected = _load_expected(case)
    story_path = case / STORY_FILE
    try:
        work: Work | None = read_story(StoryBytes(str(story_path), story_path.read_bytes(), None))
    except (FicshelfError, OSError) as error:
        report.errors.append(f"{case.name}: {error}")
        work = None
    for name, value in expected.items():
        if name.endswith(ALT_SUFFIX):
            continue
        accepted = [value, *_alternatives(expected.get(name + ALT_SUFFIX), value)]
        right, got = _compare(name, accepted, work, kb) if work else (False, None)
        score = report.fields.setdefault(name, FieldScore())
        score.total += 1
        if right:
            score.right += 1
        else:
            report.misses.append(Miss(case.name, name, value, got))


def _load_expected(case: Path) -> dict[str, Any]:
    try:
        data = json.loads((case / EXPECTED_FILE).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise FicshelfError(f"{case / EXPECTED_FILE}: cannot read: {error}") from error
    if not isinstance(data, dict):
        raise FicshelfError(f"{case / EXPECTED_FILE}: not a JSON object")
    return data


def _alternatives(alt: object, value: object) -> list[object]:
    """``x_alt`` is one alternative, or a list of them (for list fields: a list of lists)."""
    if alt is None:
        return []
    if isinstance(value, list):
        if isinstance(alt, list) and alt and all(isinstance(item, list) for item in alt):
            return list(alt)
        return [alt]
    return list(alt) if isinstance(alt, list) else [alt]


def _compare(
    name: str, accepted: Sequence[object], work: Work, kb: KnowledgeBase
) -> tuple[bool, object]:
    """Whether any accepted value matches, and what ficshelf got (for the miss list)."""
    record = work_record(work)
    if name in TAG_FIELDS:
        tags: tuple[TagRef, ...] = getattr(work, name)
        context = _fandom_context(record)
        right = any(
            _tags_match(_strings(value), tags, TAG_FIELDS[name], context, kb) for value in accepted
        )
        return right, [tag.name for tag in tags]
    getter, same = _FIELD_RULES.get(name, (_record_value(name), _same))
    got = getter(record, work)
    return any(same(value, got) for value in accepted), got


def _fandom_context(record: Record) -> tuple[str, ...]:
    """The fandoms to wrangle expected names in: ficshelf's own, which the field checks."""
    fandoms = record.get("fandoms")
    return tuple(str(name) for name in fandoms) if isinstance(fandoms, list) else ()


def _tags_match(
    expected: Sequence[str],
    tags: Sequence[TagRef],
    tag_type: TagType,
    fandoms: Sequence[str],
    kb: KnowledgeBase,
) -> bool:
    got = {tag.name.casefold() for tag in tags}
    keys = {_tag_key(value, tags, tag_type, fandoms, kb) for value in expected}
    return keys == got


def _tag_key(
    value: str,
    tags: Sequence[TagRef],
    tag_type: TagType,
    fandoms: Sequence[str],
    kb: KnowledgeBase,
) -> str:
    """The canonical name (casefolded) an expected value stands for."""
    wanted = value.casefold()
    for tag in tags:
        if wanted in (tag.name.casefold(), tag.written.casefold()):
            return tag.name.casefold()
    canonical = _wrangled_names(value, tag_type, fandoms, kb)
    return canonical[0].casefold() if len(canonical) == 1 else wanted


def _wrangled_names(
    value: str, tag_type: TagType, fandoms: Sequence[str], kb: KnowledgeBase
) -> list[str]:
    """What the wrangler makes of ``value`` written alone as a tag of ``tag_type``."""
    work = wrangle(_raw_with_tag(tag_type, value, tuple(fandoms)), kb)
    tags: tuple[TagRef, ...] = getattr(work, _field_of(tag_type))
    return list(dict.fromkeys(tag.name for tag in tags))


def _raw_with_tag(tag_type: TagType, value: str, fandoms: tuple[str, ...]) -> RawWork:
    """A RawWork stating only ``value``, in the fandoms ficshelf found (as context)."""
    raw = RawWork(path="<expected>", format="text", encoding=None, fandoms=fandoms)
    match tag_type:
        case TagType.FANDOM:
            return dataclasses.replace(raw, fandoms=(value,))
        case TagType.RELATIONSHIP:
            return dataclasses.replace(raw, relationships=(value,))
        case TagType.CHARACTER:
            return dataclasses.replace(raw, characters=(value,))
        case TagType.FREEFORM:
            return dataclasses.replace(raw, freeforms=(value,))


def _field_of(tag_type: TagType) -> str:
    return next(name for name, kind in TAG_FIELDS.items() if kind is tag_type)


# --- scalar fields ------------------------------------------------------------------------

Getter = Callable[[Record, Work], object]
Same = Callable[[object, object], bool]


def _record_value(name: str) -> Getter:
    return lambda record, _work: record.get(name)


def _raw_value(name: str) -> Getter:
    def get(record: Record, _work: Work) -> object:
        raw = record["raw"]
        return raw.get(name) if isinstance(raw, dict) else None

    return get


def _words(record: Record, work: Work) -> object:
    return {"stated": work.raw.words, "counted": record["words"]}


def _same_words(expected: object, got: object) -> bool:
    """Against the stated count when the file states one, else the counted one; ``null``
    expected means the file states none."""
    assert isinstance(got, dict)
    stated, counted = got["stated"], got["counted"]
    if expected is None:
        return stated is None
    return bool(expected == (stated if stated is not None else counted))


def _same(expected: object, got: object) -> bool:
    return _normal(expected) == _normal(got)


def _same_set(expected: object, got: object) -> bool:
    return {_normal(item) for item in _strings(expected)} == {
        _normal(item) for item in _strings(got)
    }


def _same_series(expected: object, got: object) -> bool:
    def pairs(value: object) -> set[tuple[object, object]]:
        items = value if isinstance(value, list) else ([] if value is None else [value])
        return {
            (_normal(item.get("name")), item.get("position"))
            if isinstance(item, dict)
            else (_normal(item), None)
            for item in items
        }

    return pairs(expected) == pairs(got)


def _same_encoding(expected: object, got: object) -> bool:
    return _codec(expected) == _codec(got)


def _starts_with(expected: object, got: object) -> bool:
    return isinstance(got, str) and " ".join(got.split()).startswith(
        " ".join(str(expected).split())
    )


def _codec(name: object) -> str | None:
    if not isinstance(name, str):
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.casefold()


def _normal(value: object) -> object:
    """Whitespace-folded, case-kept strings; other values as they are."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _strings(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


_FIELD_RULES: Mapping[str, tuple[Getter, Same]] = {
    "rating_raw": (_raw_value("rating"), _same),
    "fandom_inferred": (lambda _record, work: work.fandom_inferred, _same),
    "words": (_words, _same_words),
    "series": (_record_value("series"), _same_series),
    "encoding": (_record_value("encoding"), _same_encoding),
    "body_starts_with": (_record_value("body_start"), _starts_with),
    **{name: (_record_value(name), _same_set) for name in _UNORDERED_FIELDS},
}
