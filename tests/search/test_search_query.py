"""The query language as a reader types it: every field, quoting, ranges, sorts, errors."""

from __future__ import annotations

import datetime as dt

import pytest

from ficshelf.errors import QueryError
from ficshelf.model import Category, Rating, TagType, Warning
from ficshelf.search import And, Interval, Not, Or, Phrase, Query, Sort, SortKey, Word, parse_query
from ficshelf.search.ast import (
    AuthorFilter,
    CategoryFilter,
    IdFilter,
    LanguageFilter,
    RangeField,
    RangeFilter,
    SeriesFilter,
    StatusFilter,
    TagFilter,
    TitleFilter,
    WarningFilter,
)


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def test_the_issue_example_reads_as_intended() -> None:
    query = parse_query(
        'fandom:Naruto rel:"Hatake Kakashi/Umino Iruka" -warning:"Major Character Death" '
        '-tag:"Character Death" rating:<=mature words:>10000 complete:yes sort:-words '
        '"rain on the roof"'
    )
    assert query == Query(
        include=(
            TagFilter(TagType.FANDOM, ("Naruto",)),
            TagFilter(TagType.RELATIONSHIP, ("Hatake Kakashi/Umino Iruka",)),
            RangeFilter(RangeField.RATING, (Interval(None, Rating.MATURE.rank),)),
            RangeFilter(RangeField.WORDS, (Interval(10001, None),)),
            StatusFilter(complete=True),
        ),
        exclude=(
            WarningFilter((Warning.MCD,)),
            TagFilter(None, ("Character Death",)),
        ),
        text=Phrase("rain on the roof"),
        sort=Sort(SortKey.WORDS, descending=True),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fandom:Bleach", TagFilter(TagType.FANDOM, ("Bleach",))),
        ("fandoms:Bleach", TagFilter(TagType.FANDOM, ("Bleach",))),
        ("ship:A/B", TagFilter(TagType.RELATIONSHIP, ("A/B",))),
        ("relationship:A/B", TagFilter(TagType.RELATIONSHIP, ("A/B",))),
        ('char:"Umino Iruka"', TagFilter(TagType.CHARACTER, ("Umino Iruka",))),
        ("character:Iruka", TagFilter(TagType.CHARACTER, ("Iruka",))),
        ("freeform:Fluff", TagFilter(TagType.FREEFORM, ("Fluff",))),
        ("tag:Fluff", TagFilter(None, ("Fluff",))),
        ("FANDOM:Bleach", TagFilter(TagType.FANDOM, ("Bleach",))),
        ("fandom:Naruto,Bleach", TagFilter(TagType.FANDOM, ("Naruto", "Bleach"))),
        ('fandom:"A, B",C', TagFilter(TagType.FANDOM, ("A, B", "C"))),
        ('tag:"say \\"hi\\""', TagFilter(None, ('say "hi"',))),
        ('tag:"back\\\\slash"', TagFilter(None, ("back\\slash",))),
        ('tag:"  spaced   out "', TagFilter(None, ("spaced out",))),
        ("warning:mcd,noncon", WarningFilter((Warning.MCD, Warning.NONCON))),
        ('warning:"No Archive Warnings Apply"', WarningFilter((Warning.NONE_APPLY,))),
        ("warning:cntw", WarningFilter((Warning.CHOSE_NOT,))),
        ("cat:mm", CategoryFilter((Category.MM,))),
        ("category:F/F,gen", CategoryFilter((Category.FF, Category.GEN))),
        ("language:fr", LanguageFilter(("fr",))),
        ("lang:Deutsch,English", LanguageFilter(("de", "en"))),
        ("complete:no", StatusFilter(complete=False)),
        ("status:in-progress", StatusFilter(complete=False)),
        ("status:complete", StatusFilter(complete=True)),
        ('series:"Rain Cycle"', SeriesFilter(("Rain Cycle",))),
        ("by:someone", AuthorFilter(("someone",))),
        ("author:someone", AuthorFilter(("someone",))),
        ('title:"The Rain"', TitleFilter(("rain", "the"))),
        ("title:Émile", TitleFilter(("emile",))),
        ("id:12,40", IdFilter((12, 40))),
    ],
)
def test_each_field_builds_its_filter(text: str, expected: object) -> None:
    assert parse_query(text).include == (expected,)


