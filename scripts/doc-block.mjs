// The figures docs/size-and-speed.md states are the scripts' own output, put between markers
// `<!-- NAME: begin -->` and `<!-- NAME: end -->` by `--write`, never copied by hand. The doc
// is formatted as `npm run format` would, so `prettier --check` and these scripts agree.
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import prettier from "prettier";

const DOC = new URL("../docs/size-and-speed.md", import.meta.url);

/**
 * With `--write` on the command line, puts `text` into the block NAME; without, tells whether
 * the doc states it already.
 */
export async function docStates(name, text, write = process.argv.includes("--write")) {
    const doc = readFileSync(DOC, "utf8");
    const begin = `<!-- ${name}: begin -->`;
    const end = `<!-- ${name}: end -->`;
    const from = doc.indexOf(begin);
    const to = doc.indexOf(end);
    if (from < 0 || to < from)
        throw new Error(`docs/size-and-speed.md has no ${name} block`);
    const path = fileURLToPath(DOC);
    const updated = await prettier.format(
        doc.slice(0, from + begin.length) + `\n\n${text}\n\n` + doc.slice(to),
        {...(await prettier.resolveConfig(path)), filepath: path}
    );
    if (write) writeFileSync(DOC, updated);
    return write || updated === doc;
}
