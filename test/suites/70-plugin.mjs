// The OctoPrint plugin (octoprint-plugin/): its Python tests, standard library only, run with
// python3 -m unittest. They import the plugin against a stand-in for octoprint.plugin, make the
// archive with `npm run plugin`, install it offline with pip and check what got installed.
// Each Python test counts as one here.
import {execFile} from "node:child_process";
import {fileURLToPath} from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYTHON = process.env.PYTHON || "python3";

export default async function () {
    const {code, output} = await new Promise((resolve) => {
        execFile(
            PYTHON,
            ["-m", "unittest", "discover", "-s", "octoprint-plugin/tests", "-v"],
            {
                cwd: ROOT,
                timeout: 300000,
                env: {...process.env, PIP_ROOT_USER_ACTION: "ignore"}
            },
            (error, stdout, stderr) =>
                resolve({code: error ? error.code || 1 : 0, output: stdout + stderr})
        );
    });
    const results = {passed: 0, failed: 0};
    for (const match of output.matchAll(
        /^(test\w*) \((.+?)\)(?:\n.*?)? \.\.\. (.+)$/gm
    )) {
        const [, name, where, outcome] = match;
        if (outcome === "ok") {
            results.passed += 1;
        } else {
            results.failed += 1;
            console.log(
                `  FAIL plugin: ${where.split(".").slice(-2, -1)[0]}.${name}: ${outcome}`
            );
        }
    }
    if (code && !results.failed) {
        results.failed += 1;
        console.log(
            `  FAIL plugin: python3 -m unittest exited with ${code}:\n${output.slice(-2000)}`
        );
    }
    if (!results.passed && !results.failed) {
        results.failed += 1;
        console.log(`  FAIL plugin: no Python test ran:\n${output.slice(-2000)}`);
    }
    console.log(`plugin: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
