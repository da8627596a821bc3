"""What surrounds a character's name in a tag as written, and how to read past it.

Taggers wrap names in asides, labels, titles, qualifiers and chatter: "Sirius Black
(mentioned)", "Mentioned - Ron Weasley", "Rye Prince (aka Harry Potter)", "Mrs. Lupin",
"oh and Regulus". These pure functions take the wrapping apart; the resolver decides what the
parts name. The word lists live in ``data/kb/names.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

from ficshelf.wrangle.names import name_key, split_asides

_BANG_PREFIX = re.compile(r"^.*!\s*(?=\w)")
# AO3's disambiguation of a tag by its kind: "Diary!Tom - Character", "Drarry - Relationship".
TAG_KIND_SUFFIX = re.compile(r"\s*-\s*(character|relationship)s?\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^[^:]{1,24}:\s*(?=\S)")
_DIGITS = re.compile(r"^\d+$")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*['’]?")
_CONTRACTIONS = frozenset({"s", "ll", "d", "re", "ve", "m", "t"})
_PIECE_SEPARATORS = r"\s*[|/]\s*|\s+[-–—]\s+|\s*:\s+|\s+the\s+"


@dataclass(frozen=True, slots=True)
class NameWords:
    """The vocabularies of ``names.toml``, folded to name keys."""

    leading: tuple[tuple[str, ...], ...]
    trailing: tuple[tuple[str, ...], ...]
    honorifics: frozenset[str]
    descriptions: tuple[str, ...]
    identity_markers: tuple[str, ...]
    relations: frozenset[str]
    fillers: frozenset[str]
    impostors: tuple[str, ...]
    negations: frozenset[str]
    intensifiers: frozenset[str]
    single_markers: frozenset[str]
    people_words: frozenset[str]
    generations: dict[tuple[str, ...], str]
    several_people: re.Pattern[str]
    appearances: re.Pattern[str]
    appearance_only: re.Pattern[str]
    clause_start: re.Pattern[str]
    young_titles: frozenset[str]
    titles: dict[str, str | None]
    identity_split: re.Pattern[str]
    qualifiers: frozenset[str]
    owned_forms: frozenset[str]
    kin: dict[str, str]
    translated_titles: dict[str, dict[str, str]]
    family_group_forms: tuple[str, ...]


def _between_words(conjunctions: list[str]) -> re.Pattern[str]:
    words = "|".join(re.escape(c) for c in conjunctions)
    return re.compile(rf"\s(?:{words})\s", re.IGNORECASE)


def several_people(written: str) -> bool:
    """ "Fred and George", "Petunia i Vernon": two people joined in one tag (asides aside).
    A one-letter conjunction must follow a word: "Sunny - a House Elf" is one elf."""
    base, _asides = split_asides(written)
    base = name_words().clause_start.split(base, maxsplit=1)[0]  # "Draco is a prude"
    return any(
        not _LETTER.fullmatch(match.group(0).strip())
        or (match.start() > 0 and base[match.start() - 1].isalnum())
        for match in name_words().several_people.finditer(base)
    )


def _at_edges(phrases: list[str]) -> re.Pattern[str]:
    """Matches runs of ``phrases`` at the start or the end of a text, as whole words."""
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    gap = r"(?:\s+|\s*[-:,]\s*)"
    leading = rf"^\s*(?:(?:{words}){gap})+(?=\w)"
    trailing = rf"(?<=[\w.)\]]){gap}(?:(?:{words})(?:\s+|$))+$"
    return re.compile(f"{leading}|{trailing}", re.IGNORECASE)


def _whole(phrases: list[str]) -> re.Pattern[str]:
    """Matches a text made only of ``phrases``."""
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^\s*(?:(?:{words})(?:\s+|\s*[-:,]\s*|$))+$", re.IGNORECASE)


def without_appearance(written: str, fandoms: frozenset[str] = frozenset()) -> str:
    """ "Mentioned Mrs Weasley", "Mr Lupin only mentioned" -> "Mrs Weasley", "Mr Lupin": the
    tag without words at its edges, or asides, that say how the character appears (and an
    article before a title: "the Mrs. Weasley"); a
    fandom's name (a key of ``fandoms``) in an aside goes too when another aside stays
    ("Lily Potter (the younger) (Harry Potter)": the aside that says who)."""
    vocab = name_words()
    base, asides = split_asides(written)
    base = base.strip()
    bare = _without_article(vocab.appearances.sub("", base).strip() or base)
    kept = [a for a in asides if not vocab.appearance_only.match(a)]
    if len(kept) > 1:
        kept = [a for a in kept if name_key(a) not in fandoms] or kept
    if bare == base and len(kept) == len(asides):
        return written
    return " ".join([bare, *(f"({a})" for a in kept)]).strip() or written


def _without_article(text: str) -> str:
    """ "the Mrs. Weasley" -> "Mrs. Weasley": an article before a title says no more."""
    article, _space, rest = text.partition(" ")
    words = rest.split()
    if article.casefold() == "the" and words and name_key(words[0]) in name_words().titles:
        return rest
    return text


_FAMILY_FIRST = re.compile(r"^\s*([^\W\d_][\w'’-]*)\s*,\s*([^,]+?)\s*$")
_MAX_GIVEN_WORDS = 2


def family_first(written: str) -> tuple[str, str] | None:
    """ "Malfoy, Lucius", "Lupin, Mrs." -> ("malfoy", "Lucius Malfoy"): a name written family
    name first, as in an index, and the name in the usual order (asides kept); None for any
    other tag ("Dobby, the house elf" is for the caller to tell apart)."""
    base, asides = split_asides(written)
    found = _FAMILY_FIRST.match(base)
    if found is None or len(found.group(2).split()) > _MAX_GIVEN_WORDS:
        return None
    family, given = found.groups()
    turned = " ".join([f"{given} {family}", *(f"({a})" for a in asides)])
    return name_key(family), turned


def says_given_name(written: str) -> bool:
    """Whether what follows the comma of a name written family name first begins with a
    capitalised word that is no filler ("Malfoy, George"; not "Malfoy, the elder")."""
    base, _asides = split_asides(written)
    words = words_of(base.partition(",")[2])
    return bool(words) and words[0].capitalised and words[0].key not in name_words().fillers


def _identity_split(markers: list[str]) -> re.Pattern[str]:
    """Splits a tag at "aka", "is", "|", " - ", ": " and the like."""
    words = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    return re.compile(rf"(?:^|\s+)(?:{words})\s+|{_PIECE_SEPARATORS}", re.IGNORECASE)


@functools.cache
def name_words() -> NameWords:
    text = resources.files("ficshelf.data").joinpath("kb", "names.toml").read_text("utf-8")
    data = tomllib.loads(text)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        found = {tuple(name_key(p).split()) for p in data[key]}
        return tuple(sorted(found, key=len, reverse=True))

    titles: dict[str, str | None] = {}
    for label, gender in (("neutral", None), ("male", "m"), ("female", "f")):
        titles.update({name_key(t): gender for t in data["titles"][label]})
    return NameWords(
        leading=phrases("leading"),
        trailing=phrases("trailing"),
        honorifics=frozenset(name_key(h) for h in data["honorifics"]),
        descriptions=tuple(data["descriptions"]),
        identity_markers=tuple(data["identity_markers"]),
        relations=frozenset(name_key(r) for r in data["relations"]),
        fillers=frozenset(name_key(f) for f in data["fillers"]),
        impostors=tuple(name_key(i) for i in data["impostors"]),
        negations=frozenset(name_key(n) for n in data["negations"]),
        intensifiers=frozenset(name_key(n) for n in data["intensifiers"]),
        single_markers=frozenset(
            name_key(m) for m in data["identity_markers"] if " " not in name_key(m)
        ),
        people_words=frozenset(name_key(w) for w in data["people_words"]),
        generations={
            tuple(name_key(word).split()): label
            for label, words in data["generations"].items()
            for word in words
        },
        several_people=_between_words(data["conjunctions"]),
        appearances=_at_edges(data["appearances"]),
        appearance_only=_whole(data["appearances"]),
        clause_start=_between_words(data["clause_starts"]),
        young_titles=frozenset(name_key(t) for t in data["young_titles"]),
        titles=titles,
        identity_split=_identity_split(data["identity_markers"]),
        qualifiers=frozenset(name_key(q) for q in data["qualifiers"]),
        owned_forms=frozenset(name_key(f) for f in data["owned_forms"]),
        kin={name_key(w): kind for kind, words in data["kin"].items() for w in words},
        family_group_forms=tuple(data["family_group_forms"]),
        translated_titles={
            place: {name_key(k) if place == "before" else k: v for k, v in table.items()}
            for place, table in data["translated_titles"].items()
        },
    )


# -- a name without its wrapping ---------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def plain_name(written: str) -> str:
    """The name key of ``written`` without asides, "X!" prefixes and trailing descriptions."""
    base, _asides = split_asides(written)
    base = _LABEL.sub("", base)
    base = next((part for part in re.split(r"[|/]", base) if part.strip()), base)
    base = TAG_KIND_SUFFIX.sub("", base).strip().rstrip("!?.").strip()
    base = _BANG_PREFIX.sub("", base)
    for marker in name_words().descriptions:
        head, _marker, tail = base.partition(marker)
        if head.strip() and tail and not _titled_name_after(head, tail):
            base = head
            break
    return name_key(base)


def _titled_name_after(head: str, tail: str) -> bool:
    """ "Minister for Magic Hermione Granger": a title, a phrase and a name after it, which
    is not a name and a description ("Minister"); "Minister for Magic" alone is cut."""
    return name_key(head) in name_words().titles and len(tail.split()) >= _TITLE_AND_NAME


@functools.lru_cache(maxsize=65536)
def clean_name(written: str) -> str:
    """``plain_name`` with honorifics, titles and qualifiers removed from the edges."""
    words = name_words()
    tokens = [t for t in plain_name(written).split() if not _DIGITS.match(t)]
    tokens = _strip_honorifics(tokens, words.honorifics)
    tokens = _strip_edges(tokens, words.leading, words.trailing)
    return " ".join(tokens)


def _strip_honorifics(tokens: list[str], honorifics: frozenset[str]) -> list[str]:
    while len(tokens) > 1 and tokens[-1] in honorifics:
        tokens = tokens[:-1]
    return tokens


def _strip_edges(
    tokens: list[str],
    leading: tuple[tuple[str, ...], ...],
    trailing: tuple[tuple[str, ...], ...],
) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for phrase in leading:
            if len(tokens) > len(phrase) and tuple(tokens[: len(phrase)]) == phrase:
                tokens, changed = tokens[len(phrase) :], True
                break
        for phrase in trailing:
            if len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
                tokens, changed = tokens[: -len(phrase)], True
                break
    return tokens


# -- the pieces of a tag that may each name the character -------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """One part of a written tag. ``head`` is the part a description hangs on ("Rose" in
    "Rose the House Elf"); an aside or "aka" part says who the head *is*. ``marked`` is a
    part after a marker or separator ("aka Harry Potter"), which names a person even where a
    bare aside would name a fandom ("Sirius Black (Harry Potter)")."""

    text: str
    head: bool
    marked: bool = False


@functools.lru_cache(maxsize=65536)
def identity_pieces(written: str) -> tuple[Piece, ...]:
    """ "Harold Lestrange (aka Harry Potter)" -> "Harold Lestrange" (head), "Harry Potter"."""
    text = TAG_KIND_SUFFIX.sub("", unicodedata.normalize("NFKC", written)).strip(" !?.")
    base, asides = split_asides(text)
    split = name_words().identity_split
    pieces: list[Piece] = []
    for number, part in enumerate(split.split(base)):
        if part and part.strip():
            pieces.append(Piece(part.strip(), head=not pieces, marked=number > 0))
    for aside in asides:
        pieces.extend(
            Piece(p.strip(), head=False, marked=number > 0)
            for number, p in enumerate(split.split(aside))
            if p and p.strip()
        )
    return tuple(pieces)


# -- words of a free-form tag, for finding a name inside chatter ---------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a tag: its name key, whether it was written capitalised (a sign of a name
    in mixed-case text) and whether a possessive or contraction followed it."""

    key: str
    capitalised: bool
    possessive: bool


