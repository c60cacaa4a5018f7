// Required arguments: each missing one throws the host's InvalidArgumentError, with OctoPrint's
// message, before any request.
import {NAMED, throwsInvalid, wire} from "./helpers.js";

const {module, test} = QUnit;
const MISSING = [undefined, null, ""];

const USER_NAME = "user name must be set";
const GROUP_KEY = "group key must be set";
const ADD_USER = "Both user's name and password need to be set";
const PASSWORD = "user name and new password must be set";

// [label, call given the missing value m, message]
const CASES = [
    ["users.get", (a, m) => a.users.get(m), USER_NAME],
    ["users.update", (a, m) => a.users.update(m, true, [], []), USER_NAME],
    [
        "users.update, 1.x order",
        (a, m) => a.users.update(m, true, false, [], []),
        USER_NAME
    ],
    ["users.delete", (a, m) => a.users.delete(m), USER_NAME],
    ["users.generateApiKey", (a, m) => a.users.generateApiKey(m), USER_NAME],
    ["users.resetApiKey", (a, m) => a.users.resetApiKey(m), USER_NAME],
    ["users.getSettings", (a, m) => a.users.getSettings(m), USER_NAME],
    ["users.saveSettings", (a, m) => a.users.saveSettings(m, {}), USER_NAME],
    ["users.add, no user", (a, m) => a.users.add(m), ADD_USER],
    ["users.add, no name", (a, m) => a.users.add({name: m, password: "pw"}), ADD_USER],
    [
        "users.add, no password",
        (a, m) => a.users.add({name: "bob", password: m}),
        ADD_USER
    ],
    [
        "users.changePassword, no name",
        (a, m) => a.users.changePassword(m, "pw"),
        PASSWORD
    ],
    [
        "users.changePassword, no password",
        (a, m) => a.users.changePassword("alice", m, "old"),
        PASSWORD
    ],
    [
        "users.changePassword, no password, opts third",
        (a, m) => a.users.changePassword("alice", m, {}),
        PASSWORD
    ],
    ["groups.get", (a, m) => a.groups.get(m), GROUP_KEY],
    ["groups.delete", (a, m) => a.groups.delete(m), GROUP_KEY],
    ["groups.add, no group", (a, m) => a.groups.add(m), GROUP_KEY],
    ["groups.add, no key", (a, m) => a.groups.add({key: m, name: "Staff"}), GROUP_KEY],
    [
        "groups.add, no key and no name: key first",
        (a, m) => a.groups.add({key: m}),
        GROUP_KEY
    ],
    [
        "groups.add, no name",
        (a, m) => a.groups.add({key: "staff", name: m}),
        "group name must be set"
    ],
    ["groups.update, no group", (a, m) => a.groups.update(m), GROUP_KEY],
    [
        "groups.update, no key",
        (a, m) => a.groups.update({key: m, description: "d"}),
        GROUP_KEY
    ]
];

// [label, bad name, message given what the argument is]
const BAD_NAMES = [
    ["a lone .", ".", (what) => `invalid ${what}: "."`],
    ["..", "..", (what) => `invalid ${what}: ".."`],
    ["a number", 42, (what) => `invalid ${what}: 42`],
    ["an object", {toString: () => "alice"}, (what) => `invalid ${what}: {}`],
    ["a lone surrogate", "ab\uD800", (what) => `invalid ${what}: "ab\\ud800"`]
];

module("arguments", function (hooks) {
    wire(hooks);

    for (const [label, call, message] of CASES) {
        test(`${label}: ${message}`, function (assert) {
            for (const missing of MISSING) {
                throwsInvalid(
                    assert,
                    () => call(this.client.access, missing),
                    message,
                    JSON.stringify(missing) || "undefined"
                );
            }
            assert.strictEqual(this.server.requests.length, 0, "no request sent");
        });
    }

    for (const [label, call, what] of NAMED) {
        test(`${label}: a bad name is refused before any request`, function (assert) {
            for (const [name, bad, message] of BAD_NAMES) {
                throwsInvalid(
                    assert,
                    () => call(this.client.access, bad),
                    message(what),
                    name
                );
            }
            assert.strictEqual(this.server.requests.length, 0, "no request sent");
        });
    }

    test("names made of dots other than . and .. are names", function (assert) {
        this.client.access.users.get("...");
        this.client.access.groups.get(".hidden");
        assert.deepEqual(
            this.server.requests.map((r) => r.url),
            [
                "http://octopi.local/api/access/users/...",
                "http://octopi.local/api/access/groups/.hidden"
            ]
        );
    });

    test("the error is the host's own class, an Error", function (assert) {
        try {
            this.client.access.users.get();
            assert.ok(false, "did not throw");
        } catch (error) {
            assert.ok(error instanceof Error, "an Error");
            assert.ok(error instanceof window.OctoPrintClient.InvalidArgumentError);
            assert.strictEqual(
                String(error),
                "InvalidArgumentError: user name must be set"
            );
        }
    });
});
