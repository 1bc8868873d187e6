// The timeline page: events per day, week or month, stacked by PLOVER type, drawn as SVG.
import {TYPE_COLOURS, api, clear, el, filterParams, pageParams, setUpFilters,
        showError} from "/static/explorer.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 320;
const MARGIN = {top: 12, right: 12, bottom: 40, left: 40};

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

// Every bucket from the first to the last, empty ones included, so that time reads evenly.
function buckets(first, last, bucket) {
  const days = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (day <= end) {
    days.push(day.toISOString().slice(0, 10));
    if (bucket === "day") day.setUTCDate(day.getUTCDate() + 1);
    else if (bucket === "week") day.setUTCDate(day.getUTCDate() + 7);
    else day.setUTCMonth(day.getUTCMonth() + 1);
  }
  return days;
}

function draw(timeline) {
  const chart = clear(document.getElementById("chart"));
  if (!timeline.counts.length) {
    chart.append(el("p", {class: "muted"}, "No dated events match."));
    return;
  }
  const names = timeline.counts.map((c) => c.bucket).sort();
  const columns = buckets(names[0], names[names.length - 1], timeline.bucket);
  const stacks = new Map(columns.map((column) => [column, []]));
  for (const count of timeline.counts) stacks.get(count.bucket)?.push(count);
  const highest = Math.max(...[...stacks.values()].map((s) => s.reduce((sum, c) => sum + c.count, 0)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / columns.length;
  const scale = plotHeight / highest;
  const root = svg("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "timeline"});
  root.append(svg("title", {}, `events per ${timeline.bucket} by type`));
  for (const tick of [0, Math.ceil(highest / 2), highest]) {
    const y = MARGIN.top + plotHeight - tick * scale;
    root.append(svg("line", {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: "grid"}),
                svg("text", {x: MARGIN.left - 6, y: y + 4, "text-anchor": "end", class: "axis"}, String(tick)));
  }
  const labelEvery = Math.max(1, Math.ceil(columns.length / 12));
  columns.forEach((column, index) => {
    const x = MARGIN.left + index * step;
    let y = MARGIN.top + plotHeight;
    const order = timeline.types;
    const stack = stacks.get(column).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    for (const count of stack) {
      const height = count.count * scale;
      y -= height;
      const bar = svg("rect", {x: x + step * 0.1, y, width: Math.max(1, step * 0.8), height,
                               fill: TYPE_COLOURS[count.type] ?? "#757575", "data-type": count.type});
      bar.append(svg("title", {}, `${column} · ${count.type}: ${count.count}`));
      root.append(bar);
    }
    if (index % labelEvery === 0) {
      root.append(svg("text", {x: x + step / 2, y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle",
                               class: "axis"}, column));
    }
  });
  chart.append(root);
  const legend = clear(document.getElementById("legend"));
  for (const type of timeline.types) {
    const swatch = el("span", {class: "swatch"});
    swatch.style.backgroundColor = TYPE_COLOURS[type] ?? "#757575";
    legend.append(el("li", {}, swatch, ` ${type}`));
  }
}

async function main() {
  const summary = document.getElementById("summary");
  try {
    await setUpFilters(document.getElementById("filters"));
    const current = pageParams();
    const controls = {bucket: document.getElementById("bucket"), dated_by: document.getElementById("dated-by")};
    controls.bucket.value = ["day", "week", "month"].includes(current.get("bucket")) ? current.get("bucket") : "week";
    controls.dated_by.value = current.get("dated_by") === "event" ? "event" : "article";
    for (const [name, control] of Object.entries(controls)) {
      control.addEventListener("change", () => {
        const params = pageParams();
        params.set(name, control.value);
        window.location.search = params.toString();
      });
    }
    const params = filterParams();
    params.set("bucket", controls.bucket.value);
    params.set("dated_by", controls.dated_by.value);
    const timeline = await api("/api/timeline", params);
    const total = timeline.counts.reduce((sum, c) => sum + c.count, 0);
    summary.textContent = `${total} events charted` +
      (timeline.left_out ? `; ${timeline.left_out} have no such date and are left out` : "");
    draw(timeline);
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(summary, error);
  }
}

main();
