import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import {dts} from "rollup-plugin-dts";
import {readFileSync} from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const banner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} */`;

// OctoPrint's own UMD wrapper, as its access.js has it: under AMD the named module
// "OctoPrintAccessClient" depending on "OctoPrintClient", otherwise the global
// OctoPrintAccessClient made from the global OctoPrintClient. src/index.ts is the factory's
// body: it reads the parameter OctoPrintClient and ends by assigning `component`, which the
// factory returns. The leading ";" keeps the file safe to append to a script that ends without
// one (OctoPrint packs its client files into one asset).
const umd = {
    format: "es",
    banner: [
        banner,
        ";(function (global, factory) {",
        '    if (typeof define === "function" && define.amd) {',
        '        define("OctoPrintAccessClient", ["OctoPrintClient"], factory);',
        "    } else {",
        "        global.OctoPrintAccessClient = factory(global.OctoPrintClient);",
        "    }",
        "})(this, function (OctoPrintClient) {",
        "var component;"
    ].join("\n"),
    footer: "return component;\n});",
    sourcemap: true
};

const ts = () =>
    typescript({tsconfig: "./tsconfig.json", noEmit: false, sourceMap: true});

export default [
    {
        input: "src/index.ts",
        plugins: [ts()],
        output: [
            {...umd, file: "dist/octoprint-access.js"},
            {
                ...umd,
                file: "dist/octoprint-access.min.js",
                plugins: [
                    terser({
                        ecma: 2015,
                        module: false,
                        toplevel: false,
                        compress: {passes: 2}
                    })
                ]
            }
        ]
    },
    {
        // For bundlers: the constructor and register(), no global side effects.
        input: "src/module.ts",
        plugins: [ts()],
        output: [
            {file: "dist/octoprint-access.mjs", format: "es", banner, sourcemap: true},
            {
                file: "dist/octoprint-access.cjs",
                format: "cjs",
                exports: "named",
                banner,
                sourcemap: true
            }
        ]
    },
    {
        input: "src/module.ts",
        plugins: [dts()],
        // The records, request bodies and clients, typed jqXHR responses, and the globals a
        // page with OctoPrint's client has; jQuery's types come from @types/jquery.
        output: {
            file: "dist/octoprint-access.d.ts",
            format: "es",
            banner: `${banner}\n/// <reference types="jquery" />`
        }
    }
];
