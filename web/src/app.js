// The dashboard of tandem serve: one page talking to /api/v1/ with the user's token. Charts by
// ECharts (bundled by esbuild, served by the same binary, offline).
import * as echarts from "echarts";

const WORDS = {
  title: ["tandem · cross-regional cooperation", "tandem · 跨区域合作"],
  brief: ["Brief", "简报"],
  organisations: ["Organisations", "单位"],
  events: ["Events", "活动"],
  projects: ["Projects", "项目"],
  login: ["Log in with your API token", "使用 API 令牌登录"],
  login_help: ["Ask an administrator: tandem user add NAME --role viewer",
               "请管理员运行：tandem user add 用户名 --role viewer"],
  login_button: ["Log in", "登录"],
  open_brief: ["Open the brief", "打开简报"],
  create: ["Create", "创建"],
  run_schedule: ["Schedule (keep locks)", "排期（保留锁定）"],
  lock_help: ["Click a meeting, then an empty cell: the meeting is locked there and the schedule re-run.",
              "先点击一场会见，再点击一个空格：该会见锁定在此处并重新排期。"],
  portfolio: ["Impact of the event's projects", "活动项目的总体影响"],
  ledger_csv: ["Ledger (CSV)", "项目台账（CSV）"],
  ledger_xlsx: ["Ledger (XLSX)", "项目台账（XLSX）"],
  name: ["name", "名称"],
  region: ["region", "地区"],
  table: ["table", "桌号"],
  stage: ["stage", "阶段"],
  investment: ["investment (10k CNY)", "投资（万元）"],
  specialisations: ["Specialisations (RCA)", "优势产业（RCA）"],
  map: ["The provinces by value added, and the flows between the pair", "各省份增加值及两地之间的流量"],
  areas: ["Cooperation areas", "合作领域"],
  no_schedule: ["No schedule yet.", "尚未排期。"],
  agreements: ["Agreements", "协议"],
  new_event: ["New event", "新建活动"],
  title_en: ["title", "标题"],
  title_zh: ["Chinese title", "中文标题"],
  venue: ["venue", "地点"],
  symposium_file: ["Symposium (JSON, docs/match.md)", "座谈会文件（JSON，见 docs/match.md）"],
  amount: ["amount (10k CNY)", "金额（万元）"],
  sectors: ["sectors, e.g. 01,06", "部门代码，如 01,06"],
  event: ["event", "活动"],
  parties: ["parties", "签约方"],
  signed_on: ["signed on", "签约日期"],
  partner_region: ["buyer region", "购买方地区"],
  no_event: ["(no event)", "（无活动）"],
  no_party: ["(no organisation)", "（无单位）"],
  no_agreement: ["(no agreement)", "（无协议）"],
  agreement: ["agreement", "协议"],
  negotiating: ["negotiating", "洽谈中"],
  signed: ["signed", "已签约"],
  started: ["started", "已开工"],
  "in production": ["in production", "已投产"],
  dropped: ["dropped", "已终止"],
  bad_token: ["This token is not valid.", "令牌无效。"],
};

const STAGES = ["negotiating", "signed", "started", "in production", "dropped"];
const state = { token: localStorage.getItem("tandem-token") || "", lang: localStorage.getItem("tandem-lang") || "en",
                regions: [], charts: [] };
const t = (key) => (WORDS[key] || [key, key])[state.lang === "zh" ? 1 : 0];
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: { "Authorization": "Bearer " + state.token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = { error: text }; }
  if (!r.ok) throw new Error(json.error || r.statusText);
  return json;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function number(v) {
  if (v === null || v === undefined) return "-";
  const a = Math.abs(v);
  return a >= 1000 ? Math.round(v).toLocaleString("en-US") : Number(v.toPrecision(3)).toString();
}

