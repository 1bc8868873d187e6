// What every page of the explorer shares: building elements, calling the API, the filter
// bar, colours and labels.
//
// Data from the store (article text, names, sources) only ever reaches the page as text
// nodes or attribute values set one by one: never as HTML to parse.

export const TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9e9d24", CONCEDE: "#26a69a",
  COOPERATE: "#1565c0", AID: "#29b6f6", RETREAT: "#5c6bc0",
  REQUEST: "#f9a825", ACCUSE: "#ef6c00", REJECT: "#8d6e63", THREATEN: "#d84315",
  PROTEST: "#ad1457", SANCTION: "#6a1b9a", MOBILIZE: "#ec407a", COERCE: "#c62828",
  ASSAULT: "#4e342e",
};
export const QUAD_COLOURS = {
  "verbal cooperation": "#43a047", "material cooperation": "#1e88e5",
  "verbal conflict": "#fb8c00", "material conflict": "#c62828",
};

// el("a", {href: "/x", class: "y"}, "text", otherNode): strings become text nodes.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href" && !isSafeHref(String(value))) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links go to this site or to an http(s) page: never to javascript: or data: URLs.
export function isSafeHref(href) {
  return href.startsWith("/") || href.startsWith("#") || /^https?:\/\//i.test(href);
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export async function api(path, params = new URLSearchParams()) {
  const query = params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
    throw new Error(`${response.status} ${response.statusText}: ${detail}`);
  }
  return body;
}

export function showError(container, error) {
  clear(container).append(el("p", {class: "error", role: "alert"}, String(error.message ?? error)));
}

export function actorLabel(actor) {
  if (!actor) return "—";
  const code = [actor.country ?? actor.org, actor.sector].filter(Boolean).join(" ");
  if (actor.name) return code ? `${actor.name} (${code})` : actor.name;
  return code || "—";
}

export function typeChip(type) {
  const chip = el("span", {class: "chip", title: type}, type);
  chip.style.backgroundColor = TYPE_COLOURS[type] ?? "#757575";
  return chip;
}

export function certaintyBadge(certainty) {
  return el("span", {class: `certainty certainty-${certainty}`}, certainty);
}

// The attribution chain, outermost source first; the outlet itself when it is empty.
export function chainList(sources) {
  if (!sources.length) return el("span", {class: "chain chain-empty"}, "the outlet itself");
  return el("ol", {class: "chain"}, sources.map((source) => el("li", {}, source)));
}

// --- filters -----------------------------------------------------------------------------
// The same filters on every page, kept in the address (so a filtered view can be shared and
// the nav links carry it from page to page).
export const FILTER_NAMES = ["q", "type", "certainty", "country", "actor", "source", "outlet",
                             "since", "until"];

export function pageParams() {
  return new URLSearchParams(window.location.search);
}

export function filterParams(from = pageParams()) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = (from.get(name) ?? "").trim();
    if (value) params.set(name, value);
  }
  return params;
}

function select(name, label, options) {
  return el("label", {}, label, el("select", {name},
    el("option", {value: ""}, "any"),
    options.map(({value, count}) => el("option", {value}, count === undefined ? value : `${value} (${count})`))));
}

function field(name, label, type = "text", placeholder = "") {
  return el("label", {}, label, el("input", {name, type, placeholder: placeholder || null}));
}

// Builds the filter bar into `form` from /api/facets, filled from the address; applying it
// reloads the page with the new address.
export async function setUpFilters(form) {
  const facets = await api("/api/facets");
  form.append(
    field("q", "Text", "search", "words of the sentence, title, names"),
    select("type", "Type", facets.types),
    select("certainty", "Certainty", facets.certainties),
    select("country", "Country", facets.countries),
    field("actor", "Actor", "text", "name or org"),
    field("source", "According to", "text", "a source in the chain"),
    select("outlet", "Outlet", facets.outlets),
    field("since", "From", "date"),
    field("until", "To", "date"),
    el("button", {type: "submit"}, "Apply"),
    el("a", {href: window.location.pathname, class: "reset"}, "Reset"),
  );
  const current = pageParams();
  for (const name of FILTER_NAMES) {
    const input = form.elements.namedItem(name);
    const value = current.get(name);
    if (input && value) input.value = value;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = filterParams(new URLSearchParams(new FormData(form)));
    // Options of the page itself (colouring, bucket) survive a change of filters.
    for (const [name, value] of pageParams()) {
      if (!FILTER_NAMES.includes(name) && name !== "page") params.set(name, value);
    }
    window.location.search = params.toString();
  });
  // Nav links keep the filters from page to page.
  const query = filterParams().toString();
  for (const link of document.querySelectorAll("nav a[data-keep-filters]")) {
    link.setAttribute("href", query ? `${link.getAttribute("href")}?${query}` : link.getAttribute("href"));
  }
  return facets;
}

export function articleHref(event) {
  return `/article/${encodeURIComponent(event.article_hash)}#event-${encodeURIComponent(event.id)}`;
}
