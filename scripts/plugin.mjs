// `npm run plugin`: the installable OctoPrint plugin archive, build/plugin/<name>-<version>.zip,
// from octoprint-plugin/ and the built dist/ files (copied byte for byte into its static
// folder), with package.json's version. OctoPrint's Plugin Manager (or `pip install`) takes the
// archive from a file or a URL. build/ is not committed.
import {execFileSync} from "node:child_process";
import {
    copyFileSync,
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync
} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SOURCE = join(ROOT, "octoprint-plugin");
const OUT = join(ROOT, "build", "plugin");

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const meta = {
    ...JSON.parse(readFileSync(join(SOURCE, "plugin.json"), "utf8")),
    version: pkg.version
};
// What the plugin serves, from dist/ (OctoPrint packs them after its own client files): the
// package's clientjs.json, which its get_assets() reads as well.
const CLIENT_JS = JSON.parse(
    readFileSync(join(SOURCE, meta.package, "clientjs.json"), "utf8")
);
const missing = CLIENT_JS.filter((file) => !existsSync(join(ROOT, "dist", file)));
if (missing.length) {
    console.error(
        `plugin: dist/${missing.join(", dist/")} missing; run \`npm run build\`.`
    );
    process.exit(1);
}

const dist = `${meta.name}-${meta.version}`;
const stage = join(OUT, dist);
rmSync(OUT, {recursive: true, force: true});

/** Copies octoprint-plugin/ but its tests and Python caches. */
function copyTree(from, to) {
    mkdirSync(to, {recursive: true});
    for (const name of readdirSync(from).sort()) {
        if (
            ["tests", "__pycache__", "plugin.json"].includes(name) ||
            name.endsWith(".pyc")
        ) {
            continue;
        }
        const path = join(from, name);
        if (statSync(path).isDirectory()) copyTree(path, join(to, name));
        else copyFileSync(path, join(to, name));
    }
}
copyTree(SOURCE, stage);
writeFileSync(join(stage, "plugin.json"), JSON.stringify(meta, null, 4) + "\n");
const js = join(stage, meta.package, "static", "js");
mkdirSync(js, {recursive: true});
for (const file of CLIENT_JS) copyFileSync(join(ROOT, "dist", file), join(js, file));
// An sdist's own metadata file, as pip and PyPI expect at the top of the archive.
writeFileSync(
    join(stage, "PKG-INFO"),
    [
        "Metadata-Version: 2.1",
        `Name: ${meta.name}`,
        `Version: ${meta.version}`,
        `Summary: ${meta.summary}`,
        `Home-page: ${meta.url}`,
        `Author: ${meta.author}`,
        `License: ${meta.license}`,
        `Requires-Python: ${meta.requires_python}`,
        ""
    ].join("\n")
);

// Python's own zip writer: the plugin is Python, so python3 is there wherever it is built.
const archive = join(OUT, `${dist}.zip`);
execFileSync(process.env.PYTHON || "python3", ["-m", "zipfile", "-c", archive, dist], {
    cwd: dirname(stage),
    stdio: "inherit"
});
console.log(relative(process.cwd(), archive));
