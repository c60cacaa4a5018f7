import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import {readFileSync} from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} License */`;

// OctoPrint's own UMD header, in the shape of its access.js: under AMD the named module
// "OctoPrintAccessClient" depending on "OctoPrintClient", otherwise window.OctoPrintAccessClient
// made from window.OctoPrintClient. Rollup writes the define(...) call; the wrapper supplies a
// define for pages without AMD. The leading ";" keeps the file safe to append to a script
// that ends without one (OctoPrint packs its client files into one asset).
const umd = {
    format: "amd",
    amd: {id: "OctoPrintAccessClient"},
    exports: "default",
    interop: "default",
    banner: `${banner}\n;(function (define) {`,
    footer: [
        '})(typeof define === "function" && define.amd ? define : function (id, deps, factory) {',
        "    window.OctoPrintAccessClient = factory(window.OctoPrintClient);",
        "});"
    ].join("\n"),
    sourcemap: true
};

export default {
    input: "src/index.ts",
    external: ["OctoPrintClient"],
    plugins: [typescript({tsconfig: "./tsconfig.json", noEmit: false, sourceMap: true})],
    output: [
        {...umd, file: "dist/octoprint-access.js"},
        {
            ...umd,
            file: "dist/octoprint-access.min.js",
            plugins: [terser({ecma: 2015, compress: {passes: 2}})]
        }
    ]
};
