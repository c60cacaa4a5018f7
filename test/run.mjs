// The test runner: every suite in test/suites/ (in name order), each reporting its own tests,
// then one closing line "N passed, N failed" over all of them. Exits non-zero on any failure.
// A suite is a module whose default export is `async (context) => ({passed, failed})`, where
// context = {browser (playwright-core, headless Chromium), server (the static server's
// {url}), runPage(url, label)}.
import {readdirSync} from "node:fs";
import {launch} from "./browser.mjs";
import {startStaticServer} from "./static-server.mjs";

const only = process.argv.slice(2); // e.g. `node test/run.mjs unit` runs suites named *unit*

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

const suites = readdirSync(new URL("./suites/", import.meta.url))
    .filter((file) => file.endsWith(".mjs"))
    .filter((file) => !only.length || only.some((name) => file.includes(name)))
    .sort();

const server = await startStaticServer();
const browser = await launch();
const context = {browser, server, runPage: (url, label) => runPage(browser, url, label)};
let passed = 0;
let failed = 0;
try {
    for (const file of suites) {
        const suite = await import(new URL(`./suites/${file}`, import.meta.url));
        try {
            const result = await suite.default(context);
            passed += result.passed;
            failed += result.failed;
        } catch (error) {
            console.log(`${file}: FAIL ${error.stack || error}`);
            failed += 1;
        }
    }
} finally {
    await browser.close();
    await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
