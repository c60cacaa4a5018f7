// The fleet's plan (console/fleet/plan.js) and desired-state file (console/fleet/desired-state.js)
// in Node. Servers are emulators (1.10, 1.11, 2.0) and their states what they list; a plan is
// proven by applying it: each call through this project's access component (dist/), over a
// host that hands its requests to the emulator as OctoPrint's base client would send them,
// then the emulator's state read back and compared with what was wanted. One named check =
// one test.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import Ajv from "ajv";
import {applyPlan} from "../../console/fleet/apply.js";
import {
    exportState,
    readState,
    stateText,
    toWanted,
    validateState
} from "../../console/fleet/desired-state.js";
import {
    addUser,
    copyGroup,
    copyUser,
    deleteGroup,
    deleteUser,
    passwordsNeeded,
    planFleet,
    setUserActive,
    setUserPassword
} from "../../console/fleet/plan.js";
import {checker} from "../checks.mjs";
import {deepFreeze, direct, server, state, view} from "../fleet-emulated.mjs";

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const schema = JSON.parse(read("docs/fleet-state.schema.json"));
const matchesSchema = new Ajv({allErrors: true}).compile(schema);

const plan = (fleet, wanted) => planFleet(fleet.map(state), deepFreeze(wanted));

/**
 * Runs a server's plan with the fleet view's executor (apply.js) and asserts that it went
 * through. Resolves to what console.warn logged meanwhile.
 */
async function apply(s, serverPlan) {
    assert.equal(serverPlan.server, s.name);
    const warned = [];
    const warn = console.warn;
    console.warn = (...args) => warned.push(args.join(" "));
    try {
        const result = await applyPlan(serverPlan, s.access);
        const {failure} = result;
        assert.notEqual(
            result.outcome,
            "failed",
            failure && `${brief(failure.op)}: ${failure.text}`
        );
    } finally {
        console.warn = warn;
    }
    return warned;
}

/** An operation in a few words: "create group staff", "update user ada (active, groups)". */
const brief = (op) =>
    `${op.action} ${op.kind} ${op.id}` +
    (op.action === "update" ? ` (${op.fields.join(", ")})` : "") +
    (op.missing ? ` [needs a ${op.missing}]` : "");
const briefs = (serverPlan) => serverPlan.ops.map(brief);

const nothingLeft = (fleet, wanted) =>
    assert.deepEqual(
        plan(fleet, wanted).map((p) => p.ops),
        fleet.map(() => [])
    );

const exampleFile = () => {
    const doc = read("docs/fleet.md");
    return /### An example\s+```json\n([\s\S]*?)```/.exec(doc)[1];
};

