// `npm run bench -- fleet`: the fleet view in headless Chromium on 100 emulated servers with
// 200 users and 20 groups each (and some drift), behind one fleet server with its default
// limits (4 requests in flight per server, 16 in all), all in this process as `npm start`
// runs them. It times opening the page to the full matrix (and its first paint), reading the
// whole fleet with 1 to 12 servers at once (the browser keeps 6 connections to one origin),
// planning and applying one change to all 100 (and the fresh read after it), and takes the
// page's JS heap (after a garbage collection) and DOM size. Not a test: nothing is asserted
// but that the page did what it was asked. The machine is shared: the load average is shown.
//
//   npm run bench -- fleet                 # SERVERS=20 USERS=50 for a quick look
//   npm run bench -- fleet --write         # also into docs/size-and-speed.md
/* global window, document, requestAnimationFrame, MutationObserver -- in the page */
import {cpus, loadavg} from "node:os";
import {versions} from "../dist/octoprint-access-fake.mjs";
import {startEmulatedOctoPrint, startServer} from "../server/app.mjs";
import {docStates} from "../scripts/doc-block.mjs";
import {READ_AT_ONCE} from "../console/fleet/loader.js";
import {launch} from "../test/browser.mjs";

const SERVERS = Number(process.env.SERVERS || 100);
const USERS = Number(process.env.USERS || 200);
const GROUPS = 20;
const RUNS = Number(process.env.RUNS || 3); // page loads and applies timed; the median is shown
const AT_ONCE = [1, 2, 3, 6, 12]; // servers read at once, compared
// The page records its moments itself (marker()); the bench looks now and then. Playwright's
// default, a look every animation frame, keeps the page drawing frames and slows it down.
const POLL = {polling: 100};
const PERMISSIONS = [
    "PRINT",
    "CONTROL",
    "FILES_UPLOAD",
    "FILES_DELETE",
    "WEBCAM",
    "STATUS"
];

// The bench seeds 20,000 users: scrypt for each would take a minute. These passwords are
// never used to log in.
const hashing = {hash: (password) => ({password}), check: (s, p) => s.password === p};

const pad = (n, width) => String(n).padStart(width, "0");
const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) =>
    ms < 1000 ? Math.round(ms) + " ms" : (ms / 1000).toFixed(2) + " s";
const range = (values) =>
    seconds(Math.min(...values)) + "–" + seconds(Math.max(...values));
const load = () =>
    loadavg()
        .slice(0, 2)
        .map((value) => value.toFixed(1))
        .join(" / ");

/** Server `index`'s seeds: the same users and groups everywhere, but for some drift. */
function seeds(index) {
    const groups = Array.from({length: GROUPS}, (_, g) => ({
        key: `team-${pad(g + 1, 2)}`,
        name: `Team ${g + 1}`,
        description: `Printers of team ${g + 1}`,
        permissions: PERMISSIONS.filter((_, p) => (g + p) % 3 === 0).concat(
            g === 2 && index % 25 === 4 ? ["FILES_DELETE"] : []
        ),
        subgroups: g % 5 === 1 ? [`team-${pad(g, 2)}`] : []
    }));
    const users = Array.from({length: USERS}, (_, u) => ({
        name: `user-${pad(u + 1, 3)}`,
        password: "bench-Passw0rd",
        active: !(u === 41 && index === 7),
        groups: ["users", `team-${pad((u % GROUPS) + 1, 2)}`],
        permissions: u % 10 === 0 ? ["WEBCAM"] : []
    })).filter((user) => !(user.name === "user-007" && index % 10 === 3));
    return {users, groups};
}

// In the page before its own scripts: the moments the bench waits for, as performance.now().
function marker() {
    const marks = (window.benchMarks = {});
    new MutationObserver(() => {
        const text = (id) => document.getElementById(id)?.textContent || "";
        if (!marks.servers && document.getElementById("server-list")?.children.length)
            marks.servers = performance.now();
        if (!marks.answered && /^Reading… (\d+) of \1$/.test(text("users-summary")))
            marks.answered = performance.now();
        if (!marks.read && text("message").startsWith("Read ")) {
            marks.read = performance.now();
            requestAnimationFrame(() =>
                setTimeout(() => (marks.painted = performance.now()))
            );
        }
        if (
            marks.click &&
            !marks.applied &&
            /^\d+ done, \d+ failed, of \d+ servers$/.test(text("apply-count"))
        ) {
            const [done, bad, total] = text("apply-count").match(/\d+/g).map(Number);
            if (done + bad === total) marks.applied = performance.now();
        }
        if (marks.click && !marks.reread && text("message").startsWith("Applied: "))
            marks.reread = performance.now();
    }).observe(document, {subtree: true, childList: true, characterData: true});
}

