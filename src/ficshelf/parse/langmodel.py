"""py3langid's language model, unpacked once into the user's cache folder.

py3langid ships its model xz-compressed and unpacks it (68 MB) in every process that guesses a
language: about 0.3 s for each import worker and for each ``ficshelf inspect``. Unpacked once
into the cache folder (``FICSHELF_CACHE``, else the platform's user cache folder), it loads in a
tenth of that. When the cache cannot be written, or the model is not laid out as this module
reads it (another py3langid version), py3langid loads the model its own way.
"""

from __future__ import annotations

import functools
import lzma
import os
import shutil
import tempfile
import zipfile
from array import array
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import platformdirs
import py3langid
from py3langid.langid import LanguageIdentifier

_PACKED_MODEL = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
_ARRAY_TYPECODES = {2: "H", 4: "I", 8: "L"}
_UNREADABLE = (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile)


class Classifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


def cache_folder() -> Path:
    return Path(os.environ.get("FICSHELF_CACHE") or platformdirs.user_cache_dir("ficshelf"))


@functools.cache
def classifier() -> Classifier:
    """The language classifier of this process, loaded on first use."""
    return load_classifier(cache_folder())


def load_classifier(folder: Path) -> Classifier:
    try:
        return _from_unpacked(unpacked_model(folder))
    except _UNREADABLE:
        return _packaged_classifier()


def unpacked_model(folder: Path) -> Path:
    """The model unpacked under ``folder``, unpacking it the first time. Named after the
    py3langid version and packed size, so an upgrade unpacks its own model; written to a
    temporary file and renamed, so a process never reads a half-written model."""
    version = metadata.version("py3langid")
    path = folder / f"py3langid-{version}-{_PACKED_MODEL.stat().st_size}.npz"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
        try:
            with lzma.open(_PACKED_MODEL) as packed:
                shutil.copyfileobj(packed, part, length=1 << 20)
        except BaseException:
            Path(part.name).unlink(missing_ok=True)
            raise
    Path(part.name).replace(path)
    return path


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
