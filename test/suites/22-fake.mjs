// The test kit in headless Chromium (test/fake.html): the emulator's shared table and the
// recording's replay against the in-page fake, the fake's own behaviour through OctoPrint's
// client, and the docs' examples, with each jQuery the component supports, under this
// component and under a double of OctoPrint 1.x's own access.js; the minified fake once; the
// fake as an AMD module and as an ES module. And the docs' examples are the ones that run:
// their code blocks are the files of test/fake/example/, and the test page and runner recipe
// there run as a plugin author runs them.
import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {mkdir, mkdtemp, rm, symlink} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {CHROME_PATH} from "../browser.mjs";
import {checker} from "../checks.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), "utf8");
const EXAMPLE = "test/fake/example/";
// [doc, file of test/fake/example/, the code block's language]
const BLOCKS = [
    ["README.md", "users-panel.js", "js"],
    ["README.md", "users-panel.test.js", "js"],
    ["README.md", "index.html", "html"],
    ["docs/test-kit.md", "index.html", "html"],
    ["docs/test-kit.md", "run.mjs", "js"],
    ["docs/test-kit.md", "user-remover.js", "js"],
    ["docs/test-kit.md", "user-remover.test.js", "js"]
];

// [jQuery, the fake's file, the access component: this project's or OctoPrint 1.x's own]
const RUNS = [
    ["3.5.1", "plain", "ours"],
    ["3.7.1", "plain", "ours"],
    ["4.0.0", "plain", "ours"],
    ["3.5.1", "min", "ours"],
    ["3.5.1", "plain", "octoprint"] // OctoPrint 1.x's jQuery
];

/**
 * A plugin project as the recipe has it, made of links: the example as its test/, this
 * repository as node_modules/octoprint-access-client, QUnit, and an OctoPrint static/ folder
 * whose client files are the doubles (OctoPrint's own are AGPL) and jQuery 3.5.1 and lodash,
 * as OctoPrint ships them; `leaveOut` is left out of it.
 */
async function pluginProject(leaveOut) {
    const project = await mkdtemp(join(tmpdir(), "octoprint-access-recipe-"));
    const links = {
        test: EXAMPLE,
        "node_modules/octoprint-access-client": "",
        "node_modules/qunit": "node_modules/qunit",
        "static/js/lib/jquery/jquery.min.js":
            "node_modules/jquery-3.5.1/dist/jquery.min.js",
        "static/js/lib/lodash.min.js": "node_modules/lodash/lodash.min.js",
        "static/js/app/client/base.js": "server/host/base.js",
        "static/js/app/client/access.js": "server/host/access.js"
    };
    for (const [link, target] of Object.entries(links)) {
        if (link === leaveOut) continue;
        await mkdir(dirname(join(project, link)), {recursive: true});
        await symlink(join(ROOT, target), join(project, link));
    }
    return project;
}

/** `node test/run.mjs` in such a project, as the recipe says; resolves to {code, stdout}. */
function runRecipe(project) {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            ["test/run.mjs"],
            {
                cwd: project,
                env: {
                    ...process.env,
                    OCTOPRINT_STATIC: join(project, "static"),
                    CHROME_PATH
                },
                timeout: 120000
            },
            (error, stdout, stderr) =>
                resolve({code: error ? error.code : 0, stdout: stdout + stderr})
        );
    });
}

export default async function ({server, runPage}) {
    let passed = 0;
    let failed = 0;
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

    const {results, check} = checker("fake: the docs' examples");
    for (const [doc, file, language] of BLOCKS) {
        await check(`${doc} shows ${EXAMPLE}${file} as it is`, () => {
            if (
                !read(doc).includes(
                    "```" + language + "\n" + read(EXAMPLE + file) + "```\n"
                )
            ) {
                throw new Error(`no code block in ${doc} is the file`);
            }
        });
    }
    await check(
        "the runner recipe runs the test page under both access components",
        async () => {
            const project = await pluginProject();
            try {
                const {code, stdout} = await runRecipe(project);
                const expected =
                    "test/index.html: 7 passed, 0 failed\n" +
                    "test/index.html?access=octoprint-access-client: 7 passed, 0 failed\n";
                if (code !== 0 || stdout !== expected) {
                    throw new Error(`exit code ${code}, output:\n${stdout}`);
                }
            } finally {
                await rm(project, {recursive: true, force: true});
            }
        }
    );
    await check(
        "the runner recipe reports a broken page and exits non-zero",
        async () => {
            const project = await pluginProject("static/js/app/client/base.js");
            try {
                const {code, stdout} = await runRecipe(project);
                const lines = stdout.split("\n");
                const wanted = [
                    "  page error: OctoPrint is not defined",
                    "test/index.html: 0 passed, 9 failed",
                    "test/index.html?access=octoprint-access-client: 0 passed, 9 failed"
                ];
                if (code !== 1 || !wanted.every((line) => lines.includes(line))) {
                    throw new Error(`exit code ${code}, output:\n${stdout}`);
                }
            } finally {
                await rm(project, {recursive: true, force: true});
            }
        }
    );
    console.log(
        `fake: the docs' examples: ${results.passed} passed, ${results.failed} failed`
    );
    return {passed: passed + results.passed, failed: failed + results.failed};
}
