// The embedded server (server/app.mjs) over real HTTP on a free port: every endpoint and
// status code of docs/wire.md ("The REST API behind it"), the files it serves and the ones it must not, and bad
// requests it must survive. One named check = one test; the checks run in order and share
// the server's state.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {request as httpRequest} from "node:http";
import {startServer} from "../../server/app.mjs";

const KEY = "EMULATOR-SUITE-ADMIN-KEY";
const USER_FIELDS = [
    "active",
    "apikey",
    "groups",
    "has_password",
    "name",
    "needs",
    "permissions",
    "settings"
];

/** One raw HTTP request: the path is sent exactly as given (no URL normalising). */
function send(url, method, path, {body, key = KEY, headers = {}, abortAfter} = {}) {
    const {hostname, port} = new URL(url);
    const data =
        body === undefined
            ? undefined
            : Buffer.isBuffer(body) || typeof body === "string"
              ? Buffer.from(body)
              : Buffer.from(JSON.stringify(body));
    const allHeaders = {...headers};
    if (key !== null) allHeaders["X-Api-Key"] = key;
    if (data) {
        allHeaders["Content-Type"] ??= "application/json; charset=UTF-8";
        allHeaders["Content-Length"] ??= data.length;
    }
    return new Promise((resolve, reject) => {
        const req = httpRequest(
            {hostname, port, method, path, headers: allHeaders},
            (res) => {
                const chunks = [];
                res.on("data", (chunk) => chunks.push(chunk));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    let json;
                    try {
                        json = JSON.parse(text);
                    } catch {
                        json = undefined;
                    }
                    resolve({status: res.statusCode, headers: res.headers, text, json});
                });
            }
        );
        req.on("error", reject);
        if (abortAfter !== undefined) {
            // Send part of the body, then drop the connection.
            req.write(data.subarray(0, abortAfter), () => {
                req.destroy();
                resolve({status: 0, aborted: true});
            });
            req.on("error", () => {});
            return;
        }
        req.end(data);
    });
}

function expectOk(res, what = "") {
    assert.equal(res.status, 200, `${what} expected 200, got ${res.status}: ${res.text}`);
    return res.json;
}

/** An OctoPrint-style error: the status and a JSON {"error": "..."} body. */
function expectError(res, status, includes) {
    assert.equal(
        res.status,
        status,
        `expected ${status}, got ${res.status}: ${res.text}`
    );
    assert.match(String(res.headers["content-type"]), /application\/json/);
    assert.deepEqual(Object.keys(res.json ?? {}), ["error"], `body: ${res.text}`);
    assert.equal(typeof res.json.error, "string");
    if (includes)
        assert.ok(res.json.error.includes(includes), `error: ${res.json.error}`);
}

const byName = (list, name) => list.find((u) => u.name === name);
const byKey = (list, key) => list.find((g) => g.key === key);

