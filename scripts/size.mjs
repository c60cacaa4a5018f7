// `npm run size`: bytes shipped by every dist/ script, raw, minified and gzipped, checked
// against the budgets below. Exact figures (no timing), so CI can gate on them.
import {readdirSync, readFileSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import {parseAst} from "rollup/parseAst";
import {minify} from "terser";

// The budgets, all in one place. `gzip` is the file as shipped, compressed with gzip -9.
const budgets = {
    "octoprint-access.min.js": {gzip: 1279},
    // OctoPrint's own users.js, minified and gzipped, is 410 bytes; this file is more than
    // that: it carries the banner and the source map line (65 bytes gzipped between them),
    // the load-order error, the once-per-method warning with its console.warn fallback, and a
    // registration that leaves `users` redefinable. See the README's "Legacy plugin frontends".
    "octoprint-users.min.js": {gzip: 540}
};

// rollup.config.mjs's terser options (plus what @rollup/plugin-terser adds per format), so a
// file minified here compares with the .min.js that rollup wrote.
const terserOptions = {ecma: 2015, compress: {passes: 2}};
const terserFor = (file) => ({
    ...terserOptions,
    module: file.endsWith(".mjs"),
    toplevel: file.endsWith(".cjs")
});

// Helpers TypeScript (tslib) emits for syntax below its target: each one is code that every
// page downloads and that a higher target or plainer source would not need.
const HELPERS =
    /\b__(?:assign|rest|awaiter|generator|spreadArrays?|spread|classPrivateField\w*|extends|values|read|decorate|param|metadata|esDecorate|runInitializers|propKey|setFunctionName|createBinding|exportStar|await|asyncGenerator|asyncDelegator|asyncValues|makeTemplateObject|importStar|importDefault|addDisposableResource|disposeResources|rewriteRelativeImportExtension)\b/g;

// OctoPrint's own access.js wrapper, verbatim; FACTORY is where its module body goes.
const FACTORY = "FACTORY";
const octoprintWrapper =
    "(function (global, factory) {\n" +
    '    if (typeof define === "function" && define.amd) {\n' +
    '        define("OctoPrintAccessClient", ["OctoPrintClient"], factory);\n' +
    "    } else {\n" +
    "        global.OctoPrintAccessClient = factory(global.OctoPrintClient);\n" +
    "    }\n" +
    `})(this, ${FACTORY});\n`;

const dist = process.argv[2] || fileURLToPath(new URL("../dist", import.meta.url));
const where = (file) => join(relative(process.cwd(), dist), file);
const isMinified = (file) => /\.min\.[cm]?js$/.test(file);
const failures = [];

let files;
try {
    files = readdirSync(dist)
        .filter((file) => [".js", ".mjs", ".cjs"].includes(extname(file)))
        .sort();
} catch {
    files = [];
}
if (
    !files.includes("octoprint-access.js") ||
    !files.includes("octoprint-access.min.js")
) {
    console.error(
        `size: ${where("octoprint-access.js")} or .min.js is missing; run \`npm run build\`.`
    );
    process.exit(1);
}

const gzip = (text) => gzipSync(Buffer.from(text), {level: 9}).length;
const bytes = (text) => Buffer.byteLength(text);

async function minified(file, code) {
    if (isMinified(file)) return code;
    const result = await minify(code, terserFor(file));
    return result.code;
}

/**
 * The factory (module body) of a UMD file: its largest function that is not called on the
 * spot. The functions around it are IIFEs; the module's own functions are inside it. It may be
 * an argument (define(id, deps, factory)) or, once terser unwraps an IIFE, an assignment.
 */
function factoryOf(code) {
    const functions = [];
    const called = new Set();
    (function walk(node) {
        if (!node || typeof node.type !== "string") return;
        if (/Function/.test(node.type)) functions.push(node);
        if (node.type === "CallExpression") called.add(node.callee);
        for (const value of Object.values(node)) {
            for (const child of Array.isArray(value) ? value : [value]) {
                if (child && typeof child === "object") walk(child);
            }
        }
    })(parseAst(code));
    const span = (node) => node.end - node.start;
    const factory = functions
        .filter((node) => !called.has(node))
        .reduce(
            (best, node) => (best && span(best) >= span(node) ? best : node),
            undefined
        );
    if (!factory) throw new Error("size: no UMD factory found");
    return factory;
}

/** The factory's directives ("use strict"): the bundler's doing, not the module's. */
const directivesOf = (code, factory) =>
    factory.body.body
        .filter((statement) => statement.directive)
        .map((statement) => code.slice(statement.start, statement.end))
        .join("");

/**
 * Bytes of a UMD file's wrapper: all of it, minified without comments, but the module body
 * (its factory without directives). Measured around a real body, since terser would unwrap
 * or inline a wrapper around an empty one.
 */
async function wrapperBytes(code) {
    const min = (await minify(code, {...terserOptions, format: {comments: false}})).code;
    const factory = factoryOf(min);
    const body = factory.end - factory.start - bytes(directivesOf(min, factory));
    return bytes(min) - body;
}

const rows = [];
for (const file of files) {
    const code = readFileSync(join(dist, file), "utf8");
    const min = await minified(file, code);
    rows.push([file, bytes(code), gzip(code), bytes(min), gzip(min)]);
    const budget = budgets[file];
    if (budget && gzip(code) > budget.gzip) {
        failures.push(
            `${where(file)} is ${gzip(code)} bytes gzipped (level 9), budget ${budget.gzip} ` +
                `(${gzip(code) - budget.gzip} over)`
        );
    }
    if (!isMinified(file)) {
        const helpers = [...new Set(code.match(HELPERS))];
        if (helpers.length) {
            failures.push(
                `${where(file)} contains TypeScript down-level helpers: ${helpers.join(", ")}`
            );
        }
    }
}

// Both wrappers around the same module body: the one in our .min.js.
const minCode = readFileSync(join(dist, "octoprint-access.min.js"), "utf8");
const factory = factoryOf(minCode);
const directives = directivesOf(minCode, factory);
const bare = minCode.slice(factory.start, factory.end).replace(directives, "");
const ours = await wrapperBytes(minCode);
const theirs = await wrapperBytes(octoprintWrapper.replace(FACTORY, () => bare));
if (ours > theirs) {
    failures.push(
        `the UMD wrapper of ${where("octoprint-access.min.js")} is ${ours} bytes minified, ` +
            `OctoPrint's is ${theirs} (${ours - theirs} over)`
    );
}

// Markdown, so the output pastes into the README as it is.
const cell = (n) => n.toLocaleString("en-US");
console.log("| file | raw | raw, gzip -9 | minified | minified, gzip -9 |");
console.log("| --- | --: | --: | --: | --: |");
for (const [file, ...figures] of rows) {
    console.log(`| ${file} | ${figures.map(cell).join(" | ")} |`);
}
console.log("");
console.log("| UMD wrapper, minified, module body left out | bytes |");
console.log("| --- | --: |");
console.log(
    `| ours (octoprint-access.min.js${directives ? `, with ${directives}` : ""}) | ${ours} |`
);
console.log(`| OctoPrint's access.js | ${theirs} |`);
console.log("");
console.log(
    "Budgets: " +
        Object.entries(budgets)
            .map(([file, budget]) => `${file} ≤ ${cell(budget.gzip)} bytes gzip -9`)
            .join("; ") +
        "; UMD wrapper ≤ OctoPrint's; no TypeScript down-level helpers."
);

if (failures.length) {
    console.error("");
    for (const failure of failures) console.error(`size: over budget: ${failure}`);
    process.exit(1);
}
