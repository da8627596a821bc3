"""py3langid's language model, unpacked once into the user's cache folder.

py3langid ships its model xz-compressed and unpacks it (68 MB) in every process that guesses a
language: about 0.3 s for each import worker and for each ``ficshelf inspect``. Unpacked once
into the cache folder (``ficshelf.cache``), it loads in a tenth of that. When the cache cannot
be written, or the model is not laid out as this module reads it (another py3langid version),
py3langid loads the model its own way.
"""

from __future__ import annotations

import functools
import lzma
import shutil
import zipfile
from array import array
from importlib import metadata
from pathlib import Path
from typing import IO, Any, Protocol

import numpy as np
import py3langid
from py3langid.langid import LanguageIdentifier

from ficshelf.cache import cached_file

_PACKED_MODEL = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
_ARRAY_TYPECODES = {2: "H", 4: "I", 8: "L"}
_UNREADABLE = (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile)


class Classifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@functools.cache
def classifier() -> Classifier:
    """The language classifier of this process, loaded on first use."""
    return load_classifier()


def load_classifier(folder: Path | None = None) -> Classifier:
    """The classifier from the model unpacked in ``folder`` (default: the cache folder)."""
    try:
        return _from_unpacked(unpacked_model(folder))
    except _UNREADABLE:
        return _packaged_classifier()


def unpacked_model(folder: Path | None = None) -> Path:
    """The model unpacked in the cache folder (unpacking it the first time), named after the
    py3langid version and packed size, so an upgrade unpacks its own model."""
    version = metadata.version("py3langid")
    name = f"py3langid-{version}-{_PACKED_MODEL.stat().st_size}.npz"
    return cached_file(name, _unpack_model, folder)


def _unpack_model(out: IO[bytes]) -> None:
    with lzma.open(_PACKED_MODEL) as packed:
        shutil.copyfileobj(packed, out, length=1 << 20)


def _from_unpacked(path: Path) -> Classifier:
    """The identifier py3langid's ``from_model_file`` builds, from the unpacked arrays."""
    try:
        with np.load(path, allow_pickle=False) as model:
            identifier: Classifier = LanguageIdentifier(
                model["ptc"],
                model["pc"],
                model["classes"].tolist(),
                _as_array(model["nextmove"]),
                model["out_feat"].tolist(),
                tk_row=_as_array(model["nextmove_row"]),
            )
    except _UNREADABLE:
        path.unlink(missing_ok=True)  # unpacked again next time
        raise
    return identifier


def _as_array(values: Any) -> array[int]:
    """An unsigned NumPy array as the stdlib array py3langid walks (faster to index)."""
    contiguous = np.ascontiguousarray(values)
    result = array(_ARRAY_TYPECODES[contiguous.dtype.itemsize])
    result.frombytes(contiguous.tobytes())
    return result


def _packaged_classifier() -> Classifier:
    module: Classifier = py3langid
    return module
