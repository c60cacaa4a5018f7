// The README promises ECMAScript 2015 (as OctoPrint's own client uses): every dist/ script
// must parse with acorn at that level, as a classic script or, for the .mjs, as a module.
import {parse} from "acorn";
import {readFile} from "node:fs/promises";

const FILES = [
    ["dist/octoprint-access.js", "script"],
    ["dist/octoprint-access.min.js", "script"],
    ["dist/octoprint-users.js", "script"],
    ["dist/octoprint-users.min.js", "script"],
    ["dist/octoprint-access.cjs", "script"],
    ["dist/octoprint-access.mjs", "module"],
    ["dist/octoprint-access-fake.js", "script"],
    ["dist/octoprint-access-fake.min.js", "script"],
    ["dist/octoprint-access-fake.cjs", "script"],
    ["dist/octoprint-access-fake.mjs", "module"]
];

export default async function () {
    const results = {passed: 0, failed: 0};
    for (const [file, sourceType] of FILES) {
        try {
            const source = await readFile(
                new URL(`../../${file}`, import.meta.url),
                "utf8"
            );
            parse(source, {ecmaVersion: 2015, sourceType});
            results.passed += 1;
        } catch (error) {
            results.failed += 1;
            console.log(
                `  FAIL es-level: ${file} is not ES2015 (${sourceType}): ${error.message}`
            );
        }
    }
    console.log(`es-level: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