export default async function () {
    const server = await startServer({port: 0, apikey: KEY});
    const url = server.url;
    const api = (method, path, options) =>
        send(url, method, `/api/access/${path}`, options);
    const results = {passed: 0, failed: 0};
    const check = async (name, fn) => {
        try {
            await fn();
            results.passed += 1;
        } catch (error) {
            results.failed += 1;
            const message = error.message.replace(/\s+/g, " ").trim();
            console.log(`  FAIL emulator: ${name}: ${message.slice(0, 300)}`);
        }
    };
    const state = {};

    try {
        // ~~ authentication and permissions

        await check(
            "GET permissions needs no login: 200 with the 22 built-in ones",
            async () => {
                const {permissions} = expectOk(
                    await api("GET", "permissions", {key: null})
                );
                assert.equal(permissions.length, 22);
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
                expectError(res, 403);
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
                assert.deepEqual(admins.needs, {role: ["admin"]});
                assert.equal(admins.dangerous, true);
                assert.equal(admins.removable, false);
                assert.equal(admins.changeable, false);
                const users = byKey(groups, "users");
                assert.equal(users.default, true);
                assert.equal(users.dangerous, false);
                assert.equal(users.needs.role.length, 19);
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
            assert.deepEqual(admin.groups, ["admins", "users"]);
            assert.ok(admin.needs.role.includes("admin"));
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
                assert.equal(jane.has_password, true);
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

        await check(
            "POST users: unknown group and permission keys are dropped",
            async () => {
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
            }
        );

        await check("POST users: 409 for a name that exists", async () => {
            expectError(
                await api("POST", "users", {
                    body: {name: "jane doe#ü", password: "x", active: true}
                }),
                409,
                "already exists"
            );
        });

        for (const missing of ["name", "password", "active"]) {
            await check(`POST users: 400 when ${missing} is absent`, async () => {
                const body = {name: "someone", password: "x", active: true};
                delete body[missing];
                expectError(await api("POST", "users", {body}), 400, missing);
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
                        400
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

        await check(
            "GET users/{name}: percent-decoded once (%20, %23, %C3%BC)",
            async () => {
                const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
                assert.equal(jane.name, "jane doe#ü");
                assert.deepEqual(Object.keys(jane).sort(), USER_FIELDS);
            }
        );

        await check("GET users/{name}: 404 for an unknown user", async () => {
            expectError(await api("GET", "users/nobody"), 404);
            expectError(await api("GET", "users/jane%2520doe%2523%25C3%25BC"), 404);
        });

        await check("a + in a path stays a plus", async () => {
            expectOk(
                await api("POST", "users", {
                    body: {name: "a+b", password: "x", active: true}
                })
            );
            assert.equal(expectOk(await api("GET", "users/a+b")).name, "a+b");
            assert.equal(expectOk(await api("GET", "users/a%2Bb")).name, "a+b");
            expectError(await api("GET", "users/a%20b"), 404);
        });

        await check(
            "%2F becomes / before routing: a name with / cannot be addressed",
            async () => {
                expectOk(
                    await api("POST", "users", {
                        body: {name: "x/y", password: "x", active: true}
                    })
                );
                expectError(await api("GET", "users/x%2Fy"), 404);
                expectError(await api("DELETE", "users/x%2Fy"), 404);
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
            "PUT users/{name}: null lists are 400 (OctoPrint: 500), nothing changes",
            async () => {
                for (const member of ["groups", "permissions"]) {
                    const res = await api("PUT", "users/jane%20doe%23%C3%BC", {
                        body: {active: false, [member]: null}
                    });
                    expectError(res, 400, member);
                }
                const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
                assert.equal(jane.active, true, "a refused update changed nothing");
                assert.deepEqual(jane.groups, ["readonly"]);
            }
        );

        await check("PUT users/{name}: 404 for an unknown user", async () => {
            expectError(await api("PUT", "users/nobody", {body: {active: true}}), 404);
        });

        await check("a body that is not JSON (or not an object) is 400", async () => {
            for (const body of ["{not json", "", "null", "[]", "42", '"text"']) {
                const res = await api("PUT", "users/jane%20doe%23%C3%BC", {body});
                expectError(res, 400);
            }
            expectError(await api("POST", "users", {body: "{name:"}), 400, "JSON");
            expectError(await api("POST", "groups", {body: "<xml/>"}), 400, "JSON");
            expectError(
                await api("PATCH", "users/admin/settings", {body: "{"}),
                400,
                "JSON"
            );
        });

        await check(
            "DELETE users/{name}: 400 for yourself, 404 for an unknown user",
            async () => {
                expectError(await api("DELETE", "users/admin"), 400, "yourself");
                expectError(await api("DELETE", "users/nobody"), 404);
            }
        );

        await check(
            "PUT password: 400 without password, 404 unknown, 200 {} for an admin",
            async () => {
                expectError(
                    await api("PUT", "users/jane%20doe%23%C3%BC/password", {body: {}}),
                    400
                );
                expectError(
                    await api("PUT", "users/jane%20doe%23%C3%BC/password", {
                        body: {password: ""}
                    }),
                    400
                );
                expectError(
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
            expectError(await api("POST", "users/nobody/apikey"), 404);
            expectError(await api("DELETE", "users/nobody/apikey"), 404);
        });

        await check(
            "a non-admin's own key: itself yes, admin endpoints and others 403",
            async () => {
                const key = state.janeKey;
                const self = expectOk(
                    await api("GET", "users/jane%20doe%23%C3%BC", {key})
                );
                assert.equal(self.name, "jane doe#ü");
                expectOk(await api("GET", "permissions", {key}));
                expectError(await api("GET", "users", {key}), 403);
                expectError(await api("GET", "groups", {key}), 403);
                expectError(await api("GET", "users/admin", {key}), 403);
                expectError(await api("GET", "users/admin/settings", {key}), 403);
                expectError(await api("POST", "users/admin/apikey", {key}), 403);
                expectError(
                    await api("PUT", "users/admin/password", {
                        key,
                        body: {password: "x"}
                    }),
                    403
                );
            }
        );

        await check(
            "own password: current missing 400, wrong 403, right 200",
            async () => {
                const key = state.janeKey;
                const path = "users/jane%20doe%23%C3%BC/password";
                expectError(
                    await api("PUT", path, {key, body: {password: "pw3"}}),
                    400,
                    "current"
                );
                expectError(
                    await api("PUT", path, {
                        key,
                        body: {password: "pw3", current: "wrong"}
                    }),
                    403,
                    "current password"
                );
                expectOk(
                    await api("PUT", path, {key, body: {password: "pw3", current: "pw2"}})
                );
                expectError(
                    await api("PUT", path, {
                        key,
                        body: {password: "pw4", current: "pw2"}
                    }),
                    403
                );
            }
        );

        await check("settings: GET {} at first, PATCH deep-merges, 200 {}", async () => {
            const key = state.janeKey;
            const path = "users/jane%20doe%23%C3%BC/settings";
            assert.deepEqual(expectOk(await api("GET", path, {key})), {});
            const first = {interface: {language: "de", color: "blue"}, list: [1, 2]};
            assert.deepEqual(expectOk(await api("PATCH", path, {key, body: first})), {});
            const second = {interface: {color: null, theme: {dark: true}}, list: [3]};
            expectOk(await api("PATCH", path, {body: second})); // the admin, this time
            assert.deepEqual(expectOk(await api("GET", path)), {
                interface: {language: "de", color: null, theme: {dark: true}},
                list: [3]
            });
        });

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

        await check(
            "settings: 404 for an unknown user, 400 for a non-object",
            async () => {
                expectError(await api("GET", "users/nobody/settings"), 404);
                expectError(await api("PATCH", "users/nobody/settings", {body: {}}), 404);
                expectError(await api("PATCH", "users/admin/settings", {body: [1]}), 400);
            }
        );

        await check(
            "DELETE apikey: 200 {}, the key is gone and then invalid",
            async () => {
                const res = await api("DELETE", "users/jane%20doe%23%C3%BC/apikey");
                assert.deepEqual(expectOk(res), {});
                const jane = expectOk(await api("GET", "users/jane%20doe%23%C3%BC"));
                assert.equal(jane.apikey, null);
                expectError(
                    await api("GET", "permissions", {key: state.janeKey}),
                    403,
                    "Invalid API key"
                );
            }
        );

        await check("a deactivated user's key logs nobody in: 403", async () => {
            const {apikey} = expectOk(await api("POST", "users/picky/apikey"));
            expectError(await api("GET", "users/picky", {key: apikey}), 403);
            expectOk(await api("PUT", "users/picky", {body: {active: true}}));
            expectOk(await api("GET", "users/picky", {key: apikey}));
        });

        await check("DELETE users/{name}: 200 with the list, then 404", async () => {
            const {users} = expectOk(await api("DELETE", "users/jane%20doe%23%C3%BC"));
            assert.equal(byName(users, "jane doe#ü"), undefined);
            expectError(await api("GET", "users/jane%20doe%23%C3%BC"), 404);
        });

        // ~~ groups

        for (const missing of ["key", "name", "permissions", "subgroups"]) {
            await check(`POST groups: 400 when ${missing} is absent`, async () => {
                const body = {key: "g", name: "G", permissions: [], subgroups: []};
                delete body[missing];
                expectError(await api("POST", "groups", {body}), 400, missing);
            });
        }

        await check("POST groups: null lists are 400 (OctoPrint: 500)", async () => {
            for (const member of ["permissions", "subgroups"]) {
                const body = {key: "g", name: "G", permissions: [], subgroups: []};
                body[member] = null;
                expectError(await api("POST", "groups", {body}), 400, member);
            }
            const {groups} = expectOk(await api("GET", "groups"));
            assert.equal(byKey(groups, "g"), undefined, "nothing was added");
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
                    needs: {role: ["print", "system"]},
                    dangerous: true
                });
            }
        );

        await check("POST groups: 409 for a key that exists", async () => {
            const body = {key: "test ers", name: "Again", permissions: [], subgroups: []};
            expectError(await api("POST", "groups", {body}), 409, "already exists");
            const builtIn = {
                key: "admins",
                name: "Again",
                permissions: [],
                subgroups: []
            };
            expectError(await api("POST", "groups", {body: builtIn}), 409);
        });

        await check("GET groups/{key}: 200 the group, 404 unknown", async () => {
            assert.equal(expectOk(await api("GET", "groups/test%20ers")).name, "Testers");
            assert.equal(expectOk(await api("GET", "groups/users")).key, "users");
            expectError(await api("GET", "groups/nope"), 404);
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
            expectError(
                await api("PUT", "groups/admins", {body: {description: "x"}}),
                403
            );
            expectError(
                await api("PUT", "groups/readonly", {body: {description: "x"}}),
                403
            );
            expectError(await api("PUT", "groups/nope", {body: {description: "x"}}), 404);
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
            expectError(await api("DELETE", "groups/admins"), 403);
            expectError(await api("DELETE", "groups/users"), 403);
            expectError(await api("DELETE", "groups/nope"), 404);
        });

        await check(
            "DELETE groups/{key}: 200 with the list; members lose it",
            async () => {
                const {groups} = expectOk(await api("DELETE", "groups/test%20ers"));
                assert.equal(byKey(groups, "test ers"), undefined);
                expectError(await api("GET", "groups/test%20ers"), 404);
                assert.deepEqual(expectOk(await api("GET", "users/newbie")).groups, [
                    "users"
                ]);
            }
        );

        // ~~ routing, methods, files

        await check("unknown routes are 404", async () => {
            expectError(await api("GET", "nothing"), 404);
            expectError(await api("GET", "users/"), 404);
            expectError(await api("GET", "users/admin/nothing"), 404);
            expectError(await send(url, "GET", "/api/version"), 404);
            expectError(await send(url, "GET", "/api"), 404);
            assert.equal((await send(url, "GET", "/nothing")).status, 404);
        });

        await check("wrong methods are 405 with an Allow header", async () => {
            let res = await api("DELETE", "users");
            expectError(res, 405);
            assert.equal(res.headers.allow, "GET, POST, HEAD, OPTIONS");
            res = await api("PATCH", "groups/users", {body: {}});
            expectError(res, 405);
            expectError(await api("GET", "users/admin/password"), 405);
            expectError(await api("PUT", "permissions", {body: {}}), 405);
            assert.equal(
                (await send(url, "POST", "/index.html", {body: "x"})).status,
                405
            );
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

        await check(
            "serves the console, dist/ and OctoPrint's static client files",
            async () => {
                const index = await send(url, "GET", "/", {key: null});
                assert.equal(index.status, 200);
                assert.match(index.headers["content-type"], /text\/html/);
                assert.ok(index.text.includes("console/console.js"));
                const jquery = await send(
                    url,
                    "GET",
                    "/static/js/lib/jquery/jquery.min.js"
                );
                assert.equal(jquery.status, 200);
                assert.ok(
                    jquery.text.includes("jQuery v3.5.1"),
                    "OctoPrint's jQuery, 3.5.1"
                );
                const lodash = await send(url, "GET", "/static/js/lib/lodash.min.js");
                assert.equal(lodash.status, 200);
                assert.ok(lodash.text.includes("lodash"));
                const base = await send(url, "GET", "/static/js/app/client/base.js");
                const host = readFileSync(
                    new URL("../../server/host/base.js", import.meta.url),
                    "utf8"
                );
                assert.equal(base.text, host, "base.js is the tests' host client");
                for (const path of [
                    "/dist/octoprint-access.js",
                    "/console/console.js",
                    "/console/console.css"
                ]) {
                    const res = await send(url, "GET", path);
                    assert.equal(res.status, 200, path);
                }
            }
        );

        await check("nothing else of the repository is served", async () => {
            for (const path of [
                "/package.json",
                "/.git/config",
                "/.git/HEAD",
                "/node_modules/lodash/lodash.js",
                "/node_modules/",
                "/server/host/base.js",
                "/server/app.mjs",
                "/src/index.ts",
                "/dist/",
                "/dist/..",
                "/dist/../package.json",
                "/dist/%2E%2E/package.json",
                "/static/js/lib/../../../package.json",
                "/console/../package.json",
                "/%2e%2e/package.json"
            ]) {
                const res = await send(url, "GET", path);
                assert.equal(res.status, 404, `${path} answered ${res.status}`);
            }
        });

        // ~~ bad requests never crash it

        await check("a body over 1 MiB is 413; 1 MiB is read", async () => {
            const huge = Buffer.alloc(2 * 1024 * 1024, "a");
            expectError(await api("POST", "users", {body: huge}), 413);
            const huger = Buffer.alloc(5 * 1024 * 1024, "{");
            expectError(await api("PATCH", "users/admin/settings", {body: huger}), 413);
            const justFits = JSON.stringify({pad: "x".repeat(1024 * 1024 - 20)});
            assert.ok(justFits.length <= 1024 * 1024);
            expectOk(await api("PATCH", "users/newbie/settings", {body: justFits}));
        });

        await check("a request dropped mid-body does not hurt", async () => {
            const body = Buffer.alloc(64 * 1024, "{");
            const res = await api("POST", "users", {body, abortAfter: 1000});
            assert.equal(res.aborted, true);
            const dropped = await api("POST", "users", {
                body: "x",
                headers: {"Content-Length": 100},
                abortAfter: 1
            });
            assert.equal(dropped.aborted, true);
        });

        await check("after all that, it still answers", async () => {
            const {users} = expectOk(await api("GET", "users"));
            assert.ok(byName(users, "admin"));
            expectOk(await api("GET", "permissions", {key: null}));
        });
    } finally {
        await server.close();
    }

    console.log(`emulator: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