const started = Date.now();
const before = load();
console.log(
    `Seeding ${SERVERS} emulated servers, ${USERS} users and ${GROUPS} groups each…`
);
const emulated = [];
for (let i = 0; i < SERVERS; i++) {
    emulated.push(
        await startEmulatedOctoPrint({
            version: versions[i % versions.length],
            hashing,
            ...seeds(i)
        })
    );
}
const fleet = await startServer({
    port: 0,
    fleet: emulated.map((server, i) => ({
        name: `printer-${pad(i + 1, 3)}`,
        url: server.url,
        apikey: server.apikey
    }))
});
const browser = await launch();
const lines = [];
try {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    await context.addInitScript(marker);
    const page = await context.newPage();
    page.setDefaultTimeout(120000);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const marks = () => page.evaluate(() => window.benchMarks);
    const expected = `Read ${SERVERS} of ${SERVERS} servers.`;
    /** The renderer's busy time so far, in ms: script, layout, style, and all tasks. */
    const busy = async () => {
        const m = Object.fromEntries(
            (await cdp.send("Performance.getMetrics")).metrics.map((x) => [
                x.name,
                x.value
            ])
        );
        return {
            task: m.TaskDuration * 1000,
            script: m.ScriptDuration * 1000,
            layout: (m.LayoutDuration + m.RecalcStyleDuration) * 1000
        };
    };
    const opened = async (open) => {
        const cpu = process.cpuUsage();
        await open(); // a new document: the renderer's metrics start from 0
        await page.waitForFunction(() => window.benchMarks.painted, null, POLL);
        const used = process.cpuUsage(cpu);
        const now = await busy();
        const said = await page.textContent("#message");
        if (said !== expected) throw new Error(`bench: the page said "${said}"`);
        return {
            ...(await marks()),
            node: (used.user + used.system) / 1000,
            ...now
        };
    };

    console.log("Opening the page…");
    await opened(() => page.goto(fleet.signIn)); // signs in; warms caches up
    const loads = [];
    for (let run = 0; run < RUNS; run++) loads.push(await opened(() => page.reload()));
    const cells = await page.evaluate(
        () => document.querySelectorAll("#users-matrix td, #groups-matrix td").length
    );

    // Readable with 100 columns: scrolled to its last column, the names are still in sight.
    const wide = await page.evaluate(() => {
        const region = document.getElementById("users-matrix");
        region.scrollLeft = region.scrollWidth;
        const names = region.querySelector("tbody th").getBoundingClientRect();
        const shown = region.getBoundingClientRect();
        const last = region.querySelector("tbody td:last-child").getBoundingClientRect();
        return {
            table: region.querySelector("table").offsetWidth,
            region: region.clientWidth,
            names: Math.round(names.left - shown.left),
            last: last.right <= shown.right + 1,
            page: document.documentElement.scrollWidth - window.innerWidth
        };
    });
    await cdp.send("HeapProfiler.collectGarbage");
    const metrics = Object.fromEntries(
        (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value])
    );

    console.log("Reading the fleet with 1 to 12 servers at once…");
    const reads = await page.evaluate(async (limits) => {
        const {readFleet} = await import("./console/fleet/loader.js");
        const {clientFor} = await import("./console/fleet/clients.js");
        const servers = (await (await fetch("fleet/servers")).json()).filter(
            (server) => server.reachable
        );
        const times = {};
        for (const limit of limits) times[limit] = [];
        for (let round = 0; round < 2; round++) {
            for (const limit of limits) {
                const start = performance.now();
                await readFleet(servers, {clientFor, limit});
                times[limit].push(performance.now() - start);
            }
        }
        return times;
    }, AT_ONCE);

    console.log("Planning and applying one change to every server…");
    const applies = [];
    for (let run = 0; run < RUNS; run++) {
        const active = run % 2 === 1; // deactivate, activate again, deactivate
        await page.evaluate(() => {
            document.getElementById("active-action").open = true;
            window.benchMarks.click = window.benchMarks.applied = undefined;
            window.benchMarks.reread = undefined;
        });
        await page.selectOption("#active-user", `user-${pad(Math.min(100, USERS), 3)}`);
        await page.selectOption("#active-to", String(active));
        const plan = await page.evaluate(() => {
            const start = performance.now();
            document.querySelector('#active-form button[type="submit"]').click();
            return performance.now() - start; // planning and drawing run synchronously
        });
        const button = await page.textContent("#apply");
        if (button !== `Apply to ${SERVERS} servers`)
            throw new Error(`bench: the plan says "${button}"`);
        await page.evaluate(() => {
            document.getElementById("message").textContent = ""; // the last "Applied: …"
            window.benchMarks.click = performance.now();
            document.getElementById("apply").click();
        });
        await page.waitForFunction(() => window.benchMarks.reread, null, POLL);
        const m = await marks();
        const said = await page.textContent("#apply-count");
        if (said !== `${SERVERS} done, 0 failed, of ${SERVERS} servers`)
            throw new Error(`bench: applying said "${said}"`);
        applies.push({plan, apply: m.applied - m.click, reread: m.reread - m.click});
    }
    if (errors.length) throw new Error(`bench: errors in the page: ${errors.join("; ")}`);

    const after = load();
    const cpu = cpus()[0];
    lines.push(
        `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, Chromium ` +
            `${browser.version()}, ${cpu ? cpu.model.trim() : "unknown CPU"} ` +
            `(${cpus().length} CPUs); load average (1 / 5 min) ${before} before, ${after} after;\n` +
            `${SERVERS} emulated servers (OctoPrint ${versions.join(", ")} in turn), ` +
            `${USERS} users and ${GROUPS} groups each besides the built-in ones, with some drift; ` +
            `the fleet server's limits 4 per server and 16 in all; the page reads ${READ_AT_ONCE} servers at ` +
            `once (3 requests each); ${RUNS} runs, median and range`
    );
    lines.push("");
    lines.push("| what | median | range |");
    lines.push("| --- | --: | --: |");
    const row = (what, values) =>
        lines.push(`| ${what} | ${seconds(median(values))} | ${range(values)} |`);
    row(
        "opening the page: the server list (GET fleet/servers, each server asked its version)",
        loads.map((m) => m.servers)
    );
    row(
        "opening the page: the last server's answer in",
        loads.map((m) => m.answered)
    );
    row(
        "opening the page: the full matrix built",
        loads.map((m) => m.read)
    );
    row(
        "opening the page: the full matrix painted",
        loads.map((m) => m.painted)
    );
    row(
        "… meanwhile, CPU of the fleet server and the emulators (one Node process)",
        loads.map((m) => m.node)
    );
    row(
        "… meanwhile, the page's renderer busy (all tasks)",
        loads.map((m) => m.task)
    );
    row(
        "… of that, in script",
        loads.map((m) => m.script)
    );
    row(
        "… of that, in style and layout",
        loads.map((m) => m.layout)
    );
    row(
        `planning one change for ${SERVERS} servers (deactivate a user), drawn`,
        applies.map((a) => a.plan)
    );
    row(
        `applying it: ${SERVERS} servers, one request each, every result shown`,
        applies.map((a) => a.apply)
    );
    row(
        "applying it and reading every server again",
        applies.map((a) => a.reread)
    );
    lines.push("");
    const mb = (bytes) => (bytes / 1048576).toFixed(1) + " MB";
    lines.push(
        `The page after loading, after a garbage collection: JS heap ${mb(metrics.JSHeapUsedSize)} ` +
            `used of ${mb(metrics.JSHeapTotalSize)}, ${metrics.Nodes.toLocaleString("en")} DOM ` +
            `nodes (${cells.toLocaleString("en")} matrix cells).`
    );
    lines.push("");
    lines.push(
        `With ${SERVERS} columns the users table is ${wide.table.toLocaleString("en")} px wide ` +
            `in a region of ${wide.region.toLocaleString("en")} px (a window of 1,280); scrolled to its last column ` +
            `(${wide.last ? "in sight" : "NOT in sight"}), the names stay ${wide.names} px from ` +
            `the region's left edge, and the page scrolls sideways by ${wide.page} px.`
    );
    lines.push("");
    lines.push("| servers read at once | " + AT_ONCE.join(" | ") + " |");
    lines.push("| --- | " + AT_ONCE.map(() => "--:").join(" | ") + " |");
    lines.push("| requests in flight | " + AT_ONCE.map((n) => n * 3).join(" | ") + " |");
    lines.push(
        `| reading all ${SERVERS} (best of 2) | ` +
            AT_ONCE.map((n) => seconds(Math.min(...reads[n]))).join(" | ") +
            " |"
    );
} finally {
    await browser.close();
    await fleet.close();
    await Promise.all(emulated.map((server) => server.close()));
}
const text = lines.join("\n");
console.log(text);
if (SERVERS === 100 && USERS === 200) await docStates("fleet", text);
else if (process.argv.includes("--write")) console.log("(not written: not 100 × 200)");
console.log("");
console.log(`Ran in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
