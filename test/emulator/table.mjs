// The emulator's checks, one table for both of its adapters: test/suites/20-emulator.mjs
// runs it over HTTP against `npm start`'s server, test/fake/table.test.js in the page against
// OctoPrintAccessFake. Every endpoint and status code of OctoPrint's access API, with
// OctoPrint 1.10.3's texts and shapes (the recording in test/data/ is the reference). No
// Node or DOM API in here. The checks run in order and share the emulator's state.
import {assert} from "./assert.mjs";

/** The admin's API key the adapter must start the emulator with. */
export const KEY = "EMULATOR-SUITE-ADMIN-KEY";

// OctoPrint's (Werkzeug's) texts for answers without a message of their own.
export const TEXTS = {
    400: "The browser (or proxy) sent a request that this server could not understand.",
    403:
        "You don't have the permission to access the requested resource. It is either " +
        "read-protected or not readable by the server.",
    404:
        "The requested URL was not found on the server. If you entered the URL manually " +
        "please check your spelling and try again.",
    405: "The method is not allowed for the requested URL.",
    409:
        "A conflict happened while processing the request. The resource might have been " +
        "modified while the request was being processed.",
    500:
        "The server encountered an internal error and was unable to complete your request. " +
        "Either the server is overloaded or there is an error in the application."
};

/** A user record's members in 1.10 and 1.11 (2.0: has_password instead of admin, roles, user). */
const USER_FIELDS = [
    "active",
    "admin",
    "apikey",
    "groups",
    "name",
    "needs",
    "permissions",
    "roles",
    "settings",
    "user"
];

export function expectOk(res, what = "") {
    assert.equal(res.status, 200, `${what} expected 200, got ${res.status}: ${res.text}`);
    return res.json;
}

/**
 * An OctoPrint-style error: the status and a JSON {"error": "..."} body. `text` is a part of
 * the message, or with `exact` the whole of it.
 */
export function expectError(res, status, text, exact = false) {
    assert.equal(
        res.status,
        status,
        `expected ${status}, got ${res.status}: ${res.text}`
    );
    assert.match(String(res.headers["content-type"]), /application\/json/);
    assert.deepEqual(Object.keys(res.json ?? {}), ["error"], `body: ${res.text}`);
    assert.equal(typeof res.json.error, "string");
    if (exact) assert.equal(res.json.error, text);
    else if (text) assert.ok(res.json.error.includes(text), `error: ${res.json.error}`);
}

/** An error whose whole text is OctoPrint's for its status. */
export const expectOctoPrintError = (res, status) =>
    expectError(res, status, TEXTS[status], true);

export const byName = (list, name) => list.find((u) => u.name === name);
export const byKey = (list, key) => list.find((g) => g.key === key);

/**
 * Runs the table. `api(method, path, {body, key, headers})` sends one request to
 * /api/access/<path> (the path exactly as given) through the adapter: `body` an object (sent
 * as JSON) or a string, `key` the X-Api-Key (default KEY, null for none). It resolves to
 * {status, headers (lower-case names), text, json}. `check(name, fn)` runs and counts one
 * named check.
 */
