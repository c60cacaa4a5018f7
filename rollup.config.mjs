import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import {dts} from "rollup-plugin-dts";
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

// The one place for how dist/ is made; scripts/size.mjs imports the terser options from here.
// Each shipped file has its own entry in src/, named after the file it makes:
//   src/<name>.umd.ts  -> dist/<name>.js and .min.js (script tag, AMD, packed)
//   src/<name>.ts      -> dist/<name>.mjs and .cjs (bundlers), with .d.mts and .d.cts

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
export const banner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} */`;
// The types use jQuery's (JQuery.jqXHR, JQuery.AjaxSettings): @types/jquery is a dependency.
const typesBanner = `${banner}\n/// <reference types="jquery" />`;

/** terser's options for every minified file. */
export const terserOptions = {
    ecma: 2015,
    module: false,
    toplevel: false,
    compress: {passes: 2}
};

/**
 * OctoPrint's own UMD wrapper, as its client files have it: under AMD `define(id, deps,
 * factory)`, otherwise the factory is called with the deps' globals and its result assigned to
 * `global[name]` (no assignment when `name` is null). `uses` is how many of the deps the body
 * reads: the others are only load order under AMD. The entry is the factory's body: it reads
 * the parameters (the deps' names) and ends by assigning `component`, which the factory
 * returns. `globals` maps an AMD id to its global where they differ ({jquery: "jQuery"}).
 * The leading ";" keeps the file safe to append to a script that ends without one
 * (OctoPrint packs its client files into one asset).
 */
export function umdWrapper({id, deps, name, uses = deps.length, globals: names = {}}) {
    // A dep's global (and the factory's parameter) is its AMD id unless `globals` maps it:
    // {jquery: "jQuery"}.
    const params = deps.slice(0, uses).map((dep) => names[dep] ?? dep);
    const globals = params.map((dep) => `global.${dep}`).join(", ");
    return {
        banner: [
            banner,
            ";(function (global, factory) {",
            '    if (typeof define === "function" && define.amd) {',
            `        define(${JSON.stringify(id)}, ${JSON.stringify(deps).replace(/,/g, ", ")}, factory);`,
            "    } else {",
            name
                ? `        global.${name} = factory(${globals});`
                : `        factory(${globals});`,
            "    }",
            `})(this, function (${params.join(", ")}) {`
        ].join("\n"),
        // Declared after the body's assignment (var is hoisted): declared before the body,
        // terser's output was 4 bytes (gzipped) bigger.
        footer: "var component;\nreturn component;\n});"
    };
}

/**
 * The module "octoprint-access-builtin" (src/emulator/builtin.d.ts): each OctoPrint version's
 * built-in state, read from the recordings of real servers in test/data/ (the version is the
 * recorded server's major.minor): its permissions as GET permissions listed them, its groups as
 * GET groups did (without `needs` and `dangerous`, which the emulator works out) and the
 * admin's groups as GET users did. The versions share most entries: each distinct one is
 * written once, into one list that the versions' lists index (numbers, which gzip better than
 * names).
 */
