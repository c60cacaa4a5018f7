// OctoPrintAccessFake in the page, through OctoPrint's client and the page's access
// component: this project's, or (?access=octoprint) a double of OctoPrint 1.x's own
// access.js, so every call here is one a plugin can make on any OctoPrint: users.update with
// admin false third, groups with every list given. A user's and a group's whole life, the
// portable update, jQuery's own jqXHR and events, several clients, what it leaves alone,
// failNext, latency and abort(), reset, uninstall, install's errors, each version's rules and
// re-authentication.
const {module, test} = QUnit;
const $ = window.jQuery;
const Fake = window.OctoPrintAccessFake;
const Client = window.OctoPrintClient;
const OctoPrint = window.OctoPrint;

const OURS = window.TEST.access === "ours"; // else OctoPrint 1.x's own access.js (a double)
const REAUTHENTICATE = {error: "Please reauthenticate with your credentials"};
const FORBIDDEN = {
    error:
        "You don't have the permission to access the requested resource. It is either " +
        "read-protected or not readable by the server."
};

const CONFLICT =
    "A conflict happened while processing the request. The resource might have been " +
    "modified while the request was being processed.";

/**
 * Resolves, never rejects, once a jqXHR settles: to what it ended with (not the jqXHR itself,
 * which a promise would take for a thenable to follow).
 */
const settled = (xhr) =>
    new Promise((resolve) =>
        xhr.always(() =>
            resolve({
                status: xhr.status,
                statusText: xhr.statusText,
                responseJSON: xhr.responseJSON,
                responseText: xhr.responseText
            })
        )
    );
/** Resolves with a request's data; rejects with its jqXHR. */
const ok = (xhr) =>
    new Promise((resolve, reject) =>
        xhr.then(resolve, () => reject(new Error(`${xhr.status}: ${xhr.responseText}`)))
    );

let fake = null;
const install = (options) => {
    fake = Fake.install(options);
    return fake;
};