// A table of the API's form (rows, columns, values) as HTML.
function tableHtml(t0, id) {
  let h = `<table${id ? ` id="${id}"` : ""}><tr>`;
  for (const level of t0.row_levels) h += `<th>${escapeHtml(level)}</th>`;
  for (const c of t0.columns) h += `<th>${escapeHtml(c.join(" "))}</th>`;
  h += "</tr>";
  t0.rows.forEach((row, r) => {
    h += "<tr>" + row.map((l) => `<td>${escapeHtml(l)}</td>`).join("");
    h += t0.values[r].map((v) => `<td class="num">${number(v)}</td>`).join("") + "</tr>";
  });
  return h + "</table>";
}

function chart(container, option) {
  const div = document.createElement("div");
  div.className = "chart";
  container.appendChild(div);
  const c = echarts.init(div, null, { renderer: "canvas" });
  c.setOption(option);
  state.charts.push(c);
  return c;
}

function translatePage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-tp]")) el.placeholder = t(el.dataset.tp);
  $("lang").textContent = state.lang === "zh" ? "English" : "中文";
}

function show(view) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== "view-" + view;
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.view === view);
  ({ brief: () => {}, organisations: loadOrganisations, events: loadEvents, agreements: loadAgreements,
     projects: loadProjects })[view]();
}

function regionName(r) { return state.lang === "zh" ? r.name_zh : r.name; }

async function login(token) {
  state.token = token;
  try {
    state.regions = (await api("GET", "/api/v1/regions")).items;
  } catch (e) {
    $("login-error").textContent = t("bad_token") + " " + e.message;
    return;
  }
  localStorage.setItem("tandem-token", token);
  $("login").hidden = true;
  $("tabs").hidden = false;
  fillRegions();
  show("brief");
}

function fillRegions() {
  for (const [id, pick] of [["region-a", "CN-HL"], ["region-b", "CN-AH"], ["org-region", "CN-HL"],
                            ["event-region-a", "CN-HL"], ["event-region-b", "CN-AH"],
                            ["project-region", "CN-HL"], ["project-partner", "CN-AH"]]) {
    $(id).innerHTML = state.regions.map((r) => `<option value="${r.iso}"${r.iso === pick ? " selected" : ""}>${escapeHtml(regionName(r))}</option>`).join("");
  }
}

// The brief: map with the flows between the pair, specialisations, areas with their reasons.
async function openBrief() {
  const out = $("brief-out");
  out.innerHTML = "…";
  state.charts.forEach((c) => c.dispose());
  state.charts = [];
  const a = $("region-a").value, b = $("region-b").value;
  const brief = await api("GET", `/api/v1/brief?a=${a}&b=${b}&lang=${state.lang}`);
  const byName = Object.fromEntries(brief.tables.map((x) => [x.name, x]));
  out.innerHTML = `<h2>${escapeHtml(byName.summary.notes[0])}</h2>` + tableHtml(byName.summary, "brief-summary");
  const map = byName.map, flows = byName.flows;
  if (map) {
    const points = map.rows.map((row, i) => ({ name: row[row.length - 1], value: [map.values[i][0], map.values[i][1], map.values[i][2]] }));
    const names = flows.rows.map((r) => r[r.length - 1]);
    const at = (name) => points.find((p) => p.name === name);
    const lines = [[0, 1], [1, 0]].filter(([i, j]) => at(names[i]) && at(names[j])).map(([i, j]) => ({
      coords: [at(names[i]).value.slice(0, 2), at(names[j]).value.slice(0, 2)], value: flows.values[i][j],
      lineStyle: { width: 2 + 6 * flows.values[i][j] / Math.max(flows.values[0][1], flows.values[1][0]), color: i === 0 ? "#c0392b" : "#2471a3", curveness: 0.2 },
    }));
    const max = Math.max(...points.map((p) => p.value[2]));
    chart(out, {
      title: { text: t("map"), textStyle: { fontSize: 14 } },
      tooltip: { formatter: (p) => p.seriesType === "lines" ? `${number(p.value)} (${flows.row_levels[0]})` : `${p.name}: ${number(p.value[2])}` },
      xAxis: { type: "value", min: 73, max: 135, show: false }, yAxis: { type: "value", min: 17, max: 50, show: false },
      series: [
        { type: "scatter", data: points, symbolSize: (v) => 6 + 40 * Math.sqrt(v[2] / max),
          label: { show: true, formatter: "{b}", position: "right", fontSize: 10 }, labelLayout: { hideOverlap: true },
          itemStyle: { color: (p) => p.name === names[0] ? "#c0392b" : p.name === names[1] ? "#2471a3" : "#aab7c4" } },
        { type: "lines", coordinateSystem: "cartesian2d", data: lines, symbol: ["none", "arrow"], symbolSize: 10 },
      ],
    });
  }
  const spec = byName.specialisations;
  chart(out, {
    title: { text: t("specialisations"), textStyle: { fontSize: 14 } },
    grid: { left: 260 }, tooltip: {},
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: spec.rows.map((r) => r.slice(0, 3).join(" ")), axisLabel: { width: 250, overflow: "truncate" } },
    series: [{ type: "bar", data: spec.values.map((v, i) => ({ value: v[0], itemStyle: { color: spec.rows[i][0] === spec.rows[0][0] ? "#c0392b" : "#2471a3" } })) }],
  });
  if (byName.areas) {
    out.insertAdjacentHTML("beforeend", `<h3>${t("areas")}</h3>` + tableHtml(byName.areas) +
      "<ul>" + brief.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("") + "</ul>");
  }
}

