"""GraphML for Gephi, yEd, NetworkX or igraph: actors as nodes, events as directed edges.

An event needs both sides to be an edge; one with a single side still puts its actor in the
graph, and the number left out is returned so the command can say so.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any, BinaryIO

from selon.export.plover import quad_class

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = ("label", "country", "sector", "name", "org")
EDGE_KEYS = ("type", "quad_class", "certainty", "attributed_to", "date", "sentence",
             "article_id", "rule")
# Characters XML 1.0 cannot carry at all, even escaped; ElementTree would write them as they are.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def actor_label(row: dict[str, Any], side: str) -> str:
    """The actor as an analyst names it: its name, else its country or organisation and sector."""
    name = row[f"{side}_name"]
    code = " ".join(v for v in (row[f"{side}_country"] or row[f"{side}_org"], row[f"{side}_sector"])
                    if v)
    return name or code or "unknown"


def _data(parent: ET.Element, key: str, value: object) -> None:
    if value is None or value == "":
        return
    ET.SubElement(parent, "data", key=key).text = _NOT_XML.sub("\ufffd", str(value))


def _edge_values(row: dict[str, Any]) -> dict[str, object]:
    return {"type": row["type"], "quad_class": quad_class(row["type"]),
            "certainty": row["certainty"],
            "attributed_to": " > ".join(row["attributed_to"] or []), "date": row["date"],
            "sentence": row["sentence"], "article_id": row["article_id"], "rule": row["rule"]}


def build_graphml(rows: Iterable[dict[str, Any]]) -> tuple[ET.ElementTree, int, int]:
    """The document, the number of edges and the number of one-sided events left out."""
    root = ET.Element("graphml", xmlns=NAMESPACE)
    for key in NODE_KEYS:
        ET.SubElement(root, "key", {"id": key, "for": "node", "attr.name": key,
                                    "attr.type": "string"})
    for key in EDGE_KEYS:
        ET.SubElement(root, "key", {"id": key, "for": "edge", "attr.name": key,
                                    "attr.type": "string"})
    graph = ET.SubElement(root, "graph", id="selon", edgedefault="directed")
    seen: set[str] = set()
    edges: list[ET.Element] = []
    one_sided = 0
    for row in rows:
        for side in ("source", "target"):
            identifier = row[f"{side}_id"]
            if identifier and identifier not in seen:
                seen.add(identifier)
                node = ET.SubElement(graph, "node", id=identifier)
                _data(node, "label", actor_label(row, side))
                for key in ("country", "sector", "name", "org"):
                    _data(node, key, row[f"{side}_{key}"])
        if not (row["source_id"] and row["target_id"]):
            one_sided += 1
            continue
        edge = ET.Element("edge", id=row["id"], source=row["source_id"], target=row["target_id"])
        for key, value in _edge_values(row).items():
            _data(edge, key, value)
        edges.append(edge)
    graph.extend(edges)  # GraphML readers expect the nodes first
    return ET.ElementTree(root), len(edges), one_sided


def write_graphml(rows: Iterable[dict[str, Any]], out: BinaryIO) -> tuple[int, int]:
    tree, edges, one_sided = build_graphml(rows)
    ET.indent(tree)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return edges, one_sided
