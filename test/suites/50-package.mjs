// The npm package as a user gets it: `npm pack` holds exactly the files a user needs, and the
// packed tarball, installed into a scratch project with no network, works through each entry
// point (ESM import, CommonJS require, the exports map's subpaths, the types), and its docs'
// relative links lead to files (and headings) inside it.
import {execFile} from "node:child_process";
import {existsSync, readdirSync, statSync} from "node:fs";
import {mkdtemp, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {isDeepStrictEqual, promisify} from "node:util";
import {checker} from "../checks.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NAME = "octoprint-access-client";
const run = promisify(execFile);

// Besides these, every file of the folders below ships: the docs (and the images they show)
// and the examples they point to, whatever is added there later.
const SHIPPED_FOLDERS = ["docs", "test/fake/example"];
const EXPECTED_FILES = [
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "LICENSE",
    "README.md",
    "dist/globals.d.ts",
    "dist/octoprint-access-fake.cjs",
    "dist/octoprint-access-fake.cjs.map",
    "dist/octoprint-access-fake.d.cts",
    "dist/octoprint-access-fake.d.mts",
    "dist/octoprint-access-fake.js",
    "dist/octoprint-access-fake.js.map",
    "dist/octoprint-access-fake.min.js",
    "dist/octoprint-access-fake.min.js.map",
    "dist/octoprint-access-fake.mjs",
    "dist/octoprint-access-fake.mjs.map",
    "dist/octoprint-access.cjs",
    "dist/octoprint-access.cjs.map",
    "dist/octoprint-access.d.cts",
    "dist/octoprint-access.d.mts",
    "dist/octoprint-access.js",
    "dist/octoprint-access.js.map",
    "dist/octoprint-access.min.js",
    "dist/octoprint-access.min.js.map",
    "dist/octoprint-access.mjs",
    "dist/octoprint-access.mjs.map",
    "dist/octoprint-users.js",
    "dist/octoprint-users.js.map",
    "dist/octoprint-users.min.js",
    "dist/octoprint-users.min.js.map",
    "package.json"
];

// Run in a child process for each of the two entries: the module (ESM namespace or CJS
// exports) is checked against a host made here. A global OctoPrintClient is set before the
// import, so "importing registers nothing" is not just for want of a host.
const PROBE = `"use strict";
function makeHost() {
    const registered = [];
    function FakeHost() {}
    FakeHost.registerComponent = function (name, Component) {
        registered.push(name);
        Object.defineProperty(FakeHost.prototype, name, {
            get() {
                return new Component(this);
            }
        });
    };
    FakeHost.InvalidArgumentError = class InvalidArgumentError extends Error {};
    return {FakeHost, registered};
}
function stubBase() {
    const calls = [];
    const reply = {jqXHR: true};
    const base = {calls, reply};
    for (const method of ["get", "delete", "postJson", "putJson", "patchJson"]) {
        base[method] = (...args) => (calls.push([method, ...args]), reply);
    }
    return base;
}
const global = makeHost();
globalThis.OctoPrintClient = global.FakeHost;

module.exports = function probe(mod) {
    const out = {};
    out.exports = Object.keys(mod).sort();
    out.importRegistered = global.registered.slice();
    out.importUsers = "users" in global.FakeHost.prototype;
    out.globalSet = "OctoPrintAccessClient" in globalThis;

    // Made by hand, before any register(): errors are still its client's InvalidArgumentError.
    const {FakeHost: Lone} = makeHost();
    const lone = Object.assign(new Lone(), stubBase());
    try {
        new mod.OctoPrintAccessClient(lone).users.get("");
        out.unregistered = "no error";
    } catch (error) {
        out.unregistered =
            error instanceof Lone.InvalidArgumentError ? error.message : String(error);
    }

    const warnings = [];
    console.warn = (...args) => warnings.push(args);
    const {FakeHost, registered} = makeHost();
    out.registerReturns = mod.register(FakeHost) === mod.OctoPrintAccessClient;
    out.registered = registered.slice();
    out.component = new FakeHost().access instanceof mod.OctoPrintAccessClient;
    out.warningsAfterFirst = warnings.length;
    mod.register(FakeHost);
    out.registeredAfterSecond = registered.slice();
    out.warningsAfterSecond = warnings.length;
    // The legacy OctoPrint.users: registered only when asked, forwarding to access.users.
    const {FakeHost: UsersHost} = makeHost();
    // OctoPrint's own deprecation wrapper (1.4 to 2.0), through which the alias warns
    UsersHost.deprecated = (old, replacement, fn) =>
        function (...args) {
            console.warn(old + " is deprecated, please use the new " + replacement);
            return fn.apply(this, args);
        };
    mod.registerUsers(UsersHost);
    const legacy = Object.assign(new UsersHost(), {
        components: {},
        access: {users: {list: (...args) => ["forwarded", ...args]}}
    });
    out.usersList = legacy.users.list({timeout: 1});
    out.usersWarnings = warnings.length - out.warningsAfterSecond;
    try {
        mod.register(undefined);
        out.noHost = "no error";
    } catch (error) {
        out.noHost = error.constructor.name;
    }

    // A client of the registered host: its class supplies InvalidArgumentError.
    const base = Object.assign(new FakeHost(), stubBase());
    const access = new mod.OctoPrintAccessClient(base);
    out.base = access.base === base;
    out.returnsReply = access.users.get("a b", {timeout: 1}) === base.reply;
    access.groups.add({key: "g", name: "G"});
    access.users.changePassword("a b", "pw", "old");
    access.users.delete("x");
    out.calls = base.calls;
    try {
        access.users.get("");
        out.invalid = "no error";
    } catch (error) {
        out.invalid = error instanceof FakeHost.InvalidArgumentError ? error.message : String(error);
    }
    return out;
};
`;

/** Every file under `folder` of the repository, as paths relative to it. */
function filesUnder(folder) {
    return readdirSync(join(ROOT, folder)).flatMap((name) => {
        const path = `${folder}/${name}`;
        return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
    });
}

/** GitHub's anchor for a heading's text: lower case, no punctuation, spaces as hyphens. */
const slug = (heading) =>
    heading
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .trim()
        .replace(/\s/g, "-");

/** The anchors of a Markdown file's headings, numbered as GitHub numbers repeated ones. */
function anchors(markdown) {
    const seen = new Map();
    const found = new Set();
    for (const [, text] of stripCode(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
        const base = slug(text.replace(/`/g, ""));
        const count = seen.get(base) || 0;
        seen.set(base, count + 1);
        found.add(count ? `${base}-${count}` : base);
    }
    return found;
}

/** Markdown without its fenced code blocks and code spans, where no link is a link. */
const stripCode = (markdown) =>
    markdown.replace(/^```[^]*?^```$/gm, "").replace(/`[^`\n]*`/g, (span) =>
        // a heading keeps its code spans' text for its anchor
        span.replace(/[\]()]/g, "")
    );

/**
 * Every relative link and image of the Markdown files under `root` that does not lead to a
 * file inside `root` (or, with a #fragment, to a heading of that Markdown file).
 */
async function brokenLinks(root) {
    const broken = [];
    const markdown = [];
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (name === "node_modules") continue;
            if (statSync(path).isDirectory()) walk(path);
            else if (name.endsWith(".md")) markdown.push(path);
        }
    };
    walk(root);
    for (const file of markdown) {
        const text = await readFile(file, "utf8");
        // inline links and images, and reference definitions ("[name]: target")
        const links = /\]\(([^)\s]+)(?: "[^"]*")?\)|^ {0,3}\[[^\]]+\]: *(\S+)/gm;
        for (const [, inline, reference] of stripCode(text).matchAll(links)) {
            const target = inline || reference;
            if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue; // https:, mailto:
            const [path, fragment] = target.split("#");
            const to = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
            const where = `${relative(root, file)}: ${target}`;
            if (!to.startsWith(root + sep) || !existsSync(to)) {
                broken.push(`${where} (no such file in the package)`);
            } else if (fragment && to.endsWith(".md")) {
                if (!anchors(await readFile(to, "utf8")).has(fragment)) {
                    broken.push(`${where} (no such heading)`);
                }
            }
        }
    }
    return {broken, files: markdown.length};
}

const EXPECTED_PROBE = {
    exports: ["OctoPrintAccessClient", "register", "registerUsers", "upgrade"],
    importRegistered: [],
    importUsers: false,
    globalSet: false,
    unregistered: "user name must be set",
    registerReturns: true,
    registered: ["access"],
    component: true,
    warningsAfterFirst: 0,
    registeredAfterSecond: ["access"],
    warningsAfterSecond: 1,
    usersList: ["forwarded", {timeout: 1}],
    usersWarnings: 1,
    noHost: "Error",
    base: true,
    returnsReply: true,
    calls: [
        ["get", "api/access/users/a%20b", {timeout: 1}],
        [
            "postJson",
            "api/access/groups",
            {key: "g", name: "G", permissions: [], subgroups: []},
            null
        ],
        [
            "putJson",
            "api/access/users/a%20b/password",
            {password: "pw", current: "old"},
            null
        ],
        ["delete", "api/access/users/x", null]
    ],
    invalid: "user name must be set"
};

const ESM = `import probe from "./probe.cjs";
const mod = await import("${NAME}");
console.log(JSON.stringify(probe(mod)));
`;
const CJS = `const probe = require("./probe.cjs");
console.log(JSON.stringify(probe(require("${NAME}"))));
`;

// Where the exports map sends each specifier, from require() and from import.
const RESOLVE = `const specifiers = ["${NAME}", "${NAME}/package.json", "${NAME}/umd",
    "${NAME}/dist/octoprint-access.js", "${NAME}/dist/octoprint-access.min.js",
    "${NAME}/src/access/access.ts"];
const rel = (path) => path.slice(path.lastIndexOf("${NAME}/") + ${NAME.length + 1});
const out = {};
for (const specifier of specifiers) {
    try {
        out[specifier] = rel(require.resolve(specifier));
    } catch (error) {
        out[specifier] = error.code;
    }
}
console.log(JSON.stringify(out));
`;
// Script-tag files are files, not modules: no import reaches them (a bundler would break on
// them), while the files themselves ship in dist/.
const EXPECTED_RESOLVE = {
    [NAME]: "dist/octoprint-access.cjs",
    [`${NAME}/package.json`]: "package.json",
    [`${NAME}/umd`]: "ERR_PACKAGE_PATH_NOT_EXPORTED",
    [`${NAME}/dist/octoprint-access.js`]: "ERR_PACKAGE_PATH_NOT_EXPORTED",
    [`${NAME}/dist/octoprint-access.min.js`]: "ERR_PACKAGE_PATH_NOT_EXPORTED",
    [`${NAME}/src/access/access.ts`]: "ERR_PACKAGE_PATH_NOT_EXPORTED"
};
const RESOLVE_ESM = `const rel = (url) => url.slice(url.lastIndexOf("${NAME}/") + ${NAME.length + 1});
console.log(JSON.stringify(rel(import.meta.resolve("${NAME}"))));
`;

// The README's TypeScript examples, compiled against the installed package with nothing but
// jQuery's types, which come with it: plugin code on a page's globals (script tags, the globals
// opted in), and bundler code importing the module (no globals declared). Each
// @ts-expect-error is a misuse the types must catch, so `any` types would fail the compile.
const TS_GLOBAL = `/// <reference types="${NAME}/globals" />
OctoPrint.access.users.list().done((response) => {
    for (const user of response.users) console.log(user.name, user.groups);
});
const client = new OctoPrintClient({baseurl: "http://octopi.local/", apikey: "..."});
client.access.groups.get("admins").done((group) => console.log(group.permissions));
console.log(OctoPrint.access instanceof OctoPrintAccessClient);
// @ts-expect-error users are objects, not strings
OctoPrint.access.users.list().done((response) => response.users[0].toFixed());
`;
const TS_MODULE = `import {register, OctoPrintAccessClient, type User} from "${NAME}";

declare const host: Parameters<typeof register>[0];
const Component = register(host);
console.log(Component === OctoPrintAccessClient);
const access: OctoPrintAccessClient = new Component({} as never);
access.users.get("alice").done((user: User) => console.log(user.active));
// @ts-expect-error a user's name is a string
const name: number = ({} as User).name;
console.log(name);
// @ts-expect-error page globals are opt-in: importing the module declares none
console.log(OctoPrintAccessClient === globalThis.OctoPrintAccessClient);
export {};
`;
// The README's bundler example: the module, and the globals of the page it runs on.
const TS_PAGE_MODULE = `/// <reference types="${NAME}/globals" />
import {register, type User} from "${NAME}";

register(OctoPrintClient);
OctoPrint.access.users.get("alice").done((user: User) => console.log(user.active));
// @ts-expect-error users are typed: no such member
OctoPrint.access.users.get("alice").done((user: User) => console.log(user.nmae));
`;
// The same module code from CommonJS (node16, a .cts file).
const TS_REQUIRE = `import access = require("${NAME}");
const Component: typeof access.OctoPrintAccessClient = access.register(
    {} as Parameters<typeof access.register>[0]
);
console.log(Component);
`;

export default async function () {
    const {results, check} = checker("package", 600);
    const same = (actual, expected, what) => {
        if (!isDeepStrictEqual(actual, expected)) {
            throw new Error(
                `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
            );
        }
    };
    const node = async (cwd, file) => {
        const {stdout} = await run(process.execPath, [file], {cwd, timeout: 20000});
        return JSON.parse(stdout);
    };

    const temp = await mkdtemp(join(tmpdir(), "octoprint-access-package-"));
    try {
        let packed;
        await check("npm pack holds exactly the files a user needs", async () => {
            const {stdout} = await run(
                "npm",
                ["pack", "--json", "--ignore-scripts", "--pack-destination", temp],
                {cwd: ROOT, timeout: 30000}
            );
            packed = JSON.parse(stdout)[0];
            const expected = EXPECTED_FILES.concat(SHIPPED_FOLDERS.flatMap(filesUnder));
            same(packed.files.map((file) => file.path).sort(), expected.sort(), "files");
        });

        await check("every file package.json names is in the package", async () => {
            const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
            const targets = (value) =>
                typeof value === "string"
                    ? [value]
                    : Object.values(value).flatMap(targets);
            const named = [
                pkg.main,
                pkg.module,
                pkg.unpkg,
                pkg.types,
                ...pkg.sideEffects,
                ...targets(pkg.exports),
                ...targets(pkg.typesVersions)
            ].map((path) => path.replace(/^\.\//, ""));
            const files = new Set(packed.files.map((file) => file.path));
            same(
                named.filter((path) => !files.has(path)),
                [],
                "named but not packed"
            );
        });

        // The scratch project: the tarball installed from the file alone (--legacy-peer-deps:
        // no peer fetched), jQuery's types linked in from this repository, as a user has them.
        const project = join(temp, "project");
        let installed = false;
        await check("the tarball installs offline", async () => {
            await mkdir(join(project, "node_modules", "@types"), {recursive: true});
            await writeFile(
                join(project, "package.json"),
                JSON.stringify({name: "scratch", private: true})
            );
            await run(
                "npm",
                [
                    "install",
                    "--prefer-offline",
                    "--no-audit",
                    "--no-fund",
                    "--ignore-scripts",
                    "--no-package-lock",
                    "--legacy-peer-deps",
                    join(temp, packed.filename)
                ],
                {cwd: project, timeout: 30000}
            );
            await writeFile(join(project, "probe.cjs"), PROBE);
            await writeFile(join(project, "esm.mjs"), ESM);
            await writeFile(join(project, "cjs.cjs"), CJS);
            await writeFile(join(project, "resolve.cjs"), RESOLVE);
            await writeFile(join(project, "resolve.mjs"), RESOLVE_ESM);
            await writeFile(join(project, "global.ts"), TS_GLOBAL);
            await writeFile(join(project, "module.ts"), TS_MODULE);
            await writeFile(join(project, "module.mts"), TS_MODULE);
            await writeFile(join(project, "page-module.ts"), TS_PAGE_MODULE);
            await writeFile(join(project, "require.cts"), TS_REQUIRE);
            installed = true;
        });
        if (!installed) {
            results.failed += 1;
            console.log("  FAIL package: nothing installed: the rest not run");
            return results;
        }

        await check(
            "every relative link of its Markdown files leads inside it",
            async () => {
                const installedRoot = join(project, "node_modules", NAME);
                const {broken, files} = await brokenLinks(installedRoot);
                if (files < 3) throw new Error(`only ${files} Markdown files found`);
                same(broken, [], "broken links");
            }
        );
        await check("the link check finds a link out of the package", async () => {
            const dir = join(temp, "links");
            await mkdir(join(dir, "docs"), {recursive: true});
            await writeFile(
                join(dir, "README.md"),
                "# Top\n[a](docs/a.md#a-b) [b](docs/a.md#nope) [c](#top) `[d](nowhere.md)`\n" +
                    "[g][ref]\n\n[ref]: docs/missing.md\n"
            );
            await writeFile(
                join(dir, "docs", "a.md"),
                "## A `b`\n![x](../../outside.png) [e](https://example.com/x)\n"
            );
            await writeFile(join(dir, "docs", "b.md"), "```md\n[f](gone.md)\n```\n");
            await writeFile(join(temp, "outside.png"), "");
            same(
                (await brokenLinks(dir)).broken,
                [
                    "README.md: docs/a.md#nope (no such heading)",
                    "README.md: docs/missing.md (no such file in the package)",
                    "docs/a.md: ../../outside.png (no such file in the package)"
                ],
                "broken links"
            );
        });
        await check("ESM: import gives the constructor and register()", async () =>
            same(await node(project, "esm.mjs"), EXPECTED_PROBE, "ESM")
        );
        await check("CommonJS: require gives the constructor and register()", async () =>
            same(await node(project, "cjs.cjs"), EXPECTED_PROBE, "CommonJS")
        );
        await check("the exports map: require.resolve", async () =>
            same(await node(project, "resolve.cjs"), EXPECTED_RESOLVE, "resolved")
        );
        await check("the exports map: import resolves to the .mjs", async () =>
            same(
                await node(project, "resolve.mjs"),
                "dist/octoprint-access.mjs",
                "resolved"
            )
        );
        // Each program on its own, so the globals one opts in to do not leak into the others.
        const tsc = async (files, ...options) => {
            const args = [
                "--noEmit",
                "--strict",
                "--target",
                "es2020",
                ...options,
                ...files
            ];
            await run(join(ROOT, "node_modules", ".bin", "tsc"), args, {
                cwd: project,
                timeout: 30000
            }).catch((error) => {
                throw new Error(
                    `tsc ${options.join(" ")}: ${error.stdout || error.message}`
                );
            });
        };
        const bundler = ["--module", "esnext", "--moduleResolution", "bundler"];
        const node16 = ["--module", "node16", "--moduleResolution", "node16"];
        await check("the types: page globals, opted in (strict)", () =>
            tsc(["global.ts"], ...bundler)
        );
        await check("the types: the module, bundler resolution (strict)", () =>
            tsc(["module.ts"], ...bundler)
        );
        await check("the types: the module on a page, globals opted in (strict)", () =>
            tsc(["page-module.ts"], ...bundler)
        );
        await check("the types: the module, node16 ESM and CJS (strict)", () =>
            tsc(["module.mts", "require.cts"], ...node16)
        );
        await check("the types: the module, nodenext (strict)", () =>
            tsc(["module.mts", "require.cts"], "--module", "nodenext")
        );
        await check("attw --pack: no problems", async () => {
            const attw = join(ROOT, "node_modules", ".bin", "attw");
            const {stdout} = await run(attw, ["--pack", ".", "--format", "ascii"], {
                cwd: ROOT,
                timeout: 60000
            }).catch((error) => {
                throw new Error(`attw: ${error.stdout || error.message}`);
            });
            if (/problem|💀|❌|⚠️/i.test(stdout.replace("No problems found", ""))) {
                throw new Error(`attw: ${stdout}`);
            }
        });
        await check("publint: all good, no suggestions", async () => {
            const publint = join(ROOT, "node_modules", ".bin", "publint");
            const {stdout} = await run(publint, ["--strict"], {
                cwd: ROOT,
                timeout: 60000
            });
            if (!stdout.includes("All good!")) throw new Error(`publint: ${stdout}`);
        });
    } finally {
        await rm(temp, {recursive: true, force: true});
        console.log(`package: ${results.passed} passed, ${results.failed} failed`);
    }
    return results;
}
