// Runs test/index.html in headless Chromium, under OctoPrint's own access.js and under
// octoprint-access-client's; prints each failure and exits non-zero on any. From the project:
//   OCTOPRINT_STATIC=/path/to/octoprint/static node test/run.mjs
import {readFile} from "node:fs/promises";
import {createServer} from "node:http";
import {extname, join} from "node:path";
import {chromium} from "playwright-core";

const STATIC = process.env.OCTOPRINT_STATIC; // OctoPrint's static/ folder, served as /static/
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const PAGES = ["test/index.html", "test/index.html?access=octoprint-access-client"];
const TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"};
if (!STATIC) throw new Error("Set OCTOPRINT_STATIC to your OctoPrint's static/ folder");

// The project's files, and OctoPrint's under /static/ (the URL's path, already free of "..").
const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    const file = path.startsWith("/static/")
        ? join(STATIC, path.slice("/static/".length))
        : join(process.cwd(), path);
    try {
        const body = await readFile(file);
        res.writeHead(200, {"Content-Type": TYPES[extname(file)] || "text/plain"});
        res.end(body);
    } catch {
        res.writeHead(404).end();
    }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
    executablePath: CHROME,
    args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync"
    ]
});

let failed = 0;
for (const url of PAGES) {
    const page = await browser.newPage();
    page.on("pageerror", (error) => {
        failed += 1;
        console.log(`  page error: ${error.message}`);
    });
    // QUnit waits to be started, so its runEnd cannot come before we listen for it.
    await page.addInitScript(() => {
        window.QUnit = {config: {autostart: false}};
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/${url}`);
    const run = await page
        .evaluate(
            () =>
                new Promise((resolve) => {
                    const failures = [];
                    QUnit.on("testEnd", (test) => {
                        if (test.status !== "failed") return;
                        const why = test.errors.map((error) => error.message).join("; ");
                        failures.push(`${test.fullName.join(" > ")}: ${why}`);
                    });
                    QUnit.on("runEnd", (end) => resolve({...end.testCounts, failures}));
                    QUnit.start();
                })
        )
        .catch((error) => ({passed: 0, failed: 1, failures: [error.message]}));
    console.log(`${url}: ${run.passed} passed, ${run.failed} failed`);
    for (const failure of run.failures) console.log(`  FAIL ${failure}`);
    failed += run.failed;
    await page.close();
}
await browser.close();
server.close();
process.exitCode = failed ? 1 : 0;
