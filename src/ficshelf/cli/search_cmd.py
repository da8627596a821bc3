"""``ficshelf search QUERY``: find works with the search language (see ``ficshelf.search.query``).

Prints a table of the page of results by default. ``--json`` prints one JSON object per work
per line, in the query's order: ``id`` then the keys of ``ficshelf inspect --json``.
``--count`` prints only the number of matching works; ``--facets`` prints only the facet counts
(ratings, warnings, categories, and the top tags of each type) as one JSON object. A query that
cannot be read is one ``error:`` line pointing at the bad part, exit status 2.
"""

from __future__ import annotations

import click
from rich.table import Table

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import WorkRow, json_line, stdout, works_table
from ficshelf.library import Library, StoredWork
from ficshelf.record import work_record
from ficshelf.search.facets import Facets
from ficshelf.search.service import SearchResult, SearchService


@click.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True, type=click.UNPROCESSED)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per matching work.")
@click.option("--count", "count_only", is_flag=True, help="Print only the number of matches.")
@click.option("--facets", "facets_only", is_flag=True, help="Print only the facet counts (JSON).")
@click.option("--page", type=click.IntRange(min=1), default=None, help="Page number (from 1).")
@click.option(
    "--per-page", type=click.IntRange(min=1), default=None, help="Works per page (default 20)."
)
@click.option("--top", type=click.IntRange(min=1), default=10, help="Tags per facet (--facets).")
@click.pass_obj
def search_command(
    app: AppContext,
    query: tuple[str, ...],
    as_json: bool,
    count_only: bool,
    facets_only: bool,
    page: int | None,
    per_page: int | None,
    top: int,
) -> None:
    """Find works matching QUERY, e.g. fandom:Naruto -warning:mcd words:>10k sort:-words "rain".

    Several arguments are joined with spaces, so quote the phrases for the shell:
    ficshelf search 'rel:"Hatake Kakashi/Umino Iruka" complete:yes'.
    """
    with app.open_library(create=False) as library:
        service = SearchService(library)
        result = service.search(
            " ".join(query), page=page, per_page=per_page, with_facets=facets_only, facet_top=top
        )
        if count_only:
            click.echo(result.total)
        elif facets_only:
            assert result.facets is not None
            json_line(facets_json(result.facets, service))
        elif as_json:
            for stored in _stored(library, result):
                json_line({"id": stored.id, **work_record(stored.work)})
        else:
            stdout().print(_table(_stored(library, result), result))


def facets_json(facets: Facets, service: SearchService) -> dict[str, object]:
    """Closed vocabularies as ``{name: count}``; tags as ``[{"id", "name", "count"}]``."""
    tag_lists = {
        "fandoms": facets.fandoms,
        "relationships": facets.relationships,
        "characters": facets.characters,
        "freeforms": facets.freeforms,
    }
    names = service.tag_names(tag_id for counts in tag_lists.values() for tag_id, _ in counts)
    return {
        "total": facets.total,
        "ratings": {rating.value: count for rating, count in facets.ratings},
        "warnings": {warning.value: count for warning, count in facets.warnings},
        "categories": {category.value: count for category, count in facets.categories},
        **{
            kind: [
                {"id": tag_id, "name": names.get(tag_id), "count": count}
                for tag_id, count in counts
            ]
            for kind, counts in tag_lists.items()
        },
    }


def _stored(library: Library, result: SearchResult) -> list[StoredWork]:
    """The works of the page, in the result's order (a work deleted meanwhile is left out)."""
    return [stored for work_id in result.ids if (stored := library.get(work_id)) is not None]


def _table(works: list[StoredWork], result: SearchResult) -> Table:
    first = (result.page - 1) * result.per_page + 1
    shown = f"{first}-{first + len(works) - 1} of {result.total:,}" if works else "none"
    return works_table(
        (
            WorkRow(
                stored.id,
                stored.work.title,
                stored.work.authors,
                [tag.name for tag in stored.work.fandoms],
                stored.work.rating.value,
                stored.work.words,
            )
            for stored in works
        ),
        caption=f"works {shown}",
    )
