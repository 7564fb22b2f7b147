// The dashboard in Debian's Chromium (puppeteer-core): log in with a token, create an
// organisation, open a brief, create an event from the shipped symposium file, lock a meeting of
// its schedule and see it kept after the re-run, create an agreement and a project from it, see
// the project's impact, change its stage, switch to Chinese. Usage:
// node test/dashboard.test.mjs TANDEM
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const tandem = process.argv[2];
const work = mkdtempSync(join(tmpdir(), "tandem-dashboard-"));
const db = join(work, "dashboard.db");

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const base = `http://127.0.0.1:${port}`;
const token = execFileSync(tandem, ["user", "add", "ada", "--role", "admin", "--db", db]).toString().trim().split("\n").pop();
const server = spawn(tandem, ["serve", "--db", db, "--port", String(port), "--web", join(here, "..", "dist")],
                     { stdio: ["ignore", "ignore", "inherit"] });
let browser;

async function api(method, path, body) {
  const r = await fetch(base + path, { method, body: body && JSON.stringify(body),
    headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" } });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

function check(cond, what) { if (!cond) throw new Error("FAILED: " + what); }

try {
  for (let i = 0; i < 100; ++i) {
    try { await fetch(base + "/api/v1/health"); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  // The project whose impact is compared with the one made in the dashboard: made through the API.
  const symposiumFile = join(here, "..", "..", "data", "symposium", "heilongjiang_anhui_2026.json");
  const org = await api("POST", "/api/v1/organisations", { name: "Northeast Agricultural University", region: "CN-HL" });
  const agreement = await api("POST", "/api/v1/agreements", { title: "seeds", party_a: org.id });
  const project = await api("POST", "/api/v1/projects", { name: "soybean seed base", agreement_id: agreement.id,
    region: "CN-HL", partner_region: "CN-AH", sectors: ["01"], investment: 50000 });
  const symposium = JSON.parse(readFileSync(symposiumFile, "utf8"));
  const organisationNames = new Set(symposium.organisations.map((o) => o.name));

  browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(base + "/", { waitUntil: "load" });

  // Log in.
  await page.type("#token", token);
  await page.click("#login-form button");
  await page.waitForSelector("#tabs:not([hidden])", { timeout: 10000 });

  // Create an organisation.
  await page.click('#tabs button[data-view="organisations"]');
  await page.type("#org-name", "Chery Automobile");
  await page.select("#org-region", "CN-AH");
  await page.click("#org-form button");
  await page.waitForFunction(() => document.querySelector("#org-table").textContent.includes("Chery Automobile"), { timeout: 10000 });

  // Open a brief: its summary and two charts drawn.
  await page.click('#tabs button[data-view="brief"]');
  await page.click("#brief-form button");
  await page.waitForSelector("#brief-summary", { timeout: 30000 });
  const summary = await page.$eval("#brief-summary", (e) => e.textContent);
  check(summary.includes("Heilongjiang") && summary.includes("value added (CNY bn)"), "brief summary: " + summary.slice(0, 200));
  const canvases = await page.$$eval("#brief-out .chart canvas", (c) => c.length);
  check(canvases >= 2, `charts drawn: ${canvases}; page errors: ${errors.join("; ")}`);

  // Create an event from the symposium file, schedule it, then lock a meeting into a free cell
  // and see it there after the re-run; the grid names the organisations.
  await page.click('#tabs button[data-view="events"]');
  await page.click("#event-new summary");
  await page.type("#event-title", "Heilongjiang-Anhui");
  await page.$eval("#event-date", (e) => { e.value = "2026-12-03"; });
  await (await page.$("#event-file")).uploadFile(symposiumFile);
  await page.click("#event-form button");
  await page.waitForFunction(() => document.querySelector("#event-select").selectedOptions[0]?.textContent.includes("Heilongjiang-Anhui"), { timeout: 10000 });
  const events = (await api("GET", "/api/v1/events")).items;
  check(events.length === 1 && events[0].symposium.organisations.length === symposium.organisations.length,
        "event created with its symposium: " + JSON.stringify(events.map((e) => e.title)));
  await page.click("#event-schedule");
  await page.waitForSelector("#schedule-grid td.meeting", { timeout: 30000 });
  const shown = await page.$eval("#schedule-grid td.meeting", (td) => td.textContent);
  check([...organisationNames].some((n) => shown.startsWith(n) || shown.endsWith(n)), "grid cell names: " + shown);
  const moving = await page.$eval("#schedule-grid td.meeting", (td) => ({ a: td.dataset.a, b: td.dataset.b }));
  const target = await page.$eval("#schedule-grid td.free", (td) => ({ slot: td.dataset.slot, table: td.dataset.table }));
  await page.click("#schedule-grid td.meeting");
  await page.click(`#schedule-grid td.free[data-slot="${target.slot}"][data-table="${target.table}"]`);
  await page.waitForSelector(`#schedule-grid td.locked[data-slot="${target.slot}"][data-table="${target.table}"]`, { timeout: 30000 });
  const locked = await page.$eval(`#schedule-grid td.locked[data-slot="${target.slot}"][data-table="${target.table}"]`,
                                  (td) => [td.dataset.a, td.dataset.b].sort().join(" "));
  check(locked === [moving.a, moving.b].sort().join(" "), `locked ${locked}, moved ${moving.a} ${moving.b}`);
  // The portfolio's impact, once an agreement with a project is tied to the event.
  await api("PATCH", `/api/v1/agreements/${agreement.id}`, { event_id: events[0].id });
  await page.$eval("#event-select", (e) => e.dispatchEvent(new Event("change")));
  await page.waitForSelector("#event-impact-table", { timeout: 30000 });

  // A project's impact.
  await page.click('#tabs button[data-view="projects"]');
  await page.waitForSelector(`#project-table tr[data-id="${project.id}"]`);
  await page.click(`#project-table tr[data-id="${project.id}"] td`);
  await page.waitForSelector("#impact-table", { timeout: 30000 });
  const impact = await page.$eval("#impact-table", (e) => e.textContent);
  check(impact.includes("Heilongjiang") && impact.includes("Anhui") && impact.includes("Rest of China"), "impact: " + impact.slice(0, 200));

  // An agreement signed at the event by the organisation made above, and a project from it with
  // the same demand as the API's: the same impact.
  await page.click('#tabs button[data-view="agreements"]');
  await page.waitForFunction(() => document.querySelectorAll("#agreement-party-a option").length >= 3);
  await page.type("#agreement-title", "cars for Heilongjiang");
  await page.select("#agreement-event", String(events[0].id));
  const chery = (await api("GET", "/api/v1/organisations")).items.find((o) => o.name === "Chery Automobile");
  await page.select("#agreement-party-a", String(chery.id));
  await page.type("#agreement-amount", "120000");
  await page.type("#agreement-sectors", "18");
  await page.click("#agreement-form button");
  await page.waitForFunction(() => document.querySelector("#agreement-table").textContent.includes("cars for Heilongjiang"), { timeout: 10000 });
  const signed = (await api("GET", "/api/v1/agreements")).items.find((a) => a.title === "cars for Heilongjiang");
  check(signed && signed.event_id === events[0].id && signed.party_a === chery.id && signed.amount === 120000 &&
        signed.sectors.join() === "18", "agreement: " + JSON.stringify(signed));
  await page.click('#tabs button[data-view="projects"]');
  await page.waitForFunction(() => document.querySelectorAll("#project-agreement option").length >= 3);
  await page.type("#project-name", "soybean seed base 2");
  await page.select("#project-agreement", String(agreement.id));
  await page.type("#project-sectors", "01");
  await page.type("#project-investment", "50000");
  await page.click("#project-form button");
  await page.waitForSelector(`#project-table tr[data-id="${project.id + 1}"]`, { timeout: 10000 });
  await page.waitForFunction((id) => document.querySelector("#project-impact h3")?.textContent.includes(String(id)), { timeout: 30000 }, project.id + 1);
  const impact2 = await page.$eval("#impact-table", (e) => e.textContent);
  check(impact2 === impact, "the dashboard's project has the API project's impact");
  await page.select(`#project-table select.stage[data-id="${project.id + 1}"]`, "started");
  await page.waitForSelector(`#project-table select.stage.saved[data-id="${project.id + 1}"]`, { timeout: 10000 });
  const started = await api("GET", `/api/v1/projects/${project.id + 1}`);
  check(started.stage === "started" && started.agreement_id === agreement.id, "stage: " + JSON.stringify(started));

  // Both languages.
  await page.click("#lang");
  const tab = await page.$eval('#tabs button[data-view="brief"]', (e) => e.textContent);
  check(tab === "简报", "Chinese tab: " + tab);
  check(errors.length === 0, "page errors: " + errors.join("; "));
  if (process.env.DASHBOARD_SCREENSHOTS) {
    await page.screenshot({ path: join(process.env.DASHBOARD_SCREENSHOTS, "projects.png"), fullPage: true });
    await page.click('#tabs button[data-view="brief"]');
    await page.click("#brief-form button");
    await page.waitForSelector("#brief-summary", { timeout: 30000 });
    await new Promise((r) => setTimeout(r, 1500));
    await page.screenshot({ path: join(process.env.DASHBOARD_SCREENSHOTS, "brief_zh.png"), fullPage: true });
    await page.click('#tabs button[data-view="events"]');
    await new Promise((r) => setTimeout(r, 1500));
    await page.screenshot({ path: join(process.env.DASHBOARD_SCREENSHOTS, "events_zh.png"), fullPage: true });
  }
  console.log(`ok: logged in, created an organisation, opened a brief (${canvases} charts), created an event from the symposium, locked ${moving.a}-${moving.b} at slot ${target.slot} table ${target.table}, saw project ${project.id}'s impact, created an agreement and a project with the same impact, started it, switched to Chinese`);
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
