// `node scripts/fleet-screenshot.mjs`: docs/fleet.png, the fleet view with drift, on the demo
// fleet (--demo-fleet's four emulated printers) in headless Chromium: the users and groups
// across the fleet.
/* global document -- in page.evaluate */
import {fileURLToPath} from "node:url";
import {startServer} from "../server/app.mjs";
import {demoFleet} from "../server/fleet-file.mjs";
import {launch} from "../test/browser.mjs";

const OUT = fileURLToPath(new URL("../docs/fleet.png", import.meta.url));

const fleet = await startServer({port: 0, fleet: demoFleet(4)});
const browser = await launch();
try {
    const page = await browser.newPage({viewport: {width: 960, height: 800}});
    await page.goto(fleet.signIn);
    await page.waitForFunction(() =>
        document.getElementById("message").textContent.startsWith("Read ")
    );
    await page.addStyleTag({content: ".bar {position: static}"}); // not over the section
    const png = await page.locator("#drift").screenshot({path: OUT});
    console.log(`Wrote ${OUT}: ${png.length} bytes`);
} finally {
    await browser.close();
    await fleet.close();
}
