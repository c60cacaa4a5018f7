// The fleet view (fleet.html) end to end in Chromium: once on `npm start -- --demo-fleet` (a
// child process), where the seeded drift must show, and once on a fleet of emulators this
// suite starts with keys it knows, driven the way a person would: add a user everywhere, make
// a drifted user and a group the same everywhere, deactivate a user by keyboard alone, import
// a desired-state file, export one. After each change every emulator's state is read directly
// (its own access API and key, not through the page or the fleet server) and compared with
// values written here. One server sits behind a fake OctoPrint that fails the first add of a
// user with 500: the failure shows, "Retry the failed ones" completes, and no server holds a
// user twice or lost one. One server refuses connections: it is skipped with its reason.
// axe-core finds no violation. The steps build on each other: after a failure the rest of the
// chain is reported as not run instead of timing out one by one.
/* global document, window -- in page.evaluate */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {createServer, request as httpRequest} from "node:http";
import {startEmulatedOctoPrint, startServer} from "../../server/app.mjs";
import {axeViolations} from "../axe.mjs";
import {checker} from "../checks.mjs";
import {WAIT, requester, runMain, startFake} from "../servers.mjs";

const UNTIL = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n[^]*Press Ctrl\+C/;
const KEYS = {
    alpha: "ALPHA-VIEW-ADMIN-KEY-11111",
    beta: "BETA-VIEW-ADMIN-KEY-222222",
    gamma: "GAMMA-VIEW-ADMIN-KEY-33333",
    delta: "DELTA-VIEW-ADMIN-KEY-44444"
};
const LOCKED = "The user database is locked, try again"; // the failing fake's message
const OPERATORS = {
    key: "operators",
    name: "Operators",
    description: "Print and control",
    permissions: ["PRINT", "CONTROL"]
};
const pw = "a-Passw0rd"; // seeded users' password

const {request} = requester();

/** A user as the emulators are compared: lists sorted. */
const user = (active, groups, permissions = []) => ({
    active,
    groups: groups.slice().sort(),
    permissions: permissions.slice().sort()
});

/**
 * An emulator's users and groups, read directly with its key: {users: {name: {active,
 * groups, permissions}}, groups: {key: {name, description, default, permissions,
 * subgroups}}}, lists sorted; `names` the user names as listed (duplicates would show).
 */
async function direct(emulator) {
    const get = async (what) => {
        const answer = await request(emulator.url, "GET", `/api/access/${what}`, {
            headers: {"X-Api-Key": emulator.apikey}
        });
        assert.equal(answer.status, 200, `GET ${what} at ${emulator.url}`);
        return answer.json;
    };
    const {users} = await get("users");
    const {groups} = await get("groups");
    const sort = (list) => list.slice().sort();
    return {
        names: users.map((u) => u.name).sort(),
        users: Object.fromEntries(
            users.map((u) => [u.name, user(u.active, u.groups, u.permissions)])
        ),
        groups: Object.fromEntries(
            groups.map((g) => [
                g.key,
                {
                    name: g.name,
                    description: g.description,
                    default: g.default,
                    permissions: sort(g.permissions),
                    subgroups: sort(g.subgroups)
                }
            ])
        )
    };
}

/**
 * A fake OctoPrint in front of the emulator at `target`: forwards every request, but answers
 * the first POST of api/access/users itself, with 500 and OctoPrint's kind of error body,
 * before the emulator sees it. `posts` counts the adds that reached it.
 */