@pytest.mark.parametrize(
    ("text", "field", "interval"),
    [
        ("rating:mature", RangeField.RATING, Interval(3, 3)),
        ("rating:m", RangeField.RATING, Interval(3, 3)),
        ("rating:<=t", RangeField.RATING, Interval(None, 2)),
        ("rating:>teen", RangeField.RATING, Interval(3, None)),
        ("rating:>=e", RangeField.RATING, Interval(4, None)),
        ("rating:<g", RangeField.RATING, Interval(None, 0)),
        ("rating:=nr", RangeField.RATING, Interval(0, 0)),
        ("rating:not-rated", RangeField.RATING, Interval(0, 0)),
        ('rating:"General Audiences"', RangeField.RATING, Interval(1, 1)),
        ("rating:teen..mature", RangeField.RATING, Interval(2, 3)),
        ("words:10000", RangeField.WORDS, Interval(10000, 10000)),
        ("words:>10k", RangeField.WORDS, Interval(10001, None)),
        ("words:>=1.5k", RangeField.WORDS, Interval(1500, None)),
        ("words:<2K", RangeField.WORDS, Interval(None, 1999)),
        ("words:1000..5000", RangeField.WORDS, Interval(1000, 5000)),
        ("words:..5k", RangeField.WORDS, Interval(None, 5000)),
        ("words:50k..", RangeField.WORDS, Interval(50000, None)),
        ("words:1m..", RangeField.WORDS, Interval(1_000_000, None)),
        ("words:10_000", RangeField.WORDS, Interval(10000, 10000)),
        ("chapters:1", RangeField.CHAPTERS, Interval(1, 1)),
        ("chapters:>3", RangeField.CHAPTERS, Interval(4, None)),
        ("published:2015", RangeField.PUBLISHED, Interval(day("2015-01-01"), day("2015-12-31"))),
        ("published:2016-02", RangeField.PUBLISHED, Interval(day("2016-02-01"), day("2016-02-29"))),
        ("updated:2015-06-01", RangeField.UPDATED, Interval(day("2015-06-01"), day("2015-06-01"))),
        ("updated:>2015", RangeField.UPDATED, Interval(day("2016-01-01"), None)),
        ("updated:>=2015", RangeField.UPDATED, Interval(day("2015-01-01"), None)),
        ("updated:<2015-06", RangeField.UPDATED, Interval(None, day("2015-05-31"))),
        ("updated:<=2015-06", RangeField.UPDATED, Interval(None, day("2015-06-30"))),
        (
            "published:2015..2016-06",
            RangeField.PUBLISHED,
            Interval(day("2015-01-01"), day("2016-06-30")),
        ),
    ],
)
def test_ranges_mean_what_they_say(text: str, field: RangeField, interval: Interval) -> None:
    assert parse_query(text).include == (RangeFilter(field, (interval,)),)


def test_rating_takes_a_list() -> None:
    (rating,) = parse_query("rating:g,t").include
    assert rating == RangeFilter(RangeField.RATING, (Interval(1, 1), Interval(2, 2)))


def test_minus_excludes_and_plain_terms_include() -> None:
    query = parse_query("-fandom:Bleach fandom:Naruto -cat:gen")
    assert query.include == (TagFilter(TagType.FANDOM, ("Naruto",)),)
    assert query.exclude == (
        TagFilter(TagType.FANDOM, ("Bleach",)),
        CategoryFilter((Category.GEN,)),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sort:words", Sort(SortKey.WORDS)),
        ("sort:-words", Sort(SortKey.WORDS, descending=True)),
        ("sort:published", Sort(SortKey.PUBLISHED)),
        ("sort:-updated", Sort(SortKey.UPDATED, descending=True)),
        ("sort:title", Sort(SortKey.TITLE)),
        ("sort:author", Sort(SortKey.AUTHOR)),
        ("sort:random", Sort(SortKey.RANDOM)),
        ("sort:best", Sort(SortKey.BEST)),
        ("sort:relevance", Sort(SortKey.BEST)),
    ],
)
def test_sorts(text: str, expected: Sort) -> None:
    assert parse_query(text).sort == expected


def test_default_sort_is_best_match_with_text_and_newest_without() -> None:
    assert parse_query("rain").effective_sort == Sort(SortKey.BEST)
    assert parse_query("fandom:X").effective_sort == Sort(SortKey.UPDATED, descending=True)


