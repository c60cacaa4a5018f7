// The test kit in headless Chromium (test/fake.html): the emulator's shared table and the
// recording's replay against the in-page fake, the fake's own behaviour through OctoPrint's
// client, and the README's example, with each jQuery the component supports; the minified
// fake once; the fake as an AMD module and as an ES module. And the README's example is the one that runs: its code blocks are the files.
import {readFileSync} from "node:fs";

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const EXAMPLE = [
    "test/fake/example/users-panel.js",
    "test/fake/example/users-panel.test.js"
];

// [jQuery, the fake's file, the access component: this project's or OctoPrint 1.x's own]
const RUNS = [
    ["3.5.1", "plain", "ours"],
    ["3.7.1", "plain", "ours"],
    ["4.0.0", "plain", "ours"],
    ["3.5.1", "min", "ours"],
    ["3.5.1", "plain", "octoprint"] // OctoPrint 1.x's jQuery
];

export default async function ({server, runPage}) {
    let passed = 0;
    let failed = 0;
    const readme = read("README.md");
    for (const file of EXAMPLE) {
        if (readme.includes("```js\n" + read(file) + "```\n")) {
            passed += 1;
        } else {
            failed += 1;
            console.log(`  FAIL fake: the README's example differs from ${file}`);
        }
    }
    for (const [jquery, bundle, access] of RUNS) {
        const run = await runPage(
            `${server.url}/test/fake.html?jquery=${jquery}&bundle=${bundle}&access=${access}`,
            `fake (jQuery ${jquery}, ${bundle}, under ${access === "ours" ? "this component" : "OctoPrint's own access.js"})`
        );
        passed += run.passed;
        failed += run.failed;
    }
    for (const jquery of ["3.5.1", "4.0.0"]) {
        const run = await runPage(
            `${server.url}/test/fake-modules.html?jquery=${jquery}`,
            `fake: AMD and ES module (jQuery ${jquery})`
        );
        passed += run.passed;
        failed += run.failed;
    }
    return {passed, failed};
}