async function loadOrganisations() {
  const list = (await api("GET", "/api/v1/organisations?limit=1000")).items;
  const byIso = Object.fromEntries(state.regions.map((r) => [r.iso, r]));
  $("org-table").innerHTML = `<tr><th>id</th><th>${t("name")}</th><th>${t("region")}</th></tr>` +
    list.map((o) => `<tr><td>${o.id}</td><td>${escapeHtml(state.lang === "zh" && o.name_zh ? o.name_zh : o.name)}</td><td>${escapeHtml(byIso[o.region] ? regionName(byIso[o.region]) : o.region)}</td></tr>`).join("");
}

async function createOrganisation() {
  $("org-error").textContent = "";
  const body = { name: $("org-name").value, region: $("org-region").value };
  if ($("org-name-zh").value) body.name_zh = $("org-name-zh").value;
  try {
    await api("POST", "/api/v1/organisations", body);
    $("org-name").value = ""; $("org-name-zh").value = "";
    await loadOrganisations();
  } catch (e) { $("org-error").textContent = e.message; }
}

// A new event: its title, date and regions, and the symposium file that its schedule is made from.
async function createEvent() {
  $("event-error").textContent = "";
  const body = { title: $("event-title").value, date: $("event-date").value,
                 regions: [$("event-region-a").value, $("event-region-b").value] };
  if ($("event-title-zh").value) body.title_zh = $("event-title-zh").value;
  if ($("event-venue").value) body.venue = $("event-venue").value;
  try {
    const file = $("event-file").files[0];
    if (file) body.symposium = JSON.parse(await file.text());
    const made = await api("POST", "/api/v1/events", body);
    $("event-form").reset();
    $("event-new").open = false;
    await loadEvents();
    $("event-select").value = String(made.id);
    await showEvent();
  } catch (e) { $("event-error").textContent = e.message; }
}

let picked = null;  // the meeting clicked, waiting for a cell

async function loadEvents() {
  const events = (await api("GET", "/api/v1/events?limit=1000")).items;
  const keep = $("event-select").value;
  $("event-select").innerHTML = events.map((e) => `<option value="${e.id}">${escapeHtml(state.lang === "zh" && e.title_zh ? e.title_zh : e.title)} (${e.date})</option>`).join("");
  if (keep) $("event-select").value = keep;
  if (events.length) await showEvent();
}

// An organisation's name in the reader's language, from the event's symposium.
function organisationNames(symposium) {
  const names = {};
  for (const o of (symposium && symposium.organisations) || []) {
    names[o.id] = state.lang === "zh" && o.name_zh ? o.name_zh : o.name || o.id;
  }
  return (id) => names[id] || id;
}

