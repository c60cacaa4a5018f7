// The QUnit suite (test/index.html) against the built bundle: plain and minified, with the
// jQuery OctoPrint ships (3.5.1) and the current one (4.0.0).
const JQUERIES = ["3.5.1", "4.0.0"];
const BUNDLES = ["plain", "min"];

export default async function ({server, runPage}) {
    let passed = 0;
    let failed = 0;
    for (const jquery of JQUERIES) {
        for (const bundle of BUNDLES) {
            const run = await runPage(
                `${server.url}/test/index.html?jquery=${jquery}&bundle=${bundle}`,
                `unit (jQuery ${jquery}, ${bundle})`
            );
            passed += run.passed;
            failed += run.failed;
        }
    }
    return {passed, failed};
}
