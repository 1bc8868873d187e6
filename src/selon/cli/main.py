"""The `selon` command: each subcommand lives in its own module."""

from __future__ import annotations

import typer

from selon.cli.actors import actors_app
from selon.cli.acts import act, acts, acts_eval
from selon.cli.common import fail
from selon.cli.demo import demo
from selon.cli.evaluate import evaluate
from selon.cli.events import events
from selon.cli.explain import explain
from selon.cli.export import export
from selon.cli.extract import extract
from selon.cli.html_eval import html_eval
from selon.cli.ingest import ingest
from selon.cli.sentences import eval_sentences
from selon.cli.serve import serve
from selon.cli.show import show
from selon.cli.text import text
from selon.errors import SelonError

app = typer.Typer(
    name="selon",
    help="News articles in, political event data out: who did what to whom, according to whom, "
    "and how surely.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract)
app.command("ingest")(ingest)
app.command("events")(events)
app.command("show")(show)
app.command("acts")(acts)
app.command("act")(act)
app.command("acts-eval")(acts_eval)
app.command("explain")(explain)
app.command("eval")(evaluate)
app.command("demo")(demo)
app.command("eval-sentences")(eval_sentences)
app.command("export")(export)
app.command("serve")(serve)
app.command("text")(text)
app.command("html-eval")(html_eval)
app.add_typer(actors_app, name="actors")


def run() -> None:
    """Entry point: a SelonError is a message for the user, not a traceback."""
    try:
        app()
    except SelonError as error:
        raise SystemExit(fail(str(error)).exit_code) from None