function drawGrid(schedule, locks, nameOf = (id) => id) {
  const grid = $("schedule-grid");
  if (!schedule) { grid.innerHTML = ""; $("event-summary").textContent = t("no_schedule"); return; }
  $("event-summary").textContent = ((schedule.summary_by_lang || {})[state.lang] || schedule.summary).join(" · ");
  const cell = {};
  for (const m of schedule.meetings) cell[`${m.table}:${m.slot}`] = m;
  const isLocked = (m) => locks.some((l) => ((l.a === m.a && l.b === m.b) || (l.a === m.b && l.b === m.a)) && l.slot === m.slot);
  let h = `<tr><th>${t("table")}</th>` + [...Array(schedule.slots).keys()].map((s) => `<th>${s}</th>`).join("") + "</tr>";
  for (let table = 1; table <= schedule.tables; ++table) {
    h += `<tr><th>${table}</th>`;
    for (let slot = 0; slot < schedule.slots; ++slot) {
      const m = cell[`${table}:${slot}`];
      h += m ? `<td class="meeting${isLocked(m) ? " locked" : ""}" data-a="${escapeHtml(m.a)}" data-b="${escapeHtml(m.b)}" data-slot="${slot}" data-table="${table}" draggable="true" title="${escapeHtml(m.a)} – ${escapeHtml(m.b)}">${escapeHtml(nameOf(m.a))} – ${escapeHtml(nameOf(m.b))}</td>`
             : `<td class="free" data-slot="${slot}" data-table="${table}"></td>`;
    }
    h += "</tr>";
  }
  grid.innerHTML = h;
}

async function showEvent() {
  const id = $("event-select").value;
  if (!id) return;
  const e = await api("GET", `/api/v1/events/${id}`);
  drawGrid(e.schedule, (e.symposium && e.symposium.locked) || [], organisationNames(e.symposium));
  $("event-impact").innerHTML = "";
  try {
    const impact = await api("GET", `/api/v1/events/${id}/impact?lang=${state.lang}`);
    $("event-impact").innerHTML = tableHtml(impact, "event-impact-table");
  } catch (err) { $("event-impact").textContent = err.message; }
}

async function runSchedule(locked) {
  $("event-error").textContent = "";
  try {
    const r = await api("POST", `/api/v1/events/${$("event-select").value}/schedule?lang=${state.lang}`, locked ? { locked } : undefined);
    const e = await api("GET", `/api/v1/events/${$("event-select").value}`);
    drawGrid(r, (e.symposium && e.symposium.locked) || [], organisationNames(e.symposium));
  } catch (err) { $("event-error").textContent = err.message; }
}

// Click a meeting, then a free cell (or drag it there): lock it there and re-run.
async function onGridClick(target) {
  const td = target.closest("td");
  if (!td) return;
  if (td.classList.contains("meeting")) {
    document.querySelectorAll("#schedule-grid td.picked").forEach((x) => x.classList.remove("picked"));
    td.classList.add("picked");
    picked = { a: td.dataset.a, b: td.dataset.b };
  } else if (td.classList.contains("free") && picked) {
    const lock = { a: picked.a, b: picked.b, slot: Number(td.dataset.slot), table: Number(td.dataset.table) };
    picked = null;
    await runSchedule([lock]);
  }
}

function options(items, label, none) {
  return `<option value="">${escapeHtml(none)}</option>` +
    items.map((x) => `<option value="${x.id}">${escapeHtml(label(x))}</option>`).join("");
}

function sectorsOf(text) { return text.split(",").map((x) => x.trim()).filter((x) => x); }

const localName = (x) => (state.lang === "zh" && (x.name_zh || x.title_zh)) || x.name || x.title;

