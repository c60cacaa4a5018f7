// Every row of docs/wire.md's table, and every argument quirk, at the wire: method, URL, headers
// and JSON body of the request that leaves the browser (through a fake XHR server).
import {APIKEY, BASE, CALLS, header, only, wire} from "./helpers.js";

const {module, test} = QUnit;
const JSON_TYPE = "application/json; charset=UTF-8";

// [label, call, method, path, body]: body undefined for requests without one; a string is
// compared as the raw body, an object as parsed JSON.
const ROWS = [
    ["permissions.list", (a) => a.permissions.list(), "GET", "api/access/permissions"],
    ["users.list", (a) => a.users.list(), "GET", "api/access/users"],
    ["users.get", (a) => a.users.get("alice"), "GET", "api/access/users/alice"],
    [
        "users.add, defaults",
        (a) => a.users.add({name: "bob", password: "secret"}),
        "POST",
        "api/access/users",
        '{"name":"bob","password":"secret","groups":[],"permissions":[],"active":true}'
    ],
    [
        "users.add, everything given",
        (a) =>
            a.users.add({
                name: "bob",
                password: "secret",
                groups: ["users"],
                permissions: ["PRINT"],
                active: false,
                admin: true
            }),
        "POST",
        "api/access/users",
        '{"name":"bob","password":"secret","groups":["users"],"permissions":["PRINT"],"active":false}'
    ],
    [
        "users.add, active made boolean",
        (a) => a.users.add({name: "bob", password: "secret", active: 0}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: [], permissions: [], active: false}
    ],
    [
        "users.add, active undefined but present is false",
        (a) => a.users.add({name: "bob", password: "secret", active: undefined}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: [], permissions: [], active: false}
    ],
    [
        "users.add, null groups travel as null (the server gives default groups)",
        (a) => a.users.add({name: "bob", password: "secret", groups: null}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: null, permissions: [], active: true}
    ],
    [
        "users.add, groups present but undefined travel as null",
        (a) => a.users.add({name: "bob", password: "secret", groups: undefined}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: null, permissions: [], active: true}
    ],
    [
        "users.add, null permissions travel as null",
        (a) => a.users.add({name: "bob", password: "secret", permissions: null}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: [], permissions: null, active: true}
    ],
    [
        "users.add, permissions present but undefined travel as null",
        (a) => a.users.add({name: "bob", password: "secret", permissions: undefined}),
        "POST",
        "api/access/users",
        {name: "bob", password: "secret", groups: [], permissions: null, active: true}
    ],
    [
        "users.update, everything given",
        (a) => a.users.update("alice", true, ["PRINT"], ["users"]),
        "PUT",
        "api/access/users/alice",
        '{"active":true,"groups":["users"],"permissions":["PRINT"]}'
    ],
    [
        "users.update, active only",
        (a) => a.users.update("alice", false),
        "PUT",
        "api/access/users/alice",
        '{"active":false}'
    ],
    [
        "users.update, active 0 is given: false",
        (a) => a.users.update("alice", 0),
        "PUT",
        "api/access/users/alice",
        '{"active":false}'
    ],
    [
        'users.update, active "" is given: false',
        (a) => a.users.update("alice", ""),
        "PUT",
        "api/access/users/alice",
        '{"active":false}'
    ],
    [
        "users.update, active made boolean, null permissions left out",
        (a) => a.users.update("alice", 1, null, ["admins"]),
        "PUT",
        "api/access/users/alice",
        '{"active":true,"groups":["admins"]}'
    ],
    [
        "users.update, groups only",
        (a) => a.users.update("alice", undefined, undefined, ["users"]),
        "PUT",
        "api/access/users/alice",
        '{"groups":["users"]}'
    ],
    [
        "users.update, nothing given",
        (a) => a.users.update("alice"),
        "PUT",
        "api/access/users/alice",
        "{}"
    ],
    [
        "users.update, empty lists are given",
        (a) => a.users.update("alice", true, [], []),
        "PUT",
        "api/access/users/alice",
        '{"active":true,"groups":[],"permissions":[]}'
    ],
    [
        "users.update, null active left out",
        (a) => a.users.update("alice", null),
        "PUT",
        "api/access/users/alice",
        "{}"
    ],
    [
        "users.update, null groups left out, empty permissions given",
        (a) => a.users.update("alice", true, [], null),
        "PUT",
        "api/access/users/alice",
        '{"active":true,"permissions":[]}'
    ],
    ["users.delete", (a) => a.users.delete("alice"), "DELETE", "api/access/users/alice"],
    [
        "users.changePassword",
        (a) => a.users.changePassword("alice", "new"),
        "PUT",
        "api/access/users/alice/password",
        '{"password":"new"}'
    ],
    [
        "users.changePassword with the old password",
        (a) => a.users.changePassword("alice", "new", "old"),
        "PUT",
        "api/access/users/alice/password",
        '{"password":"new","current":"old"}'
    ],
    [
        "users.changePassword, empty old password left out",
        (a) => a.users.changePassword("alice", "new", ""),
        "PUT",
        "api/access/users/alice/password",
        '{"password":"new"}'
    ],
    [
        "users.generateApiKey: the body is null",
        (a) => a.users.generateApiKey("alice"),
        "POST",
        "api/access/users/alice/apikey",
        "null"
    ],
    [
        "users.resetApiKey",
        (a) => a.users.resetApiKey("alice"),
        "DELETE",
        "api/access/users/alice/apikey"
    ],
    [
        "users.getSettings",
        (a) => a.users.getSettings("alice"),
        "GET",
        "api/access/users/alice/settings"
    ],
    [
        "users.saveSettings",
        (a) => a.users.saveSettings("alice", {interface: {language: "de"}}),
        "PATCH",
        "api/access/users/alice/settings",
        '{"interface":{"language":"de"}}'
    ],
    [
        "users.saveSettings without settings",
        (a) => a.users.saveSettings("alice"),
        "PATCH",
        "api/access/users/alice/settings",
        "{}"
    ],
    ["groups.list", (a) => a.groups.list(), "GET", "api/access/groups"],
    ["groups.get", (a) => a.groups.get("admins"), "GET", "api/access/groups/admins"],
    [
        "groups.add, key and name only",
        (a) => a.groups.add({key: "staff", name: "Staff"}),
        "POST",
        "api/access/groups",
        '{"key":"staff","name":"Staff","permissions":[],"subgroups":[]}'
    ],
    [
        "groups.add, everything given, OctoPrint's body exactly, nothing else of the group",
        (a) =>
            a.groups.add({
                key: "staff",
                name: "Staff",
                description: "The staff",
                permissions: ["PRINT"],
                subgroups: ["users"],
                default: true,
                removable: false,
                needs: {role: ["print"]}
            }),
        "POST",
        "api/access/groups",
        '{"key":"staff","name":"Staff","description":"The staff","permissions":["PRINT"],' +
            '"subgroups":["users"],"default":true}'
    ],
    [
        "groups.add, null members: lists become [], the others are left out",
        (a) =>
            a.groups.add({
                key: "staff",
                name: "Staff",
                description: null,
                permissions: null,
                subgroups: null,
                default: null
            }),
        "POST",
        "api/access/groups",
        '{"key":"staff","name":"Staff","permissions":[],"subgroups":[]}'
    ],
    [
        "groups.add, default false and an empty description are given",
        (a) =>
            a.groups.add({key: "staff", name: "Staff", description: "", default: false}),
        "POST",
        "api/access/groups",
        '{"key":"staff","name":"Staff","description":"","permissions":[],"subgroups":[],' +
            '"default":false}'
    ],
    [
        "groups.update, description only: default and lists untouched",
        (a) => a.groups.update({key: "staff", description: "New"}),
        "PUT",
        "api/access/groups/staff",
        '{"description":"New"}'
    ],
    [
        "groups.update, everything given, OctoPrint's body exactly, nothing else of the group",
        (a) =>
            a.groups.update({
                key: "staff",
                name: "Renamed",
                description: "d",
                permissions: ["PRINT"],
                subgroups: [],
                default: false,
                changeable: true
            }),
        "PUT",
        "api/access/groups/staff",
        '{"description":"d","permissions":["PRINT"],"subgroups":[],"default":false}'
    ],
    [
        "groups.update, nulls left out",
        (a) =>
            a.groups.update({
                key: "staff",
                description: null,
                permissions: null,
                subgroups: ["users"],
                default: null
            }),
        "PUT",
        "api/access/groups/staff",
        '{"subgroups":["users"]}'
    ],
    [
        "groups.delete",
        (a) => a.groups.delete("staff"),
        "DELETE",
        "api/access/groups/staff"
    ]
];

