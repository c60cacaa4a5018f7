// Launches the machine's Chromium headless through playwright-core (which downloads nothing).
import {existsSync} from "node:fs";
import {chromium} from "playwright-core";

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

export function launch() {
    if (!existsSync(CHROME_PATH)) {
        console.error(
            `No Chromium at ${CHROME_PATH}. Install it (Debian: apt-get update && ` +
                "apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary."
        );
        process.exit(1);
    }
    return chromium.launch({
        executablePath: CHROME_PATH,
        headless: true,
        args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync"
        ]
    });
}
