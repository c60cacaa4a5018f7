// The console end to end: `npm start`'s entry (server/main.mjs) as a child process on a free
// port, driven in headless Chromium the way a person would use it; once on its embedded
// emulator, once as a gateway (OCTOPRINT_URL) to an emulator on another port, where the page
// uses its default URL, its own origin, and every check must pass alike. One named check = one
// test. The steps of a chain build on each other, so after a failure the rest of that chain
// is reported as not run (failed) instead of timing out one by one; checks that nothing
// builds on break no chain. Every wait is on page
// state, never a fixed sleep. Leaves test/artifacts/console.png (and console-gateway.png)
// behind.
/* global document, window, requestAnimationFrame -- the functions given to page.evaluate/waitForFunction run in the page */
import {spawn} from "node:child_process";
import {mkdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {startServer} from "../../server/app.mjs";
import {axeViolations} from "../axe.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = new URL("../artifacts/", import.meta.url);
const KEY = "CONSOLE-SUITE-ADMIN-KEY";
const USER = "jane doe #1"; // a space and a #: one path segment, encoded
const GROUP = "qa team";
const WAIT = 5000; // ms: generous for a local page, short enough to fail fast

/**
 * Starts `node server/main.mjs` with PORT=0; resolves once it printed its URL and key, or, as
 * a gateway to the OctoPrint at `octoprint`, its URL and that OctoPrint's.
 */
function startMain(octoprint) {
    const env = octoprint
        ? {OCTOPRINT_URL: octoprint, OCTOPRINT_APIKEY: ""}
        : {OCTOPRINT_URL: "", OCTOPRINT_APIKEY: KEY};
    const child = spawn(process.execPath, ["server/main.mjs"], {
        cwd: ROOT,
        env: {...process.env, PORT: "0", HOST: "", ...env},
        stdio: ["ignore", "pipe", "pipe"]
    });
    let output = "";
    const started = new Promise((resolve, reject) => {
        const timer = setTimeout(
            () => reject(new Error(`no URL printed within ${WAIT} ms: ${output}`)),
            WAIT
        );
        const read = (chunk) => {
            output += chunk;
            const url = output.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
            const key = output.match(/API key (\S+)/);
            const fronts = output.match(/Gateway to the OctoPrint at (\S+):/);
            if (url && (octoprint ? fronts : key)) {
                clearTimeout(timer);
                resolve({url: url[1], key: key?.[1], octoprint: fronts?.[1]});
            }
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`server/main.mjs exited with ${code}: ${output}`));
        });
    });
    const stop = () =>
        new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", resolve);
            child.kill();
        });
    return {started, stop, output: () => output};
}

export default async function (context) {
    const results = await runConsole(context, {label: "console"});
    const upstream = await startServer({port: 0, apikey: KEY});
    try {
        const gateway = await runConsole(context, {
            label: "console (gateway)",
            octoprint: upstream.url
        });
        return {
            passed: results.passed + gateway.passed,
            failed: results.failed + gateway.failed
        };
    } finally {
        await upstream.close();
    }
}

/**
 * The suite on a fresh `npm start`: with its emulator, or, given `octoprint`, as a gateway to
 * the OctoPrint there, whose admin's API key is KEY.
 */
