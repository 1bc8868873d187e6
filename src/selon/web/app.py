"""The explorer: four pages (events, graph, timeline, article) over a read-only JSON API.

The pages are static files that fetch the API and build the page with DOM calls
(`textContent`, never HTML strings), so article text and names are shown as text, whatever
they hold. The store is opened read-only for each request and closed after it: `selon
ingest` can write to it between requests, and the explorer sees the new articles at once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from selon import __version__
from selon.errors import StoreError
from selon.store import EventFilter, Store
from selon.web import models, queries

STATIC = Path(__file__).parent / "static"
# A page on another site must not reach the API through a name that resolves to this
# machine (DNS rebinding): on loopback, only these Host headers are answered.
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost")
SECURITY_HEADERS = {
    # Scripts and styles come from /static only: no inline script, no CDN.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _filter(
    type: Annotated[str | None, Query(description="PLOVER type, e.g. REQUEST")] = None,
    actor: Annotated[str | None, Query(description="Part of a side's name or org code")] = None,
    country: Annotated[str | None, Query(description="Source or target country (ISO3)")] = None,
    certainty: Annotated[str | None, Query(description="asserted, reported, alleged, denied "
                                           "or hypothetical")] = None,
    source: Annotated[str | None, Query(description="Part of a source in the attribution "
                                        "chain")] = None,
    outlet: Annotated[str | None, Query(description="Part of the publishing outlet")] = None,
    since: Annotated[date | None, Query(description="Events that may have happened on or "
                                        "after this day (their own date)")] = None,
    until: Annotated[date | None, Query(description="Events that may have happened on or "
                                        "before this day")] = None,
    q: Annotated[str | None, Query(description="Free text: part of the sentence, title, "
                                   "trigger or a side's name")] = None,
) -> EventFilter:
    """The filters every list, graph and chart takes: those of `selon events`."""

    def given(value: str | None) -> str | None:
        return value.strip() or None if value else None

    return EventFilter(type=given(type), country=given(country), actor=given(actor),
                       certainty=given(certainty), source=given(source),
                       since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None,
                       outlet=given(outlet), text=given(q))


Filter = Annotated[EventFilter, Depends(_filter)]


def _open_store(request: Request) -> Iterator[Store]:
    """The store, opened read-only for one request."""
    try:
        store = Store(request.app.state.db, read_only=True)
    except StoreError as error:  # e.g. `selon ingest` is writing to it right now
        raise HTTPException(503, str(error)) from error
    try:
        yield store
    finally:
        store.close()


Reader = Annotated[Store, Depends(_open_store)]


def create_app(db: Path, allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The explorer over the store `db`; `allowed_hosts` None answers any Host header."""
    with Store(db, read_only=True):
        pass  # a missing or broken store fails here, at start, not at the first click

    app = FastAPI(title="selon explorer", version=__version__, openapi_url="/api/openapi.json",
                  description="Read-only: the events, actors, claims and articles of a selon "
                  "store.", docs_url=None, redoc_url=None)  # the docs pages load from a CDN
    app.state.db = db
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.get("/api/events", response_model=models.EventPage, tags=["events"])
    def list_events(
        store: Reader, where: Filter,
        page: Annotated[int, Query(ge=1)] = 1,
        per_page: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 50,
        sort: Annotated[str, Query(pattern="^(" + "|".join(queries.SORTS) + ")$")] = "date",
        order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
        actor_id: Annotated[str | None, Query(description="Only events where this actor "
                                              "(a node of /api/graph) is a side")] = None,
    ) -> dict[str, object]:
        """Events that match every filter, sorted and one page at a time."""
        total, events = queries.event_page(
            store, where, queries.Page(page, per_page, sort, order == "desc"), actor_id)
        return {"total": total, "page": page, "per_page": per_page, "sort": sort,
                "order": order, "events": events}

    @app.get("/api/events/{event_id}", response_model=models.Event, tags=["events"])
    def one_event(store: Reader, event_id: str) -> dict[str, object]:
        event = queries.event_by_id(store, event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    @app.get("/api/articles/{key:path}", response_model=models.Article, tags=["articles"])
    def one_article(store: Reader, key: str) -> dict[str, object]:
        """An article by content hash, a prefix of it or its input id, its text cut into
        pieces that say which events' sentences and triggers cover them, and its events."""
        try:
            article = queries.article_view(store, key)
        except StoreError as error:  # a prefix that matches several articles
            raise HTTPException(409, str(error)) from error
        if article is None:
            raise HTTPException(404, f"no article {key!r}")
        return article

    @app.get("/api/acts", response_model=models.ActList, tags=["acts"])
    def list_acts(store: Reader, where: Filter,
                  min_reports: Annotated[int, Query(ge=1)] = 1,
                  status: str | None = None,
                  limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 100,
                  ) -> dict[str, object]:
        """Acts with a claim that matches every filter, earliest first, each with its
        claims, outlets, independent sources and status."""
        acts = store.acts(where, min_reports, status)
        return {"total": len(acts), "acts": [a.to_record() for a in acts[:limit]]}

    @app.get("/api/acts/{act_id}", response_model=models.ActDetail, tags=["acts"])
    def one_act(store: Reader, act_id: str) -> dict[str, object]:
        """An act by its id or a unique prefix, with its claims as events."""
        try:
            found = store.act(act_id)
        except StoreError as error:
            raise HTTPException(409, str(error)) from error
        if found is None:
            raise HTTPException(404, f"no act {act_id!r}")
        summary, rows = found
        return {"act": summary.to_record(), "claims": [queries.event_record(r) for r in rows]}

    @app.get("/api/facets", response_model=models.Facets, tags=["events"])
    def facets(store: Reader) -> dict[str, object]:
        """What the filter menus offer, with counts."""
        return queries.facets(store)

    @app.get("/api/graph", response_model=models.Graph, tags=["graph"])
    def graph(store: Reader, where: Filter,
              max_edges: Annotated[int, Query(ge=1, le=20000)] = 2000) -> dict[str, object]:
        """Actors and the events between them, one edge per source, target, type and
        certainty."""
        return queries.graph(store, where, max_edges)

    @app.get("/api/timeline", response_model=models.Timeline, tags=["timeline"])
    def timeline(store: Reader, where: Filter, bucket: queries.Bucket = "week",
                 dated_by: queries.DatedBy = "article") -> dict[str, object]:
        """Events per day, week or month and type."""
        return queries.timeline(store, where, bucket, dated_by)

    def page(name: str) -> Callable[[], FileResponse]:
        def serve() -> FileResponse:
            return FileResponse(STATIC / name, media_type="text/html")
        return serve

    app.get("/", include_in_schema=False)(lambda: RedirectResponse("/events"))
    for route in ("events", "graph", "timeline"):
        app.get(f"/{route}", include_in_schema=False)(page(f"{route}.html"))
    app.get("/article/{key:path}", include_in_schema=False)(page("article.html"))
    # StaticFiles refuses any path that resolves outside its folder (`..`, links).
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
