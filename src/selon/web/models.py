"""The JSON the explorer's API answers with: these models are its OpenAPI schema
(`/api/openapi.json`) and FastAPI checks every answer against them."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Actor(BaseModel):
    country: str | None = Field(description="ISO 3166-1 alpha-3")
    sector: str | None = Field(description="PLOVER sector: GOV, MIL, REB, IGO, ...")
    name: str | None
    org: str | None = Field(description="Short code of an international body: UN, NATO, ...")


class Quantity(BaseModel):
    value: int | float
    unit: str
    text: str


class Provenance(BaseModel):
    article_hash: str | None
    sentence_span: list[int]
    trigger: str
    trigger_span: list[int]
    rule: str


class Event(BaseModel):
    """The event format of FORMAT.md with its `provenance`, plus the store's id, the quad
    class and where the article was published."""

    id: str
    article_id: str
    type: str
    mode: str | None
    context: list[str]
    source: Actor | None
    target: Actor | None
    sentence: str
    certainty: str = Field(description="asserted, reported, alleged, denied or hypothetical")
    attributed_to: list[str] = Field(description="The chain of sources, outermost first")
    date: str | None
    location: str | None
    objects: list[str]
    quantities: list[Quantity]
    provenance: Provenance
    quad_class: str | None
    article_hash: str
    outlet: str | None
    article_title: str | None
    article_date: str | None


class EventPage(BaseModel):
    total: int = Field(description="Events that match the filters, on every page")
    page: int
    per_page: int
    sort: str
    order: str
    events: list[Event]


class Count(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    types: list[Count]
    certainties: list[Count]
    countries: list[Count]
    outlets: list[Count]
    articles: int
    events: int


class Node(BaseModel):
    id: str
    label: str
    country: str | None
    sector: str | None
    name: str | None
    org: str | None


class Edge(BaseModel):
    id: str
    source: str
    target: str
    type: str
    quad_class: str | None
    certainty: str
    events: int = Field(description="How many events this edge stands for")


class Graph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    events_drawn: int
    edges_left_out: int = Field(description="Edges past max_edges, the rarest first")
    events_one_sided: int = Field(description="Events with no source or no target: no edge")


class TimeCount(BaseModel):
    bucket: str = Field(description="First day of the day, week (Monday) or month")
    type: str
    count: int


class Timeline(BaseModel):
    bucket: str
    dated_by: str
    counts: list[TimeCount]
    types: list[str]
    left_out: int = Field(description="Events with no date of the kind asked for")


class Segment(BaseModel):
    """A piece of the text; `events` and `triggers` are positions in the article's `events`."""

    text: str
    events: list[int]
    triggers: list[int]


class Article(BaseModel):
    id: str = Field(description="Content hash")
    external_id: str | None
    title: str | None
    outlet: str | None
    url: str | None
    date: str | None
    lang: str | None
    segments: list[Segment]
    events: list[Event]


class Act(BaseModel):
    """One act as the stored events report it (selon.acts): its claims counted."""

    act_id: str
    type: str
    source: Actor | None
    target: Actor | None
    status: str = Field(description="confirmed, reported, alleged, contested, denied or "
                        "hypothetical")
    claims: int
    articles: int
    outlets: int
    sources: int = Field(description="Independent original sources")
    date_first: str | None = Field(description="The earliest day it may have happened")
    date_last: str | None
    first_seen: str | None = Field(description="Its first report's publication date")
    last_seen: str | None
    certainties: dict[str, int]


class ActList(BaseModel):
    total: int
    acts: list[Act]


class ActDetail(BaseModel):
    act: Act
    claims: list[Event]