export async function runTable({api, check}) {
    const state = {};

    // ~~ authentication and permissions

    await check(
        "GET permissions needs no login: 200 with the 39 of a stock install",
        async () => {
            const {permissions} = expectOk(await api("GET", "permissions", {key: null}));
            // The 22 of OctoPrint itself, then those of its bundled plugins.
            assert.equal(permissions.length, 39);
            assert.equal(
                permissions.filter((p) => p.key.startsWith("PLUGIN_")).length,
                17
            );
            assert.equal(byKey(permissions, "PLUGIN_APPKEYS_ADMIN").plugin, "appkeys");
            const admin = byKey(permissions, "ADMIN");
            assert.deepEqual(Object.keys(admin).sort(), [
                "dangerous",
                "default_groups",
                "description",
                "key",
                "name",
                "needs"
            ]);
            assert.deepEqual(admin.needs, {role: ["admin"]});
            assert.equal(admin.dangerous, true);
        }
    );

    await check(
        "a wrong API key is 403 Invalid API key, even for permissions",
        async () => {
            expectError(
                await api("GET", "permissions", {key: "wrong"}),
                403,
                "Invalid API key"
            );
            expectError(
                await api("GET", "users", {key: "wrong"}),
                403,
                "Invalid API key"
            );
            expectError(
                await api("POST", "groups", {key: "wrong", body: {}}),
                403,
                "Invalid API key"
            );
        }
    );

    await check("no API key: 403 on every admin endpoint", async () => {
        for (const [method, path] of [
            ["GET", "users"],
            ["POST", "users"],
            ["GET", "groups"],
            ["POST", "groups"],
            ["GET", "groups/users"],
            ["PUT", "groups/users"],
            ["DELETE", "groups/users"],
            ["GET", "users/admin"],
            ["PUT", "users/admin"],
            ["DELETE", "users/admin"],
            ["PUT", "users/admin/password"],
            ["GET", "users/admin/settings"],
            ["PATCH", "users/admin/settings"],
            ["POST", "users/admin/apikey"],
            ["DELETE", "users/admin/apikey"]
        ]) {
            const res = await api(method, path, {key: null, body: {}});
            expectOctoPrintError(res, 403);
        }
    });

    // ~~ groups: the built-in ones

    await check(
        "GET groups: the 4 built-in groups with needs and dangerous",
        async () => {
            const {groups} = expectOk(await api("GET", "groups"));
            assert.deepEqual(
                groups.map((g) => g.key),
                ["admins", "users", "guests", "readonly"]
            );
            const admins = byKey(groups, "admins");
            // ADMIN stands for every permission: every role, and the group's own need.
            assert.deepEqual(Object.keys(admins.needs).sort(), ["group", "role"]);
            assert.deepEqual(admins.needs.group, ["admins"]);
            assert.equal(admins.needs.role.length, 39);
            assert.ok(admins.needs.role.includes("admin"));
            assert.ok(admins.needs.role.includes("print"));
            assert.equal(admins.dangerous, true);
            assert.equal(admins.removable, false);
            assert.equal(admins.changeable, false);
            const users = byKey(groups, "users");
            assert.equal(users.default, true);
            assert.equal(users.dangerous, false);
            assert.equal(users.needs.role.length, 26);
            assert.deepEqual(users.needs.group, ["users"]);
            assert.equal(users.changeable, true);
            assert.deepEqual(byKey(groups, "guests").needs, {group: ["guests"]});
            assert.ok(users.needs.role.includes("print"));
        }
    );

    await check("GET users: the admin, with the user record's members", async () => {
        const {users} = expectOk(await api("GET", "users"));
        assert.equal(users.length, 1);
        const [admin] = users;
        assert.deepEqual(Object.keys(admin).sort(), USER_FIELDS);
        assert.equal(admin.name, "admin");
        assert.equal(admin.apikey, KEY);
        assert.deepEqual(admin.groups, ["users", "admins"]);
        assert.ok(admin.needs.role.includes("admin"));
        assert.equal(admin.admin, true);
        assert.equal(admin.user, true);
        assert.deepEqual(admin.roles, ["user", "admin"]);
    });

    // ~~ users

    await check(
        "POST users: 200 with the list; groups absent = default groups",
        async () => {
            const {users} = expectOk(
                await api("POST", "users", {
                    body: {name: "jane doe#ü", password: "pw1", active: true}
                })
            );
            const jane = byName(users, "jane doe#ü");
            assert.deepEqual(Object.keys(jane).sort(), USER_FIELDS);
            assert.deepEqual(jane.groups, ["users"]);
            assert.deepEqual(jane.permissions, []);
            assert.equal(jane.active, true);
            assert.equal(jane.apikey, null);
            assert.equal(jane.admin, false);
            assert.equal(jane.user, true);
            assert.deepEqual(jane.roles, ["user"]);
            assert.deepEqual(jane.needs.group, ["users"]);
            assert.deepEqual(jane.settings, {});
        }
    );

    await check("POST users: groups null = default groups too", async () => {
        const {users} = expectOk(
            await api("POST", "users", {
                body: {name: "nullgroups", password: "x", active: true, groups: null}
            })
        );
        assert.deepEqual(byName(users, "nullgroups").groups, ["users"]);
    });

    await check("POST users: unknown group and permission keys are dropped", async () => {
        const {users} = expectOk(
            await api("POST", "users", {
                body: {
                    name: "picky",
                    password: "x",
                    active: "no",
                    groups: ["readonly", "nope"],
                    permissions: ["PRINT", "NOPE"]
                }
            })
        );
        const picky = byName(users, "picky");
        assert.deepEqual(picky.groups, ["readonly"]);
        assert.deepEqual(picky.permissions, ["PRINT"]);
        assert.equal(picky.active, false, `"no" is not a true value`);
    });

    await check("POST users: 409 for a name that exists", async () => {
        expectOctoPrintError(
            await api("POST", "users", {
                body: {name: "jane doe#ü", password: "x", active: true}
            }),
            409
        );
    });

    for (const missing of ["name", "password", "active"]) {
        await check(`POST users: 400 when ${missing} is absent`, async () => {
            const body = {name: "someone", password: "x", active: true};
            delete body[missing];
            expectError(
                await api("POST", "users", {body}),
                400,
                `${missing} is missing`,
                true
            );
        });
    }

    await check(
        "POST users: 400 for an empty name or one with outer whitespace",
        async () => {
            for (const name of ["", " lead", "trail ", "\ttab"]) {
                expectError(
                    await api("POST", "users", {
                        body: {name, password: "x", active: true}
                    }),
                    400,
                    "Username invalid",
                    true
                );
            }
        }
    );

    await check("POST users: 400 when groups is not a list", async () => {
        expectError(
            await api("POST", "users", {
                body: {name: "bad", password: "x", active: true, groups: "users"}
            }),
            400,
            "groups"
        );
    });

    await check("GET users/{name}: percent-decoded once (%20, %23, %C3%BC)", async () => {
        const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
        assert.equal(jane.name, "jane doe#ü");
        assert.deepEqual(Object.keys(jane).sort(), USER_FIELDS);
    });

    await check("GET users/{name}: 404 for an unknown user", async () => {
        expectOctoPrintError(await api("GET", "users/nobody"), 404);
        expectOctoPrintError(await api("GET", "users/jane%2520doe%2523%25C3%25BC"), 404);
    });

    await check("a + in a path stays a plus", async () => {
        expectOk(
            await api("POST", "users", {
                body: {name: "a+b", password: "x", active: true}
            })
        );
        assert.equal(expectOk(await api("GET", "users/a+b")).name, "a+b");
        assert.equal(expectOk(await api("GET", "users/a%2Bb")).name, "a+b");
        expectOctoPrintError(await api("GET", "users/a%20b"), 404);
    });

    await check(
        "%2F becomes / before routing: a name with / cannot be addressed",
        async () => {
            expectOk(
                await api("POST", "users", {
                    body: {name: "x/y", password: "x", active: true}
                })
            );
            expectOctoPrintError(await api("GET", "users/x%2Fy"), 404);
            expectOctoPrintError(await api("DELETE", "users/x%2Fy"), 404);
        }
    );

    await check("PUT users/{name}: changes only the members present", async () => {
        const {users} = expectOk(
            await api("PUT", "users/jane%20doe%23%C3%BC", {body: {active: false}})
        );
        const jane = byName(users, "jane doe#ü");
        assert.equal(jane.active, false);
        assert.deepEqual(jane.groups, ["users"]);
        const again = expectOk(
            await api("PUT", "users/jane%20doe%23%C3%BC", {
                body: {
                    active: true,
                    groups: ["readonly", "nope"],
                    permissions: ["SYSTEM"]
                }
            })
        );
        const updated = byName(again.users, "jane doe#ü");
        assert.equal(updated.active, true);
        assert.deepEqual(updated.groups, ["readonly"]);
        assert.deepEqual(updated.permissions, ["SYSTEM"]);
    });

    await check(
        "PUT users/{name}: null lists are OctoPrint's 500, nothing changes",
        async () => {
            for (const member of ["groups", "permissions"]) {
                const res = await api("PUT", "users/jane%20doe%23%C3%BC", {
                    body: {active: false, [member]: null}
                });
                expectOctoPrintError(res, 500);
            }
            const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
            assert.equal(jane.active, true, "a refused update changed nothing");
            assert.deepEqual(jane.groups, ["readonly"]);
        }
    );

    await check("PUT users/{name}: 404 for an unknown user", async () => {
        expectOctoPrintError(
            await api("PUT", "users/nobody", {body: {active: true}}),
            404
        );
    });

    await check("a body that is not JSON (or not an object) is 400", async () => {
        for (const body of ["{not json", "", "null", "[]", "42", '"text"']) {
            const res = await api("PUT", "users/jane%20doe%23%C3%BC", {body});
            expectOctoPrintError(res, 400);
        }
        expectOctoPrintError(await api("POST", "users", {body: "{name:"}), 400);
        expectOctoPrintError(await api("POST", "groups", {body: "<xml/>"}), 400);
        expectOctoPrintError(
            await api("PATCH", "users/admin/settings", {body: "{"}),
            400
        );
        // JSON that is not an object has none of the members a POST needs.
        expectError(
            await api("POST", "users", {body: "[1, 2]"}),
            400,
            "name is missing",
            true
        );
        expectError(
            await api("POST", "groups", {body: "null"}),
            400,
            "key is missing",
            true
        );
    });

    await check(
        "DELETE users/{name}: 400 for yourself, 404 for an unknown user",
        async () => {
            expectError(
                await api("DELETE", "users/admin"),
                400,
                "You cannot delete yourself",
                true
            );
            expectOctoPrintError(await api("DELETE", "users/nobody"), 404);
        }
    );

    await check(
        "PUT password: 400 without password, 404 unknown, 200 {} for an admin",
        async () => {
            expectError(
                await api("PUT", "users/jane%20doe%23%C3%BC/password", {body: {}}),
                400,
                "new password is missing",
                true
            );
            expectError(
                await api("PUT", "users/jane%20doe%23%C3%BC/password", {
                    body: {password: ""}
                }),
                400,
                "new password is missing",
                true
            );
            expectOctoPrintError(
                await api("PUT", "users/nobody/password", {body: {password: "x"}}),
                404
            );
            const res = await api("PUT", "users/jane%20doe%23%C3%BC/password", {
                body: {password: "pw2"}
            });
            assert.deepEqual(expectOk(res), {});
        }
    );

    await check(
        "POST apikey: 200 {apikey}, with a null body as the client sends",
        async () => {
            const res = await api("POST", "users/jane%20doe%23%C3%BC/apikey", {
                body: "null"
            });
            const {apikey} = expectOk(res);
            assert.match(apikey, /^[0-9A-F]{32}$/);
            state.janeKey = apikey;
            const {users} = expectOk(await api("GET", "users"));
            assert.equal(byName(users, "jane doe#ü").apikey, apikey);
        }
    );

    await check("POST/DELETE apikey: 404 for an unknown user", async () => {
        expectOctoPrintError(await api("POST", "users/nobody/apikey"), 404);
        expectOctoPrintError(await api("DELETE", "users/nobody/apikey"), 404);
    });

    await check(
        "a non-admin's own key: itself yes, admin endpoints and others 403",
        async () => {
            const key = state.janeKey;
            const self = expectOk(await api("GET", "users/jane%20doe%23%C3%BC", {key}));
            assert.equal(self.name, "jane doe#ü");
            expectOk(await api("GET", "permissions", {key}));
            expectOctoPrintError(await api("GET", "users", {key}), 403);
            expectOctoPrintError(await api("GET", "groups", {key}), 403);
            expectOctoPrintError(await api("GET", "users/admin", {key}), 403);
            expectOctoPrintError(await api("GET", "users/admin/settings", {key}), 403);
            expectOctoPrintError(await api("POST", "users/admin/apikey", {key}), 403);
            expectOctoPrintError(
                await api("PUT", "users/admin/password", {
                    key,
                    body: {password: "x"}
                }),
                403
            );
        }
    );

    await check("own password: current missing 400, wrong 403, right 200", async () => {
        const key = state.janeKey;
        const path = "users/jane%20doe%23%C3%BC/password";
        expectError(
            await api("PUT", path, {key, body: {password: "pw3"}}),
            400,
            "current password is missing",
            true
        );
        expectError(
            await api("PUT", path, {
                key,
                body: {password: "pw3", current: "wrong"}
            }),
            403,
            "Invalid current password",
            true
        );
        expectOk(await api("PUT", path, {key, body: {password: "pw3", current: "pw2"}}));
        expectError(
            await api("PUT", path, {
                key,
                body: {password: "pw4", current: "pw2"}
            }),
            403,
            "Invalid current password",
            true
        );
    });

    // OctoPrint 1.10.3 sets each top-level member it is sent: a nested object replaces the
    // one before, it is not merged into it (the recording shows it).
    await check(
        "settings: GET {} at first, PATCH sets top-level members, 200 {}",
        async () => {
            const key = state.janeKey;
            const path = "users/jane%20doe%23%C3%BC/settings";
            assert.deepEqual(expectOk(await api("GET", path, {key})), {});
            const first = {
                interface: {language: "de", color: "blue"},
                list: [1, 2],
                keep: 1
            };
            assert.deepEqual(expectOk(await api("PATCH", path, {key, body: first})), {});
            const second = {interface: {color: null, theme: {dark: true}}, list: [3]};
            expectOk(await api("PATCH", path, {body: second})); // the admin, this time
            assert.deepEqual(expectOk(await api("GET", path)), {
                interface: {color: null, theme: {dark: true}},
                list: [3],
                keep: 1
            });
        }
    );

    await check("settings: a __proto__ member stays a plain member", async () => {
        const path = "users/jane%20doe%23%C3%BC/settings";
        const body =
            '{"__proto__": {"polluted": true}, "interface": {"__proto__": {"x": 1}}}';
        expectOk(await api("PATCH", path, {body}));
        const text = (await api("GET", path)).text;
        assert.ok(text.includes('"__proto__":{"polluted":true}'), text);
        assert.equal({}.polluted, undefined);
        assert.equal(Object.prototype.x, undefined);
    });

    await check("settings: 404 for an unknown user, 400 for a non-object", async () => {
        expectOctoPrintError(await api("GET", "users/nobody/settings"), 404);
        expectOctoPrintError(
            await api("PATCH", "users/nobody/settings", {body: {}}),
            404
        );
        expectOctoPrintError(
            await api("PATCH", "users/admin/settings", {body: [1]}),
            400
        );
    });

    await check("DELETE apikey: 200 {}, the key is gone and then invalid", async () => {
        const res = await api("DELETE", "users/jane%20doe%23%C3%BC/apikey");
        assert.deepEqual(expectOk(res), {});
        const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
        assert.equal(jane.apikey, null);
        expectError(
            await api("GET", "permissions", {key: state.janeKey}),
            403,
            "Invalid API key"
        );
    });

    await check("a deactivated user's key logs nobody in: 403", async () => {
        const {apikey} = expectOk(await api("POST", "users/picky/apikey"));
        expectOctoPrintError(await api("GET", "users/picky", {key: apikey}), 403);
        expectOk(await api("PUT", "users/picky", {body: {active: true}}));
        expectOk(await api("GET", "users/picky", {key: apikey}));
    });

    await check("DELETE users/{name}: 200 with the list, then 404", async () => {
        const {users} = expectOk(await api("DELETE", "users/jane%20doe%23%C3%BC"));
        assert.equal(byName(users, "jane doe#ü"), undefined);
        expectOctoPrintError(await api("GET", "users/jane%20doe%23%C3%BC"), 404);
    });

    // ~~ groups

    for (const [missing, text] of [
        ["key", "key is missing"],
        ["name", "name is missing"],
        ["permissions", "permissions are missing"]
    ]) {
        await check(`POST groups: 400 when ${missing} is absent`, async () => {
            const body = {key: "g", name: "G", permissions: [], subgroups: []};
            delete body[missing];
            expectError(await api("POST", "groups", {body}), 400, text, true);
        });
    }

    await check(
        "POST groups: absent or null subgroups are OctoPrint 1.10's 500",
        async () => {
            expectOctoPrintError(
                await api("POST", "groups", {
                    body: {key: "g", name: "G", permissions: []}
                }),
                500
            );
            const body = {key: "g", name: "G", permissions: [], subgroups: null};
            expectOctoPrintError(await api("POST", "groups", {body}), 500);
            const {groups} = expectOk(await api("GET", "groups"));
            assert.equal(byKey(groups, "g"), undefined, "nothing was added");
        }
    );

    await check("POST groups: null permissions are none", async () => {
        const body = {key: "g", name: "G", permissions: null, subgroups: []};
        const {groups} = expectOk(await api("POST", "groups", {body}));
        assert.deepEqual(byKey(groups, "g").permissions, []);
        assert.deepEqual(byKey(groups, "g").needs, {group: ["g"]});
        expectOk(await api("DELETE", "groups/g"));
    });

    await check(
        "POST groups: 200 with the list, defaults and derived members",
        async () => {
            const {groups} = expectOk(
                await api("POST", "groups", {
                    body: {
                        key: "test ers",
                        name: "Testers",
                        permissions: ["PRINT", "SYSTEM", "NOPE"],
                        subgroups: ["readonly", "nope"]
                    }
                })
            );
            assert.deepEqual(byKey(groups, "test ers"), {
                key: "test ers",
                name: "Testers",
                description: "",
                permissions: ["PRINT", "SYSTEM"],
                subgroups: ["readonly"],
                default: false,
                removable: true,
                changeable: true,
                toggleable: true,
                // its own group need, and a subgroup's needs with its permissions'
                needs: {
                    group: ["readonly", "test ers"],
                    role: [
                        "files_download",
                        "files_list",
                        "gcodeviewer",
                        "monitor_terminal",
                        "plugin_achievements_view",
                        "plugin_pluginmanager_list",
                        "print",
                        "settings_read",
                        "status",
                        "system",
                        "timelapse_download",
                        "timelapse_list",
                        "webcam"
                    ]
                },
                dangerous: true
            });
        }
    );

    await check("POST groups: 409 for a key that exists", async () => {
        const body = {key: "test ers", name: "Again", permissions: [], subgroups: []};
        expectOctoPrintError(await api("POST", "groups", {body}), 409);
        const builtIn = {
            key: "admins",
            name: "Again",
            permissions: [],
            subgroups: []
        };
        expectOctoPrintError(await api("POST", "groups", {body: builtIn}), 409);
    });

    await check("GET groups/{key}: 200 the group, 404 unknown", async () => {
        assert.equal(expectOk(await api("GET", "groups/test%20ers")).name, "Testers");
        assert.equal(expectOk(await api("GET", "groups/users")).key, "users");
        expectOctoPrintError(await api("GET", "groups/nope"), 404);
    });

    await check(
        "PUT groups/{key}: only the members present; 200 with the list",
        async () => {
            let {groups} = expectOk(
                await api("PUT", "groups/test%20ers", {
                    body: {description: "They test"}
                })
            );
            let group = byKey(groups, "test ers");
            assert.equal(group.description, "They test");
            assert.deepEqual(group.permissions, ["PRINT", "SYSTEM"]);
            assert.equal(group.default, false);
            ({groups} = expectOk(
                await api("PUT", "groups/test%20ers", {
                    body: {default: true, permissions: ["PRINT"]}
                })
            ));
            group = byKey(groups, "test ers");
            assert.equal(group.default, true);
            assert.deepEqual(group.permissions, ["PRINT"]);
            assert.equal(group.dangerous, false);
            assert.equal(group.description, "They test");
        }
    );

    await check(
        "PUT groups/{key}: null lists unchanged, null default is false",
        async () => {
            const {groups} = expectOk(
                await api("PUT", "groups/test%20ers", {
                    body: {permissions: null, subgroups: null, default: null}
                })
            );
            const group = byKey(groups, "test ers");
            assert.deepEqual(group.permissions, ["PRINT"]);
            assert.deepEqual(group.subgroups, ["readonly"]);
            assert.equal(group.default, false);
        }
    );

    await check("PUT groups/{key}: 403 not changeable, 404 unknown", async () => {
        expectOctoPrintError(
            await api("PUT", "groups/admins", {body: {description: "x"}}),
            403
        );
        expectOctoPrintError(
            await api("PUT", "groups/readonly", {body: {description: "x"}}),
            403
        );
        expectOctoPrintError(
            await api("PUT", "groups/nope", {body: {description: "x"}}),
            404
        );
    });

    await check("a new default group is given to new users", async () => {
        expectOk(await api("PUT", "groups/test%20ers", {body: {default: true}}));
        const {users} = expectOk(
            await api("POST", "users", {
                body: {name: "newbie", password: "x", active: true}
            })
        );
        assert.deepEqual(byName(users, "newbie").groups, ["users", "test ers"]);
    });

    await check("DELETE groups/{key}: 403 not removable, 404 unknown", async () => {
        expectOctoPrintError(await api("DELETE", "groups/admins"), 403);
        expectOctoPrintError(await api("DELETE", "groups/users"), 403);
        expectOctoPrintError(await api("DELETE", "groups/nope"), 404);
    });

    await check("DELETE groups/{key}: 200 with the list; members lose it", async () => {
        const {groups} = expectOk(await api("DELETE", "groups/test%20ers"));
        assert.equal(byKey(groups, "test ers"), undefined);
        expectOctoPrintError(await api("GET", "groups/test%20ers"), 404);
        assert.deepEqual(expectOk(await api("GET", "users/newbie")).groups, ["users"]);
    });

    // ~~ routing, methods, files

    await check("unknown routes are 404", async () => {
        expectOctoPrintError(await api("GET", "nothing"), 404);
        expectOctoPrintError(await api("GET", "users/"), 404);
        expectOctoPrintError(await api("GET", "users/admin/nothing"), 404);
    });

    await check("wrong methods are 405 with an Allow header", async () => {
        let res = await api("DELETE", "users");
        expectOctoPrintError(res, 405);
        assert.equal(res.headers.allow, "GET, POST, HEAD, OPTIONS");
        res = await api("PATCH", "groups/users", {body: {}});
        expectOctoPrintError(res, 405);
        expectOctoPrintError(await api("GET", "users/admin/password"), 405);
        expectOctoPrintError(await api("PUT", "permissions", {body: {}}), 405);
    });

    await check("HEAD and OPTIONS are answered", async () => {
        const head = await api("HEAD", "permissions");
        assert.equal(head.status, 200);
        assert.equal(head.text, "");
        const options = await api("OPTIONS", "users/admin", {key: null});
        assert.equal(options.status, 200);
        assert.equal(options.headers.allow, "GET, PUT, DELETE, HEAD, OPTIONS");
    });

    await check("a path that is not validly percent-encoded is 400", async () => {
        expectError(await api("GET", "users/%E0%A4%A"), 400, "percent");
        expectError(await api("GET", "users/%zz"), 400);
    });

    await check("after all that, it still answers", async () => {
        const {users} = expectOk(await api("GET", "users"));
        assert.ok(byName(users, "admin"));
        expectOk(await api("GET", "permissions", {key: null}));
    });
}