module("OctoPrintAccessFake", function (hooks) {
    hooks.afterEach(function () {
        if (fake) fake.uninstall();
        fake = null;
    });

    test("the page has the jQuery it asked for, the component and the fake's global", function (assert) {
        assert.strictEqual($.fn.jquery, window.TEST.jquery);
        assert.strictEqual(
            typeof window.OctoPrintAccessClient.upgrade,
            OURS ? "function" : "undefined",
            "the access component asked for"
        );
        assert.strictEqual(typeof Fake.install, "function");
        assert.strictEqual(typeof Fake.createEmulator, "function");
        assert.deepEqual(Fake.versions, ["1.10", "1.11", "2.0"]);
        assert.ok(OctoPrint.access, "the access component");
    });

    test("a user's and a group's whole life through OctoPrint.access", async function (assert) {
        install({apikey: "ADMIN-KEY"}); // the page's session is the admin's
        const access = OctoPrint.access;
        const {permissions} = await ok(access.permissions.list());
        assert.strictEqual(permissions.length, 39, "a stock install's permissions");

        let {groups} = await ok(
            access.groups.add({
                key: "qa",
                name: "QA",
                permissions: ["STATUS", "NOPE"],
                subgroups: []
            })
        );
        const qa = groups.find((g) => g.key === "qa");
        assert.deepEqual(qa.permissions, ["STATUS"], "unknown keys dropped");
        assert.deepEqual(qa.needs, {group: ["qa"], role: ["status"]});
        const again = await settled(
            access.groups.add({key: "qa", name: "QA", subgroups: []})
        );
        assert.strictEqual(again.status, 409);
        assert.deepEqual(again.responseJSON, {error: CONFLICT});
        ({groups} = await ok(
            access.groups.update({key: "qa", description: "d", default: true})
        ));
        assert.strictEqual(groups.find((g) => g.key === "qa").default, true);
        assert.strictEqual((await ok(access.groups.get("qa"))).description, "d");

        let {users} = await ok(
            access.users.add({name: "jane doe", password: "pw1", groups: null})
        );
        let jane = users.find((u) => u.name === "jane doe");
        assert.deepEqual(jane.groups, ["users", "qa"], "the default groups");
        assert.deepEqual([jane.admin, jane.roles], [false, ["user"]], "1.10's record");
        const taken = await settled(access.users.add({name: "jane doe", password: "x"}));
        assert.strictEqual(taken.status, 409);
        assert.strictEqual(taken.responseJSON.error, CONFLICT);

        ({users} = await ok(
            access.users.update("jane doe", false, false, ["PRINT"], ["users"])
        ));
        jane = users.find((u) => u.name === "jane doe");
        assert.deepEqual(
            [jane.active, jane.permissions, jane.groups],
            [false, ["PRINT"], ["users"]]
        );
        await ok(access.users.update("jane doe", true, false, ["PRINT"], ["users"]));
        assert.deepEqual(await ok(access.users.changePassword("jane doe", "pw2")), {});
        const {apikey} = await ok(access.users.generateApiKey("jane doe"));
        assert.ok(/^[0-9A-F]{32}$/.test(apikey), "a key as OctoPrint makes them");

        // Jane's own client, with her key
        const hers = new Client({apikey});
        assert.strictEqual((await ok(hers.access.users.get("jane doe"))).apikey, apikey);
        assert.strictEqual((await settled(hers.access.users.list())).status, 403);
        const noCurrent = await settled(
            hers.access.users.changePassword("jane doe", "pw3")
        );
        assert.deepEqual(
            [noCurrent.status, noCurrent.responseJSON.error],
            [400, "current password is missing"]
        );
        await ok(hers.access.users.changePassword("jane doe", "pw3", "pw2"));
        await ok(
            hers.access.users.saveSettings("jane doe", {interface: {language: "de"}})
        );
        assert.deepEqual(await ok(access.users.getSettings("jane doe")), {
            interface: {language: "de"}
        });

        await ok(access.users.resetApiKey("jane doe"));
        const gone = await settled(hers.access.users.get("jane doe"));
        assert.deepEqual(
            [gone.status, gone.responseJSON.error],
            [403, "Invalid API key"]
        );
        ({users} = await ok(access.users.delete("jane doe")));
        assert.deepEqual(
            users.map((u) => u.name),
            ["admin"]
        );
        ({groups} = await ok(access.groups.delete("qa")));
        assert.deepEqual(
            groups.map((g) => g.key),
            ["admins", "users", "guests", "readonly"]
        );

        const state = fake.state();
        assert.deepEqual(
            state.users.map((u) => u.name),
            ["admin"]
        );
        assert.strictEqual(state.users[0].apikey, "ADMIN-KEY");
        assert.notOk(/pw[123]/.test(JSON.stringify(state)), "no password material");
        assert.strictEqual(fake.requests.length, 21);
        assert.deepEqual(fake.requests[3], {
            method: "PUT",
            url: "/api/access/groups/qa",
            headers: fake.requests[3].headers,
            body: OURS
                ? '{"description":"d","default":true}'
                : '{"description":"d","permissions":null,"subgroups":null,"default":true}'
        });
        assert.strictEqual(
            fake.requests[9].headers["X-Api-Key"],
            undefined,
            "the session's"
        );
        assert.strictEqual(fake.requests[13].headers["X-Api-Key"], apikey, "hers");
    });

    test("the jqXHR is jQuery's own: events, dataType, status, then", async function (assert) {
        install();
        const seen = [];
        const onSend = (event, jqXHR, settings) =>
            seen.push(["send", settings.url, jqXHR]);
        const onComplete = (event, jqXHR, settings) =>
            seen.push(["complete", settings.url, jqXHR.status]);
        $(document).on("ajaxSend", onSend).on("ajaxComplete", onComplete);
        try {
            const xhr = OctoPrint.access.users.get("nobody");
            assert.strictEqual(typeof xhr.abort, "function");
            assert.strictEqual(
                xhr.readyState,
                1,
                "sent, not answered yet: answers come later"
            );
            await settled(xhr);
            assert.strictEqual(xhr.status, 404);
            assert.strictEqual(xhr.statusText, "NOT FOUND");
            assert.strictEqual(xhr.readyState, 4);
            assert.strictEqual(xhr.getResponseHeader("Content-Type"), "application/json");
            assert.ok(
                xhr.responseJSON.error.startsWith("The requested URL was not found")
            );
            assert.deepEqual(seen, [
                ["send", "/api/access/users/nobody", xhr],
                ["complete", "/api/access/users/nobody", 404]
            ]);
            const text = await ok(
                OctoPrint.get("api/access/users/admin", {dataType: "text"})
            );
            assert.strictEqual(typeof text, "string", "dataType text: no JSON parsing");
            assert.strictEqual(JSON.parse(text).name, "admin");
            const name = await OctoPrint.access.users
                .get("admin")
                .then((user) => user.name);
            assert.strictEqual(name, "admin", "then() chains");
            const done = [];
            await settled(
                OctoPrint.access.users.get("admin").done((u, status) => done.push(status))
            );
            assert.deepEqual(done, ["success"]);
        } finally {
            $(document).off("ajaxSend", onSend).off("ajaxComplete", onComplete);
        }
    });

    test("clients with other base URLs share the fake, absolute or relative", async function (assert) {
        install();
        const far = new Client({baseurl: "http://printer.invalid:5000/octoprint"});
        const near = new Client({baseurl: "sub/dir/"});
        await ok(far.access.users.add({name: "far", password: "x"}));
        await ok(near.access.users.add({name: "near", password: "x"}));
        const {users} = await ok(OctoPrint.access.users.list());
        assert.deepEqual(
            users.map((u) => u.name),
            ["admin", "far", "near"]
        );
        assert.deepEqual(
            fake.requests.map((r) => r.url),
            [
                "http://printer.invalid:5000/octoprint/api/access/users",
                "sub/dir/api/access/users",
                "/api/access/users"
            ]
        );
    });

    test("requests outside a client's api/access/ go to the network", async function (assert) {
        install();
        const echo = await ok(OctoPrint.postJson("echo/api/access/users", {a: 1}));
        assert.deepEqual(
            [echo.method, echo.url, echo.body],
            ["POST", "/echo/api/access/users", '{"a":1}']
        );
        const plain = await ok($.getJSON("/echo/hello"));
        assert.strictEqual(plain.url, "/echo/hello");
        const accessory = await settled($.ajax("/api/accessory"));
        assert.strictEqual(accessory.status, 404, "the static server's");
        assert.strictEqual(accessory.responseText, "not found");
        const other = await settled($.ajax("/elsewhere/api/access/users"));
        assert.strictEqual(other.status, 404, "no client has that base URL");
        assert.strictEqual(fake.requests.length, 0);
    });

    test("failNext: the next request gets that answer, then all is as before", async function (assert) {
        install();
        fake.failNext(503);
        const failed = await settled(
            OctoPrint.access.users.add({name: "x", password: "x"})
        );
        assert.strictEqual(failed.status, 503);
        assert.ok(
            failed.responseJSON.error.startsWith("The server is temporarily unable")
        );
        assert.deepEqual(
            fake.state().users.map((u) => u.name),
            ["admin"],
            "nothing added"
        );
        fake.failNext(500, {error: "boom", detail: [1]});
        const custom = await settled(OctoPrint.access.users.list());
        assert.deepEqual(
            [custom.status, custom.responseJSON],
            [500, {error: "boom", detail: [1]}]
        );
        await ok(OctoPrint.access.users.add({name: "x", password: "x"}));
        assert.strictEqual(fake.requests.length, 3, "failed requests are requests too");
        assert.throws(() => fake.failNext(42), /status must be an HTTP status/);
    });

    test("latency: answers wait, abort() before the answer, a double click", async function (assert) {
        install({latency: 150});
        const started = Date.now();
        await ok(OctoPrint.access.permissions.list());
        assert.ok(Date.now() - started >= 140, `${Date.now() - started} ms`);

        const completed = [];
        const onComplete = (event, jqXHR) => completed.push(jqXHR.statusText);
        $(document).on("ajaxComplete", onComplete);
        try {
            const xhr = OctoPrint.access.users.list();
            xhr.abort();
            await settled(xhr);
            assert.deepEqual([xhr.status, xhr.statusText], [0, "abort"]);
            await new Promise((resolve) => setTimeout(resolve, 200));
            assert.deepEqual(completed, ["abort"], "no answer after the abort");
        } finally {
            $(document).off("ajaxComplete", onComplete);
        }

        const first = OctoPrint.access.users.add({name: "twice", password: "x"});
        const second = OctoPrint.access.users.add({name: "twice", password: "x"});
        assert.strictEqual(first.state(), "pending", "a spinner has time to show");
        await Promise.all([settled(first), settled(second)]);
        assert.deepEqual([first.status, second.status], [200, 409]);
    });

    test("reset: back to install()'s state, with the same key", async function (assert) {
        install({users: [{name: "seeded", password: "pw"}]});
        const key = fake.apikey;
        await ok(OctoPrint.access.users.add({name: "added", password: "x"}));
        await ok(OctoPrint.access.users.delete("seeded"));
        fake.failNext(500);
        fake.reset();
        assert.deepEqual(
            fake.state().users.map((u) => u.name),
            ["admin", "seeded"]
        );
        assert.strictEqual(fake.requests.length, 0);
        assert.strictEqual(fake.apikey, key);
        await ok(OctoPrint.access.users.list()); // the pending failNext is gone too
    });

    test("uninstall: jQuery goes to the network again; install again", async function (assert) {
        const ajax = Client.prototype.ajax;
        install();
        fake.uninstall();
        assert.strictEqual(
            Client.prototype.ajax,
            ajax,
            "the host's ajax is its own again"
        );
        const real = await settled(OctoPrint.access.users.list());
        assert.strictEqual(real.status, 404, "the static server has no access API");
        assert.strictEqual(fake.requests.length, 0);
        install();
        assert.strictEqual((await settled(OctoPrint.access.users.list())).status, 200);
    });

    test("install(): clear errors for bad options", function (assert) {
        const bad = [
            [{nope: 1}, /unknown option "nope"/],
            [{version: "1.9"}, /version must be one of 1\.10, 1\.11, 2\.0/],
            [{latency: -1}, /latency must be/],
            [{users: [{password: "x"}]}, /users\[0\]: name must be/],
            [
                {users: [{name: "a", password: "x", groups: ["nope"]}]},
                /users\[0\]\.groups: unknown key "nope"/
            ],
            [{users: [{name: "admin", password: "x"}]}, /user "admin" exists already/],
            [{users: [{name: "a"}]}, /password must be/],
            [
                {users: [{name: "a", password: "x", role: "admin"}]},
                /unknown member "role"/
            ],
            [
                {groups: [{key: "g", name: "G", permissions: ["NOPE"]}]},
                /unknown key "NOPE"/
            ],
            [{user: "nobody"}, /user: must be null or the name of a user/],
            [{reauthenticate: "yes"}, /reauthenticate must be true or false/],
            ["admin", /options must be an object/]
        ];
        for (const [options, message] of bad) {
            assert.throws(() => Fake.install(options), message, JSON.stringify(options));
        }
        install();
        assert.throws(() => Fake.install(), /installed already; uninstall\(\) it first/);
    });

    test("seeds: users and groups as given; a seeded user's own key", async function (assert) {
        install({
            groups: [
                {key: "ops", name: "Ops", permissions: ["PRINT"], subgroups: ["readonly"]}
            ],
            users: [
                {
                    name: "bob",
                    password: "pw",
                    groups: ["ops"],
                    apikey: "BOB",
                    settings: {x: 1}
                },
                {name: "eve", password: "pw", active: false}
            ]
        });
        const bob = await ok(new Client({apikey: "BOB"}).access.users.get("bob"));
        assert.deepEqual([bob.groups, bob.settings], [["ops"], {x: 1}]);
        assert.ok(bob.needs.role.includes("status"), "the subgroup's needs");
        const eve = fake.state().users.find((u) => u.name === "eve");
        assert.deepEqual([eve.active, eve.groups], [false, ["users"]]);
        const copy = fake.state();
        copy.users.length = 0;
        assert.strictEqual(fake.state().users.length, 3, "state() is a copy");
    });

    test("the session: user null is nobody, a user's name is that user", async function (assert) {
        install({user: null});
        assert.strictEqual((await settled(OctoPrint.access.users.list())).status, 403);
        fake.uninstall();
        install({user: "jo", users: [{name: "jo", password: "pw"}]});
        assert.strictEqual((await ok(OctoPrint.access.users.get("jo"))).name, "jo");
        assert.strictEqual((await settled(OctoPrint.access.users.list())).status, 403);
    });

    test("requests it cannot parse: OctoPrint's 400, 404, 405, never a page error", async function (assert) {
        install();
        const status = async (method, url, data) =>
            (
                await settled(
                    $.ajax({url, type: method, data, contentType: "application/json"})
                )
            ).status;
        assert.strictEqual(await status("GET", "/api/access/users/%zz"), 400);
        assert.strictEqual(await status("GET", "/api/access/nothing/at/all"), 404);
        assert.strictEqual(await status("GET", "/api/access"), 404);
        assert.strictEqual(await status("PATCH", "/api/access/users", "{}"), 405);
        assert.strictEqual(await status("POST", "/api/access/users", "{name:"), 400);
        assert.strictEqual(await status("POST", "/api/access/users", "[1]"), 400);
        assert.strictEqual(await status("BREW", "/api/access/users"), 405);
    });

    for (const version of ["1.10", "1.11", "2.0"]) {
        test(`version ${version}: its rules through OctoPrint.access`, async function (assert) {
            install({
                version,
                users: [
                    {name: "v", password: "pw", apikey: "V-KEY"},
                    {name: "w", password: "pw", groups: ["users", "readonly"]}
                ]
            });
            const access = OctoPrint.access;
            // A seed's groups in its version's order: 2.0's is the keys'.
            assert.deepEqual(
                (await ok(access.users.get("w"))).groups,
                version === "2.0" ? ["readonly", "users"] : ["users", "readonly"]
            );
            // OctoPrint's own client may leave subgroups out; this one never does.
            const noSubgroups = await settled(
                OctoPrint.postJson("api/access/groups", {
                    key: "g",
                    name: "G",
                    permissions: []
                })
            );
            assert.strictEqual(noSubgroups.status, version === "1.10" ? 500 : 400);
            await ok(access.groups.add({key: "a", name: "A", subgroups: []}));
            await ok(access.groups.add({key: "b", name: "B", subgroups: ["a"]}));
            const cycle = await settled(
                access.groups.update({key: "a", subgroups: ["b"]})
            );
            assert.strictEqual(cycle.status, version === "2.0" ? 409 : 500);
            const own = new Client({apikey: "V-KEY"}).access.users;
            const noCurrent = await settled(own.changePassword("v", "new"));
            assert.strictEqual(noCurrent.status, version === "2.0" ? 403 : 400);
            const record = await ok(own.get("v"));
            if (version === "2.0") {
                assert.deepEqual([record.has_password, "roles" in record], [true, false]);
            } else {
                assert.deepEqual(
                    [record.roles, "has_password" in record],
                    [["user"], false]
                );
            }
            assert.strictEqual(fake.version, version);
        });
    }

    test("the portable users.update: admin false third, under either access component", async function (assert) {
        install({users: [{name: "joe", password: "pw"}]});
        const {users} = await ok(
            OctoPrint.access.users.update("joe", false, false, ["PRINT"], ["readonly"])
        );
        const joe = users.find((u) => u.name === "joe");
        assert.deepEqual(
            [joe.active, joe.permissions, joe.groups],
            [false, ["PRINT"], ["readonly"]]
        );
        assert.strictEqual(
            fake.requests[0].body,
            OURS
                ? '{"active":false,"groups":["readonly"],"permissions":["PRINT"]}'
                : '{"active":false,"admin":false,"permissions":["PRINT"],"groups":["readonly"]}'
        );
    });

    test("users.update without admin: this component's order; OctoPrint 1.x's own file answers 500", async function (assert) {
        install({users: [{name: "joe", password: "pw"}]});
        const answer = await settled(
            OctoPrint.access.users.update("joe", true, ["PRINT"], ["readonly"])
        );
        const joe = fake.state().users.find((u) => u.name === "joe");
        if (OURS) {
            assert.strictEqual(answer.status, 200);
            assert.deepEqual([joe.permissions, joe.groups], [["PRINT"], ["readonly"]]);
        } else {
            // The lists land one place to the right: permissions ["readonly"], groups null.
            assert.strictEqual(
                fake.requests[0].body,
                '{"active":true,"admin":true,"permissions":["readonly"],"groups":null}'
            );
            assert.strictEqual(answer.status, 500);
            assert.deepEqual([joe.permissions, joe.groups], [[], ["users"]], "unchanged");
        }
    });

    test("re-authentication: the guarded calls answer 403 until a login; API keys never do", async function (assert) {
        install({
            user: "jane", // the page's session: an admin with a password
            users: [
                {name: "jane", password: "pw", groups: ["admins"]},
                {name: "joe", password: "pw", apikey: "JOE-KEY"}
            ],
            groups: [{key: "g", name: "G"}],
            reauthenticate: true
        });
        const access = OctoPrint.access;
        const before = fake.state();
        const refused = {
            "groups.add": access.groups.add({key: "h", name: "H", subgroups: []}),
            "groups.update": access.groups.update({
                key: "g",
                description: "",
                permissions: [],
                subgroups: [],
                default: false
            }),
            "groups.delete": access.groups.delete("g"),
            "users.add": access.users.add({name: "new", password: "pw"}),
            "users.update": access.users.update("joe", true, false, [], ["users"]),
            "users.delete": access.users.delete("joe"),
            "users.generateApiKey": access.users.generateApiKey("joe"),
            "users.resetApiKey": access.users.resetApiKey("joe"),
            "users.generateApiKey, her own": access.users.generateApiKey("jane"),
            "users.resetApiKey, her own": access.users.resetApiKey("jane"),
            "users.changePassword, another's": access.users.changePassword("joe", "x"),
            "users.saveSettings, another's": access.users.saveSettings("joe", {a: 1})
        };
        for (const name of Object.keys(refused)) {
            const answer = await settled(refused[name]);
            // the error member alone: a failure shows it, not a whole user list
            assert.deepEqual(
                [answer.status, answer.responseJSON.error],
                [403, REAUTHENTICATE.error],
                name
            );
        }
        assert.deepEqual(fake.state(), before, "nothing changed");

        await ok(access.users.changePassword("jane", "new", "pw")); // her own: allowed
        await ok(access.users.saveSettings("jane", {a: 1}));
        await ok(access.groups.list());
        await ok(access.users.getSettings("joe"));
        const {users} = await ok(access.users.list());
        assert.deepEqual(
            users.map((u) => u.apikey),
            [null, null, null],
            "no API key in the list"
        );
        assert.strictEqual((await ok(access.users.get("joe"))).apikey, null, "nor here");

        // With an API key: never affected.
        const admin = new Client({apikey: fake.apikey}).access;
        const listed = await ok(admin.users.list());
        assert.strictEqual(listed.users.find((u) => u.name === "joe").apikey, "JOE-KEY");
        await ok(admin.groups.add({key: "h", name: "H", subgroups: []}));
        await ok(new Client({apikey: "JOE-KEY"}).access.users.resetApiKey("joe"));

        // A wrong password changes nothing; the right one ends it.
        const wrong = await settled(
            OctoPrint.postJson("api/login", {user: "jane", pass: "pw"})
        );
        assert.deepEqual([wrong.status, wrong.responseJSON], [403, FORBIDDEN]);
        assert.strictEqual((await settled(access.users.delete("joe"))).status, 403);
        const record = await ok(
            OctoPrint.postJson("api/login", {user: "jane", pass: "new", remember: false})
        );
        assert.deepEqual(
            [record.name, record.groups, record.settings],
            ["jane", ["admins"], {a: 1}],
            "the user record"
        );
        await ok(access.users.delete("joe"));
        const after = await ok(access.users.list());
        assert.strictEqual(after.users[0].apikey, fake.apikey, "API keys shown again");
        assert.deepEqual(
            fake.requests.slice(-5).map((r) => `${r.method} ${r.url}`),
            [
                "POST /api/login",
                "DELETE /api/access/users/joe",
                "POST /api/login",
                "DELETE /api/access/users/joe",
                "GET /api/access/users"
            ]
        );
    });

    test("re-authentication: requireReauthentication(), reset(), a non-admin session", async function (assert) {
        install({
            user: "jane",
            users: [
                {name: "jane", password: "pw", groups: ["admins"]},
                {name: "joe", password: "pw"}
            ]
        });
        const users = OctoPrint.access.users;
        await ok(users.saveSettings("joe", {a: 1}));
        fake.requireReauthentication();
        const refused = await settled(users.saveSettings("joe", {a: 2}));
        assert.deepEqual([refused.status, refused.responseJSON], [403, REAUTHENTICATE]);
        fake.reset();
        await ok(users.saveSettings("joe", {a: 2}));
        fake.uninstall();

        // Joe, no admin: what he may not do at all stays a plain 403.
        install({
            user: "joe",
            users: [{name: "joe", password: "pw", apikey: "JOE-KEY"}],
            reauthenticate: true
        });
        const plain = await settled(users.add({name: "x", password: "x"}));
        assert.deepEqual([plain.status, plain.responseJSON], [403, FORBIDDEN]);
        const own = await settled(users.generateApiKey("joe"));
        assert.deepEqual([own.status, own.responseJSON], [403, REAUTHENTICATE]);
        await ok(users.changePassword("joe", "new", "pw"));
        assert.strictEqual((await ok(users.get("joe"))).apikey, null);
        await ok(OctoPrint.postJson("api/login", {user: "joe", pass: "new"}));
        assert.ok((await ok(users.generateApiKey("joe"))).apikey, "after the login");
    });

    test("POST api/login: who may log in, and as whom the page is then", async function (assert) {
        install({
            user: null,
            users: [
                {name: "jane", password: "pw", groups: ["admins"]},
                {name: "eve", password: "pw", active: false}
            ]
        });
        const login = async (body) => {
            const answer = await settled(OctoPrint.postJson("api/login", body));
            return answer.status;
        };
        assert.strictEqual(await login({user: "nobody", pass: "pw"}), 403, "unknown");
        assert.strictEqual(await login({user: "eve", pass: "pw"}), 403, "deactivated");
        assert.strictEqual(await login({user: "admin", pass: ""}), 403, "admin");
        assert.strictEqual(await login({user: "jane"}), 400, "no pass");
        assert.strictEqual((await settled(OctoPrint.get("api/login"))).status, 405);
        assert.strictEqual((await settled(OctoPrint.access.users.list())).status, 403);
        assert.strictEqual(await login({user: "jane", pass: "pw"}), 200);
        assert.strictEqual((await settled(OctoPrint.access.users.list())).status, 200);
        const far = new Client({baseurl: "http://printer.invalid/octoprint/"});
        assert.strictEqual(
            (await settled(far.postJson("api/login", {user: "jane", pass: "pw"}))).status,
            200,
            "any client's base URL"
        );
    });
});
