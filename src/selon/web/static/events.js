// The events page: a sortable, paginated table of the events that match the filters, each
// row linking to its article.
import {actorLabel, api, articleHref, certaintyBadge, clear, el, filterParams, pageParams,
        setUpFilters, showError, typeChip} from "/static/explorer.js";

const PER_PAGE = 50;
// [label, sort key of /api/events or null when the column does not sort]
const COLUMNS = [["Date", "date"], ["Type", "type"], ["Source", "source"], ["Target", "target"],
                 ["Certainty", "certainty"], ["According to", null], ["Outlet", "outlet"],
                 ["Sentence", null], ["Article", "article"]];

function withParams(changes) {
  const params = pageParams();
  for (const [name, value] of Object.entries(changes)) params.set(name, String(value));
  return `?${params.toString()}`;
}

function header(sort, order) {
  const row = clear(document.getElementById("columns"));
  for (const [label, key] of COLUMNS) {
    if (!key) { row.append(el("th", {scope: "col"}, label)); continue; }
    const active = key === sort;
    const next = active && order === "asc" ? "desc" : "asc";
    row.append(el("th", {scope: "col", "aria-sort": active ? (order === "asc" ? "ascending" : "descending") : null},
      el("a", {href: withParams({sort: key, order: next, page: 1}), class: active ? "sorted" : null},
        label, active ? (order === "asc" ? " ▲" : " ▼") : "")));
  }
}

function dateCell(event) {
  if (event.date) return el("td", {class: "date"}, event.date);
  return el("td", {class: "date muted", title: "no date in the text: the article's date"}, event.article_date ?? "");
}

function row(event) {
  const sentence = event.sentence.length > 180 ? `${event.sentence.slice(0, 177)}…` : event.sentence;
  return el("tr", {"data-event": event.id, "data-type": event.type},
    dateCell(event),
    el("td", {}, typeChip(event.type)),
    el("td", {class: "source"}, actorLabel(event.source)),
    el("td", {class: "target"}, actorLabel(event.target)),
    el("td", {}, certaintyBadge(event.certainty)),
    el("td", {class: "according-to"}, event.attributed_to.join(" › ") || null),
    el("td", {class: "outlet"}, event.outlet ?? ""),
    el("td", {class: "sentence", title: event.sentence}, sentence),
    el("td", {}, el("a", {href: articleHref(event), class: "article-link"}, event.article_id)));
}

function pager(total, page) {
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const nav = clear(document.getElementById("pager"));
  if (page > 1) nav.append(el("a", {href: withParams({page: page - 1}), rel: "prev"}, "← previous"));
  nav.append(el("span", {}, ` page ${page} of ${pages} `));
  if (page < pages) nav.append(el("a", {href: withParams({page: page + 1}), rel: "next"}, "next →"));
}

async function main() {
  const summary = document.getElementById("summary");
  try {
    await setUpFilters(document.getElementById("filters"));
    const current = pageParams();
    const sort = current.get("sort") ?? "date";
    const order = current.get("order") === "desc" ? "desc" : "asc";
    const page = Math.max(1, Number.parseInt(current.get("page") ?? "1", 10) || 1);
    const params = filterParams();
    params.set("sort", sort);
    params.set("order", order);
    params.set("page", String(page));
    params.set("per_page", String(PER_PAGE));
    const result = await api("/api/events", params);
    header(sort, order);
    clear(document.querySelector("#events tbody")).append(...result.events.map(row));
    summary.textContent = `${result.total} events`;
    pager(result.total, page);
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(summary, error);
  }
}

main();