async function loadAgreements() {
  const [agreements, organisations, events] = await Promise.all(
    ["agreements", "organisations", "events"].map((k) => api("GET", `/api/v1/${k}?limit=1000`).then((r) => r.items)));
  const orgName = Object.fromEntries(organisations.map((o) => [o.id, localName(o)]));
  const eventName = Object.fromEntries(events.map((e) => [e.id, localName(e)]));
  $("agreement-event").innerHTML = options(events, (e) => `${localName(e)} (${e.date})`, t("no_event"));
  for (const id of ["agreement-party-a", "agreement-party-b"]) $(id).innerHTML = options(organisations, localName, t("no_party"));
  $("agreement-table").innerHTML = `<tr><th>id</th><th>${t("title_en")}</th><th>${t("event")}</th><th>${t("parties")}</th>` +
    `<th>${t("signed_on")}</th><th>${t("amount")}</th><th>${t("sectors")}</th></tr>` +
    agreements.map((a) => `<tr><td>${a.id}</td><td>${escapeHtml(a.title)}</td><td>${escapeHtml(eventName[a.event_id] || "")}</td>` +
      `<td>${[a.party_a, a.party_b].filter((p) => p).map((p) => escapeHtml(orgName[p] || p)).join(" – ")}</td>` +
      `<td>${escapeHtml(a.signed_on || "")}</td><td class="num">${number(a.amount)}</td><td>${escapeHtml((a.sectors || []).join(", "))}</td></tr>`).join("");
}

async function createAgreement() {
  $("agreement-error").textContent = "";
  const body = { title: $("agreement-title").value };
  const id = (k) => $(k).value ? Number($(k).value) : undefined;
  body.event_id = id("agreement-event");
  body.party_a = id("agreement-party-a");
  body.party_b = id("agreement-party-b");
  if ($("agreement-signed").value) body.signed_on = $("agreement-signed").value;
  if ($("agreement-amount").value) body.amount = Number($("agreement-amount").value);
  if ($("agreement-sectors").value) body.sectors = sectorsOf($("agreement-sectors").value);
  try {
    await api("POST", "/api/v1/agreements", body);  // unset ids are left out
    $("agreement-form").reset();
    await loadAgreements();
  } catch (e) { $("agreement-error").textContent = e.message; }
}

async function loadProjects() {
  const [list, agreements] = await Promise.all(
    ["projects", "agreements"].map((k) => api("GET", `/api/v1/${k}?limit=1000`).then((r) => r.items)));
  const keep = $("project-agreement").value;
  $("project-agreement").innerHTML = options(agreements, (a) => a.title, t("no_agreement"));
  $("project-agreement").value = keep;
  $("project-stage").innerHTML = STAGES.map((s) => `<option value="${s}">${escapeHtml(t(s))}</option>`).join("");
  const byIso = Object.fromEntries(state.regions.map((r) => [r.iso, r]));
  const region = (iso) => escapeHtml(byIso[iso] ? regionName(byIso[iso]) : iso || "");
  const stageSelect = (p) => `<select class="stage" data-id="${p.id}">` +
    STAGES.map((s) => `<option value="${s}"${s === p.stage ? " selected" : ""}>${escapeHtml(t(s))}</option>`).join("") + "</select>";
  $("project-table").innerHTML = `<tr><th>id</th><th>${t("name")}</th><th>${t("stage")}</th><th>${t("region")}</th>` +
    `<th>${t("partner_region")}</th><th>${t("sectors")}</th><th>${t("investment")}</th></tr>` +
    list.map((p) => `<tr class="clickable" data-id="${p.id}"><td>${p.id}</td><td>${escapeHtml(p.name)}</td><td>${stageSelect(p)}</td>` +
      `<td>${region(p.region)}</td><td>${region(p.partner_region)}</td><td>${escapeHtml((p.sectors || []).join(", "))}</td>` +
      `<td class="num">${number(p.investment)}</td></tr>`).join("");
}

async function createProject() {
  $("project-error").textContent = "";
  const body = { name: $("project-name").value, region: $("project-region").value,
                 partner_region: $("project-partner").value, sectors: sectorsOf($("project-sectors").value),
                 stage: $("project-stage").value };
  if ($("project-agreement").value) body.agreement_id = Number($("project-agreement").value);
  if ($("project-investment").value) body.investment = Number($("project-investment").value);
  try {
    const made = await api("POST", "/api/v1/projects", body);
    $("project-form").reset();
    await loadProjects();
    await showImpact(made.id);
  } catch (e) { $("project-error").textContent = e.message; }
}