@functools.lru_cache(maxsize=65536)
def words_of(written: str) -> tuple[Word, ...]:
    """ "pretty sure Draco'll be by" -> pretty, sure, Draco (contraction), be, by."""
    text = unicodedata.normalize("NFKC", written)
    cased = not (text.isupper() or text.islower())
    found: list[Word] = []
    for match in _WORD.finditer(text):
        raw = match.group(0).replace("’", "'")
        head, _sep, tail = raw.rpartition("'")
        possessive = bool(head) and (not tail or tail.casefold() in _CONTRACTIONS)
        word = head if possessive else raw
        key = name_key(word)
        if key:
            found.append(Word(key, cased and word[:1].isupper(), possessive))
    return tuple(found)


_MAX_OWNER_WORDS = 4


def kin_of(written: str) -> tuple[str, str] | None:
    """ "Remus Lupin's mum" -> ("remus lupin", "mum"); "Tom Riddle Diary" -> ("tom riddle",
    "diary"); "mother of Draco" -> ("draco", "mother"); None when the tag does not end (or
    begin) with a word for a relative, a pet or an owned form. The owner comes first."""
    base, _asides = split_asides(written)
    base = TAG_KIND_SUFFIX.sub("", base).strip(" !?.")
    words = [w.key for w in words_of(base)]
    vocab = name_words()
    endings = vocab.kin.keys() | vocab.owned_forms
    for size in (2, 1):  # "house elf" before "elf"
        tail = " ".join(words[-size:])
        if len(words) > size and tail in endings and len(words) - size <= _MAX_OWNER_WORDS:
            return " ".join(words[:-size]), tail
    if len(words) > 2 and words[1] == "of" and words[0] in endings:
        owner = words[2:]
        return (" ".join(owner), words[0]) if len(owner) <= _MAX_OWNER_WORDS else None
    return None