// The permissions that OctoPrint 1.11 and 2.0 bundle beyond 1.10's: plugins' and the group
// of each of the built-in groups that has it (the recordings of 1.11.8 and 2.0.0rc3).
const LATER_PERMISSIONS = {
    PLUGIN_FILE_CHECK_RUN: ["users", "admins"],
    PLUGIN_FIRMWARE_CHECK_DISPLAY: ["users"],
    PLUGIN_HEALTH_CHECK_CHECK: ["admins"]
};

/**
 * What changes between the versions the emulator follows. `fresh(version)` resolves to an
 * `api` (as runTable's) for a new emulator with that version's rules and the admin key KEY.
 */
export async function runVersions({fresh, check}) {
    for (const version of ["1.10", "1.11", "2.0"]) {
        const api = await fresh(version);
        const own = {};
        const later = version !== "1.10";

        await check(`${version}: the built-in permissions and groups`, async () => {
            const {permissions} = expectOk(await api("GET", "permissions", {key: null}));
            // 1.10.3: 22 of OctoPrint's and 17 of its bundled plugins; 1.11.8 and 2.0.0rc3
            // bundle three more plugins' (file check, firmware check, health check).
            assert.equal(permissions.length, later ? 42 : 39);
            const plugins = permissions.filter((p) => p.key.startsWith("PLUGIN_"));
            assert.equal(plugins.length, later ? 20 : 17);
            const {groups} = expectOk(await api("GET", "groups"));
            for (const [key, keys] of Object.entries(LATER_PERMISSIONS)) {
                const permission = byKey(permissions, key);
                assert.equal(!!permission, later, key);
                if (!later) continue;
                assert.deepEqual(permission.default_groups, keys);
                for (const group of ["users", "admins"]) {
                    const has = byKey(groups, group).permissions.includes(key);
                    assert.equal(has, keys.includes(group), `${group} has ${key}`);
                }
            }
            // ADMIN stands for every permission: the admins' needs have every role.
            const admins = byKey(groups, "admins");
            assert.equal(admins.needs.role.length, later ? 42 : 39);
            assert.ok(admins.needs.role.includes("plugin_softwareupdate_update"));
            assert.equal(admins.needs.role.includes("plugin_health_check_check"), later);
            const users = byKey(groups, "users");
            assert.equal(users.needs.role.length, later ? 28 : 26);
            // 2.0 put the missing spaces into three descriptions.
            assert.equal(
                byKey(permissions, "CONTROL").description.includes("controls, the"),
                version === "2.0"
            );
            const admin = expectOk(await api("GET", "users/admin"));
            assert.deepEqual(admin.groups, ["users", "admins"]);
            assert.equal(admin.needs.role.length, later ? 42 : 39);
        });

        await check(`${version}: a wrong or deleted API key`, async () => {
            const wrong = await api("GET", "users", {key: "NOT-A-KEY"});
            // 1.10 says so; 1.11 and 2.0 answer with Werkzeug's text for a 403.
            if (later) expectOctoPrintError(wrong, 403);
            else expectError(wrong, 403, "Invalid API key", true);
            const permissions = await api("GET", "permissions", {key: "NOT-A-KEY"});
            assert.equal(permissions.status, 403, "even where no login is needed");
            expectOk(
                await api("POST", "users", {
                    body: {name: "k", password: "pw", active: true}
                })
            );
            const {apikey} = expectOk(await api("POST", "users/k/apikey"));
            expectOk(await api("GET", "users/k", {key: apikey}));
            expectOk(await api("DELETE", "users/k/apikey"));
            const deleted = await api("GET", "users/k", {key: apikey});
            assert.deepEqual([deleted.status, deleted.json], [403, wrong.json]);
            expectOk(await api("DELETE", "users/k"));
        });

        await check(`${version}: a user record's members`, async () => {
            const {users} = expectOk(
                await api("POST", "users", {
                    body: {name: "v", password: "pw", active: true}
                })
            );
            const user = byName(users, "v");
            const admin = byName(users, "admin");
            if (version === "2.0") {
                const fields = USER_FIELDS.filter(
                    (field) => !["admin", "roles", "user"].includes(field)
                );
                assert.deepEqual(
                    Object.keys(user).sort(),
                    [...fields, "has_password"].sort()
                );
                assert.equal(user.has_password, true);
                // The admin's password is the one set up in OctoPrint's wizard.
                assert.equal(admin.has_password, true, "the admin has a password");
            } else {
                assert.deepEqual(Object.keys(user).sort(), USER_FIELDS);
                assert.deepEqual(
                    [user.admin, user.user, user.roles],
                    [false, true, ["user"]]
                );
                assert.deepEqual(admin.roles, ["user", "admin"]);
            }
            own.key = expectOk(await api("POST", "users/v/apikey")).apikey;
        });

        await check(`${version}: POST groups without subgroups`, async () => {
            const res = await api("POST", "groups", {
                body: {key: "g", name: "G", permissions: []}
            });
            if (version === "1.10") expectOctoPrintError(res, 500);
            else expectError(res, 400, "subgroups are missing", true);
            const {groups} = expectOk(await api("GET", "groups"));
            assert.equal(byKey(groups, "g"), undefined, "nothing was added");
        });

        await check(`${version}: a subgroup cycle`, async () => {
            const add = (key, subgroups) =>
                api("POST", "groups", {
                    body: {key, name: key, permissions: [], subgroups}
                });
            expectOk(await add("a", []));
            expectOk(await add("b", ["a"]));
            // a -> b -> a: the update that closes the cycle
            const closing = await api("PUT", "groups/a", {body: {subgroups: ["b"]}});
            expectOctoPrintError(closing, version === "2.0" ? 409 : 500);
            const self = await api("PUT", "groups/a", {body: {subgroups: ["a"]}});
            expectOctoPrintError(self, version === "2.0" ? 409 : 500);
            assert.deepEqual(expectOk(await api("GET", "groups/a")).subgroups, []);
            expectOk(await api("GET", "groups")); // still answers
            // a new group naming itself: 2.0 refuses it, before that the key is unknown yet
            const named = await add("c", ["c", "a"]);
            if (version === "2.0") {
                expectOctoPrintError(named, 409);
            } else {
                assert.deepEqual(byKey(expectOk(named).groups, "c").subgroups, ["a"]);
            }
        });

        await check(
            `${version}: own password without or with a wrong current`,
            async () => {
                const path = "users/v/password";
                const without = await api("PUT", path, {
                    key: own.key,
                    body: {password: "new"}
                });
                if (version === "2.0")
                    expectError(without, 403, "Invalid current password", true);
                else expectError(without, 400, "current password is missing", true);
                const wrong = await api("PUT", path, {
                    key: own.key,
                    body: {password: "new", current: "wrong"}
                });
                expectError(wrong, 403, "Invalid current password", true);
                expectOk(
                    await api("PUT", path, {
                        key: own.key,
                        body: {password: "new", current: "pw"}
                    })
                );
            }
        );

        await check(`${version}: the order of a user's groups`, async () => {
            // OctoPrint keeps them as a set: 1.10.3 and 1.11.8 listed them as the groups
            // are (defaults) or as given, 2.0.0rc3 in key order.
            const sorted = version === "2.0";
            expectOk(
                await api("POST", "groups", {
                    body: {key: "staff", name: "S", permissions: [], subgroups: []}
                })
            );
            expectOk(await api("PUT", "groups/staff", {body: {default: true}}));
            const {users} = expectOk(
                await api("POST", "users", {
                    body: {name: "o", password: "pw", active: true}
                })
            );
            const defaults = sorted ? ["staff", "users"] : ["users", "staff"];
            assert.deepEqual(byName(users, "o").groups, defaults);
            const updated = expectOk(
                await api("PUT", "users/o", {body: {groups: ["users", "readonly"]}})
            );
            assert.deepEqual(
                byName(updated.users, "o").groups,
                sorted ? ["readonly", "users"] : ["users", "readonly"]
            );
            const given = expectOk(
                await api("POST", "users", {
                    body: {
                        name: "p",
                        password: "pw",
                        active: true,
                        groups: ["users", "admins"]
                    }
                })
            );
            assert.deepEqual(
                byName(given.users, "p").groups,
                sorted ? ["admins", "users"] : ["users", "admins"]
            );
            const admin = expectOk(await api("GET", "users/admin"));
            assert.deepEqual(
                admin.groups,
                ["users", "admins"],
                "the admin's, as recorded"
            );
        });
    }
}
