// The article page: the text with each event's sentence highlighted and its trigger
// underlined, and beside it each event with its sides, certainty and attribution chain.
// A click on a sentence shows its events; a click on an event shows its sentence.
import {actorLabel, api, certaintyBadge, chainList, clear, el, showError,
        typeChip} from "/static/explorer.js";

function key() {
  const path = window.location.pathname.replace(/^\/article\//, "");
  return decodeURIComponent(path);
}

function focus(number, events) {
  for (const node of document.querySelectorAll(".focus")) node.classList.remove("focus");
  for (const mark of document.querySelectorAll("mark.sentence")) {
    if (mark.dataset.events.split(" ").includes(String(number))) mark.classList.add("focus");
  }
  const card = document.getElementById(`event-${events[number].id}`);
  card?.classList.add("focus");
  return card;
}

function inView(node) {
  const box = node.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

// Scrolls the side column alone, so that the text stays where the reader left it.
function showInSide(card) {
  const side = card?.closest("aside");
  if (side) side.scrollTop += card.getBoundingClientRect().top - side.getBoundingClientRect().top - 16;
}

function text(article) {
  const container = clear(document.getElementById("text"));
  for (const segment of article.segments) {
    let node = document.createTextNode(segment.text);
    if (segment.triggers.length) node = el("u", {class: "trigger"}, node);
    if (segment.events.length) {
      const types = [...new Set(segment.events.map((n) => article.events[n].type))].join(" ");
      node = el("mark", {class: "sentence", "data-events": segment.events.join(" "), title: types}, node);
      node.addEventListener("click", () => {
        showInSide(focus(segment.events[0], article.events));
      });
    }
    container.append(node);
  }
}

function card(event, number, events) {
  const facts = [
    ["Certainty", certaintyBadge(event.certainty)],
    ["According to", chainList(event.attributed_to)],
    ["Date", event.date],
    ["Where", event.location],
    ["What", event.objects.join("; ")],
    ["Trigger", event.provenance.trigger],
    ["Rule", event.provenance.rule],
  ].filter(([, value]) => value);
  const item = el("li", {id: `event-${event.id}`, class: "event-card", "data-type": event.type},
    el("p", {}, typeChip(event.type), " ", el("span", {class: "source"}, actorLabel(event.source)),
      " → ", el("span", {class: "target"}, actorLabel(event.target))),
    el("dl", {}, facts.map(([label, value]) => [el("dt", {}, label), el("dd", {}, value)])));
  item.addEventListener("click", () => {
    focus(number, events);
    const mark = document.querySelector("mark.sentence.focus");
    if (mark && !inView(mark)) mark.scrollIntoView({block: "center", behavior: "smooth"});
  });
  return item;
}

async function main() {
  const title = document.getElementById("title");
  try {
    const article = await api(`/api/articles/${encodeURIComponent(key())}`);
    title.textContent = article.title ?? article.external_id ?? article.id;
    document.title = `selon · ${title.textContent}`;
    const meta = clear(document.getElementById("meta"));
    meta.append([article.outlet, article.date, article.lang].filter(Boolean).join(" · "),
                " · id ", el("code", {}, article.external_id ?? ""), " · hash ", el("code", {}, article.id));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      meta.append(" · ", el("a", {href: article.url, rel: "noopener noreferrer"}, "original"));
    }
    text(article);
    document.getElementById("events-title").textContent = `${article.events.length} events`;
    const list = clear(document.getElementById("events"));
    list.append(...article.events.map((event, number) => card(event, number, article.events)));
    // Opened from a row of the events table: show that event.
    const wanted = article.events.findIndex((event) => `#event-${event.id}` === window.location.hash);
    if (wanted >= 0) {
      showInSide(focus(wanted, article.events));
      const mark = document.querySelector("mark.sentence.focus");
      if (mark && !inView(mark)) mark.scrollIntoView({block: "center"});
    }
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(document.getElementById("text"), error);
    title.textContent = "Article not found";
  }
}

main();
