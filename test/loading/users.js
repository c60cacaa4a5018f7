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

/** A fake XHR server (until its restore()) answering every request at once with `{}`. */
function fakeServer() {
    const server = nise.fakeServer.create({respondImmediately: true});
    server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
    return server;
}

/** Each test of the module: this.server, this.client (on BASE, key K), this.console. */
function onTheWire(hooks) {
    hooks.beforeEach(function () {
        this.server = fakeServer();
        this.client = new window.OctoPrintClient({baseurl: BASE, apikey: "K"});
        this.console = recordConsole();
    });
    hooks.afterEach(function () {
        this.server.restore();
        this.console.restore();
    });
}

/** The requests the fake server saw, as [method, url, headers, body]. */
const seen = (server) =>
    server.requests.map((r) => [r.method, r.url, r.requestHeaders, r.requestBody]);

module("OctoPrint.users on the wire", function (hooks) {
    onTheWire(hooks);

    for (const [method, args] of METHODS) {
        for (const withOpts of [false, true]) {
            test(`${method}, ${withOpts ? "with" : "without"} opts: the same request as access.users.${method}`, function (assert) {
                const call = (target) => {
                    if (!withOpts) return target[method](...args);
                    // update's opts is the sixth argument (admin third)
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

// A pre-1.4 caller's add: [user, the body sent]. Without `groups`, the default groups (null),
// or with admin: true users and admins; a given `groups` as given; the rest as
// access.users.add sends it.
const BODY = (groups, rest = '"permissions":[],"active":true') =>
    `{"name":"bob","password":"pw","groups":${groups},${rest}}`;
const LEGACY_ADDS = [
    [{name: "bob", password: "pw"}, BODY("null")],
    [
        {name: "bob", password: "pw", active: false, admin: false},
        BODY("null", '"permissions":[],"active":false')
    ],
    [{name: "bob", password: "pw", admin: true}, BODY('["users","admins"]')],
    [
        {name: "bob", password: "pw", admin: true, permissions: ["PRINT"], active: true},
        BODY('["users","admins"]', '"permissions":["PRINT"],"active":true')
    ],
    [{name: "bob", password: "pw", admin: 1}, BODY('["users","admins"]')],
    [
        {name: "bob", password: "pw", groups: ["readonly"], admin: true},
        BODY('["readonly"]')
    ],
    [{name: "bob", password: "pw", groups: [], admin: true}, BODY("[]")],
    [{name: "bob", password: "pw", groups: null, admin: true}, BODY("null")]
];

module("OctoPrint.users.add: the groups a pre-1.4 caller meant", function (hooks) {
    onTheWire(hooks);

    for (const [user, body] of LEGACY_ADDS) {
        test(`add(${JSON.stringify(user)}) sends ${body}`, function (assert) {
            const given = structuredClone(user);
            const opts = OPTS();
            this.client.users.add(given, opts);
            assert.deepEqual(seen(this.server), [
                [
                    "POST",
                    BASE + "api/access/users",
                    {
                        "Content-Type": "application/json; charset=UTF-8",
                        Accept: "application/json, text/javascript, */*; q=0.01",
                        "Cache-Control": "no-cache",
                        "X-Test": "1",
                        "X-Api-Key": "K"
                    },
                    body
                ]
            ]);
            assert.deepEqual(given, user, "the caller's object is unchanged");
            assert.strictEqual("groups" in given, "groups" in user, "no groups added");
            assert.deepEqual(opts, OPTS(), "the caller's opts are unchanged");
        });
    }

    test("access.users.add keeps OctoPrint's behaviour: no groups, no group", function (assert) {
        this.client.access.users.add({name: "bob", password: "pw", admin: true});
        assert.strictEqual(this.server.requests[0].requestBody, BODY("[]"));
    });

    test("the same request as access.users.add with those groups", function (assert) {
        this.client.users.add({name: "bob", password: "pw", active: false, admin: true});
        this.client.access.users.add({
            name: "bob",
            password: "pw",
            active: false,
            groups: ["users", "admins"]
        });
        const [legacy, direct] = seen(this.server);
        assert.deepEqual(legacy, direct, "method, URL, headers, body");
    });

    for (const user of [undefined, null, "bob", {name: "bob"}, {password: "pw"}]) {
        test(`add(${JSON.stringify(user)}) throws the host's InvalidArgumentError`, function (assert) {
            assert.throws(
                () => this.client.users.add(user),
                (error) =>
                    error instanceof window.OctoPrintClient.InvalidArgumentError &&
                    error.message === "Both user's name and password need to be set"
            );
            assert.strictEqual(this.server.requests.length, 0, "no request");
        });
    }
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

    test("add without groups: a copy with them, the rest as given", async function (assert) {
        const win = await fresh("host");
        const {Theirs, calls} = standIn("reply");
        win.OctoPrintClient.registerComponent("access", Theirs);
        evaluate(win, await source(LOADING.url.users));
        const client = new win.OctoPrintClient({baseurl: BASE});
        const opts = OPTS();
        const user = {name: "bob", password: "pw", active: false, admin: false};
        assert.strictEqual(client.users.add(user, opts), "reply");
        const call = calls[calls.length - 1];
        assert.strictEqual(call.length, 2);
        assert.notStrictEqual(call.args[0], user, "a copy");
        assert.deepEqual(call.args[0], {...user, groups: null});
        assert.strictEqual(call.args[1], opts, "opts itself");
        assert.deepEqual(user, {
            name: "bob",
            password: "pw",
            active: false,
            admin: false
        });
        client.users.add({name: "al", password: "pw", admin: true});
        assert.deepEqual(calls[calls.length - 1].args, [
            {name: "al", password: "pw", admin: true, groups: ["users", "admins"]}
        ]);
    });

    test("loaded before the access component: calls after both work", async function (assert) {
        const win = await fresh("host", "users", "bundle");
        const server = fakeServer();
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

    /** OctoPrint 1.x's alias class on `win` (the stand-in sets no global). */
    const theirs = (win) => new win.OctoPrintClient().users.constructor;

    for (const readFirst of [false, true]) {
        test(`OctoPrint 1.x's users.js first${readFirst ? ", and read" : ""}: OctoPrint takes this file's alias, nothing thrown or logged`, async function (assert) {
            const win = await fresh("host", "bundle", "users1x");
            const Theirs = theirs(win);
            const before = readFirst ? win.OctoPrint.users : undefined;
            if (readFirst) assert.ok(before instanceof Theirs, "it was OctoPrint's");
            const code = await source(LOADING.url.users);
            const errors = LOADING.catchErrors(() => evaluate(win, code));
            assert.deepEqual(errors, [], "nothing thrown");
            assert.deepEqual(this.console.calls, [], "nothing logged");
            const users = win.OctoPrint.users;
            assert.notOk(users instanceof Theirs, "OctoPrint's own is replaced");
            assert.strictEqual(
                users,
                win.OctoPrint.components.users,
                "through components"
            );
            assert.strictEqual(users.base, win.OctoPrint, "bound to OctoPrint");
            assert.strictEqual(win.OctoPrint.users, users, "one, every read");
            assert.ok(
                new win.OctoPrintClient().users instanceof Theirs,
                "other clients keep OctoPrint's"
            );
            const server = fakeServer();
            try {
                win.OctoPrint.options.baseurl = BASE;
                users.add({name: "bob", password: "pw"});
                assert.deepEqual(
                    seen(server).map(([m, u, , body]) => [m, u, body]),
                    [
                        [
                            "POST",
                            BASE + "api/access/users",
                            '{"name":"bob","password":"pw","groups":null,"permissions":[],"active":true}'
                        ]
                    ]
                );
            } finally {
                server.restore();
            }
        });
    }

    test("OctoPrint 1.x's users.js after this file: no throw, OctoPrint keeps this alias, calls work", async function (assert) {
        const win = await fresh("host", "bundle", "users", "users1x");
        const Theirs = theirs(win);
        const ours = win.OctoPrint.users; // not read before OctoPrint's users.js came
        assert.notOk(ours instanceof Theirs, "OctoPrint keeps this file's");
        assert.strictEqual(ours.base, win.OctoPrint);
        const later = new win.OctoPrintClient({baseurl: BASE});
        assert.ok(
            later.users instanceof Theirs,
            "OctoPrint's alias for the clients made afterwards"
        );
        const server = fakeServer();
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

    for (const between of [[], ["users1x"]]) {
        test(`the file twice${between.length ? ", OctoPrint 1.x's users.js in between" : ""}: the first one's alias stays, nothing logged`, async function (assert) {
            const win = await fresh("host", "bundle", "users", ...between);
            const first = win.OctoPrint.components.users;
            assert.ok(first, "the first copy gave OctoPrint its alias at once");
            evaluate(win, await source(LOADING.url.users));
            assert.strictEqual(win.OctoPrint.users, first);
            assert.deepEqual(this.console.calls, [], "nothing logged");
            assert.deepEqual(
                Object.keys(win).sort(),
                ["OctoPrint", "OctoPrintAccessClient", "OctoPrintClient", "jQuery"],
                "no global of its own"
            );
        });
    }

    test("the file twice over OctoPrint 1.x's users.js: the first copy takes over, the second changes nothing", async function (assert) {
        const win = await fresh("host", "bundle", "users1x", "users");
        const first = win.OctoPrint.users;
        assert.notOk(first instanceof theirs(win), "the first copy took over");
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

    test("through the host double's deprecated: OctoPrint's line, once per method", async function (assert) {
        const win = await fresh("host");
        const {Theirs} = standIn(null);
        win.OctoPrintClient.registerComponent("access", Theirs);
        evaluate(win, await source(LOADING.url.users));
        call(new win.OctoPrintClient().users);
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

    test("a host without deprecated (none of OctoPrint 1.4 to 2.0): calls work, nothing logged", async function (assert) {
        const win = await fresh("host");
        delete win.OctoPrintClient.deprecated;
        const {Theirs, calls} = standIn("reply");
        win.OctoPrintClient.registerComponent("access", Theirs);
        evaluate(win, await source(LOADING.url.users));
        const users = new win.OctoPrintClient().users;
        call(users);
        assert.strictEqual(users.list(), "reply");
        assert.strictEqual(calls.length, 6, "every call forwarded");
        assert.deepEqual(this.console.calls, []);
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
        const server = fakeServer();
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

module(
    "OctoPrint.users.add against the test kit, in each version's rules",
    function (hooks) {
        hooks.beforeEach(function () {
            this.console = recordConsole();
        });
        hooks.afterEach(function () {
            if (this.fake) this.fake.uninstall();
            this.console.restore();
        });

        /** A request's answer, or an Error naming its status. */
        const ok = (xhr) =>
            new Promise((resolve, reject) =>
                xhr.then(resolve, () =>
                    reject(new Error(`${xhr.status}: ${xhr.responseText}`))
                )
            );
        const groupsOf = (list, name) =>
            list.users.find((user) => user.name === name).groups;

        // [version, the page]: OctoPrint 1.x pages have its own users.js, registered first.
        const PAGES = [
            ["1.10", "1.x"],
            ["1.11", "1.x"],
            ["1.10", "this file only"],
            ["1.11", "this file only"],
            ["2.0", "this file only"]
        ];
        for (const [version, kind] of PAGES) {
            test(`${version}, ${kind}: a legacy add without groups makes a user of the default groups`, async function (assert) {
                const win =
                    kind === "1.x"
                        ? await fresh("host", "bundle", "users1x", "users")
                        : window;
                this.fake = window.OctoPrintAccessFake.install({
                    version,
                    OctoPrintClient: win.OctoPrintClient
                });
                const OctoPrint = win.OctoPrint;
                let list = await ok(
                    OctoPrint.users.add({
                        name: "lui",
                        password: "pw",
                        active: true,
                        admin: false
                    })
                );
                assert.deepEqual(groupsOf(list, "lui"), ["users"], "the default group");
                list = await ok(
                    OctoPrint.users.add({name: "boss", password: "pw", admin: true})
                );
                assert.deepEqual(groupsOf(list, "boss").sort(), ["admins", "users"]);
                list = await ok(
                    OctoPrint.users.add({
                        name: "ro",
                        password: "pw",
                        groups: ["readonly"]
                    })
                );
                assert.deepEqual(
                    groupsOf(list, "ro"),
                    ["readonly"],
                    "given groups as given"
                );
                const user = await ok(OctoPrint.access.users.get("lui"));
                assert.deepEqual(
                    [user.groups, user.active],
                    [["users"], true],
                    "as stored"
                );
                list = await ok(
                    OctoPrint.access.users.add({name: "bare", password: "pw"})
                );
                assert.deepEqual(
                    groupsOf(list, "bare"),
                    [],
                    "access.users.add: OctoPrint's way"
                );
            });
        }
    }
);
