"""The filter sidebar: its form fields, composed into one query-language string.

The sidebar posts (GET) its fields; the index answers with a redirect to ``/works?q=...``, so
what a reader bookmarks or shares is the query itself, readable and editable by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

# The fields the sidebar sends besides ``q``; their presence means "compose, then redirect".
FORM_FIELDS = (
    "include",
    "exclude",
    "facet",
    "rating",
    "warning",
    "exclude_warning",
    "category",
    "words_from",
    "words_to",
    "updated_from",
    "updated_to",
    "complete",
    "language",
    "sort",
)


def quoted(value: str) -> str:
    """A query-language value: bare when it is one plain word, else quoted and escaped."""
    value = " ".join(value.split())
    if value and all(char.isalnum() or char in "-_'." for char in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def has_form_fields(form: Mapping[str, Sequence[str]]) -> bool:
    return any(any(v.strip() for v in form.get(name, ())) for name in FORM_FIELDS)


def _values(form: Mapping[str, Sequence[str]], name: str) -> list[str]:
    """Every non-blank value of a field; text inputs may also hold comma-separated tags."""
    found: list[str] = []
    for value in form.get(name, ()):
        found.extend(part.strip() for part in value.split(",") if part.strip())
    return found


def _one(form: Mapping[str, Sequence[str]], name: str) -> str:
    values = [value.strip() for value in form.get(name, ()) if value.strip()]
    return values[-1] if values else ""


def _range(low: str, high: str) -> str:
    if low and high:
        return f"{low}..{high}"
    return f">={low}" if low else f"<={high}"


def compose_query(form: Mapping[str, Sequence[str]]) -> str:
    """The query the sidebar asks for: the typed ``q`` first, then one term per choice."""
    terms: list[str] = [_one(form, "q")] if _one(form, "q") else []
    each: list[tuple[str, Callable[[str], str]]] = [
        ("include", lambda tag: f"tag:{quoted(tag)}"),
        ("facet", lambda tag: f"tag:{quoted(tag)}"),
        ("exclude", lambda tag: f"-tag:{quoted(tag)}"),
        ("exclude_warning", lambda warning: f"-warning:{quoted(warning)}"),
    ]
    for name, term in each:
        terms.extend(term(value) for value in dict.fromkeys(_values(form, name)))
    for name in ("rating", "warning", "category"):
        chosen = list(dict.fromkeys(form.get(name, ())))
        if chosen:
            terms.append(f"{name}:" + ",".join(quoted(value) for value in chosen))
    words = (_one(form, "words_from"), _one(form, "words_to"))
    if any(words):
        terms.append("words:" + _range(*words))
    updated = (_one(form, "updated_from"), _one(form, "updated_to"))
    if any(updated):
        terms.append("updated:" + _range(*updated))
    for name in ("complete", "language", "sort"):
        if value := _one(form, name):
            terms.append(f"{name}:{quoted(value)}")
    return " ".join(terms)
