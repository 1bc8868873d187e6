// The graph page: actors as nodes, events as directed edges coloured by PLOVER type or quad
// class, dashed when alleged or hypothetical, marked ✕ when denied. A click on an actor lists
// its events.
import {QUAD_COLOURS, TYPE_COLOURS, actorLabel, api, articleHref, certaintyBadge, clear, el,
        filterParams, pageParams, setUpFilters, showError, typeChip} from "/static/explorer.js";

const DASHED = new Set(["alleged", "hypothetical"]);

function colourOf(edge, by) {
  const palette = by === "quad_class" ? QUAD_COLOURS : TYPE_COLOURS;
  return palette[edge[by]] ?? "#757575";
}

function legend(by, edges) {
  const palette = by === "quad_class" ? QUAD_COLOURS : TYPE_COLOURS;
  const present = new Set(edges.map((edge) => edge[by]));
  const list = clear(document.getElementById("legend"));
  for (const [name, colour] of Object.entries(palette)) {
    if (!present.has(name)) continue;
    const swatch = el("span", {class: "swatch"});
    swatch.style.backgroundColor = colour;
    list.append(el("li", {}, swatch, ` ${name}`));
  }
}

function elements(graph, by) {
  const degree = new Map();
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + edge.events);
  }
  // Busier actors are bigger.
  const nodes = graph.nodes.map((node) => ({
    data: {id: node.id, label: node.label, size: 10 + 4 * Math.sqrt(degree.get(node.id) ?? 0)},
  }));
  const edges = graph.edges.map((edge) => ({
    data: {
      id: edge.id, source: edge.source, target: edge.target,
      colour: colourOf(edge, by),
      width: 1.5 + 2 * Math.log2(edge.events),
      mark: edge.certainty === "denied" ? "✕" : "",
    },
    classes: [DASHED.has(edge.certainty) ? "dashed" : "", edge.certainty === "denied" ? "denied" : ""].join(" ").trim(),
  }));
  return [...nodes, ...edges];
}

async function showNode(node) {
  const title = document.getElementById("node-title");
  const list = clear(document.getElementById("node-events"));
  title.textContent = `Events of ${node.data("label")}`;
  const params = filterParams();
  params.set("actor_id", node.id());
  params.set("per_page", "200");
  try {
    const result = await api("/api/events", params);
    title.textContent = `${result.total} events of ${node.data("label")}`;
    list.append(...result.events.map((event) => el("li", {},
      typeChip(event.type), " ", actorLabel(event.source), " → ", actorLabel(event.target), " ",
      certaintyBadge(event.certainty),
      el("blockquote", {}, event.sentence),
      el("a", {href: articleHref(event)}, event.article_id))));
  } catch (error) {
    showError(list, error);
  }
}

async function main() {
  const summary = document.getElementById("summary");
  try {
    await setUpFilters(document.getElementById("filters"));
    const by = pageParams().get("colour") === "quad_class" ? "quad_class" : "type";
    const chooser = document.getElementById("colour-by");
    chooser.value = by;
    chooser.addEventListener("change", () => {
      const params = pageParams();
      params.set("colour", chooser.value);
      window.location.search = params.toString();
    });
    const graph = await api("/api/graph", filterParams());
    const notes = [`${graph.nodes.length} actors, ${graph.events_drawn} events (scroll to zoom, drag to move)`];
    if (graph.events_one_sided) notes.push(`${graph.events_one_sided} with one side only are not drawn`);
    if (graph.edges_left_out) notes.push(`${graph.edges_left_out} rarest edges left out`);
    summary.textContent = notes.join("; ");
    legend(by, graph.edges);
    const cy = window.cytoscape({
      container: document.getElementById("graph"),
      elements: elements(graph, by),
      style: [
        {selector: "node", style: {"label": "data(label)", "font-size": 11, "background-color": "#455a64",
                                   "color": "#263238", "text-valign": "bottom", "text-margin-y": 3,
                                   "width": "data(size)", "height": "data(size)",
                                   "text-background-color": "#ffffff", "text-background-opacity": 0.7,
                                   "min-zoomed-font-size": 4}},
        {selector: "node:selected", style: {"background-color": "#ff6f00"}},
        {selector: "edge", style: {"width": "data(width)", "line-color": "data(colour)",
                                   "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
                                   "curve-style": "bezier", "opacity": 0.85,
                                   "label": "data(mark)", "font-size": 14, "color": "#b71c1c"}},
        {selector: "edge.dashed", style: {"line-style": "dashed"}},
        {selector: "edge.denied", style: {"line-style": "dotted", "target-arrow-shape": "tee"}},
      ],
      // Spread out: news graphs are many small clusters around a few busy actors.
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000,
               idealEdgeLength: () => 80, nodeOverlap: 20, gravity: 0.5, componentSpacing: 60,
               numIter: 1500},
    });
    cy.on("tap", "node", (event) => showNode(event.target));
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(summary, error);
  }
}

main();
