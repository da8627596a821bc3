"""The language model is unpacked once into the cache folder and gives py3langid's answers."""

from pathlib import Path

import py3langid

from ficshelf.parse.langmodel import load_classifier, unpacked_model

SAMPLES = {
    "en": "The kettle sang on the stove while the rain kept on against the kitchen window.",
    "fr": "La bouilloire chantait sur le feu pendant que la pluie frappait à la fenêtre.",
    "de": "Der Kessel pfiff auf dem Herd, während der Regen gegen das Küchenfenster schlug.",
    "ru": "Чайник пел на плите, а дождь всё стучал в кухонное окно.",
    "ja": "やかんがコンロの上で鳴り、雨は台所の窓を打ち続けていた。",
}


def test_the_unpacked_model_is_kept_and_answers_as_py3langid_does(tmp_path: Path) -> None:
    classifier = load_classifier(tmp_path)
    assert list(tmp_path.glob("py3langid-*.npz")) == [unpacked_model(tmp_path)]
    for code, text in SAMPLES.items():
        assert classifier.classify(text)[0] == py3langid.classify(text)[0] == code
    again = load_classifier(tmp_path)  # read from the cache this time
    assert [again.classify(text)[0] for text in SAMPLES.values()] == list(SAMPLES)


def test_a_damaged_cached_model_is_not_used_and_is_unpacked_again(tmp_path: Path) -> None:
    cached = unpacked_model(tmp_path)
    cached.write_bytes(b"PK\x03\x04 not a model")
    classifier = load_classifier(tmp_path)
    assert classifier.classify(SAMPLES["fr"])[0] == "fr"
    assert not cached.exists()
    load_classifier(tmp_path)
    assert cached.stat().st_size > 1_000_000


def test_without_a_usable_cache_folder_py3langid_loads_its_own_model(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.write_text("a file where the cache folder should be")
    classifier = load_classifier(folder)
    assert classifier.classify(SAMPLES["de"])[0] == "de"
    assert list(tmp_path.iterdir()) == [folder]
