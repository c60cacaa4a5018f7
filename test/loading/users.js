// dist/octoprint-users.js (plain or minified): OctoPrint.users forwards every call to the same
// client's access.users, at call time, with the arguments as given. The page has loaded
// jQuery, the host double, the access bundle and the users file by script tags; the other
// orders run the files' sources again against a global object of the test's own (fresh()).
/* global LOADING */
const {module, test} = QUnit;

const BASE = "http://octopi.local/";
const OPTS = () => ({headers: {"X-Test": "1"}, timeout: 5000});

// The ten methods of OctoPrint's users.js: [name, arguments before opts].
const METHODS = [
    ["list", []],
    ["get", ["a b"]],
    ["add", [{name: "bob", password: "pw", groups: ["users"]}]],
    ["update", ["alice", true, false, ["PRINT"], ["users"]]],
    ["delete", ["alice"]],
    ["changePassword", ["alice", "pw"]],
    ["generateApiKey", ["alice"]],
    ["resetApiKey", ["alice"]],
    ["getSettings", ["alice"]],
    ["saveSettings", ["alice", {interface: {language: "de"}}]]
];

const {source, evaluate, recordConsole} = LOADING;

/** A global object of our own with jQuery and the files named, in order. */
async function fresh(...files) {
    const win = {jQuery: window.jQuery};
    for (const file of files) evaluate(win, await source(LOADING.url[file]));
    return win;
}

/** A stand-in for OctoPrint's own access.js: any object whose users has the ten methods. */
function standIn(reply) {
    const calls = [];
    const Theirs = function (base) {
        this.base = base;
        this.users = {};
        for (const [method] of METHODS) {
            this.users[method] = function (...args) {
                calls.push({method, self: this, args, length: arguments.length});
                return reply;
            };
        }
    };
    return {Theirs, calls};
}

/** The requests the fake server saw, as [method, url, headers, body]. */
const seen = (server) =>
    server.requests.map((r) => [r.method, r.url, r.requestHeaders, r.requestBody]);

module("OctoPrint.users on the wire", function (hooks) {
    hooks.beforeEach(function () {
        this.server = nise.fakeServer.create({respondImmediately: true});
        this.server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
        this.client = new window.OctoPrintClient({baseurl: BASE, apikey: "K"});
        this.console = recordConsole();
    });
    hooks.afterEach(function () {
        this.server.restore();
        this.console.restore();
    });

    for (const [method, args] of METHODS) {
        for (const withOpts of [false, true]) {
            test(`${method}, ${withOpts ? "with" : "without"} opts: the same request as access.users.${method}`, function (assert) {
                const call = (target) => {
                    if (!withOpts) return target[method](...args);
                    // update's opts is the sixth argument (the pre-1.4 order)
                    return target[method](...args, OPTS());
                };
                call(this.client.users);
                call(this.client.access.users);
                const [ours, direct] = seen(this.server);
                assert.strictEqual(this.server.requests.length, 2, "one request each");
                assert.deepEqual(ours, direct, "method, URL, headers, body");
                if (withOpts)
                    assert.strictEqual(ours[2]["X-Test"], "1", "opts were used");
            });
        }
    }

    for (const [method, args] of METHODS) {
        test(`${method}: the jqXHR comes back, itself, and abort() works`, function (assert) {
            assert.expect(3); // the fail callback must run
            this.server.respondImmediately = false;
            const spy = sinon.spy(this.client.access.users, method);
            const xhr = this.client.users[method](...args);
            spy.restore();
            assert.strictEqual(
                xhr,
                spy.returnValues[0],
                `what access.users.${method} returned`
            );
            assert.strictEqual(typeof xhr.abort, "function");
            const done = assert.async();
            xhr.fail((jqXHR, textStatus) => {
                assert.strictEqual(textStatus, "abort", "aborted");
                done();
            });
            xhr.abort();
        });

        test(`${method}: .fail() gets server errors`, async function (assert) {
            this.server.respondWith([
                404,
                {"Content-Type": "application/json"},
                '{"error": "Unknown user"}'
            ]);
            const failure = await new Promise((resolve) =>
                this.client.users[method](...args)
                    .done(() => resolve(null))
                    .fail((jqXHR, textStatus, errorThrown) =>
                        resolve([
                            jqXHR.status,
                            jqXHR.responseJSON,
                            textStatus,
                            errorThrown
                        ])
                    )
            );
            assert.deepEqual(failure, [
                404,
                {error: "Unknown user"},
                "error",
                "Not Found"
            ]);
        });
    }

    test('OctoPrint.users.delete("..") throws the host\'s InvalidArgumentError', function (assert) {
        assert.throws(
            () => window.OctoPrint.users.delete(".."),
            (error) =>
                error instanceof window.OctoPrintClient.InvalidArgumentError &&
                error.name === "InvalidArgumentError"
        );
        assert.strictEqual(this.server.requests.length, 0, "no request");
    });

    test("two clients side by side, each its own", function (assert) {
        const a = this.client;
        const b = new window.OctoPrintClient({baseurl: BASE + "b/", apikey: "L"});
        assert.notStrictEqual(a.users, b.users, "each client its own");
        assert.strictEqual(a.users, a.users, "one per client");
        assert.strictEqual(a.users.base, a, "bound to its client");
        assert.strictEqual(b.users.base, b);
        a.users.get("x");
        b.users.delete("y");
        assert.deepEqual(
            seen(this.server).map(([method, url, headers]) => [
                method,
                url,
                headers["X-Api-Key"]
            ]),
            [
                ["GET", BASE + "api/access/users/x", "K"],
                ["DELETE", BASE + "b/api/access/users/y", "L"]
            ]
        );
    });

    test("forwarding is by call: a component swapped in later gets the calls", function (assert) {
        const users = this.client.users;
        const {Theirs, calls} = standIn("reply");
        this.client.components.access = new Theirs(this.client);
        const opts = OPTS();
        assert.strictEqual(users.list(opts), "reply");
        assert.strictEqual(calls.length, 1);
        assert.strictEqual(calls[0].args[0], opts, "opts itself");
        assert.strictEqual(this.server.requests.length, 0, "nothing through the old one");
    });
});

