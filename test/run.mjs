// The test runner: every QUnit page in headless Chromium against the built dist/ bundles, for
// each jQuery version and bundle, then one closing line "N passed, N failed" (tests, not
// assertions). Exits non-zero on any failure.
import {launch} from "./browser.mjs";
import {startStaticServer} from "./static-server.mjs";

const JQUERIES = ["3.5.1", "4.0.0"];
const BUNDLES = ["plain", "min"];
const PAGES = ["test/index.html"];

/** Opens one QUnit page and waits for its run to end; resolves to {passed, failed}. */
async function runPage(browser, url, label) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    const run = await page
        .waitForFunction(() => globalThis.qunitResult, null, {timeout: 120000})
        .then((handle) => handle.jsonValue())
        .catch((error) => ({passed: 0, failed: 1, failures: [`${error.message}`]}));
    await page.close();
    for (const message of errors) run.failures.push(`uncaught: ${message}`);
    if (errors.length && !run.failed) run.failed = 1;
    console.log(`${label}: ${run.passed} passed, ${run.failed} failed`);
    for (const failure of run.failures) console.log(`  FAIL ${failure}`);
    return run;
}

const server = await startStaticServer();
const browser = await launch();
let passed = 0;
let failed = 0;
try {
    for (const path of PAGES) {
        for (const jquery of JQUERIES) {
            for (const bundle of BUNDLES) {
                const query = `jquery=${jquery}&bundle=${bundle}`;
                const run = await runPage(
                    browser,
                    `${server.url}/${path}?${query}`,
                    `${path} (jQuery ${jquery}, ${bundle})`
                );
                passed += run.passed;
                failed += run.failed;
            }
        }
    }
} finally {
    await browser.close();
    await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