export default async function () {
    const {results, check} = checker("fleet-plan");

    // ~~ the actions

    await check(
        "add a user everywhere: created where missing, made so where it differs, nothing where it is so",
        async () => {
            const fleet = [
                server("p1", "1.10"),
                server("p2", "1.11", {
                    users: [
                        {
                            name: "ada",
                            password: "old",
                            active: false,
                            groups: ["readonly"]
                        }
                    ]
                }),
                server("p3", "2.0", {
                    users: [
                        {
                            name: "ada",
                            password: "old",
                            groups: ["users"],
                            permissions: ["PRINT"]
                        }
                    ]
                })
            ];
            const wanted = addUser({
                name: "ada",
                password: "pw-ada",
                groups: ["users"],
                permissions: ["PRINT"]
            });
            const plans = plan(fleet, wanted);
            const update = {
                method: "users.update",
                args: ["ada", true, false, ["PRINT"], ["users"]]
            };
            assert.deepEqual(plans, [
                {
                    server: "p1",
                    ops: [
                        {
                            action: "create",
                            kind: "user",
                            id: "ada",
                            fields: ["active", "groups", "permissions"],
                            calls: [
                                {
                                    method: "users.add",
                                    args: [
                                        {
                                            name: "ada",
                                            password: "pw-ada",
                                            active: true,
                                            groups: ["users"],
                                            permissions: ["PRINT"]
                                        }
                                    ]
                                }
                            ],
                            ifExists: [update]
                        }
                    ],
                    warnings: [],
                    notes: []
                },
                {
                    server: "p2",
                    ops: [
                        {
                            action: "update",
                            kind: "user",
                            id: "ada",
                            fields: ["active", "groups", "permissions"],
                            calls: [update]
                        }
                    ],
                    warnings: [],
                    notes: []
                },
                {server: "p3", ops: [], warnings: [], notes: []}
            ]);
            assert.deepEqual(await apply(fleet[0], plans[0]), []);
            // The portable update, admin false third, logs nothing.
            assert.deepEqual(await apply(fleet[1], plans[1]), []);
            for (const s of fleet) {
                assert.deepEqual(view(s).users.ada, {
                    active: true,
                    groups: ["users"],
                    permissions: ["PRINT"]
                });
            }
            // Where ada existed, her password stays hers.
            assert.deepEqual(
                fleet[1].requests.map(
                    (r) => `${r.method} ${r.url} ${JSON.stringify(r.body)}`
                ),
                [
                    'PUT api/access/users/ada {"active":true,"groups":["users"],"permissions":["PRINT"]}'
                ]
            );
            nothingLeft(fleet, wanted);
        }
    );

    const staff = {
        key: "staff",
        name: "Staff",
        description: "Teachers",
        permissions: ["CONTROL"],
        subgroups: ["students"]
    };
    const students = {
        key: "students",
        name: "Students",
        description: "Pupils",
        permissions: ["PRINT"]
    };

    await check(
        "make a user the same everywhere as on X: a password where it is created, its groups created from X's where missing",
        async () => {
            const fleet = [
                server("x", "2.0", {
                    groups: [students, staff],
                    users: [
                        {
                            name: "bob",
                            password: "b",
                            groups: ["staff"],
                            permissions: ["TIMELAPSE_LIST"]
                        }
                    ]
                }),
                server("y", "1.10"),
                server("z", "1.11", {
                    groups: [{key: "staff", name: "Staff", description: "Other"}],
                    users: [
                        {name: "bob", password: "b", active: false, groups: ["users"]}
                    ]
                })
            ];
            const x = state(fleet[0]);
            let plans = plan(fleet, copyUser(x, "bob"));
            assert.deepEqual(passwordsNeeded(plans), [{server: "y", name: "bob"}]);
            assert.deepEqual(plans.map(briefs), [
                [],
                [
                    "create group students",
                    "create group staff",
                    "create user bob [needs a password]"
                ],
                ["update user bob (active, groups, permissions)"]
            ]);
            assert.deepEqual(plans[1].ops[2].calls, []);
            assert.deepEqual(plans[1].notes, [
                {kind: "group", id: "staff", text: 'created: user "bob" needs it'},
                {kind: "group", id: "students", text: 'created: group "staff" needs it'}
            ]);

            const wanted = copyUser(x, "bob", "pw-bob");
            plans = plan(fleet, wanted);
            assert.deepEqual(passwordsNeeded(plans), []);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            const bob = {
                active: true,
                groups: ["staff"],
                permissions: ["TIMELAPSE_LIST"]
            };
            const y = view(fleet[1]);
            const z = view(fleet[2]);
            assert.deepEqual([y.users.bob, z.users.bob], [bob, bob]);
            assert.deepEqual(y.groups.staff, {
                name: "Staff",
                description: "Teachers",
                default: false,
                permissions: ["CONTROL"],
                subgroups: ["students"]
            });
            assert.deepEqual(y.groups.students, {
                name: "Students",
                description: "Pupils",
                default: false,
                permissions: ["PRINT"],
                subgroups: []
            });
            // z had a staff group of its own: kept as it is, so no students group is needed.
            assert.deepEqual(z.groups.staff.description, "Other");
            assert.equal(z.groups.students, undefined);
            nothingLeft(fleet, wanted);
        }
    );

    await check(
        "deactivate, then activate, a user everywhere: only where it differs, and only the active flag changes",
        async () => {
            const fleet = [
                server("p1", "1.10", {
                    users: [{name: "ada", password: "a", groups: ["users", "readonly"]}]
                }),
                server("p2", "2.0", {
                    users: [{name: "ada", password: "a", active: false}]
                }),
                server("p3", "1.11")
            ];
            let plans = plan(fleet, setUserActive("ada", false));
            assert.deepEqual(plans[0].ops, [
                {
                    action: "update",
                    kind: "user",
                    id: "ada",
                    fields: ["active"],
                    calls: [
                        {
                            method: "users.update",
                            args: ["ada", false, false, [], ["users", "readonly"]]
                        }
                    ]
                }
            ]);
            assert.deepEqual(plans.slice(1).map(briefs), [[], []]);
            assert.deepEqual(plans[2].notes, [
                {kind: "user", id: "ada", text: "not on this server: nothing to change"}
            ]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            assert.deepEqual(view(fleet[0]).users.ada, {
                active: false,
                groups: ["readonly", "users"],
                permissions: []
            });

            plans = plan(fleet, setUserActive("ada", true));
            assert.deepEqual(plans.map(briefs), [
                ["update user ada (active)"],
                ["update user ada (active)"],
                []
            ]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            assert.deepEqual(
                fleet.map((s) => view(s).users.ada),
                [
                    {active: true, groups: ["readonly", "users"], permissions: []},
                    {active: true, groups: ["users"], permissions: []},
                    undefined
                ]
            );
        }
    );

    await check(
        "change a password everywhere: users.changePassword where the user exists, and the new one works",
        async () => {
            const fleet = [
                server("p1", "2.0", {users: [{name: "ada", password: "old-pw"}]}),
                server("p2", "1.10")
            ];
            const plans = plan(fleet, setUserPassword("ada", "new-pw"));
            assert.deepEqual(plans, [
                {
                    server: "p1",
                    ops: [
                        {
                            action: "update",
                            kind: "user",
                            id: "ada",
                            fields: ["password"],
                            calls: [
                                {method: "users.changePassword", args: ["ada", "new-pw"]}
                            ]
                        }
                    ],
                    warnings: [],
                    notes: []
                },
                {
                    server: "p2",
                    ops: [],
                    warnings: [],
                    notes: [
                        {
                            kind: "user",
                            id: "ada",
                            text: "not on this server: nothing to change"
                        }
                    ]
                }
            ]);
            await apply(fleet[0], plans[0]);
            assert.deepEqual(fleet[0].requests, [
                {
                    method: "PUT",
                    url: "api/access/users/ada/password",
                    body: {password: "new-pw"}
                }
            ]);
            // ada proves it herself: changing her own password needs the current one.
            const key = direct(fleet[0], "POST", "users/ada/apikey").body.apikey;
            const own = (current) =>
                direct(
                    fleet[0],
                    "PUT",
                    "users/ada/password",
                    {password: "x", current},
                    key
                ).status;
            assert.deepEqual([own("old-pw"), own("new-pw")], [403, 200]);
        }
    );

    await check(
        "delete a user everywhere: where it exists; a note where it does not",
        async () => {
            const fleet = [
                server("p1", "1.11", {users: [{name: "ada", password: "a"}]}),
                server("p2", "2.0")
            ];
            const plans = plan(fleet, deleteUser("ada"));
            assert.deepEqual(plans, [
                {
                    server: "p1",
                    ops: [
                        {
                            action: "delete",
                            kind: "user",
                            id: "ada",
                            fields: [],
                            calls: [{method: "users.delete", args: ["ada"]}]
                        }
                    ],
                    warnings: [],
                    notes: []
                },
                {
                    server: "p2",
                    ops: [],
                    warnings: [],
                    notes: [{kind: "user", id: "ada", text: "not on this server"}]
                }
            ]);
            await apply(fleet[0], plans[0]);
            assert.deepEqual(Object.keys(view(fleet[0]).users), ["admin"]);
        }
    );

    await check(
        "make a group the same everywhere as on X: only the members that differ are sent (lists as sets); created with its subgroups where missing",
        async () => {
            const fleet = [
                server("x", "1.11", {
                    groups: [students, {...staff, permissions: ["CONTROL", "PRINT"]}]
                }),
                server("y", "2.0", {
                    groups: [
                        students,
                        {
                            ...staff,
                            description: "Old",
                            permissions: ["PRINT", "CONTROL"],
                            subgroups: []
                        }
                    ]
                }),
                server("z", "1.10"),
                server("w", "1.10", {
                    groups: [students, {...staff, permissions: ["PRINT", "CONTROL"]}]
                })
            ];
            const wanted = copyGroup(state(fleet[0]), "staff");
            const plans = plan(fleet, wanted);
            assert.deepEqual(plans[1].ops, [
                {
                    action: "update",
                    kind: "group",
                    id: "staff",
                    fields: ["description", "subgroups"],
                    calls: [
                        {
                            method: "groups.update",
                            args: [
                                {
                                    key: "staff",
                                    description: "Teachers",
                                    subgroups: ["students"]
                                }
                            ]
                        }
                    ]
                }
            ]);
            assert.deepEqual(plans.map(briefs), [
                [],
                ["update group staff (description, subgroups)"],
                ["create group students", "create group staff"],
                []
            ]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            assert.deepEqual(fleet[1].requests, [
                {
                    method: "PUT",
                    url: "api/access/groups/staff",
                    body: {description: "Teachers", subgroups: ["students"]}
                }
            ]);
            const expected = {
                name: "Staff",
                description: "Teachers",
                default: false,
                permissions: ["CONTROL", "PRINT"],
                subgroups: ["students"]
            };
            for (const s of fleet)
                assert.deepEqual(view(s).groups.staff, expected, s.name);
            assert.deepEqual(view(fleet[2]).groups.students.permissions, ["PRINT"]);
            nothingLeft(fleet, wanted);
        }
    );

    await check(
        "a group whose default flag alone differs: the update sends {default} and the description stays",
        async () => {
            const fleet = [
                server("x", "2.0", {groups: [{...students, default: true}]}),
                server("y", "1.10", {groups: [students]})
            ];
            const plans = plan(fleet, copyGroup(state(fleet[0]), "students"));
            assert.deepEqual(plans[1].ops[0].calls, [
                {method: "groups.update", args: [{key: "students", default: true}]}
            ]);
            await apply(fleet[1], plans[1]);
            assert.deepEqual(fleet[1].requests[0].body, {default: true});
            assert.deepEqual(view(fleet[1]).groups.students, {
                name: "Students",
                description: "Pupils",
                default: true,
                permissions: ["PRINT"],
                subgroups: []
            });
        }
    );

    await check(
        "delete a group everywhere: the groups naming it let go of it first; its users are named",
        async () => {
            const fleet = [
                server("p1", "2.0", {
                    groups: [
                        {key: "b", name: "B"},
                        {key: "a", name: "A", subgroups: ["b"]}
                    ],
                    users: [{name: "u", password: "u", groups: ["b", "users"]}]
                }),
                server("p2", "1.10")
            ];
            const plans = plan(fleet, deleteGroup("b"));
            assert.deepEqual(plans[0].ops, [
                {
                    action: "update",
                    kind: "group",
                    id: "a",
                    fields: ["subgroups"],
                    calls: [{method: "groups.update", args: [{key: "a", subgroups: []}]}]
                },
                {
                    action: "delete",
                    kind: "group",
                    id: "b",
                    fields: [],
                    calls: [{method: "groups.delete", args: ["b"]}]
                }
            ]);
            assert.deepEqual(plans[0].notes, [
                {kind: "group", id: "b", text: 'deleting it takes it from "u"'}
            ]);
            assert.deepEqual(plans[1].notes, [
                {kind: "group", id: "b", text: "not on this server"}
            ]);
            await apply(fleet[0], plans[0]);
            const after = view(fleet[0]);
            assert.equal(after.groups.b, undefined);
            assert.deepEqual(after.groups.a.subgroups, []);
            assert.deepEqual(after.users.u.groups, ["users"]);
        }
    );

    // ~~ what OctoPrint will not do

    await check(
        "built-in groups: never deleted, the unchangeable ones (admins, readonly) never changed, a warning each; users is changed",
        async () => {
            const fleet = [server("p1", "1.10")];
            const builtin = (key) => {
                const g = state(fleet[0]).groups.find((group) => group.key === key);
                const {name, description, permissions, subgroups} = g;
                return {
                    key,
                    name,
                    description,
                    default: g.default,
                    permissions,
                    subgroups
                };
            };
            const users = builtin("users");
            const plans = plan(fleet, {
                groups: [
                    {...builtin("admins"), description: "Root"},
                    {...users, permissions: users.permissions.concat("SYSTEM")}
                ],
                deleteGroups: ["readonly"]
            });
            assert.deepEqual(briefs(plans[0]), ["update group users (permissions)"]);
            assert.deepEqual(plans[0].warnings, [
                {kind: "group", id: "readonly", text: "built in: it cannot be deleted"},
                {
                    kind: "group",
                    id: "admins",
                    text: "built in: it cannot be changed (differs in description)"
                }
            ]);
            await apply(fleet[0], plans[0]);
            assert.ok(view(fleet[0]).groups.users.permissions.includes("SYSTEM"));
        }
    );

    await check(
        "a group's name cannot be changed through the API: a warning, the rest is made so",
        () => {
            const fleet = [
                server("p1", "2.0", {groups: [{...students, name: "Pupils"}]})
            ];
            const plans = plan(fleet, {
                groups: [{...students, default: false, subgroups: []}]
            });
            assert.deepEqual(plans[0].ops, []);
            assert.deepEqual(plans[0].warnings, [
                {
                    kind: "group",
                    id: "students",
                    text: 'named "Pupils" here, not "Students": OctoPrint cannot rename a group'
                }
            ]);
        }
    );

    await check(
        "a permission a server lacks (a plugin's): left out there with a warning, so the plan comes out nothing to do",
        async () => {
            const fleet = [
                server("p1", "1.10"),
                server("p2", "2.0", {
                    users: [
                        {name: "ada", password: "a", groups: [], permissions: ["PRINT"]}
                    ]
                })
            ];
            const wanted = addUser({
                name: "ada",
                password: "pw",
                groups: [],
                permissions: ["PRINT", "PLUGIN_OCTOLAPSE_VIEW"]
            });
            const warning = {
                kind: "user",
                id: "ada",
                text: 'permission "PLUGIN_OCTOLAPSE_VIEW" is not on this server: left out'
            };
            const plans = plan(fleet, wanted);
            assert.deepEqual(plans[0].ops[0].calls[0].args[0].permissions, ["PRINT"]);
            assert.deepEqual(plans[0].warnings, [warning]);
            assert.deepEqual(plans[1].ops, []);
            assert.deepEqual(plans[1].warnings, [warning]);
            await apply(fleet[0], plans[0]);
            nothingLeft(fleet, wanted);
            // Without a server's permission list, keys go as they are (it drops unknown ones).
            const blind = {...state(fleet[0]), permissions: undefined};
            const again = planFleet([blind], addUser({...wanted.users[0], name: "bea"}));
            assert.deepEqual(again[0].ops[0].calls[0].args[0].permissions, [
                "PRINT",
                "PLUGIN_OCTOLAPSE_VIEW"
            ]);
            assert.deepEqual(again[0].warnings, []);
        }
    );

    await check(
        "a group a user needs and a server lacks: created as on the first server that has it; on none, left out with a warning",
        async () => {
            const fleet = [
                server("p1", "1.10"),
                server("p2", "1.11", {groups: [students]}),
                server("p3", "2.0", {groups: [{...students, description: "Other"}]})
            ];
            const plans = plan(
                fleet,
                addUser({
                    name: "ada",
                    password: "pw",
                    groups: ["students", "ghosts"],
                    permissions: []
                })
            );
            assert.deepEqual(briefs(plans[0]), [
                "create group students",
                "create user ada"
            ]);
            assert.deepEqual(plans[0].notes, [
                {
                    kind: "group",
                    id: "students",
                    text: 'created as on p2: user "ada" needs it'
                }
            ]);
            const ghosts = {
                kind: "user",
                id: "ada",
                text: 'group "ghosts" is not on this server: left out'
            };
            assert.deepEqual(
                plans.map((p) => p.warnings),
                [[ghosts], [ghosts], [ghosts]]
            );
            await apply(fleet[0], plans[0]);
            assert.deepEqual(view(fleet[0]).groups.students.description, "Pupils");
            assert.deepEqual(view(fleet[0]).users.ada.groups, ["students"]);
        }
    );

    // ~~ the order

    const chain = {
        format: "octoprint-access-fleet-state",
        version: 1,
        users: [],
        groups: [
            {
                key: "a",
                name: "A",
                description: "",
                default: false,
                permissions: [],
                subgroups: ["b"]
            },
            {
                key: "b",
                name: "B",
                description: "",
                default: false,
                permissions: [],
                subgroups: ["c"]
            },
            {
                key: "c",
                name: "C",
                description: "",
                default: false,
                permissions: ["PRINT"],
                subgroups: []
            }
        ]
    };

    await check(
        "a chain of subgroups a ⊃ b ⊃ c: created c, b, a; deleted a, b, c (on 1.10 and 2.0)",
        async () => {
            const fleet = [server("p1", "2.0"), server("p2", "1.10")];
            let plans = plan(fleet, toWanted(chain));
            const order = ["create group c", "create group b", "create group a"];
            assert.deepEqual(plans.map(briefs), [order, order]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            for (const s of fleet) {
                const {groups} = view(s);
                assert.deepEqual(
                    [groups.a.subgroups, groups.b.subgroups],
                    [["b"], ["c"]]
                );
            }
            plans = plan(fleet, {deleteGroups: ["c", "b", "a"]});
            const gone = ["delete group a", "delete group b", "delete group c"];
            assert.deepEqual(plans.map(briefs), [gone, gone]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            for (const s of fleet) {
                assert.deepEqual(Object.keys(view(s).groups), [
                    "admins",
                    "users",
                    "guests",
                    "readonly"
                ]);
            }
        }
    );

    await check(
        "a ⊃ b becoming b ⊃ a: a lets go of b before b takes a, so no step makes a cycle (2.0 refuses one with 409)",
        async () => {
            const fleet = [
                server("p1", "2.0", {
                    groups: [
                        {key: "b", name: "B"},
                        {key: "a", name: "A", subgroups: ["b"]}
                    ]
                }),
                server("p2", "1.10", {
                    groups: [
                        {key: "b", name: "B"},
                        {key: "a", name: "A", subgroups: ["b"]}
                    ]
                })
            ];
            const group = (key, name, subgroups) => ({
                key,
                name,
                description: "",
                default: false,
                permissions: [],
                subgroups
            });
            const wanted = {groups: [group("b", "B", ["a"]), group("a", "A", [])]};
            const plans = plan(fleet, wanted);
            const order = ["update group a (subgroups)", "update group b (subgroups)"];
            assert.deepEqual(plans.map(briefs), [order, order]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            for (const s of fleet) {
                const {groups} = view(s);
                assert.deepEqual([groups.a.subgroups, groups.b.subgroups], [[], ["a"]]);
            }
        }
    );

    await check(
        "a subgroup that would close a cycle with a group not wanted: left out with a warning, the rest is sent",
        async () => {
            const fleet = [
                server("p1", "2.0", {
                    groups: [
                        {key: "a", name: "A"},
                        {key: "b", name: "B", subgroups: ["a"]}
                    ]
                })
            ];
            const wanted = {
                groups: [
                    {
                        key: "a",
                        name: "A",
                        description: "new",
                        default: false,
                        permissions: [],
                        subgroups: ["b"]
                    }
                ]
            };
            const plans = plan(fleet, wanted);
            assert.deepEqual(plans[0].ops, [
                {
                    action: "update",
                    kind: "group",
                    id: "a",
                    fields: ["description"],
                    calls: [
                        {method: "groups.update", args: [{key: "a", description: "new"}]}
                    ]
                }
            ]);
            assert.deepEqual(plans[0].warnings, [
                {
                    kind: "group",
                    id: "a",
                    text: 'subgroup "b" left out: it makes a cycle on this server'
                }
            ]);
            await apply(fleet[0], plans[0]);
            assert.deepEqual(view(fleet[0]).groups.a.subgroups, []);
        }
    );

    await check(
        "an add answered 409 (made meanwhile) is followed by the update to the wanted state; a retry never creates twice",
        async () => {
            const fleet = [server("p1", "1.10")];
            const file = {
                format: "octoprint-access-fleet-state",
                version: 1,
                users: [
                    {name: "ada", active: true, groups: ["staff"], permissions: ["PRINT"]}
                ],
                groups: [
                    {
                        key: "staff",
                        name: "Staff",
                        description: "Teachers",
                        default: false,
                        permissions: ["CONTROL"],
                        subgroups: []
                    }
                ]
            };
            const plans = plan(fleet, toWanted(file, {passwords: {ada: "pw"}}));
            assert.deepEqual(briefs(plans[0]), ["create group staff", "create user ada"]);
            assert.deepEqual(plans[0].ops[0].ifExists, [
                {
                    method: "groups.update",
                    args: [
                        {
                            key: "staff",
                            description: "Teachers",
                            permissions: ["CONTROL"],
                            subgroups: [],
                            default: false
                        }
                    ]
                }
            ]);
            // Someone else makes both before the plan runs.
            const s = fleet[0];
            direct(s, "POST", "groups", {
                key: "staff",
                name: "Staff",
                description: "x",
                permissions: [],
                subgroups: [],
                default: true
            });
            direct(s, "POST", "users", {
                name: "ada",
                password: "other",
                active: false,
                groups: ["users"]
            });
            s.requests.length = 0;
            await apply(s, plans[0]);
            assert.deepEqual(
                s.requests.map((r) => `${r.method} ${r.url}`),
                [
                    "POST api/access/groups",
                    "PUT api/access/groups/staff",
                    "POST api/access/users",
                    "PUT api/access/users/ada"
                ]
            );
            const expected = {
                users: {
                    ada: {active: true, groups: ["staff"], permissions: ["PRINT"]}
                },
                staff: {
                    name: "Staff",
                    description: "Teachers",
                    default: false,
                    permissions: ["CONTROL"],
                    subgroups: []
                }
            };
            const check = () => {
                const after = view(s);
                assert.deepEqual(Object.keys(after.users), ["admin", "ada"]);
                assert.deepEqual(after.users.ada, expected.users.ada);
                assert.deepEqual(after.groups.staff, expected.staff);
            };
            check();
            await apply(s, plans[0]); // the retry
            check();
        }
    );

    // ~~ the desired-state file

    await check(
        "import: a drifted fleet's merged export brought to every server (users on some servers only, groups that differ)",
        async () => {
            const fleet = [
                server("p1", "1.10", {
                    groups: [students],
                    users: [
                        {name: "ada", password: "a", groups: ["students"]},
                        {name: "bob", password: "b"}
                    ]
                }),
                server("p2", "1.11", {
                    users: [{name: "bob", password: "b", active: false}]
                }),
                server("p3", "2.0", {
                    groups: [
                        {
                            ...students,
                            description: "Other",
                            permissions: ["PRINT", "WEBCAM"]
                        }
                    ],
                    users: [
                        {name: "ada", password: "a", groups: ["students", "readonly"]},
                        {
                            name: "carl",
                            password: "c",
                            groups: ["students"],
                            permissions: ["CONTROL"]
                        }
                    ]
                })
            ];
            const file = exportState(fleet.map(state));
            assert.deepEqual(matchesSchema(file), true);
            const users = {
                admin: {active: true, groups: ["admins", "users"], permissions: []},
                ada: {active: true, groups: ["students"], permissions: []},
                bob: {active: true, groups: ["users"], permissions: []},
                carl: {active: true, groups: ["students"], permissions: ["CONTROL"]}
            };
            assert.deepEqual(
                file.users,
                ["ada", "admin", "bob", "carl"].map((name) => ({name, ...users[name]}))
            );
            const pupils = {
                name: "Students",
                description: "Pupils",
                default: false,
                permissions: ["PRINT"],
                subgroups: []
            };
            assert.deepEqual(
                file.groups.find((g) => g.key === "students"),
                {key: "students", ...pupils}
            );

            const wanted = toWanted(readState(stateText(file)), {
                passwords: {ada: "pw-ada", bob: "pw-bob", carl: "pw-carl"}
            });
            const plans = plan(fleet, wanted);
            // The built-in group users is exported as on p1 (1.10), whose permissions are
            // not those of 1.11 and 2.0: those two are brought to it.
            assert.deepEqual(plans.map(briefs), [
                ["create user carl"],
                [
                    "create group students",
                    "update group users (permissions)",
                    "create user ada",
                    "update user bob (active)",
                    "create user carl"
                ],
                [
                    "update group students (description, permissions)",
                    "update group users (permissions)",
                    "update user ada (groups)",
                    "create user bob"
                ]
            ]);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            for (const s of fleet) {
                const after = view(s);
                assert.deepEqual(after.users, users, s.name);
                assert.deepEqual(after.groups.students, pupils, s.name);
                assert.deepEqual(after.groups.users, view(fleet[0]).groups.users, s.name);
            }
            nothingLeft(fleet, wanted);
        }
    );

    await check(
        "import with prune: what the file lacks is deleted, but built-in groups (a note)",
        async () => {
            const fleet = [
                server("p1", "2.0", {
                    groups: [{key: "old", name: "Old"}],
                    users: [{name: "eve", password: "e", groups: ["old"]}]
                })
            ];
            const file = exportState([state(server("fresh", "2.0"))]);
            file.groups = file.groups.filter((g) => g.key !== "guests");
            const plans = plan(fleet, toWanted(file, {prune: true}));
            assert.deepEqual(briefs(plans[0]), ["delete user eve", "delete group old"]);
            assert.deepEqual(plans[0].notes, [
                {kind: "group", id: "guests", text: "built in: kept"}
            ]);
            await apply(fleet[0], plans[0]);
            const after = view(fleet[0]);
            assert.deepEqual(Object.keys(after.users), ["admin"]);
            assert.deepEqual(Object.keys(after.groups), [
                "admins",
                "users",
                "guests",
                "readonly"
            ]);
            // Without prune, the same file leaves them alone.
            const kept = [server("p2", "1.10", {users: [{name: "eve", password: "e"}]})];
            assert.deepEqual(plan(kept, toWanted(file)).map(briefs), [[]]);
        }
    );

    await check("export never holds a password, an API key or settings", () => {
        const secrets = ["ada-S3CRET-password", "ADA-SECRET-API-KEY", "SETTINGS-SECRET"];
        const fleet = [
            server("p1", "1.10", {
                apikey: "ADMIN-SECRET-API-KEY",
                users: [
                    {
                        name: "ada",
                        password: secrets[0],
                        apikey: secrets[1],
                        settings: {token: secrets[2]}
                    }
                ]
            }),
            server("p2", "2.0", {apikey: "OTHER-ADMIN-SECRET-KEY"})
        ];
        const states = fleet.map(state);
        assert.equal(states[0].users[1].apikey, secrets[1]); // the input has them
        for (const file of [exportState(states), exportState([states[0]])]) {
            const text = stateText(file);
            for (const secret of secrets.concat(
                "ADMIN-SECRET-API-KEY",
                "OTHER-ADMIN-SECRET-KEY"
            )) {
                assert.ok(!text.includes(secret), secret);
            }
            for (const user of file.users) {
                assert.deepEqual(Object.keys(user), [
                    "name",
                    "active",
                    "groups",
                    "permissions"
                ]);
            }
            assert.ok(!/password|apikey|settings/.test(text));
            assert.deepEqual(readState(text), file);
        }
    });

    await check(
        "export of one server and of a fleet: each user and group as on the first server that has it; lists sorted; the text ends in a newline",
        () => {
            const fleet = [
                server("p1", "1.11", {
                    groups: [{key: "b", name: "B", permissions: ["WEBCAM", "PRINT"]}],
                    users: [{name: "zoe", password: "z", groups: ["users", "b"]}]
                }),
                server("p2", "2.0", {
                    groups: [
                        {key: "b", name: "Other B"},
                        {
                            key: "a",
                            name: "A",
                            description: "d",
                            default: true,
                            subgroups: ["b"]
                        }
                    ],
                    users: [
                        {name: "zoe", password: "z", active: false},
                        {
                            name: "amy",
                            password: "a",
                            groups: ["a"],
                            permissions: ["STATUS", "PRINT"]
                        }
                    ]
                })
            ];
            const states = fleet.map(state);
            const custom = (file) => ({
                users: file.users.filter((u) => u.name !== "admin"),
                groups: file.groups.filter((g) => g.key === "a" || g.key === "b")
            });
            const b = {
                key: "b",
                name: "B",
                description: "",
                default: false,
                permissions: ["PRINT", "WEBCAM"],
                subgroups: []
            };
            const zoe = {
                name: "zoe",
                active: true,
                groups: ["b", "users"],
                permissions: []
            };
            assert.deepEqual(custom(exportState([states[0]])), {
                users: [zoe],
                groups: [b]
            });
            const merged = exportState(states);
            assert.deepEqual(custom(merged), {
                users: [
                    {
                        name: "amy",
                        active: true,
                        groups: ["a"],
                        permissions: ["PRINT", "STATUS"]
                    },
                    zoe
                ],
                groups: [
                    {
                        key: "a",
                        name: "A",
                        description: "d",
                        default: true,
                        permissions: [],
                        subgroups: ["b"]
                    },
                    b
                ]
            });
            assert.deepEqual(
                [merged.format, merged.version],
                ["octoprint-access-fleet-state", 1]
            );
            const text = stateText(merged);
            assert.ok(text.endsWith("}\n"));
            assert.deepEqual(JSON.parse(text), merged);
        }
    );

    await check(
        "the desired-state example in docs/fleet.md: valid by the schema, imported, and applied to 1.10, 1.11 and 2.0",
        async () => {
            const text = exampleFile();
            const example = JSON.parse(text);
            assert.equal(
                matchesSchema(example),
                true,
                JSON.stringify(matchesSchema.errors)
            );
            assert.deepEqual(readState(text), example);
            const fleet = [
                server("p1", "1.10"),
                server("p2", "1.11"),
                server("p3", "2.0")
            ];
            let wanted = toWanted(readState(text));
            assert.deepEqual(
                passwordsNeeded(plan(fleet, wanted)).map((n) => `${n.server} ${n.name}`),
                ["p1 ada", "p1 grace", "p2 ada", "p2 grace", "p3 ada", "p3 grace"]
            );
            wanted = toWanted(readState(text), {passwords: {ada: "pw-a", grace: "pw-g"}});
            const plans = plan(fleet, wanted);
            for (const [i, s] of fleet.entries()) await apply(s, plans[i]);
            for (const s of fleet) {
                const after = view(s);
                for (const {name, ...user} of example.users) {
                    assert.deepEqual(after.users[name], {
                        ...user,
                        groups: user.groups.slice().sort(),
                        permissions: user.permissions.slice().sort()
                    });
                }
                for (const {key, ...group} of example.groups) {
                    assert.deepEqual(after.groups[key], {
                        ...group,
                        permissions: group.permissions.slice().sort(),
                        subgroups: group.subgroups.slice().sort()
                    });
                }
            }
            nothingLeft(fleet, wanted);
        }
    );

    // ~~ what an import refuses: the message, and whether the schema sees it too (it cannot
    // see names twice across entries, unknown groups or cycles)

    const valid = () => ({
        format: "octoprint-access-fleet-state",
        version: 1,
        users: [{name: "ada", active: true, groups: ["staff"], permissions: []}],
        groups: [
            {
                key: "staff",
                name: "Staff",
                description: "",
                default: false,
                permissions: ["PRINT"],
                subgroups: []
            },
            {
                key: "students",
                name: "Students",
                description: "",
                default: false,
                permissions: [],
                subgroups: []
            }
        ]
    });
    const group = (key, subgroups) => ({
        key,
        name: key,
        description: "",
        default: false,
        permissions: [],
        subgroups
    });
    const refused = [
        ["not an object", () => [], ["the file must hold a JSON object"], false],
        [
            "an unknown member",
            (f) => ({...f, comment: "x"}),
            [
                'the file: "comment": unknown member (known: $schema, format, version, users, groups)'
            ],
            false
        ],
        [
            "another format",
            (f) => ({...f, format: "x"}),
            [
                'format: must be "octoprint-access-fleet-state", not "x": this is not a desired-state file'
            ],
            false
        ],
        [
            "no format",
            ({format, ...f}) => (void format, f),
            ['format: missing (must be "octoprint-access-fleet-state")'],
            false
        ],
        [
            "another version",
            (f) => ({...f, version: 2}),
            ["version: 2 is not known (this reads 1)"],
            false
        ],
        ["no users", ({users, ...f}) => (void users, f), ["users: missing"], false],
        [
            "groups not a list",
            (f) => ({...f, groups: {}}),
            ["groups: must be a list", 'users[0] ("ada").groups: unknown group "staff"'],
            false
        ],
        [
            "a password",
            (f) => ((f.users[0].password = "x"), f),
            ['users[0] ("ada"): "password": passwords are never part of the file'],
            false
        ],
        [
            "an API key",
            (f) => ((f.users[0].apikey = "K"), f),
            ['users[0] ("ada"): "apikey": API keys are never part of the file'],
            false
        ],
        [
            "an unknown user member",
            (f) => ((f.users[0].admin = true), f),
            [
                'users[0] ("ada"): "admin": unknown member (known: name, active, groups, permissions)'
            ],
            false
        ],
        [
            "active not a boolean",
            (f) => ((f.users[0].active = "yes"), f),
            ['users[0] ("ada").active: must be true or false'],
            false
        ],
        [
            "a user's groups not a list",
            (f) => ((f.users[0].groups = "staff"), f),
            ['users[0] ("ada").groups: must be a list'],
            false
        ],
        [
            "a user named twice",
            (f) => (f.users.push({...f.users[0]}), f),
            ['users[1] ("ada"): duplicate name (also users[0])'],
            true
        ],
        [
            "a name with an outer space",
            (f) => ((f.users[0].name = "ada "), f),
            ['users[0] ("ada ").name: has spaces at its start or end'],
            false
        ],
        [
            "a name that is ..",
            (f) => ((f.users[0].name = ".."), f),
            ['users[0] ("..").name: cannot be ".."'],
            false
        ],
        [
            "no name",
            (f) => (delete f.users[0].name, f),
            ["users[0].name: must be a non-empty string"],
            false
        ],
        [
            "a user in an unknown group",
            (f) => ((f.users[0].groups = ["staf"]), f),
            ['users[0] ("ada").groups: unknown group "staf"'],
            true
        ],
        [
            "a permission twice",
            (f) => ((f.users[0].permissions = ["PRINT", "PRINT"]), f),
            ['users[0] ("ada").permissions: "PRINT" appears twice'],
            false
        ],
        [
            "a key that is not a string",
            (f) => ((f.users[0].permissions = [5]), f),
            ['users[0] ("ada").permissions: 5 is not a key (a non-empty string)'],
            false
        ],
        [
            "default not a boolean",
            (f) => ((f.groups[0].default = "no"), f),
            ['groups[0] ("staff").default: must be true or false'],
            false
        ],
        [
            "no description",
            (f) => (delete f.groups[0].description, f),
            ['groups[0] ("staff").description: must be a string'],
            false
        ],
        [
            "an unknown subgroup",
            (f) => ((f.groups[0].subgroups = ["nobody"]), f),
            ['groups[0] ("staff").subgroups: unknown group "nobody"'],
            true
        ],
        [
            "a group key twice",
            (f) => ((f.groups[1].key = "staff"), f),
            ['groups[1] ("staff"): duplicate key (also groups[0])'],
            true
        ],
        [
            "a cycle of two",
            (f) => (
                (f.groups[0].subgroups = ["students"]),
                (f.groups[1].subgroups = ["staff"]),
                f
            ),
            ["groups: subgroups make a cycle: staff → students → staff"],
            true
        ],
        [
            "a group its own subgroup",
            (f) => ((f.groups[0].subgroups = ["staff"]), f),
            ["groups: subgroups make a cycle: staff → staff"],
            true
        ],
        [
            "a cycle of three",
            (f) => ({
                ...f,
                groups: [group("a", ["b"]), group("b", ["c"]), group("c", ["a"])],
                users: []
            }),
            ["groups: subgroups make a cycle: a → b → c → a"],
            true
        ]
    ];
    for (const [what, change, errors, schemaAccepts] of refused) {
        await check(`import refuses ${what}`, () => {
            const file = change(valid());
            assert.deepEqual(validateState(file), errors);
            assert.throws(
                () => readState(JSON.stringify(file)),
                (error) => {
                    assert.equal(error.message, errors.join("\n"));
                    assert.deepEqual(error.errors, errors);
                    return true;
                }
            );
            assert.equal(matchesSchema(file), schemaAccepts);
        });
    }

    await check(
        "import: a valid file passes both checks; several problems are all listed",
        () => {
            assert.deepEqual(validateState(valid()), []);
            assert.equal(matchesSchema(valid()), true);
            const file = valid();
            file.users[0].active = 1;
            file.groups[0].name = "";
            assert.deepEqual(validateState(file), [
                'groups[0] ("staff").name: must be a non-empty string',
                'users[0] ("ada").active: must be true or false'
            ]);
        }
    );

    await check("import: text that is not JSON says so", () => {
        assert.throws(
            () => readState('{"format": '),
            (error) => {
                assert.match(error.message, /^not JSON: /);
                assert.equal(error.errors.length, 1);
                return true;
            }
        );
    });

    await check("planFleet refuses a wanted state that contradicts itself", () => {
        const fleet = [state(server("p1", "1.10"))];
        const user = {name: "a", active: true, groups: ["g"], permissions: []};
        const g = {
            key: "g",
            name: "G",
            description: "",
            default: false,
            permissions: [],
            subgroups: ["h"]
        };
        const cases = [
            [{users: [user, user]}, 'users: "a" appears twice'],
            [{users: [user], deleteUsers: ["a"]}, 'user "a" is both wanted and deleted'],
            [
                {users: [user], deleteGroups: ["g"]},
                'user "a" is wanted in deleted group "g"'
            ],
            [
                {groups: [g], deleteGroups: ["h"]},
                'group "g" is wanted with deleted subgroup "h"'
            ],
            [{groups: [g], deleteGroups: ["g"]}, 'group "g" is both wanted and deleted']
        ];
        for (const [wanted, message] of cases) {
            assert.throws(() => planFleet(fleet, wanted), {message});
        }
    });

    console.log(`fleet-plan: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