module("OctoPrint.users over a stand-in for OctoPrint's own access.js", function (hooks) {
    hooks.beforeEach(function () {
        this.console = recordConsole();
    });
    hooks.afterEach(function () {
        this.console.restore();
    });

    test("every method forwards with the arguments as given, on its own users", async function (assert) {
        const win = await fresh("host");
        const reply = {jqXHR: true};
        const {Theirs, calls} = standIn(reply);
        win.OctoPrintClient.registerComponent("access", Theirs);
        evaluate(win, await source(LOADING.url.users));
        const client = new win.OctoPrintClient({baseurl: BASE});
        for (const [method, args] of METHODS) {
            const opts = OPTS();
            const given = [...args, opts];
            const answer = client.users[method](...given);
            const call = calls[calls.length - 1];
            assert.strictEqual(answer, reply, `${method}: what it returned`);
            assert.deepEqual(
                [call.method, call.length, call.args],
                [method, given.length, given],
                `${method}: the arguments as given`
            );
            assert.ok(
                call.args.every((arg, i) => arg === given[i]),
                `${method}: the same objects`
            );
            assert.strictEqual(
                call.self,
                client.access.users,
                `${method}: on access.users`
            );
        }
        client.users.get();
        assert.strictEqual(calls[calls.length - 1].length, 0, "no arguments: none added");
    });

    test("loaded before the access component: calls after both work", async function (assert) {
        const win = await fresh("host", "users", "bundle");
        const server = nise.fakeServer.create({respondImmediately: true});
        server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
        try {
            const client = new win.OctoPrintClient({baseurl: BASE});
            assert.ok(client.access instanceof win.OctoPrintAccessClient);
            client.users.get("a b#1");
            assert.deepEqual(
                server.requests.map((r) => r.url),
                [BASE + "api/access/users/a%20b%231"]
            );
        } finally {
            server.restore();
        }
    });
});

