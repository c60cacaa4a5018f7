// `npm run size`: bytes shipped by every dist/ script, raw, minified and gzipped, checked
// against the budgets below. Exact figures (no timing), so CI can gate on them.
// `npm run size -- --write` also puts the table into docs/size-and-speed.md; without it, a doc
// whose table differs from the build's is a failure, so the figures it states are the build's.
import {readdirSync, readFileSync} from "node:fs";
import {extname} from "node:path";
import {gzipSync} from "node:zlib";
import {minify} from "terser";
import {terserOptions} from "../rollup.config.mjs";
import {docStates} from "./doc-block.mjs";

// The budgets, all in one place: the file as shipped, compressed with gzip -9.
const budgets = {
    "octoprint-access.min.js": 1300,
    // OctoPrint's own users.js, minified and gzipped, is 410 bytes; this file is more than
    // that: it carries the banner, the load-order error, the once-per-method warning, a
    // registration that leaves `users` redefinable, the groups for a legacy add and the
    // take-over of OctoPrint 1.x's alias. See docs/size-and-speed.md.
    "octoprint-users.min.js": 600
};

// Helpers TypeScript (tslib) emits for syntax below its target: each one is code that every
// page downloads and that a higher target or plainer source would not need.
const HELPERS =
    /\b__(?:assign|rest|awaiter|generator|spreadArrays?|spread|classPrivateField\w*|extends|values|read|decorate|param|metadata|esDecorate|runInitializers|propKey|setFunctionName|createBinding|exportStar|await|asyncGenerator|asyncDelegator|asyncValues|makeTemplateObject|importStar|importDefault|addDisposableResource|disposeResources|rewriteRelativeImportExtension)\b/g;

const root = new URL("../", import.meta.url);
const dist = new URL("dist/", root);
const files = readdirSync(dist)
    .filter((file) => [".js", ".mjs", ".cjs"].includes(extname(file)))
    .sort();
const missing = Object.keys(budgets).filter((file) => !files.includes(file));
if (missing.length) {
    console.error(
        `size: dist/${missing.join(", dist/")} missing; run \`npm run build\`.`
    );
    process.exit(1);
}

const gzip = (text) => gzipSync(Buffer.from(text), {level: 9}).length;
const bytes = (text) => Buffer.byteLength(text);
const cell = (n) => n.toLocaleString("en-US");
const failures = [];

// Markdown, the table docs/size-and-speed.md shows.
const lines = [
    "| file | raw | raw, gzip -9 | minified | minified, gzip -9 | budget, gzip -9 |",
    "| --- | --: | --: | --: | --: | --: |"
];
for (const file of files) {
    const code = readFileSync(new URL(file, dist), "utf8");
    const min = /\.min\.js$/.test(file)
        ? code
        : (
              await minify(code, {
                  ...terserOptions,
                  module: file.endsWith(".mjs"),
                  toplevel: file.endsWith(".cjs")
              })
          ).code;
    const budget = budgets[file];
    const figures = [bytes(code), gzip(code), bytes(min), gzip(min)].map(cell);
    lines.push(`| ${file} | ${figures.join(" | ")} | ${budget ? cell(budget) : ""} |`);
    if (budget && gzip(code) > budget) {
        failures.push(
            `dist/${file} is ${gzip(code)} bytes gzipped (level 9), budget ${budget} ` +
                `(${gzip(code) - budget} over)`
        );
    }
    const helpers = [...new Set(code.match(HELPERS))];
    if (helpers.length) {
        failures.push(`dist/${file} contains TypeScript down-level helpers: ${helpers}`);
    }
}
const table = lines.join("\n");
console.log(table);

if (!(await docStates("size", table))) {
    failures.push(
        "docs/size-and-speed.md states other figures: `npm run size -- --write`"
    );
}

if (failures.length) {
    console.error("");
    for (const failure of failures) console.error(`size: ${failure}`);
    process.exit(1);
}