function checkRequest(assert, request, method, path, body) {
    assert.strictEqual(request.method, method, "method");
    assert.strictEqual(request.url, BASE + path, "URL");
    assert.strictEqual(header(request, "X-Api-Key"), APIKEY, "API key header");
    if (body === undefined) {
        assert.strictEqual(request.body, null, "no body");
        // (nise's fake XHR labels every body-less request text/plain; browsers send none.)
        assert.notEqual(
            header(request, "Content-Type"),
            JSON_TYPE,
            "no JSON content type"
        );
    } else {
        assert.strictEqual(
            header(request, "Content-Type"),
            JSON_TYPE,
            "JSON content type"
        );
        assert.strictEqual(header(request, "Cache-Control"), "no-cache", "no-cache");
        if (typeof body === "string") {
            assert.strictEqual(request.body, body, "body");
        } else {
            assert.deepEqual(JSON.parse(request.body), body, "body");
        }
    }
}

module("wire: the request table", function (hooks) {
    wire(hooks);

    for (const [label, call, method, path, body] of ROWS) {
        test(label, function (assert) {
            call(this.client.access);
            checkRequest(assert, only(assert, this.server), method, path, body);
        });
    }
});

module("wire: argument quirks", function (hooks) {
    wire(hooks);

    test("users.update in the 1.x order (admin flag third) shifts its arguments", function (assert) {
        this.client.access.users.update("alice", true, false, ["PRINT"], ["users"], {
            headers: {"X-Test": "legacy"}
        });
        const request = only(assert, this.server);
        checkRequest(
            assert,
            request,
            "PUT",
            "api/access/users/alice",
            '{"active":true,"groups":["users"],"permissions":["PRINT"]}'
        );
        assert.strictEqual(header(request, "X-Test"), "legacy", "sixth argument is opts");
    });

    test("the 1.x order with admin true, as OctoPrint's own screen calls it", function (assert) {
        this.client.access.users.update("alice", false, true, ["ADMIN"], ["admins"]);
        checkRequest(
            assert,
            only(assert, this.server),
            "PUT",
            "api/access/users/alice",
            '{"active":false,"groups":["admins"],"permissions":["ADMIN"]}'
        );
    });

    test("the 1.x order hands the base client {} as opts when the sixth is absent", function (assert) {
        const putJson = this.sandbox.spy(this.client, "putJson");
        this.client.access.users.update("alice", true, false, ["PRINT"], ["users"]);
        assert.deepEqual(putJson.firstCall.args[2], {}, "opts {}, as docs/wire.md says");
    });

    test("only a boolean third marks the 1.x order: undefined reads as the other", function (assert) {
        // permissions undefined, groups ["PRINT"]: why the docs say to pass false
        this.client.access.users.update("alice", true, undefined, ["PRINT"]);
        checkRequest(
            assert,
            only(assert, this.server),
            "PUT",
            "api/access/users/alice",
            '{"active":true,"groups":["PRINT"]}'
        );
    });

    test("neither order logs anything: the 1.x one is the portable call", function (assert) {
        const warn = this.sandbox.stub(console, "warn");
        const users = this.client.access.users;
        users.update("alice", true, false, [], []);
        users.update("alice", true, [], []);
        assert.strictEqual(warn.callCount, 0);
        assert.strictEqual(this.server.requests.length, 2);
    });

    test("users.changePassword(name, password, opts): an object third is opts", function (assert) {
        this.client.access.users.changePassword("alice", "new", {
            headers: {"X-Test": "opts"}
        });
        const request = only(assert, this.server);
        checkRequest(
            assert,
            request,
            "PUT",
            "api/access/users/alice/password",
            '{"password":"new"}'
        );
        assert.strictEqual(header(request, "X-Test"), "opts");
    });

    test("users.changePassword(name, password, null, opts): opts stay fourth", function (assert) {
        this.client.access.users.changePassword("alice", "new", null, {
            headers: {"X-Test": "opts"}
        });
        const request = only(assert, this.server);
        assert.strictEqual(request.body, '{"password":"new"}');
        assert.strictEqual(header(request, "X-Test"), "opts");
    });

    test("users.changePassword(name, password, oldpw, opts)", function (assert) {
        this.client.access.users.changePassword("alice", "new", "old", {
            headers: {"X-Test": "opts"}
        });
        const request = only(assert, this.server);
        assert.strictEqual(request.body, '{"password":"new","current":"old"}');
        assert.strictEqual(header(request, "X-Test"), "opts");
    });

    test("users.generateApiKey(name, opts): opts are request options, not the body", function (assert) {
        this.client.access.users.generateApiKey("alice", {headers: {"X-Test": "opts"}});
        const request = only(assert, this.server);
        checkRequest(assert, request, "POST", "api/access/users/alice/apikey", "null");
        assert.strictEqual(header(request, "X-Test"), "opts");
    });
});

module("wire: opts reach the base client on every call", function (hooks) {
    wire(hooks);

    for (const [label, call] of CALLS) {
        test(label, function (assert) {
            assert.expect(3); // the beforeSend assertion must run
            const done = assert.async();
            call(this.client.access, {
                headers: {"X-Test": label},
                timeout: 1234,
                beforeSend: (xhr, settings) => {
                    assert.strictEqual(settings.timeout, 1234, "timeout reaches $.ajax");
                }
            }).always(() => done());
            assert.strictEqual(
                header(only(assert, this.server), "X-Test"),
                label,
                "header"
            );
        });
    }
});