// A new stage is saved at once; the impact is recomputed by the service when it is next asked.
async function changeStage(select) {
  $("project-error").textContent = "";
  try {
    await api("PATCH", `/api/v1/projects/${select.dataset.id}`, { stage: select.value });
    select.classList.add("saved");
  } catch (e) { $("project-error").textContent = e.message; }
}

async function showImpact(id) {
  state.impactOf = id;  // shown again in the other language when the reader switches
  const impact = await api("GET", `/api/v1/projects/${id}/impact?lang=${state.lang}`);
  const out = $("project-impact");
  const title = state.lang === "zh" ? `项目 ${id} 的影响（${escapeHtml(impact.unit)}）`
                                    : `Impact of project ${id} (${escapeHtml(impact.unit)})`;
  out.innerHTML = `<h3>${title}</h3>` + tableHtml(impact, "impact-table");
  const regions = impact.rows.slice(0, -1).map((r) => r[0]);
  chart(out, {
    animation: false, tooltip: {}, legend: {},
    xAxis: { type: "category", data: regions }, yAxis: { type: "value", name: impact.unit },
    series: [0, 1, 2].map((c) => ({ type: "bar", stack: "output", name: impact.columns[c].join(" "),
                                    data: impact.values.slice(0, -1).map((v) => v[c]) })),
  });
}

async function download(path, name) {
  const r = await fetch(path, { headers: { Authorization: "Bearer " + state.token } });
  const url = URL.createObjectURL(await r.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

function wire() {
  $("login-form").addEventListener("submit", (e) => { e.preventDefault(); login($("token").value.trim()); });
  $("brief-form").addEventListener("submit", (e) => { e.preventDefault(); openBrief().catch((err) => { $("brief-out").textContent = err.message; }); });
  $("org-form").addEventListener("submit", (e) => { e.preventDefault(); createOrganisation(); });
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => show(b.dataset.view));
  $("event-select").addEventListener("change", showEvent);
  $("event-schedule").addEventListener("click", () => runSchedule());
  $("schedule-grid").addEventListener("click", (e) => onGridClick(e.target));
  $("schedule-grid").addEventListener("dragstart", (e) => onGridClick(e.target));
  $("schedule-grid").addEventListener("dragover", (e) => e.preventDefault());
  $("schedule-grid").addEventListener("drop", (e) => { e.preventDefault(); onGridClick(e.target); });
  $("event-form").addEventListener("submit", (e) => { e.preventDefault(); createEvent(); });
  $("agreement-form").addEventListener("submit", (e) => { e.preventDefault(); createAgreement(); });
  $("project-form").addEventListener("submit", (e) => { e.preventDefault(); createProject(); });
  $("project-table").addEventListener("change", (e) => { if (e.target.matches("select.stage")) changeStage(e.target); });
  $("project-table").addEventListener("click", (e) => {
    if (e.target.closest("select")) return;
    const tr = e.target.closest("tr[data-id]");
    if (tr) showImpact(tr.dataset.id);
  });
  $("ledger-csv").addEventListener("click", (e) => { e.preventDefault(); download("/api/v1/projects/ledger.csv", "projects.csv"); });
  $("ledger-xlsx").addEventListener("click", (e) => { e.preventDefault(); download("/api/v1/projects/ledger.xlsx", "projects.xlsx"); });
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    localStorage.setItem("tandem-lang", state.lang);
    translatePage();
    if (!state.regions.length) return;
    fillRegions();
    const active = document.querySelector("#tabs button.active");
    if (active && active.dataset.view !== "brief") show(active.dataset.view);
    if (active && active.dataset.view === "projects" && state.impactOf) showImpact(state.impactOf);
  });
  translatePage();
  if (state.token) login(state.token);
}

wire();