async function runConsole({browser}, {label, octoprint}) {
    const results = {passed: 0, failed: 0};
    const main = startMain(octoprint);
    let page;
    try {
        const printed = await main.started;
        page = await browser.newPage({viewport: {width: 1000, height: 1300}});
        page.setDefaultTimeout(WAIT);
        const pageErrors = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        const corsAnswers = []; // answers granting other origins anything: there must be none
        page.on("response", (response) => {
            const names = Object.keys(response.headers());
            if (names.some((name) => name.startsWith("access-control-allow-")))
                corsAnswers.push(response.url());
        });
        page.on("dialog", (dialog) => dialog.accept()); // "Delete ...?" confirmations

        const message = () => page.textContent("#message").catch(() => "");
        /** Waits until the message bar shows every one of `parts`. */
        async function waitMessage(...parts) {
            try {
                await page.waitForFunction(
                    (wanted) => {
                        const text = document.getElementById("message").textContent;
                        return wanted.every((part) => text.includes(part));
                    },
                    parts,
                    {timeout: WAIT}
                );
            } catch {
                throw new Error(
                    `expected a message with ${JSON.stringify(parts)}, saw "${await message()}"`
                );
            }
        }
        /** Waits until `selector`'s text includes `text` (or, with `absent`, does not). */
        async function waitText(selector, text, absent = false) {
            try {
                await page.waitForFunction(
                    ([sel, wanted, not]) => {
                        const node = document.querySelector(sel);
                        return node && node.textContent.includes(wanted) !== not;
                    },
                    [selector, text, absent],
                    {timeout: WAIT}
                );
            } catch {
                const seen = await page
                    .textContent(selector)
                    .catch(() => "(no such element)");
                throw new Error(
                    `expected ${selector} ${absent ? "not " : ""}to show "${text}", saw "${seen}"; message: "${await message()}"`
                );
            }
        }
        const expect = (condition, what) => {
            if (!condition) throw new Error(what);
        };

        let chainBroken = null;
        const chain = () => (chainBroken = null);
        /** `{alone: true}`: nothing later builds on this check; its failure breaks no chain. */
        async function check(name, fn, {alone = false} = {}) {
            if (chainBroken) {
                results.failed += 1;
                console.log(`  FAIL ${label}: ${name}: not run, "${chainBroken}" failed`);
                return;
            }
            try {
                await fn();
                results.passed += 1;
            } catch (error) {
                results.failed += 1;
                if (!alone) chainBroken = name;
                console.log(`  FAIL ${label}: ${name}: ${error.message.split("\n")[0]}`);
            }
        }
        const userCard = `#user-list li[data-user="${USER}"]`;
        const screenshot = octoprint ? "console-gateway.png" : "console.png";
        const groupCard = `#group-list li[data-group="${GROUP}"]`;

        // ~~ connecting

        chain();
        if (!octoprint) {
            await check("npm start prints the URL and the admin's API key", async () => {
                expect(
                    printed.key === KEY,
                    `printed key ${printed.key}, not OCTOPRINT_APIKEY`
                );
                await page.goto(printed.url);
                const baseurl = await page.inputValue("#baseurl");
                expect(
                    baseurl === printed.url,
                    `default URL ${baseurl}, not ${printed.url}`
                );
            });
            await check(
                "the hint is the emulator's: its key; for a real one the gateway, Allow Cross Origin only as a fallback, with its risk",
                async () => {
                    await page.waitForLoadState("networkidle");
                    await waitText(
                        "#connect-hint",
                        "the access API that npm start embeds"
                    );
                    const hint = (await page.textContent("#connect-hint")).replace(
                        /\s+/g,
                        " "
                    );
                    const gateway = hint.indexOf(
                        "OCTOPRINT_URL=http://octopi.local npm start"
                    );
                    const fallback = hint.indexOf("Only where that cannot be done");
                    const cors = hint.indexOf("Allow Cross Origin");
                    const risk = hint.indexOf("every web page your browser opens");
                    expect(
                        gateway >= 0 &&
                            gateway < fallback &&
                            fallback < cors &&
                            cors < risk,
                        `the gateway first, then Allow Cross Origin as a fallback with its risk: "${hint}"`
                    );
                },
                {alone: true}
            );
        } else {
            printed.key = KEY; // the upstream admin's: a gateway prints none
            await check(
                "npm start as a gateway prints its URL and the OctoPrint it fronts",
                async () => {
                    expect(
                        printed.octoprint === octoprint,
                        `printed ${printed.octoprint}, not ${octoprint}`
                    );
                    await page.goto(printed.url);
                    const baseurl = await page.inputValue("#baseurl");
                    expect(
                        baseurl === printed.url,
                        `default URL ${baseurl}, not its own origin ${printed.url}`
                    );
                }
            );
            await check(
                "the hint says which OctoPrint it fronts",
                async () => {
                    await waitText(
                        "#connect-hint",
                        `This server is a gateway to the OctoPrint at ${octoprint}`
                    );
                    await waitText("#connect-hint", "can stay off");
                },
                {alone: true}
            );
        }

        await check(
            "a wrong API key shows the 403 message; busy while waiting",
            async () => {
                // Hold the first request, to see the busy indicator while it runs.
                let release;
                const held = new Promise((resolve) => (release = resolve));
                await page.route("**/api/access/permissions", async (route) => {
                    await held;
                    await route.continue();
                });
                try {
                    await page.fill("#apikey", "not-the-key");
                    await page.click("#connect-form button");
                    await page.locator("#busy").waitFor({state: "visible"});
                } finally {
                    release();
                    await page.unroute("**/api/access/permissions");
                }
                await waitMessage("403", "Invalid API key");
                await page.locator("#busy").waitFor({state: "hidden"});
                expect(
                    await page.isHidden("#workspace"),
                    "the workspace shows without a connection"
                );
                const key = await page.inputValue("#apikey");
                expect(key === "not-the-key", "the typed key was lost");
            },
            {alone: true}
        );

        await check("the printed API key connects", async () => {
            await page.fill("#apikey", printed.key);
            await page.click("#connect-form button");
            await waitMessage("Connected to");
            await page.locator("#workspace").waitFor({state: "visible"});
            await waitText("#connection", "as admin");
            await waitText('#user-list li[data-user="admin"]', "you");
        });

        await check(
            "jQuery 3.5.1, lodash, base.js come from the server, then the bundle",
            async () => {
                const loaded = await page.evaluate(() => ({
                    jquery: window.jQuery && window.jQuery.fn.jquery,
                    lodash: typeof window._ === "function",
                    access:
                        window.OctoPrint.access instanceof window.OctoPrintAccessClient
                }));
                expect(loaded.jquery === "3.5.1", `jQuery ${loaded.jquery}`);
                expect(loaded.lodash, "no lodash");
                expect(loaded.access, "OctoPrint.access is not this project's component");
            },
            {alone: true}
        );

        await check(
            "permissions: key, name, description, dangerous flag",
            async () => {
                const rows = await page.locator("#permission-list tr").allTextContents();
                expect(rows.length === 39, `${rows.length} permissions listed`); // a stock install's
                const admin = rows.find((row) => row.startsWith("ADMIN"));
                expect(
                    admin && admin.includes("yes") && admin.includes("everything"),
                    admin
                );
                const print = rows.find((row) => row.startsWith("PRINT"));
                expect(print && print.includes("no"), print);
            },
            {alone: true}
        );

        await check(
            "groups: flags shown, buttons disabled where OctoPrint refuses",
            async () => {
                const admins = '#group-list li[data-group="admins"]';
                const users = '#group-list li[data-group="users"]';
                await waitText(admins, "not removable");
                await waitText(users, "default");
                expect(await page.isDisabled(`${admins} button.edit`), "admins editable");
                expect(
                    await page.isDisabled(`${admins} button.delete`),
                    "admins removable"
                );
                expect(
                    await page.isEnabled(`${users} button.edit`),
                    "users not editable"
                );
                expect(
                    await page.isDisabled(`${users} button.delete`),
                    "users removable"
                );
            },
            {alone: true}
        );

        await check(
            "you cannot delete or deactivate yourself: buttons disabled",
            async () => {
                await page.click('#user-list li[data-user="admin"] button');
                await page.locator("#user-editor").waitFor({state: "visible"});
                await waitText("#user-editor-title", "admin");
                expect(
                    await page.isDisabled("#user-delete"),
                    "delete enabled for yourself"
                );
                expect(
                    await page.isDisabled("#user-toggle"),
                    "deactivate enabled for yourself"
                );
                await page.click("#user-close");
                await page.locator("#user-editor").waitFor({state: "hidden"});
            }
        );

        // ~~ a user's life

        const connected = chainBroken === null;
        chain();
        if (!connected) chainBroken = "connecting";
        await check("add a user whose name has a space and a #", async () => {
            await page.click("#add-user > summary");
            await page.fill("#new-user-name", USER);
            await page.fill("#new-user-password", "pw-1");
            await page.click("#add-user-form button[type=submit]");
            await waitMessage(`Added user ${USER}`);
            await waitText(userCard, "active");
            await waitText(userCard, "Groups: users"); // the default group was ticked
            expect(
                (await page.inputValue("#new-user-name")) === "",
                "the form was not reset"
            );
        });

        await check(
            "a duplicate user shows the 409 message and keeps the input",
            async () => {
                await page.fill("#new-user-name", USER);
                await page.fill("#new-user-password", "pw-x");
                await page.click("#add-user-form button[type=submit]");
                await waitMessage("409", "A conflict happened"); // OctoPrint's own text
                expect(
                    (await page.inputValue("#new-user-name")) === USER,
                    "the name was lost"
                );
                expect(
                    (await page.inputValue("#new-user-password")) === "pw-x",
                    "password lost"
                );
                await page.click("#add-user > summary"); // fold the form away again
            },
            {alone: true}
        );

        await check("change its password", async () => {
            await page.click(`${userCard} button`);
            await waitText("#user-editor-title", USER);
            await page.fill("#user-password", "pw-2");
            await page.fill("#user-password-again", "pw-2");
            await page.click("#user-password-form button[type=submit]");
            await waitMessage(`Changed the password of ${USER}`);
            expect(
                (await page.inputValue("#user-password")) === "",
                "password still shown"
            );
        });

        let newKey;
        await check(
            "generate an API key: shown once, the list says one is set",
            async () => {
                await page.click("#user-apikey-generate");
                await waitMessage(`Generated a new API key for ${USER}`);
                await page.locator("#user-new-apikey").waitFor({state: "visible"});
                newKey = await page.textContent("#user-new-apikey code");
                expect(/^[0-9A-F]{32}$/.test(newKey), `new key "${newKey}"`);
                await waitText(userCard, "API key set");
                await waitText("#user-apikey-status", "An API key is set");
            }
        );

        await check(
            "the server took the new password and key",
            async () => {
                const name = encodeURIComponent(USER);
                const res = await fetch(
                    `${printed.url}api/access/users/${name}/password`,
                    {
                        method: "PUT",
                        headers: {
                            "X-Api-Key": newKey,
                            "Content-Type": "application/json"
                        },
                        body: JSON.stringify({password: "pw-3", current: "pw-2"})
                    }
                );
                expect(res.status === 200, `own password change answered ${res.status}`);
            },
            {alone: true}
        );

        await check("give it a group", async () => {
            await page.check('#user-groups input[value="readonly"]');
            await page.click("#user-access-form button[type=submit]");
            await waitMessage(`Saved the groups and permissions of ${USER}`);
            await waitText(userCard, "Groups: users, readonly");
            await waitText("#user-status", "readonly");
        });

        await check(
            "view and save its settings as JSON",
            async () => {
                await page.waitForFunction(
                    () => document.getElementById("user-settings").value.trim() === "{}"
                );
                await page.fill("#user-settings", "{not json");
                await page.click("#user-settings-form button[type=submit]");
                await waitMessage("not valid JSON");
                expect(
                    (await page.inputValue("#user-settings")) === "{not json",
                    "text lost"
                );
                await page.fill("#user-settings", '{"interface": {"language": "de"}}');
                await page.click("#user-settings-form button[type=submit]");
                await waitMessage(`Saved the settings of ${USER}`);
                await page.waitForFunction(() =>
                    document
                        .getElementById("user-settings")
                        .value.includes('"language": "de"')
                );
            },
            {alone: true}
        );

        await check(
            `screenshot: test/artifacts/${screenshot}`,
            async () => {
                mkdirSync(ARTIFACTS, {recursive: true});
                await page.evaluate(() => window.scrollTo(0, 0));
                await page.screenshot({
                    path: fileURLToPath(new URL(screenshot, ARTIFACTS))
                });
            },
            {alone: true}
        );

        await check("deactivate it", async () => {
            await page.click("#user-toggle");
            await waitMessage(`Deactivated ${USER}`);
            await waitText(userCard, "inactive");
            await waitText("#user-toggle", "Activate");
        });

        await check("remove its API key", async () => {
            await page.click("#user-apikey-reset");
            await waitMessage(`Removed the API key of ${USER}`);
            await waitText(userCard, "no API key");
            expect(
                await page.isHidden("#user-new-apikey"),
                "the old new key still shows"
            );
        });

        await check("delete it", async () => {
            await page.click("#user-delete");
            await waitMessage(`Deleted user ${USER}`);
            await page.locator(userCard).waitFor({state: "detached"});
            expect(
                await page.isHidden("#user-editor"),
                "the editor of a deleted user shows"
            );
        });

        // ~~ a group's life

        chain();
        if (!connected) chainBroken = "connecting";
        await check("add a group", async () => {
            await page.click("#add-group > summary");
            await page.fill("#new-group-key", GROUP);
            await page.fill("#new-group-name", "QA");
            await page.fill("#new-group-description", "Quality");
            await page.check('#new-group-permissions input[value="PRINT"]');
            await page.click("#add-group-form button[type=submit]");
            await waitMessage(`Added group ${GROUP}`);
            await waitText(groupCard, "Quality");
            await waitText(groupCard, "Permissions: PRINT");
            await waitText(groupCard, "changeable");
        });

        await check("edit the group", async () => {
            await page.click(`${groupCard} button.edit`);
            await waitText("#group-editor-title", GROUP);
            await page.fill("#group-description", "Quality assurance");
            await page.check("#group-default");
            await page.check('#group-permissions input[value="GCODE_VIEWER"]');
            await page.click("#group-form button[type=submit]");
            await waitMessage(`Saved group ${GROUP}`);
            await waitText(groupCard, "Quality assurance");
            await waitText(groupCard, "default");
            await waitText(groupCard, "PRINT, GCODE_VIEWER");
        });

        await check("delete the group", async () => {
            await page.click(`${groupCard} button.delete`);
            await waitMessage(`Deleted group ${GROUP}`);
            await page.locator(groupCard).waitFor({state: "detached"});
            expect(
                await page.isHidden("#group-editor"),
                "the editor of a deleted group shows"
            );
        });

        // ~~ the page as a whole

        chain();
        await check(
            "fits a phone's width (390 px) without sideways scrolling",
            async () => {
                await page.setViewportSize({width: 390, height: 844});
                const overflow = await page.evaluate(
                    () => document.documentElement.scrollWidth - window.innerWidth
                );
                expect(overflow <= 0, `${overflow} px wider than the screen`);
            }
        );

        await check(
            "the sticky bar, message and all, covers nothing a link or an editor scrolls to",
            async () => {
                // On the phone, with a message in the bar (it makes the bar taller).
                await waitText("#message", " ");
                /** Pixels from the bar's bottom to the top of `selector`, once scrolled. */
                const gap = (selector) =>
                    page.evaluate(
                        (sel) =>
                            new Promise((resolve) =>
                                requestAnimationFrame(() =>
                                    requestAnimationFrame(() => {
                                        const bar = document.querySelector(".bar");
                                        const top = document
                                            .querySelector(sel)
                                            .getBoundingClientRect().top;
                                        resolve({
                                            gap: top - bar.getBoundingClientRect().bottom,
                                            bar: bar.offsetHeight,
                                            scrolled: window.scrollY
                                        });
                                    })
                                )
                            ),
                        selector
                    );
                const fits = (what, {gap: px, bar, scrolled}) =>
                    expect(
                        scrolled > 0 && px >= 0 && px <= 16,
                        `${what}: ${px} px below the ${bar} px bar (scrolled ${scrolled} px)`
                    );
                const barHeight = await page.evaluate(
                    () => document.querySelector(".bar").offsetHeight
                );
                expect(barHeight > 60, `the bar is only ${barHeight} px high`);
                await page.click('.tabs a[href="#groups"]');
                fits("the Groups link", await gap("#groups"));
                await page.evaluate(() => window.scrollTo(0, 0));
                await page.click('#group-list li[data-group="users"] button.edit');
                await page.locator("#group-editor").waitFor({state: "visible"});
                fits("the group editor", await gap("#group-editor"));
                await page.click("#group-close");
            },
            {alone: true}
        );

        await check(
            "axe-core: no violations",
            async () => {
                const violations = await axeViolations(page);
                expect(!violations.length, violations.join("; "));
            },
            {alone: true}
        );

        await check("no uncaught errors on the page", async () => {
            expect(!pageErrors.length, pageErrors.join("; "));
        });

        await check(
            "no answer granted other origins anything (Access-Control-Allow-*)",
            async () => {
                expect(!corsAnswers.length, corsAnswers.join(", "));
            }
        );

        if (octoprint) {
            await check("the gateway printed no API key", async () => {
                const output = main.output();
                expect(!output.includes(KEY), "the admin's key is in its output");
                expect(
                    !newKey || !output.includes(newKey),
                    "the new key is in its output"
                );
            });
        }
    } catch (error) {
        results.failed += 1;
        console.log(`  FAIL ${label}: ${error.message}`);
    } finally {
        await page?.close();
        await main.stop();
    }

    console.log(`${label}: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