def denies(written: str) -> bool:
    """Whether the tag denies who it names: "it ain't actually Moody", "not Moody"."""
    base, _asides = split_asides(written)
    return any(w.key in name_words().negations for w in words_of(base))


def without_denial(written: str) -> str:
    """The name a tag denies or says is worn by someone else, without the words saying so
    ("it ain't actually Moody" -> "Moody", "Alastor Moody (Impersonator)" -> "Alastor
    Moody")."""
    base, _asides = split_asides(written)
    vocab = name_words()
    kept = [w.key for w in words_of(base) if w.key not in vocab.negations]
    while kept and (kept[0] in vocab.fillers or kept[0] in _DENIAL_FILLERS):
        kept.pop(0)
    return " ".join(kept)


_DENIAL_FILLERS = frozenset({"aint", "isnt", "actually", "really", "truly"})


def says_impostor(written: str) -> bool:
    """ "Alastor Moody (Impersonator)": an aside saying someone else wears the name."""
    _base, asides = split_asides(written)
    impostors = name_words().impostors
    return any(f" {i} " in f" {name_key(aside)} " for aside in asides for i in impostors)


def generation_of(plain: str) -> tuple[str, str] | None:
    """ "lily potter jr" -> ("lily potter", "junior"); None without a generation word."""
    tokens = plain.split()
    for words, label in sorted(name_words().generations.items(), key=lambda g: -len(g[0])):
        if len(tokens) > len(words) and tuple(tokens[-len(words) :]) == words:
            return " ".join(tokens[: -len(words)]), label
    return None