function builtin() {
    const id = "octoprint-access-builtin";
    const data = new URL("./test/data/", import.meta.url);
    const answer = (recording, path) =>
        recording.entries.find(
            ({request, response}) =>
                request.method === "GET" &&
                request.path === `/api/access/${path}` &&
                response.status === 200
        ).response.body;
    return {
        name: "octoprint-access-builtin",
        resolveId: (source) => (source === id ? `\0${id}` : null),
        load(module) {
            if (module !== `\0${id}`) return null;
            const shared = [];
            const index = (value) => {
                const json = JSON.stringify(value);
                const at = shared.indexOf(json);
                return at < 0 ? shared.push(json) - 1 : at;
            };
            const list = (values) => `pick([${values.map(index).join(", ")}])`;
            const versions = [];
            for (const file of readdirSync(data).sort()) {
                if (!/^octoprint-.*-access\.json$/.test(file)) continue;
                const url = new URL(file, data);
                this.addWatchFile(fileURLToPath(url));
                const recording = JSON.parse(readFileSync(url, "utf8"));
                const version = /^OctoPrint (\d+\.\d+)\./.exec(recording.server)[1];
                const groups = answer(recording, "groups").groups.map((group) => {
                    const own = {...group};
                    delete own.needs;
                    delete own.dangerous;
                    return own;
                });
                const admin = answer(recording, "users").users.find(
                    (user) => user.name === "admin"
                );
                versions.push(
                    `    ${JSON.stringify(version)}: {\n` +
                        `        permissions: ${list(answer(recording, "permissions").permissions)},\n` +
                        `        groups: ${list(groups)},\n` +
                        `        adminGroups: ${JSON.stringify(admin.groups)}\n    }`
                );
            }
            return [
                "// OctoPrint's built-in state per version, from test/data/'s recordings.",
                `const shared = [\n${shared.join(",\n")}\n];`,
                "const pick = (indexes) => indexes.map((i) => shared[i]);",
                `export default {\n${versions.join(",\n")}\n};`
            ].join("\n");
        }
    };
}

const ts = () =>
    typescript({
        tsconfig: "./tsconfig.json",
        noEmit: false,
        sourceMap: true,
        // The maps carry the sources: src/ is not in the package.
        inlineSources: true
    });

/** A script-tag file, plain and minified, from src/<file>.umd.ts. */
const umd = (file, wrapper) => ({
    input: `src/${file}.umd.ts`,
    plugins: [builtin(), ts()],
    output: [
        {format: "es", sourcemap: true, ...umdWrapper(wrapper), file: `dist/${file}.js`},
        {
            format: "es",
            // The map is made, but not named in the file: where the minified file is used, in
            // OctoPrint's packed client or a plugin's assets, no map is served beside it, and a
            // named one is a 404 in the browser's developer tools (jQuery's reason, too).
            sourcemap: "hidden",
            ...umdWrapper(wrapper),
            file: `dist/${file}.min.js`,
            plugins: [terser(terserOptions)]
        }
    ]
});

/** A module for bundlers, ESM and CJS, with its types per format, from src/<file>.ts. */
const module = (file) => [
    {
        input: `src/${file}.ts`,
        plugins: [builtin(), ts()],
        output: [
            {file: `dist/${file}.mjs`, format: "es", banner, sourcemap: true},
            {
                file: `dist/${file}.cjs`,
                format: "cjs",
                exports: "named",
                banner,
                sourcemap: true
            }
        ]
    },
    {
        input: `src/${file}.ts`,
        plugins: [dts()],
        output: [
            {file: `dist/${file}.d.mts`, format: "es", banner: typesBanner},
            {file: `dist/${file}.d.cts`, format: "es", banner: typesBanner}
        ]
    }
];

export default [
    umd("octoprint-access", {
        id: "OctoPrintAccessClient",
        deps: ["OctoPrintClient"],
        name: "OctoPrintAccessClient"
    }),
    ...module("octoprint-access"),
    // The test kit (never part of the bundle above): OctoPrint's access API in the page.
    umd("octoprint-access-fake", {
        id: "OctoPrintAccessFake",
        deps: ["jquery"],
        globals: {jquery: "jQuery"},
        name: "OctoPrintAccessFake"
    }),
    ...module("octoprint-access-fake"),
    // The legacy OctoPrint.users namespace, as OctoPrint 1.x's users.js (no global).
    umd("octoprint-users", {
        id: "OctoPrintUserClient",
        // It forwards to client.access at call time: the access component is a dependency
        // for load order only.
        deps: ["OctoPrintClient", "OctoPrintAccessClient"],
        uses: 1,
        name: null
    }),
    {
        // Opt-in declarations of a page's globals (OctoPrint, OctoPrintClient, ...).
        input: "src/globals.ts",
        plugins: [dts()],
        // The package entry's types are imported, not copied: one OctoPrintAccessClient.
        external: ["octoprint-access-client"],
        output: {file: "dist/globals.d.ts", format: "es", banner: typesBanner}
    }
];
