// What a call returns: the host's jqXHR itself, so results, errors and abort() reach the caller
// as they would from OctoPrint's own client. Against a fake XHR server and a real one.
import {BASE, CALLS, header, wire} from "./helpers.js";

const {module, test} = QUnit;
const jsonHeaders = {"Content-Type": "application/json"};

module("responses: the host's jqXHR itself", function (hooks) {
    wire(hooks);

    test("each call returns exactly what the base client returned", function (assert) {
        const a = this.client.access;
        const token = {};
        for (const method of ["get", "delete", "postJson", "putJson", "patchJson"]) {
            this.sandbox.stub(this.client, method).returns(token);
        }
        for (const [label, call] of CALLS) {
            assert.strictEqual(call(a, undefined), token, label);
        }
    });

    test("the base client gets a copy of opts, not the caller's object", function (assert) {
        const get = this.sandbox.spy(this.client, "get");
        const opts = {headers: {"X-Test": "1"}};
        this.client.access.users.list(opts);
        const given = get.firstCall.args[1];
        assert.notStrictEqual(given, opts, "a copy");
        assert.strictEqual(given.headers, opts.headers, "the same options");
        assert.strictEqual(opts.url, undefined, "the caller's object has no url");
    });

    test("done() gets the parsed response", async function (assert) {
        const users = {users: [{name: "alice", active: true}]};
        this.server.respondWith("GET", `${BASE}api/access/users`, [
            200,
            jsonHeaders,
            JSON.stringify(users)
        ]);
        const xhr = this.client.access.users.list();
        assert.strictEqual(typeof xhr.abort, "function", "a jqXHR");
        assert.deepEqual(await xhr, users);
    });

    test("a server error reaches fail() unchanged", async function (assert) {
        this.server.respondWith("POST", `${BASE}api/access/users`, [
            409,
            jsonHeaders,
            '{"error": "User already exists"}'
        ]);
        const xhr = this.client.access.users.add({name: "alice", password: "pw"});
        const [jqXHR, textStatus, errorThrown] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(jqXHR, xhr, "the same jqXHR");
        assert.strictEqual(jqXHR.status, 409);
        assert.strictEqual(textStatus, "error");
        assert.strictEqual(errorThrown, "Conflict");
        assert.deepEqual(jqXHR.responseJSON, {error: "User already exists"});
    });

    test("malformed JSON reaches fail() as a parsererror", async function (assert) {
        this.server.respondWith("GET", `${BASE}api/access/groups`, [
            200,
            jsonHeaders,
            "{nope"
        ]);
        const xhr = this.client.access.groups.list();
        const [jqXHR, textStatus, errorThrown] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(jqXHR.status, 200);
        assert.strictEqual(textStatus, "parsererror");
        assert.ok(errorThrown instanceof SyntaxError, String(errorThrown));
    });

    test("a network error reaches fail()", async function (assert) {
        this.server.respondImmediately = false;
        const xhr = this.client.access.permissions.list();
        const failed = new Promise((resolve) => xhr.fail((...args) => resolve(args)));
        this.server.requests[0].error();
        const [jqXHR, textStatus] = await failed;
        assert.strictEqual(jqXHR.status, 0);
        assert.strictEqual(textStatus, "error");
    });

    test("abort() works and reaches fail() as abort", async function (assert) {
        this.server.respondImmediately = false;
        const xhr = this.client.access.users.getSettings("alice");
        const failed = new Promise((resolve) => xhr.fail((...args) => resolve(args)));
        xhr.abort();
        const [, textStatus] = await failed;
        assert.strictEqual(textStatus, "abort");
        assert.true(this.server.requests[0].aborted, "the request was aborted");
    });
});

module("responses: two clients side by side", function (hooks) {
    wire(hooks);

    test("each call uses its own client's base URL and API key", function (assert) {
        const one = new window.OctoPrintClient({
            baseurl: "http://one.local",
            apikey: "ONE"
        });
        const two = new window.OctoPrintClient({
            baseurl: "http://two.local/sub/",
            apikey: "TWO"
        });
        one.access.users.get("alice");
        two.access.users.get("alice");
        one.access.groups.delete("staff");
        two.access.users.changePassword("bob", "pw");
        const seen = this.server.requests.map((r) => [
            r.method,
            r.url,
            r.requestHeaders["X-Api-Key"]
        ]);
        assert.deepEqual(seen, [
            ["GET", "http://one.local/api/access/users/alice", "ONE"],
            ["GET", "http://two.local/sub/api/access/users/alice", "TWO"],
            ["DELETE", "http://one.local/api/access/groups/staff", "ONE"],
            ["PUT", "http://two.local/sub/api/access/users/bob/password", "TWO"]
        ]);
        assert.notStrictEqual(one.access, two.access);
    });

    test("a client without an API key sends the CSRF cookie on changes, as the host does", function (assert) {
        document.cookie = "csrf_token=c5rf; path=/";
        try {
            const session = new window.OctoPrintClient({baseurl: BASE});
            session.access.users.list();
            session.access.users.delete("bob");
            const [get, del] = this.server.requests;
            assert.strictEqual(
                header({headers: get.requestHeaders}, "X-CSRF-Token"),
                undefined
            );
            assert.strictEqual(
                header({headers: del.requestHeaders}, "X-CSRF-Token"),
                "c5rf"
            );
            assert.strictEqual(
                header({headers: del.requestHeaders}, "X-Api-Key"),
                undefined
            );
        } finally {
            document.cookie = "csrf_token=; path=/; max-age=0";
        }
    });
});

module("responses: a real server on 127.0.0.1", function (hooks) {
    hooks.beforeEach(function () {
        this.client = new window.OctoPrintClient({
            baseurl: `${location.origin}/echo/`,
            apikey: "REAL"
        });
    });

    test("the request arrives as sent: method, path, headers, body", async function (assert) {
        const echo = await this.client.access.groups.add({key: "staff", name: "Staff"});
        assert.strictEqual(echo.method, "POST");
        assert.strictEqual(echo.url, "/echo/api/access/groups");
        assert.strictEqual(echo.headers["x-api-key"], "REAL");
        assert.strictEqual(
            echo.headers["content-type"],
            "application/json; charset=UTF-8"
        );
        assert.strictEqual(
            echo.body,
            '{"key":"staff","name":"Staff","permissions":[],"subgroups":[]}'
        );
    });

    test("an HTTP error reaches fail() with the server's body", async function (assert) {
        const xhr = this.client.access.users.list({data: {status: 403}});
        const [jqXHR, textStatus] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(jqXHR.status, 403);
        assert.strictEqual(textStatus, "error");
        assert.deepEqual(jqXHR.responseJSON, {error: "echo: status 403"});
    });

    test("malformed JSON reaches fail() as a parsererror", async function (assert) {
        const xhr = this.client.access.users.list({data: {malformed: 1}});
        const [, textStatus] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(textStatus, "parsererror");
    });

    test("a refused connection reaches fail() as a network error", async function (assert) {
        const closed = new window.OctoPrintClient({baseurl: "http://127.0.0.1:9/"});
        const xhr = closed.access.permissions.list();
        const [jqXHR, textStatus] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(jqXHR.status, 0);
        assert.strictEqual(textStatus, "error");
    });

    test("abort() cancels a real request", async function (assert) {
        const xhr = this.client.access.users.list();
        xhr.abort();
        const [, textStatus] = await new Promise((resolve) =>
            xhr.fail((...args) => resolve(args))
        );
        assert.strictEqual(textStatus, "abort");
    });
});