module("OctoPrint.users: registration in every order", function (hooks) {
    hooks.beforeEach(function () {
        this.console = recordConsole();
    });
    hooks.afterEach(function () {
        this.console.restore();
    });

    test("users registered first (OctoPrint 1.x's users.js): it stays, nothing thrown", async function (assert) {
        const win = await fresh("host", "bundle");
        const Theirs = function (base) {
            this.base = base;
        };
        win.OctoPrintClient.registerComponent("users", Theirs);
        const lines = this.console.calls.length;
        evaluate(win, await source(LOADING.url.users));
        assert.ok(this.console.calls.length - lines <= 1, "at most one console line");
        assert.ok(win.OctoPrint.users instanceof Theirs, "the existing one stays");
        assert.ok(new win.OctoPrintClient().users instanceof Theirs);
    });

    test("users registered after this file (OctoPrint 1.x's users.js later): no throw, calls work", async function (assert) {
        const win = await fresh("host", "bundle", "users");
        const ours = win.OctoPrint.users; // read before: kept by that client
        const Theirs = function (base) {
            this.base = base;
        };
        Theirs.prototype.list = function (opts) {
            return this.base.access.users.list(opts);
        };
        win.OctoPrintClient.registerComponent("users", Theirs);
        assert.strictEqual(win.OctoPrint.users, ours, "a client that had it keeps it");
        const later = new win.OctoPrintClient({baseurl: BASE});
        assert.ok(
            later.users instanceof Theirs,
            "OctoPrint's alias takes over for the rest"
        );
        const server = nise.fakeServer.create({respondImmediately: true});
        server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
        try {
            win.OctoPrint.options.baseurl = BASE;
            ours.list();
            later.users.list();
            assert.deepEqual(
                server.requests.map((r) => r.url),
                [BASE + "api/access/users", BASE + "api/access/users"]
            );
        } finally {
            server.restore();
        }
    });

    test("the file twice: the first one's users stays", async function (assert) {
        const win = await fresh("host", "bundle", "users");
        const first = win.OctoPrint.users;
        evaluate(win, await source(LOADING.url.users));
        assert.strictEqual(win.OctoPrint.users, first);
        assert.deepEqual(this.console.calls, [], "nothing logged");
    });

    test("no OctoPrintClient: the load-order Error", async function (assert) {
        const {error} = await LOADING.messages();
        const win = {jQuery: window.jQuery};
        const code = await source(LOADING.url.users);
        assert.throws(
            () => evaluate(win, code),
            (e) => e.constructor === Error && e.message === error
        );
        assert.deepEqual(Object.keys(win), ["jQuery"], "no global set");
    });

    test("no global is set, as OctoPrint's users.js sets none", function (assert) {
        assert.strictEqual(window.OctoPrintUserClient, undefined);
        assert.ok("users" in window.OctoPrint);
    });
});

module("OctoPrint.users: the deprecation warning", function (hooks) {
    hooks.beforeEach(function () {
        this.console = recordConsole();
    });
    hooks.afterEach(function () {
        this.console.restore();
    });

    const call = (users) => {
        users.list();
        users.list();
        users.get("a");
        users.list({});
        users.get("b");
    };

    test("through OctoPrintClient.deprecated, once per method", async function (assert) {
        const win = await fresh("host");
        const {Theirs} = standIn(null);
        win.OctoPrintClient.registerComponent("access", Theirs);
        // OctoPrint's own (base.js, 1.4 to 2.0): a wrapper that warns on every call
        const made = [];
        win.OctoPrintClient.deprecated = function (deprecatedFct, newFct, fn) {
            made.push([deprecatedFct, newFct]);
            return function () {
                console.warn(
                    deprecatedFct +
                        " is deprecated, please use the new " +
                        newFct +
                        " function instead"
                );
                return fn.apply(this, arguments);
            };
        };
        evaluate(win, await source(LOADING.url.users));
        call(new win.OctoPrintClient().users);
        call(new win.OctoPrintClient().users); // another client: still once per page
        assert.deepEqual(made, [
            ["OctoPrint.users.list", "OctoPrint.access.users.list"],
            ["OctoPrint.users.get", "OctoPrint.access.users.get"]
        ]);
        assert.deepEqual(this.console.calls, [
            [
                "warn",
                "OctoPrint.users.list is deprecated, please use the new OctoPrint.access.users.list function instead"
            ],
            [
                "warn",
                "OctoPrint.users.get is deprecated, please use the new OctoPrint.access.users.get function instead"
            ]
        ]);
    });

    test("a host without deprecated: console.warn, once per method", async function (assert) {
        const win = await fresh("host");
        const {Theirs} = standIn(null);
        win.OctoPrintClient.registerComponent("access", Theirs);
        evaluate(win, await source(LOADING.url.users));
        call(new win.OctoPrintClient().users);
        assert.deepEqual(this.console.calls, [
            [
                "warn",
                "OctoPrint.users.list is deprecated, please use OctoPrint.access.users.list instead"
            ],
            [
                "warn",
                "OctoPrint.users.get is deprecated, please use OctoPrint.access.users.get instead"
            ]
        ]);
    });
});

module("OctoPrint.users packed into one file", function () {
    test("after files without a trailing semicolon or newline", async function (assert) {
        // a client file ending in a call, with no semicolon or newline
        const FOO = "function foo() {}\nfoo()";
        const parts = await Promise.all(
            ["host", "bundle", "users"].map((file) => source(LOADING.url[file]))
        );
        const code = [parts[0], FOO + parts[1], FOO + parts[2]].join(
            "\n;\n// source: js/app/client/x.js\n"
        );
        const win = {jQuery: window.jQuery};
        const server = nise.fakeServer.create({respondImmediately: true});
        server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
        const log = recordConsole();
        try {
            new Function("define", code + "// a line comment").call(win, undefined);
            win.OctoPrint.options.baseurl = BASE;
            win.OctoPrint.users.get("a b");
            assert.deepEqual(
                server.requests.map((r) => r.url),
                [BASE + "api/access/users/a%20b"]
            );
        } finally {
            server.restore();
            log.restore();
        }
    });
});
