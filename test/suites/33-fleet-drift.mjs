// The fleet view's logic in Node, beside the plan's: drift (console/fleet/drift.js), the users
// and groups matrices and their words, on hand-written server states; and the executor
// (console/fleet/apply.js), running plans through this project's access component on emulated
// servers (test/fleet-emulated.mjs) whose state is read back: order, 409 as "exists", a
// failure that stops its server only, a missing password, a thrown InvalidArgumentError, the
// limit, progress and results. One named check = one test.
import assert from "node:assert/strict";
import {applyPlan, applyPlans, failedServers} from "../../console/fleet/apply.js";
import {groupsMatrix, serverNames, usersMatrix} from "../../console/fleet/drift.js";
import {addUser, copyGroup, deleteGroup, planFleet} from "../../console/fleet/plan.js";
import {checker} from "../checks.mjs";
import {deepFreeze, direct, server, state, view} from "../fleet-emulated.mjs";

/** A user record as an access API lists it (the members drift reads). */
const u = (name, active, groups, permissions = []) => ({
    name,
    active,
    groups,
    permissions
});
/** A group record as an access API lists it. */
const g = (key, fields = {}) => ({
    key,
    name: key[0].toUpperCase() + key.slice(1),
    description: "",
    default: false,
    permissions: [],
    subgroups: [],
    removable: true,
    changeable: true,
    ...fields
});
const at = (name, users, groups = []) => deepFreeze({name, users, groups});

/** A matrix's rows in brief: {id: drift words joined by "; "}. */
const words = (matrix) =>
    Object.fromEntries(
        matrix.rows.map((row) => [row.name || row.key, row.drift.join("; ")])
    );
/** A row's cells in brief: {server: differs joined by ","}. */
const differs = (matrix, id) =>
    Object.fromEntries(
        matrix.rows
            .find((row) => (row.name || row.key) === id)
            .cells.map((cell) => [cell.server, cell.differs.join(",")])
    );

/** Runs `fn` with console.warn silenced (users.update's deprecation line, once per client). */
async function quietly(fn) {
    const warn = console.warn;
    console.warn = () => {};
    try {
        return await fn();
    } finally {
        console.warn = warn;
    }
}