async function startFailingFront(target) {
    const to = new URL(target);
    let failed = false;
    const front = {posts: 0, failed: () => failed};
    const server = createServer((req, res) => {
        if (req.method === "POST" && req.url === "/api/access/users" && !failed) {
            failed = true;
            req.resume();
            res.writeHead(500, {"Content-Type": "application/json"});
            res.end(JSON.stringify({error: LOCKED}));
            return;
        }
        if (req.method === "POST" && req.url === "/api/access/users") front.posts += 1;
        const forward = httpRequest(
            {
                hostname: to.hostname,
                port: to.port,
                method: req.method,
                path: req.url,
                headers: {...req.headers, host: to.host}
            },
            (answer) => {
                res.writeHead(answer.statusCode, answer.headers);
                answer.pipe(res);
            }
        );
        forward.on("error", () => res.destroy());
        req.pipe(forward);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return Object.assign(front, {
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () =>
            new Promise((resolve) => {
                server.close(resolve);
                server.closeAllConnections();
            })
    });
}

/** The page's helpers: waits on page state, never a fixed sleep. */
function pageHelpers(page) {
    const message = () => page.textContent("#message");
    return {
        message,
        /** Waits until the message bar starts with `start`; returns its text. */
        async waitMessage(start) {
            await page
                .waitForFunction(
                    (wanted) =>
                        document.getElementById("message").textContent.startsWith(wanted),
                    start
                )
                .catch(async () => {
                    throw new Error(`no "${start}…"; the message: ${await message()}`);
                });
            return message();
        },
        /** The drift words of each row of a matrix: {id: "words; …"}, rows shown only. */
        async drift(matrix) {
            return page.evaluate((id) => {
                const rows = Array.from(document.querySelectorAll(`#${id} tbody tr`));
                return Object.fromEntries(
                    rows
                        .filter((row) => window.getComputedStyle(row).display !== "none")
                        .map((row) => [
                            row.querySelector("th .id").textContent,
                            row.querySelector("th .words")?.textContent || ""
                        ])
                );
            }, matrix);
        },
        /** The cells of one row: {server: text}. */
        async cells(matrix, id) {
            return page.evaluate(
                ([matrixId, rowId]) => {
                    const row = Array.from(
                        document.querySelectorAll(`#${matrixId} tbody tr`)
                    ).find((tr) => tr.querySelector("th .id").textContent === rowId);
                    return Object.fromEntries(
                        Array.from(row.querySelectorAll("td"), (td) => [
                            td.dataset.server,
                            td.textContent
                        ])
                    );
                },
                [matrix, id]
            );
        },
        /** Opens the <details> whose summary says `text`. */
        async open(text) {
            const details = page.locator("details", {
                has: page.locator(`summary:text-is("${text}")`)
            });
            if (!(await details.evaluate((d) => d.open))) {
                await page.locator(`summary:text-is("${text}")`).click();
            }
        },
        /** The plan: each group of servers and what they get, as "servers | line; line". */
        async plan() {
            return page.evaluate(() =>
                Array.from(
                    document.querySelectorAll("#plan-list > li"),
                    (li) =>
                        li.dataset.servers +
                        " | " +
                        Array.from(
                            li.querySelectorAll("li"),
                            (op) => op.textContent
                        ).join("; ")
                )
            );
        },
        /** Applies the plan shown; resolves to the message and each server's result. */
        async apply() {
            await page.evaluate(
                () => (document.getElementById("message").textContent = "")
            );
            await page.click("#apply");
            return this.applied();
        },
        async applied() {
            const said = await this.waitMessage("Applied: ");
            const results = await page.evaluate(() =>
                Object.fromEntries(
                    Array.from(document.querySelectorAll("#results li"), (li) => [
                        li.dataset.server,
                        li.textContent.replace(/^[^:]*: /, "")
                    ])
                )
            );
            return {said, results};
        },
        /** Presses Tab until `selector` has the focus (at most `max` times). */
        async tabTo(selector, max = 60) {
            for (let i = 0; i < max; i++) {
                await page.keyboard.press("Tab");
                if (
                    await page.evaluate(
                        (wanted) => document.activeElement.matches(wanted),
                        selector
                    )
                )
                    return;
            }
            throw new Error(`Tab does not reach ${selector}`);
        }
    };
}

export default async function ({browser}) {
    const {results, check} = checker("fleet-view");
    let broken = ""; // the chain's first failure: later steps do not run
    const step = (name, fn) =>
        check(name, async () => {
            if (broken) throw new Error(`not run: "${broken}" failed`);
            try {
                await fn();
            } catch (error) {
                broken = name;
                throw error;
            }
        });
    const closing = [];

    try {
        // ~~ --demo-fleet, through npm start

        await check(
            "--demo-fleet: the seeded drift shown in words, only drift on request; axe: no violations",
            async () => {
                const main = runMain(
                    ["--demo-fleet"],
                    {},
                    {until: UNTIL, wait: 8 * WAIT}
                );
                const context = await browser.newContext({
                    viewport: {width: 1280, height: 900}
                });
                try {
                    const {match} = await main.started;
                    const page = await context.newPage();
                    page.setDefaultTimeout(2 * WAIT);
                    const errors = [];
                    page.on("pageerror", (error) => errors.push(error.message));
                    const view = pageHelpers(page);
                    await page.goto(match[1]);
                    assert.equal(await view.waitMessage("Read "), "Read 4 of 4 servers.");
                    const users = await view.drift("users-matrix");
                    assert.deepEqual(users, {
                        admin: "",
                        alice: "",
                        bob: "missing on demo-2",
                        carol: "groups differ on demo-3",
                        dave: ""
                    });
                    assert.deepEqual(await view.cells("users-matrix", "carol"), {
                        "demo-1": "active\nreadonly",
                        "demo-2": "active\nreadonly",
                        "demo-3": "active\n≠ operators, users",
                        "demo-4": "active\nreadonly"
                    });
                    assert.equal(
                        (await view.cells("users-matrix", "bob"))["demo-2"],
                        "≠ absent"
                    );
                    const groups = await view.drift("groups-matrix");
                    assert.equal(groups.operators, "permissions differ on demo-4");
                    assert.equal(
                        (await view.cells("groups-matrix", "operators"))["demo-4"],
                        "≠ CONTROL, FILES_DELETE, FILES_UPLOAD, PRINT"
                    );
                    assert.equal(
                        await page.textContent("#users-summary"),
                        "5 users on 4 servers; 2 not the same everywhere."
                    );
                    await page.check("#only-drift");
                    assert.deepEqual(Object.keys(await view.drift("users-matrix")), [
                        "bob",
                        "carol"
                    ]);
                    assert.deepEqual(await axeViolations(page), []);
                    assert.deepEqual(errors, []);
                } finally {
                    await context.close();
                    await main.stop();
                }
            }
        );

        // ~~ a fleet of emulators this suite starts

        // alpha and delta start alike; beta and gamma have drifted from them.
        const alike = {
            users: [
                {name: "carol", password: pw, groups: ["users"]},
                {name: "dave", password: pw, groups: ["users"]}
            ],
            groups: [OPERATORS]
        };
        const alpha = await startEmulatedOctoPrint({
            version: "1.10",
            apikey: KEYS.alpha,
            ...alike
        });
        closing.push(alpha);
        const beta = await startEmulatedOctoPrint({
            version: "1.11",
            apikey: KEYS.beta,
            users: [
                {name: "carol", password: pw, groups: ["readonly"]},
                {name: "dave", password: pw, groups: ["users"]}
            ],
            groups: [{...OPERATORS, permissions: ["PRINT"]}]
        });
        closing.push(beta);
        const gamma = await startEmulatedOctoPrint({
            version: "2.0",
            apikey: KEYS.gamma,
            users: [{name: "dave", password: pw, groups: ["users"]}]
        });
        closing.push(gamma);
        const delta = await startEmulatedOctoPrint({
            version: "1.10",
            apikey: KEYS.delta,
            ...alike
        });
        closing.push(delta);
        const front = await startFailingFront(delta.url);
        closing.push(front);
        const gone = await startFake();
        await gone.close(); // its port now refuses
        const emulators = {alpha, beta, gamma, delta};
        const seeded = {
            alpha: ["admin", "carol", "dave"],
            beta: ["admin", "carol", "dave"],
            gamma: ["admin", "dave"],
            delta: ["admin", "carol", "dave"]
        };

        const fleet = await startServer({
            port: 0,
            fleet: [
                {name: "alpha", url: alpha.url, apikey: KEYS.alpha},
                {name: "beta", url: beta.url, apikey: KEYS.beta},
                {name: "gamma", url: gamma.url, apikey: KEYS.gamma},
                {name: "delta", url: front.url, apikey: KEYS.delta},
                {name: "down", url: gone.url, apikey: "DOWN-VIEW-ADMIN-KEY-555555"}
            ]
        });
        closing.push(fleet);

        /** Every emulator's state, read directly: {alpha: direct(alpha), ...}. */
        const states = async () => {
            const all = {};
            for (const [name, emulator] of Object.entries(emulators))
                all[name] = await direct(emulator);
            return all;
        };
        /** Asserts `expected(name, state)` for every emulator. */
        const everyEmulator = async (expected) => {
            for (const [name, state] of Object.entries(await states()))
                expected(name, state);
        };

        const context = await browser.newContext({
            viewport: {width: 1280, height: 900},
            acceptDownloads: true
        });
        const page = await context.newPage();
        page.setDefaultTimeout(WAIT);
        const errors = [];
        page.on("pageerror", (error) => errors.push(error.message));
        const view = pageHelpers(page);

        try {
            await step(
                "the servers: every reachable one read; the one that refuses shown with its reason and not ticked",
                async () => {
                    await page.goto(fleet.signIn);
                    assert.equal(
                        await view.waitMessage("Read "),
                        "Read 4 of 5 servers; 1 not reachable."
                    );
                    const rows = await page.evaluate(() =>
                        Array.from(document.querySelectorAll("#server-list tr"), (tr) => [
                            tr.cells[0].textContent,
                            tr.cells[2].textContent,
                            tr.querySelector("input").checked,
                            tr.querySelector("input").disabled
                        ])
                    );
                    assert.deepEqual(rows, [
                        ["alpha", "answers", true, false],
                        ["beta", "answers", true, false],
                        ["gamma", "answers", true, false],
                        ["delta", "answers", true, false],
                        ["down", "not reachable: connection refused", false, true]
                    ]);
                    assert.equal(
                        await page.textContent("#left-out"),
                        "Not in these tables: down (connection refused)."
                    );
                    const columns = await page
                        .locator("#users-matrix thead th")
                        .allTextContents();
                    assert.deepEqual(columns, [
                        "User",
                        "alpha",
                        "beta",
                        "gamma",
                        "delta"
                    ]);
                }
            );

            await step("the drift, in words and marked cells", async () => {
                const users = await view.drift("users-matrix");
                assert.deepEqual(users, {
                    admin: "",
                    carol: "missing on gamma; groups differ on beta",
                    dave: ""
                });
                assert.deepEqual(await view.cells("users-matrix", "carol"), {
                    alpha: "active\nusers",
                    beta: "active\n≠ readonly",
                    gamma: "≠ absent",
                    delta: "active\nusers"
                });
                const groups = await view.drift("groups-matrix");
                assert.equal(
                    groups.operators,
                    "missing on gamma; permissions differ on beta"
                );
                assert.equal(
                    await page.getAttribute(
                        '#groups-matrix tr[data-group="operators"] td[data-server="beta"]',
                        "data-differs"
                    ),
                    "permissions"
                );
            });

            await step(
                "add a user everywhere: planned per server, applied; the failing server shows OctoPrint's message",
                async () => {
                    await view.open("Add a user everywhere");
                    await page.fill("#add-name", "erin");
                    await page.fill("#add-password", "erin-Passw0rd");
                    await page.check('#add-groups input[value="users"]');
                    await page.click('#add-user-form button[type="submit"]');
                    assert.deepEqual(await view.plan(), [
                        "alpha beta gamma delta | create user erin: active, groups, permissions"
                    ]);
                    assert.equal(
                        await page.textContent("#plan-summary"),
                        "4 servers: 4 to change, 0 with nothing to do."
                    );
                    assert.equal(await page.textContent("#apply"), "Apply to 4 servers");
                    const {said, results} = await view.apply();
                    assert.equal(
                        said,
                        "Applied: 3 done, 1 failed, 0 with nothing to do. " +
                            "Read 4 of 5 servers; 1 not reachable."
                    );
                    assert.deepEqual(results, {
                        alpha: "done (1 change)",
                        beta: "done (1 change)",
                        gamma: "done (1 change)",
                        delta: `failed at create user erin: 500 Internal Server Error: ${LOCKED}`
                    });
                    assert.equal(
                        await page.textContent("#apply-count"),
                        "3 done, 1 failed, of 4 servers"
                    );
                    assert.deepEqual(
                        await page.evaluate(() => {
                            const bar = document.getElementById("apply-progress");
                            return [bar.value, bar.max];
                        }),
                        [4, 4]
                    );
                    assert.equal(await page.isVisible("#retry"), true);
                    await everyEmulator((name, state) => {
                        const erin = name === "delta" ? [] : ["erin"];
                        assert.deepEqual(state.names, [...seeded[name], ...erin], name);
                        if (erin.length)
                            assert.deepEqual(
                                state.users.erin,
                                user(true, ["users"]),
                                name
                            );
                    });
                    assert.equal(front.posts, 0, "the failed add reached the emulator");
                    // The fresh read: the matrix shows what the servers hold.
                    assert.equal(
                        (await view.drift("users-matrix")).erin,
                        "missing on delta"
                    );
                }
            );

            await step(
                "axe: no violations with drift, a plan and a failure shown",
                async () => {
                    assert.deepEqual(await axeViolations(page), []);
                }
            );

            await step(
                "retry the failed ones: planned again from a fresh read, completes; nobody twice, nobody lost",
                async () => {
                    await page.evaluate(
                        () => (document.getElementById("message").textContent = "")
                    );
                    await page.click("#retry");
                    const {said, results} = await view.applied();
                    assert.match(
                        said,
                        /^Applied: 1 done, 0 failed, 0 with nothing to do\./
                    );
                    assert.deepEqual(results, {delta: "done (1 change)"});
                    assert.match(await page.textContent("#plan-title"), /^Plan: Retry: /);
                    assert.equal(await page.isVisible("#retry"), false);
                    assert.equal(front.posts, 1);
                    await everyEmulator((name, state) => {
                        assert.deepEqual(state.names, [...seeded[name], "erin"], name);
                        assert.deepEqual(state.users.erin, user(true, ["users"]), name);
                    });
                    assert.equal((await view.drift("users-matrix")).erin, "");
                }
            );

            await step(
                "make a drifted user the same everywhere: the password asked only where it is created",
                async () => {
                    await view.open("Make a user the same everywhere");
                    await page.selectOption("#copy-user", "carol");
                    assert.deepEqual(
                        await page
                            .locator("#copy-user-from option")
                            .evaluateAll((options) => options.map((o) => o.value)),
                        ["alpha", "beta", "delta"]
                    );
                    await page.selectOption("#copy-user-from", "alpha");
                    await page.click('#copy-user-form button[type="submit"]');
                    assert.deepEqual(await view.plan(), [
                        "alpha delta | nothing to do",
                        "beta | update user carol: groups",
                        "gamma | create user carol: needs a password"
                    ]);
                    assert.equal(await page.isDisabled("#apply"), true);
                    assert.equal(
                        await page.textContent("#passwords label"),
                        "Password for carol (created on gamma)"
                    );
                    await page.fill("#password-for-0", "carol-Passw0rd");
                    await page.click('#passwords-form button[type="submit"]');
                    assert.deepEqual(await view.plan(), [
                        "alpha delta | nothing to do",
                        "beta | update user carol: groups",
                        "gamma | create user carol: active, groups, permissions"
                    ]);
                    assert.equal(await page.isVisible("#passwords-form"), false);
                    const {results} = await view.apply();
                    assert.deepEqual(results, {
                        alpha: "nothing to do",
                        beta: "done (1 change)",
                        gamma: "done (1 change)",
                        delta: "nothing to do"
                    });
                    await everyEmulator((name, state) => {
                        assert.deepEqual(state.users.carol, user(true, ["users"]), name);
                        assert.deepEqual(
                            state.names,
                            ["admin", "carol", "dave", "erin"],
                            name
                        );
                    });
                    assert.equal((await view.drift("users-matrix")).carol, "");
                }
            );

            await step("deactivate a user everywhere, by keyboard alone", async () => {
                await page.focus("#only-drift"); // where the person starts; keys from here
                await view.tabTo("#active-action > summary");
                await page.keyboard.press("Enter");
                await view.tabTo("#active-user");
                await page.keyboard.press("End"); // the last user: erin
                await page.keyboard.press("Home"); // the first: admin
                for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowDown");
                assert.equal(await page.inputValue("#active-user"), "dave");
                await view.tabTo("#active-to");
                assert.equal(await page.inputValue("#active-to"), "false");
                await view.tabTo('#active-form button[type="submit"]');
                await page.keyboard.press("Enter");
                await page.waitForFunction(
                    () => document.activeElement.id === "plan-title"
                );
                assert.deepEqual(await view.plan(), [
                    "alpha beta gamma delta | update user dave: active"
                ]);
                await page.evaluate(
                    () => (document.getElementById("message").textContent = "")
                );
                await view.tabTo("#apply");
                await page.keyboard.press("Enter");
                const {results} = await view.applied();
                assert.deepEqual(
                    Object.values(results),
                    Array(4).fill("done (1 change)")
                );
                await everyEmulator((name, state) =>
                    assert.deepEqual(state.users.dave, user(false, ["users"]), name)
                );
            });

            await step("make a group the same everywhere", async () => {
                await view.open("Make a group the same everywhere");
                await page.selectOption("#copy-group", "operators");
                await page.selectOption("#copy-group-from", "alpha");
                await page.click('#copy-group-form button[type="submit"]');
                assert.deepEqual(await view.plan(), [
                    "alpha delta | nothing to do",
                    "beta | update group operators: permissions",
                    "gamma | create group operators: name, description, default, permissions, subgroups"
                ]);
                const {results} = await view.apply();
                assert.deepEqual(results, {
                    alpha: "nothing to do",
                    beta: "done (1 change)",
                    gamma: "done (1 change)",
                    delta: "nothing to do"
                });
                await everyEmulator((name, state) =>
                    assert.deepEqual(
                        state.groups.operators,
                        {
                            name: "Operators",
                            description: "Print and control",
                            default: false,
                            permissions: ["CONTROL", "PRINT"],
                            subgroups: []
                        },
                        name
                    )
                );
                assert.equal((await view.drift("groups-matrix")).operators, "");
            });

            await step(
                "import a desired-state file: planned, passwords for the new user, applied",
                async () => {
                    const file = {
                        format: "octoprint-access-fleet-state",
                        version: 1,
                        users: [
                            {
                                name: "erin",
                                active: false,
                                groups: ["operators"],
                                permissions: ["PRINT"]
                            },
                            {
                                name: "frank",
                                active: true,
                                groups: ["staff"],
                                permissions: []
                            }
                        ],
                        groups: [
                            {
                                key: "operators",
                                name: "Operators",
                                description: "Print and control",
                                default: false,
                                permissions: ["CONTROL", "PRINT"],
                                subgroups: []
                            },
                            {
                                key: "staff",
                                name: "Staff",
                                description: "Teachers",
                                default: false,
                                permissions: ["FILES_DELETE"],
                                subgroups: ["operators"]
                            }
                        ]
                    };
                    await page.setInputFiles("#import-file", {
                        name: "wanted.json",
                        mimeType: "application/json",
                        buffer: Buffer.from(JSON.stringify(file))
                    });
                    await page.click('#import-form button[type="submit"]');
                    await page.waitForFunction(() =>
                        document
                            .getElementById("plan-title")
                            .textContent.startsWith("Plan: Import wanted.json")
                    );
                    assert.deepEqual(await view.plan(), [
                        "alpha beta gamma delta | create group staff: name, description, default, permissions, subgroups; " +
                            "update user erin: active, groups, permissions; " +
                            "create user frank: needs a password"
                    ]);
                    assert.equal(
                        await page.textContent("#passwords label"),
                        "Password for frank (created on alpha, beta, gamma and 1 more)"
                    );
                    await page.fill("#password-for-0", "frank-Passw0rd");
                    await page.click('#passwords-form button[type="submit"]');
                    const {results} = await view.apply();
                    assert.deepEqual(
                        Object.values(results),
                        Array(4).fill("done (3 changes)")
                    );
                    await everyEmulator((name, state) => {
                        assert.deepEqual(
                            state.names,
                            ["admin", "carol", "dave", "erin", "frank"],
                            name
                        );
                        assert.deepEqual(
                            state.users.erin,
                            user(false, ["operators"], ["PRINT"]),
                            name
                        );
                        assert.deepEqual(state.users.frank, user(true, ["staff"]), name);
                        assert.deepEqual(state.users.carol, user(true, ["users"]), name);
                        assert.deepEqual(
                            state.groups.staff,
                            {
                                name: "Staff",
                                description: "Teachers",
                                default: false,
                                permissions: ["FILES_DELETE"],
                                subgroups: ["operators"]
                            },
                            name
                        );
                    });
                }
            );

            await step("a file with mistakes: its errors, and no plan", async () => {
                await page.click("#plan-close");
                await page.setInputFiles("#import-file", {
                    name: "broken.json",
                    mimeType: "application/json",
                    buffer: Buffer.from(
                        '{"format": "octoprint-access-fleet-state", "version": 1, ' +
                            '"users": [{"name": "x", "active": true, "groups": ["nope"], ' +
                            '"permissions": [], "password": "pw"}], "groups": []}'
                    )
                });
                await page.click('#import-form button[type="submit"]');
                await page.waitForSelector("#import-errors:not([hidden])");
                assert.equal(
                    await page.textContent("#import-errors"),
                    'broken.json:\nusers[0] ("x"): "password": passwords are never part of the file\n' +
                        'users[0] ("x").groups: unknown group "nope"'
                );
                assert.equal(await page.isVisible("#plan"), false);
            });

            await step(
                "export: the merged fleet and one server, as files without secrets",
                async () => {
                    const save = async (from) => {
                        await page.selectOption("#export-from", from);
                        const [download] = await Promise.all([
                            page.waitForEvent("download"),
                            page.click('#export-form button[type="submit"]')
                        ]);
                        const path = await download.path();
                        return {
                            name: download.suggestedFilename(),
                            text: readFileSync(path, "utf8")
                        };
                    };
                    const merged = await save("");
                    assert.equal(merged.name, "fleet-state.json");
                    const state = JSON.parse(merged.text);
                    assert.equal(state.format, "octoprint-access-fleet-state");
                    assert.equal(state.version, 1);
                    assert.deepEqual(
                        state.users.map((u) => u.name),
                        ["admin", "carol", "dave", "erin", "frank"]
                    );
                    assert.deepEqual(state.users[3], {
                        name: "erin",
                        active: false,
                        groups: ["operators"],
                        permissions: ["PRINT"]
                    });
                    assert.deepEqual(
                        state.groups.find((g) => g.key === "staff"),
                        {
                            key: "staff",
                            name: "Staff",
                            description: "Teachers",
                            default: false,
                            permissions: ["FILES_DELETE"],
                            subgroups: ["operators"]
                        }
                    );
                    assert.doesNotMatch(merged.text, /password|apikey/i);
                    for (const key of Object.values(KEYS))
                        assert.ok(!merged.text.includes(key));
                    const one = await save("gamma");
                    assert.equal(one.name, "gamma-state.json");
                    assert.deepEqual(
                        JSON.parse(one.text).users.map((u) => u.name),
                        ["admin", "carol", "dave", "erin", "frank"]
                    );
                }
            );

            await step(
                "a server unticked gets nothing; the one that refuses is never planned",
                async () => {
                    await page.uncheck("#use-beta");
                    await view.open("Delete a user everywhere");
                    await page.selectOption("#delete-user", "frank");
                    await page.click('#delete-user-form button[type="submit"]');
                    assert.deepEqual(await view.plan(), [
                        "alpha gamma delta | delete user frank"
                    ]);
                    await view.apply();
                    await everyEmulator((name, state) =>
                        assert.equal(state.names.includes("frank"), name === "beta", name)
                    );
                    assert.equal(
                        (await view.drift("users-matrix")).frank,
                        "missing on alpha, gamma and delta"
                    );
                }
            );

            await check(
                "a narrow screen: the page does not scroll sideways, the names stay in sight, axe finds nothing",
                async () => {
                    await page.setViewportSize({width: 390, height: 844});
                    const seen = await page.evaluate(() => {
                        const region = document.getElementById("users-matrix");
                        region.scrollLeft = region.scrollWidth;
                        const name = region.querySelector("tbody th");
                        return {
                            overflow:
                                document.documentElement.scrollWidth - window.innerWidth,
                            scrolled: region.scrollLeft > 0,
                            left:
                                name.getBoundingClientRect().left -
                                region.getBoundingClientRect().left,
                            focusable: region.tabIndex
                        };
                    });
                    assert.ok(
                        seen.overflow <= 0,
                        `${seen.overflow} px wider than the screen`
                    );
                    assert.equal(seen.scrolled, true, "the region does not scroll");
                    assert.ok(
                        Math.abs(seen.left) <= 2,
                        `the names moved ${seen.left} px`
                    );
                    assert.equal(seen.focusable, 0);
                    assert.deepEqual(await axeViolations(page), []); // narrow, too
                }
            );

            await check("no errors in the page; no key in it", async () => {
                assert.deepEqual(errors, []);
                const dom = await page.content();
                for (const key of Object.values(KEYS)) assert.ok(!dom.includes(key));
            });
        } finally {
            await context.close();
        }
    } finally {
        for (const server of closing.reverse()) await server.close();
    }

    console.log(`fleet-view: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