def test_paging_and_seed() -> None:
    query = parse_query("page:3 per-page:50 seed:7 sort:random")
    assert (query.page, query.per_page, query.seed) == (3, 50, 7)
    assert (parse_query("x").page, parse_query("x").per_page) == (1, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rain", Word("rain")),
        ("rain*", Word("rain", prefix=True)),
        ('"rain on the roof"', Phrase("rain on the roof")),
        ("rain roof", And((Word("rain"), Word("roof")))),
        ("rain AND roof", And((Word("rain"), Word("roof")))),
        ("rain OR snow", Or((Word("rain"), Word("snow")))),
        ("rain | snow", Or((Word("rain"), Word("snow")))),
        ("rain snow OR hail", Or((And((Word("rain"), Word("snow"))), Word("hail")))),
        ("(rain OR snow) roof", And((Or((Word("rain"), Word("snow"))), Word("roof")))),
        ("(rain -snow) OR hail", Or((And((Word("rain"), Not(Word("snow")))), Word("hail")))),
        ("rain or snow", And((Word("rain"), Word("or"), Word("snow")))),
        ("NOT NOT rain", Word("rain")),
    ],
)
def test_free_text(text: str, expected: object) -> None:
    query = parse_query(text)
    assert query.text == expected
    assert query.text_exclude is None


def test_top_level_exclusions_are_split_off_to_subtract() -> None:
    query = parse_query('rain -snow NOT "hail storm"')
    assert query.text == Word("rain")
    assert query.text_exclude == Or((Word("snow"), Phrase("hail storm")))
    only_excluded = parse_query("fandom:X -snow")
    assert only_excluded.text is None
    assert only_excluded.text_exclude == Word("snow")


def test_field_terms_are_taken_out_of_the_text_wherever_they_stand() -> None:
    query = parse_query("rain fandom:X roof")
    assert query.text == And((Word("rain"), Word("roof")))
    assert query.include == (TagFilter(TagType.FANDOM, ("X",)),)


def test_punctuation_only_words_are_dropped() -> None:
    assert parse_query("rain -- = !").text == Word("rain")


def test_syntax_characters_of_full_text_engines_stay_words() -> None:
    query = parse_query("NEAR(rain roof) ^start")
    assert query.text == And((Word("NEAR"), Word("rain"), Word("roof"), Word("^start")))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fandm:Naruto", "unknown field 'fandm' at column 1 — did you mean 'fandom'?"),
        ("x -fandm:Naruto", "unknown field 'fandm' at column 4 — did you mean 'fandom'?"),
        ("col:rain", "unknown field 'col' at column 1 — quote text that contains ':'"),
        ("rating:<=matur", "'rating:<=matur' at column 1 — rating expects a rating"),
        ("words:lots", "'words:lots' at column 1 — words expects a number"),
        ("words:10,000", "'words:10,000' at column 1 — words takes one value"),
        ("words:5000..1000", "'words:5000..1000' at column 1"),
        ("published:2015-13", "'published:2015-13' at column 1 — published expects a date"),
        ("published:2015-02-30", "at column 1"),
        ("warning:gore", "unknown warning 'gore' at column 9"),
        ("cat:slashy", "unknown category 'slashy' at column 5 — did you mean 'slash'?"),
        ("language:klingon", "unknown language 'klingon' at column 10"),
        ("complete:maybe", "unknown complete 'maybe' at column 10"),
        ("sort:wordz", "unknown sort 'wordz' at column 6 — did you mean 'words'?"),
        ("sort:words sort:title", "'sort:' given twice at column 12"),
        ("-sort:words", "'-sort:words' cannot be negated at column 1"),
        ("page:0", "'page:0' at column 1 — page expects a whole number >= 1"),
        ("per-page:5000", "per-page is at most 1000"),
        ("fandom:", "'fandom:' needs a value at column 8"),
        ("fandom:a,", "empty value after ',' in 'fandom:' at column 10"),
        ('tag:"unclosed', "unterminated quote at column 5"),
        ('" OR 1=1 --', "unterminated quote at column 1"),
        ("rain OR", "'OR' needs words on both sides at column 8"),
        ("OR rain", "'OR' needs words on both sides at column 1"),
        ("fandom:A OR fandom:B", "use a list: fandom:Naruto,Bleach"),
        ("rain AND", "'AND' needs words on both sides at column 9"),
        ("rain NOT", "'NOT' needs something after it at column 9"),
        ("(rain", "unclosed '(' at column 1"),
        ("rain)", "unmatched ')' at column 5"),
        ("rain OR -snow", "'OR' of an exclusion at column 9"),
        ("id:12a", "'12a' at column 4 — id expects whole numbers"),
        ("title:!!", "title needs at least one word"),
    ],
)
def test_bad_queries_say_what_and_where(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
