// axe-core (a devDependency) in a page, for the suites that check the console and the fleet
// view for accessibility: injected once per document, run on the whole document.
/* global axe, document -- in page.evaluate */
import {readFileSync} from "node:fs";

const AXE = readFileSync(
    new URL("../node_modules/axe-core/axe.min.js", import.meta.url),
    "utf8"
);

/**
 * axe-core's violations on the page as it is, each as "id: help (a few of its nodes)"; one
 * entry also when too few rules ran to mean anything.
 */
export async function axeViolations(page) {
    if (!(await page.evaluate(() => typeof axe !== "undefined"))) {
        await page.addScriptTag({content: AXE});
    }
    return page.evaluate(async () => {
        const run = await axe.run(document, {resultTypes: ["violations"]});
        if (run.passes.length < 10) return [`only ${run.passes.length} rules ran`];
        return run.violations.map(
            (v) =>
                `${v.id}: ${v.help} (${v.nodes
                    .slice(0, 3)
                    .map((n) => n.target.join(" "))
                    .join(" | ")})`
        );
    });
}
