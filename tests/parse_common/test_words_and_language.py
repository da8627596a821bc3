"""Word counts must agree with the figure AO3 prints, and languages must come out as ISO codes."""

import pytest

from ficshelf.model import RawChapter
from ficshelf.parse import parse
from ficshelf.parse.language import detect_language, language_code, plainly_english
from ficshelf.parse.words import chapter_words, count_words
from ficshelf.read import read_bytes
from ficshelf.wrangle import wrangle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rain fell.", 3),
        ("It's a well-known fact, isn’t it?", 6),
        ("Dashes — between words — do not count", 6),
        ("<p> & ... !!! ---", 1),  # only the letter run "p" is a word
        ("", 0),
        ("日本語です", 5),  # each CJK/kana character is a word, as on AO3
        ("Kakashi読んだ book", 5),
        ("числа 1,942 и 17", 5),
    ],
)
def test_count_words_counts_like_ao3(text: str, expected: int) -> None:
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("stated", "code"),
    [("English", "en"), ("Русский", "ru"), ("français", "fr"), ("de", "de"), ("Klingon", None)],
)
def test_language_names_map_to_iso_codes(stated: str, code: str | None) -> None:
    assert language_code(stated) == code


def test_detects_language_of_story_text_but_not_of_a_scrap() -> None:
    french = "Il pleuvait depuis le matin et personne ne voulait sortir de la maison du village."
    assert detect_language(french) == "fr"
    assert detect_language("Okay.") is None


def test_detects_language_from_the_opening_chapters_of_a_story() -> None:
    chapters = [
        "Der Regen fiel seit dem Morgen, und niemand wollte das Haus verlassen.",
        "Am Abend kamen die Nachbarn mit Kuchen und einer Laterne vorbei.",
    ]
    assert detect_language(chapters) == "de"
    assert detect_language(iter(chapters)) == "de"


def test_parsed_chapters_carry_their_word_counts_and_the_work_adds_them_up() -> None:
    story = (
        b"Title: Two Lamps\nAuthor: Reedwren\n\nChapter 1: Dusk\n\nThe ferry's lamp swung.\n\n"
        b"Chapter 2: Dawn\n\nMorning came slowly over the well-kept docks.\n"
    )
    raw = parse(read_bytes("two-lamps.txt", story))
    assert [chapter.words for chapter in raw.chapters] == [4, 7]
    assert wrangle(raw).words == 11
    # A chapter read back from a library has no count yet: it is counted when asked.
    assert chapter_words(RawChapter("Dusk", "The ferry's lamp swung.")) == 4


_OPENINGS = {
    "en": (
        "The lanterns were lit before the ferry came in, and she stood with her brother at the "
        "rail. He had not said a word since the harbour, but they both knew what the letter "
        "meant. She folded it twice and put it in his coat. You have to keep this, she told "
        "him, and he did not argue with that."
    ),
    "de": (
        "Die Laternen brannten schon, als die Fähre einlief, und sie stand mit ihrem Bruder an "
        "der Reling. Er hatte seit dem Hafen kein Wort gesagt, aber beide wussten, was der Brief "
        "bedeutete. Sie faltete ihn zweimal und steckte ihn in seinen Mantel. Was soll ich damit, "
        "fragte er, und sie sagte nichts mehr."
    ),
    "nl": (
        "De lantaarns brandden al toen de veerboot binnenkwam, en zij stond met haar broer aan de "
        "reling. Hij had sinds de haven geen woord gezegd, maar ze wisten allebei wat de brief "
        "betekende. Ze vouwde hem twee keer en stopte hem in zijn jas. Je moet dit bewaren, zei "
        "ze, en hij sprak haar niet tegen."
    ),
    "da": (
        "Lygterne var tændt, før færgen kom ind, og hun stod med sin bror ved rælingen. Han "
        "havde ikke sagt et ord siden havnen, men de vidste begge, hvad brevet betød. Hun foldede "
        "det to gange og lagde det i hans frakke. Du skal passe på det her, sagde hun, og han "
        "sagde ikke imod for en gangs skyld."
    ),
    "fr": (
        "Les lanternes étaient allumées avant que le bac n'arrive, et elle se tenait avec son "
        "frère contre le bastingage. Il n'avait pas dit un mot depuis le port, mais ils savaient "
        "tous les deux ce que la lettre voulait dire. Elle la plia deux fois et la glissa dans "
        "son manteau. Garde-la, lui dit-elle, et il ne discuta pas."
    ),
    "it": (
        "Le lanterne erano accese prima che il traghetto arrivasse, e lei stava con il fratello "
        "vicino al parapetto. Lui non aveva detto una parola dal porto, ma entrambi sapevano che "
        "cosa significava la lettera. Lei la piegò due volte e la mise nel suo cappotto. Tienila "
        "tu, gli disse, e lui non rispose i soliti no."
    ),
    "pl": (
        "Latarnie paliły się już, zanim prom przybił do brzegu, a ona stała z bratem przy "
        "relingu. Nie odezwał się ani słowem od portu, ale oboje wiedzieli, co to był za list. "
        "Złożyła go dwa razy i wsunęła mu do płaszcza. Musisz to zachować, powiedziała, i to on "
        "tym razem się nie sprzeczał."
    ),
    "es": (
        "Los faroles ya estaban encendidos cuando llegó el transbordador, y ella estaba con su "
        "hermano junto a la barandilla. Él no había dicho una palabra desde el puerto, pero los "
        "dos sabían lo que significaba la carta. Ella la dobló dos veces y la guardó en su "
        "abrigo. Guárdala tú, le dijo, y él no discutió."
    ),
}


@pytest.mark.parametrize("code", sorted(_OPENINGS))
def test_only_english_is_settled_without_the_classifier(code: str) -> None:
    text = _OPENINGS[code]
    assert plainly_english(text) is (code == "en")
    assert detect_language(text) == code