export default async function () {
    const {results, check} = checker("fleet-drift");

    // ~~ drift

    await check("server names in words: one, two, three, more", () => {
        assert.equal(serverNames([]), "");
        assert.equal(serverNames(["a"]), "a");
        assert.equal(serverNames(["a", "b"]), "a and b");
        assert.equal(serverNames(["a", "b", "c"]), "a, b and c");
        assert.equal(serverNames(["a", "b", "c", "d", "e"]), "a, b, c and 2 more");
    });

    await check(
        "users: one row per name over the union, in name order; a cell per server; missing, groups, permissions in words",
        () => {
            const servers = [
                at("prusa-1", [
                    u("admin", true, ["admins", "users"]),
                    u("zoe", true, ["users", "staff"], ["PRINT"])
                ]),
                at("ender-2", [
                    u("zoe", true, ["staff", "users"], ["PRINT"]),
                    u("admin", true, ["users", "admins"])
                ]),
                at("voron-3", [
                    u("admin", true, ["admins", "users"]),
                    u("zoe", true, ["users"], ["PRINT", "CONTROL"]),
                    u("amy", true, ["users"])
                ]),
                at("mk4-4", [
                    u("admin", true, ["admins", "users"]),
                    u("zoe", true, ["users", "staff"], ["PRINT"])
                ])
            ];
            const matrix = usersMatrix(servers);
            assert.deepEqual(matrix.servers, ["prusa-1", "ender-2", "voron-3", "mk4-4"]);
            assert.deepEqual(words(matrix), {
                admin: "",
                amy: "missing on prusa-1, ender-2 and mk4-4",
                zoe: "groups differ on voron-3; permissions differ on voron-3"
            });
            assert.equal(matrix.drifted, 2);
            assert.deepEqual(differs(matrix, "zoe"), {
                "prusa-1": "",
                "ender-2": "",
                "voron-3": "groups,permissions",
                "mk4-4": ""
            });
            assert.deepEqual(differs(matrix, "amy"), {
                "prusa-1": "missing",
                "ender-2": "missing",
                "voron-3": "",
                "mk4-4": "missing"
            });
            const amy = matrix.rows.find((row) => row.name === "amy");
            assert.equal(amy.cells[0].user, null);
            assert.deepEqual(amy.cells[2].user, u("amy", true, ["users"]));
        }
    );

    await check(
        "users: inactive or active where most are not; the norm is what most hold, a tie goes to the first server",
        () => {
            const matrix = usersMatrix([
                at("a", [u("bo", true, ["users"]), u("cy", false, ["users"])]),
                at("b", [u("bo", false, ["users"]), u("cy", false, ["users"])]),
                at("c", [u("bo", true, ["users"]), u("cy", true, ["users"])]),
                at("d", [u("bo", true, ["users"]), u("cy", true, ["readonly"])])
            ]);
            assert.deepEqual(words(matrix), {
                bo: "inactive on b",
                // active: 2 against 2, a's value (inactive) is the norm
                cy: "active on c and d; groups differ on d"
            });
            const tie = usersMatrix([
                at("x", [u("ed", true, ["readonly"])]),
                at("y", [u("ed", true, ["users"])])
            ]);
            assert.deepEqual(words(tie), {ed: "groups differ on y"});
        }
    );

    await check("users: one server, or none, has no drift", () => {
        const one = usersMatrix([at("solo", [u("admin", true, ["admins"])])]);
        assert.deepEqual(words(one), {admin: ""});
        assert.equal(one.drifted, 0);
        assert.deepEqual(usersMatrix([]), {servers: [], rows: [], drifted: 0});
    });

    await check(
        "groups: name, description, default, permissions, subgroups, missing in words",
        () => {
            const matrix = groupsMatrix([
                at(
                    "p1",
                    [],
                    [
                        g("staff", {
                            permissions: ["PRINT", "CONTROL"],
                            subgroups: ["kids"]
                        }),
                        g("kids", {description: "Pupils"})
                    ]
                ),
                at(
                    "p2",
                    [],
                    [
                        g("kids", {description: "Pupils", default: true}),
                        g("staff", {
                            permissions: ["CONTROL", "PRINT"],
                            subgroups: ["kids"]
                        })
                    ]
                ),
                at(
                    "p3",
                    [],
                    [
                        g("staff", {
                            name: "Teachers",
                            permissions: ["PRINT"],
                            subgroups: []
                        }),
                        g("kids", {description: "Students"})
                    ]
                ),
                at(
                    "p4",
                    [],
                    [g("staff", {permissions: ["PRINT", "CONTROL"], subgroups: ["kids"]})]
                )
            ]);
            assert.deepEqual(words(matrix), {
                kids: "missing on p4; description differs on p3; default on p2",
                staff: "name differs on p3; permissions differ on p3; subgroups differ on p3"
            });
            assert.deepEqual(differs(matrix, "staff"), {
                p1: "",
                p2: "",
                p3: "name,permissions,subgroups",
                p4: ""
            });
            assert.equal(matrix.drifted, 2);
            const notDefault = groupsMatrix([
                at("a", [], [g("x", {default: true})]),
                at("b", [], [g("x", {default: true})]),
                at("c", [], [g("x")])
            ]);
            assert.deepEqual(words(notDefault), {x: "not default on c"});
        }
    );

    // ~~ the executor

    await check(
        "apply: each server's operations in order, through its access; results in the plans' order",
        async () => {
            const fleet = [
                server("a", "1.10"),
                server("b", "2.0", {
                    users: [{name: "ada", password: "pw", groups: ["users"]}]
                }),
                server("c", "1.11")
            ];
            const staff = {
                key: "staff",
                name: "Staff",
                description: "Teachers",
                default: false,
                permissions: ["PRINT"],
                subgroups: []
            };
            assert.equal(direct(fleet[0], "POST", "groups", staff).status, 200);
            const plans = planFleet(
                fleet.map(state),
                addUser({
                    name: "ada",
                    password: "pw-ada",
                    groups: ["users", "staff"],
                    permissions: []
                })
            );
            const progress = [];
            const ended = [];
            const outcome = await quietly(() =>
                applyPlans(plans, {
                    accessFor: (name) => fleet.find((s) => s.name === name).access,
                    onProgress: (p) => progress.push(p),
                    onResult: (result) => ended.push(result.server)
                })
            );
            assert.deepEqual(outcome, [
                {server: "a", outcome: "done", ran: 1, existed: []},
                {server: "b", outcome: "done", ran: 2, existed: []},
                {server: "c", outcome: "done", ran: 2, existed: []}
            ]);
            assert.deepEqual(progress[0], {done: 0, failed: 0, total: 3});
            assert.deepEqual(progress.at(-1), {done: 3, failed: 0, total: 3});
            assert.equal(progress.length, 4);
            assert.deepEqual(ended.slice().sort(), ["a", "b", "c"]);
            // b: the group first, then the user; through the component, at the wire.
            assert.deepEqual(
                fleet[1].requests.map((r) => `${r.method} ${r.url}`),
                ["POST api/access/groups", "PUT api/access/users/ada"]
            );
            for (const s of fleet)
                assert.deepEqual(
                    view(s).users.ada,
                    {active: true, groups: ["staff", "users"], permissions: []},
                    s.name
                );
            assert.deepEqual(failedServers(outcome), []);
        }
    );

    await check(
        "apply: an add answered 409 counts as exists, and its ifExists calls make it as wanted; nothing twice",
        async () => {
            const s = server("a", "1.10");
            const [plan] = planFleet(
                [state(s)],
                addUser({
                    name: "ada",
                    password: "pw",
                    groups: ["readonly"],
                    permissions: []
                })
            );
            // Someone made ada meanwhile (or a lost answer): the plan is stale.
            const made = direct(s, "POST", "users", {
                name: "ada",
                password: "x",
                active: false,
                groups: ["users"],
                permissions: ["PRINT"]
            });
            assert.equal(made.status, 200);
            const result = await quietly(() => applyPlan(plan, s.access));
            assert.deepEqual(result, {
                server: "a",
                outcome: "done",
                ran: 1,
                existed: ["ada"]
            });
            assert.deepEqual(
                s.requests.map((r) => `${r.method} ${r.url}`),
                ["POST api/access/users", "PUT api/access/users/ada"]
            );
            assert.deepEqual(view(s).users.ada, {
                active: true,
                groups: ["readonly"],
                permissions: []
            });
            assert.equal(
                s.emulator.state().users.filter((user) => user.name === "ada").length,
                1
            );
        }
    );

    await check(
        "apply: a failure stops that server (status and OctoPrint's message), the others go on",
        async () => {
            const fleet = [server("a", "1.10"), server("b", "1.10")];
            for (const s of fleet)
                assert.equal(
                    direct(s, "POST", "groups", {
                        key: "old",
                        name: "Old",
                        description: "",
                        permissions: [],
                        subgroups: [],
                        default: false
                    }).status,
                    200
                );
            const plans = planFleet(fleet.map(state), {
                ...copyGroup(
                    {
                        name: "x",
                        users: [],
                        groups: [g("old", {name: "Old", description: "Kept"})]
                    },
                    "old"
                ),
                users: [
                    {
                        name: "ada",
                        password: "pw",
                        active: true,
                        groups: ["old"],
                        permissions: []
                    }
                ]
            });
            assert.deepEqual(
                plans[0].ops.map((op) => `${op.action} ${op.kind} ${op.id}`),
                ["update group old", "create user ada"]
            );
            // Gone before the plan runs.
            assert.equal(direct(fleet[0], "DELETE", "groups/old").status, 200);
            const outcome = await quietly(() =>
                applyPlans(plans, {
                    accessFor: (name) => fleet.find((s) => s.name === name).access
                })
            );
            assert.equal(outcome[0].outcome, "failed");
            assert.equal(outcome[0].ran, 0);
            assert.equal(outcome[0].failure.status, 404);
            assert.equal(outcome[0].failure.op.id, "old");
            assert.match(outcome[0].failure.text, /^404 Not Found: \S/);
            assert.equal(view(fleet[0]).users.ada, undefined, "ran past the failure");
            assert.deepEqual(outcome[1], {
                server: "b",
                outcome: "done",
                ran: 2,
                existed: []
            });
            assert.deepEqual(failedServers(outcome), ["a"]);
        }
    );

    await check(
        "apply: a create without its password fails there with no request; a thrown InvalidArgumentError is a failure too",
        async () => {
            const s = server("a", "2.0");
            const [plan] = planFleet([state(s)], {
                users: [{name: "ada", active: true, groups: [], permissions: []}]
            });
            const result = await applyPlan(plan, s.access);
            assert.deepEqual(
                {...result, failure: {...result.failure, op: result.failure.op.id}},
                {
                    server: "a",
                    outcome: "failed",
                    ran: 0,
                    existed: [],
                    failure: {op: "ada", status: null, text: "needs a password"}
                }
            );
            assert.deepEqual(s.requests, []);
            const [bad] = planFleet([state(s)], deleteGroup("users"));
            const thrown = await applyPlan(
                {
                    server: "a",
                    ops: [{...bad.ops[0], calls: [{method: "users.delete", args: [""]}]}]
                },
                s.access
            );
            assert.equal(thrown.outcome, "failed");
            assert.equal(thrown.failure.status, null);
            assert.equal(thrown.failure.text, "user name must be set");
            assert.deepEqual(s.requests, []);
        }
    );

    await check(
        "apply: at most `limit` servers at once, started in order; a server's calls one after another",
        async () => {
            let now = 0;
            let most = 0;
            let overlaps = 0;
            const started = [];
            const running = new Set();
            const slow = (name) => ({
                users: {
                    update() {
                        started.push(name);
                        if (running.has(name)) overlaps += 1;
                        running.add(name);
                        now += 1;
                        most = Math.max(most, now);
                        return new Promise((resolve) =>
                            setTimeout(() => {
                                now -= 1;
                                running.delete(name);
                                resolve({});
                            }, 5)
                        );
                    }
                }
            });
            const names = Array.from({length: 9}, (_, i) => `s${i + 1}`);
            const op = (id) => ({
                action: "update",
                kind: "user",
                id,
                fields: ["active"],
                calls: [{method: "users.update", args: [id, true, false, [], []]}]
            });
            const plans = names.map((server) => ({
                server,
                ops: [op("a"), op("b")],
                warnings: [],
                notes: []
            }));
            const accesses = Object.fromEntries(names.map((n) => [n, slow(n)]));
            const outcome = await applyPlans(plans, {
                accessFor: (name) => accesses[name],
                limit: 3
            });
            assert.equal(most, 3);
            assert.equal(overlaps, 0, "a server ran two calls at once");
            assert.equal(started.length, 18);
            assert.deepEqual(started.slice(0, 3), ["s1", "s2", "s3"]);
            assert.deepEqual(
                outcome.map((r) => `${r.server} ${r.outcome} ${r.ran}`),
                names.map((n) => `${n} done 2`)
            );
        }
    );

    console.log(`fleet-drift: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