def generation_variants(plain: str, written: str) -> tuple[str, ...]:
    """Keys where a generation word may end the name: ``plain`` itself, the whole name before
    any description was cut ("Lily Potter the second"), with its asides ("Lily Potter (the
    younger)"), and with a mid-name generation moved last ("Lily II Potter")."""
    variants = [plain]
    if written:
        base, asides = split_asides(written)
        base = TAG_KIND_SUFFIX.sub("", base)
        variants += [name_key(base), name_key(" ".join([base, *asides]))]
    tokens = plain.split()
    generations = name_words().generations
    for position in range(1, len(tokens) - 1):
        if (tokens[position],) in generations and len(tokens[position]) > 1:
            moved = tokens[:position] + tokens[position + 1 :] + [tokens[position]]
            variants.append(" ".join(moved))
    return tuple(dict.fromkeys(v for v in variants if v))


_KANA = re.compile(r"[\u3040-\u30ff]")
# Words after a title's phrase that make room for a name: "(Magic) Hermione Granger".
_TITLE_AND_NAME = 3
_WRAPPED = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


def inside_brackets(text: str) -> str | None:
    """ "(minor Fred Weasley II)" -> "minor Fred Weasley II": what a tag wholly in one pair
    of brackets says; None for any other tag."""
    found = _WRAPPED.fullmatch(text.strip())
    return found.group(1).strip() if found else None


def title_after(written: str) -> tuple[str, str | None]:
    """ "麦格教授" -> ("麦格", "professor"): a Chinese or Japanese title after a name, as the
    English title ("" for an honorific that is none); the name alone and None without one."""
    tables = name_words().translated_titles
    for suffix, title in tables["japanese" if _KANA.search(written) else "chinese"].items():
        if written.endswith(suffix) and len(written) > len(suffix):
            return written[: -len(suffix)].strip(), title
    return written, None


def title_and_family(written: str) -> tuple[str | None, str] | None:
    """ "Mrs. Lupin" -> ("f", "lupin"); "Professor Potter" -> (None, "potter"); else None.

    Only a title and one more word: "Mrs Lupin" names a family member, "Lady Jane Lupin"
    names a person who is not in the knowledge base.
    """
    titles = name_words().titles
    tokens = plain_name(written).split()
    if len(tokens) != 2 or tokens[0] not in titles:
        return None
    return titles[tokens[0]], tokens[1]
