// The dashboard in Debian's Chromium (puppeteer-core): log in with a token, create an
// organisation, open a brief, lock a meeting of an event's schedule and see it kept after the
// re-run, see a project's impact, switch to Chinese. Usage: node test/dashboard.test.mjs TANDEM
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
  // An event with the shipped symposium, an agreement signed there and a project from it.
  const symposium = JSON.parse(readFileSync(join(here, "..", "..", "data", "symposium", "heilongjiang_anhui_2026.json"), "utf8"));
  const event = await api("POST", "/api/v1/events", { title: "Heilongjiang-Anhui", title_zh: "黑龙江—安徽座谈会",
    date: "2026-12-03", regions: ["CN-HL", "CN-AH"], symposium });
  const org = await api("POST", "/api/v1/organisations", { name: "Northeast Agricultural University", region: "CN-HL" });
  const agreement = await api("POST", "/api/v1/agreements", { title: "seeds", event_id: event.id, party_a: org.id });
  const project = await api("POST", "/api/v1/projects", { name: "soybean seed base", agreement_id: agreement.id,
    region: "CN-HL", partner_region: "CN-AH", sectors: ["01"], investment: 50000 });

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

  // Schedule the event, then lock a meeting into a free cell and see it there after the re-run.
  await page.click('#tabs button[data-view="events"]');
  await page.waitForSelector("#event-select option");
  await page.click("#event-schedule");
  await page.waitForSelector("#schedule-grid td.meeting", { timeout: 30000 });
  const moving = await page.$eval("#schedule-grid td.meeting", (td) => ({ a: td.dataset.a, b: td.dataset.b }));
  const target = await page.$eval("#schedule-grid td.free", (td) => ({ slot: td.dataset.slot, table: td.dataset.table }));
  await page.click("#schedule-grid td.meeting");
  await page.click(`#schedule-grid td.free[data-slot="${target.slot}"][data-table="${target.table}"]`);
  await page.waitForSelector(`#schedule-grid td.locked[data-slot="${target.slot}"][data-table="${target.table}"]`, { timeout: 30000 });
  const locked = await page.$eval(`#schedule-grid td.locked[data-slot="${target.slot}"][data-table="${target.table}"]`,
                                  (td) => [td.dataset.a, td.dataset.b].sort().join(" "));
  check(locked === [moving.a, moving.b].sort().join(" "), `locked ${locked}, moved ${moving.a} ${moving.b}`);
  await page.waitForSelector("#event-impact-table", { timeout: 30000 });

  // A project's impact.
  await page.click('#tabs button[data-view="projects"]');
  await page.waitForSelector(`#project-table tr[data-id="${project.id}"]`);
  await page.click(`#project-table tr[data-id="${project.id}"]`);
  await page.waitForSelector("#impact-table", { timeout: 30000 });
  const impact = await page.$eval("#impact-table", (e) => e.textContent);
  check(impact.includes("Heilongjiang") && impact.includes("Anhui") && impact.includes("Rest of China"), "impact: " + impact.slice(0, 200));

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
  console.log(`ok: logged in, created an organisation, opened a brief (${canvases} charts), locked ${moving.a}-${moving.b} at slot ${target.slot} table ${target.table}, saw project ${project.id}'s impact, switched to Chinese`);
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
