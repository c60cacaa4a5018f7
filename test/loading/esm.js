// dist/octoprint-access.mjs in the browser, as a plugin frontend's bundle would use it:
// importing registers nothing; register(OctoPrintClient) does, once.
/* global LOADING */
import {
    OctoPrintAccessClient,
    register,
    registerUsers,
    upgrade
} from "../../dist/octoprint-access.mjs";

const imported = {
    registered: "access" in window.OctoPrintClient.prototype,
    users: "users" in window.OctoPrintClient.prototype,
    global: window.OctoPrintAccessClient
};

QUnit.module("ES module", function (hooks) {
    hooks.beforeEach(function () {
        this.warn = recordWarnings();
    });
    hooks.afterEach(function () {
        this.warn.restore();
    });

    QUnit.test("importing registers nothing and sets no global", function (assert) {
        assert.deepEqual(imported, {registered: false, users: false, global: undefined});
        assert.strictEqual(typeof OctoPrintAccessClient, "function");
        assert.strictEqual(typeof register, "function");
    });

    QUnit.test(
        "register(undefined) throws the load-order Error",
        async function (assert) {
            const {error} = await LOADING.messages();
            assert.throws(
                () => register(undefined),
                (e) => e.constructor === Error && e.message === error
            );
        }
    );

    QUnit.test(
        "register(OctoPrintClient) registers it, and it works",
        async function (assert) {
            assert.strictEqual(
                register(window.OctoPrintClient),
                OctoPrintAccessClient,
                "returns it"
            );
            assert.deepEqual(this.warn.calls, [], "no warning");
            assert.strictEqual(
                window.OctoPrintAccessClient,
                undefined,
                "still no global"
            );
            assert.ok(window.OctoPrint.access instanceof OctoPrintAccessClient);
            await LOADING.works(assert, window.OctoPrintClient, OctoPrintAccessClient);
        }
    );

    QUnit.test("register again: nothing changes, nothing logged", function (assert) {
        const before = window.OctoPrint.access;
        assert.strictEqual(register(window.OctoPrintClient), OctoPrintAccessClient);
        assert.deepEqual(this.warn.calls, []);
        assert.strictEqual(window.OctoPrint.access, before);
    });

    QUnit.test(
        "register where OctoPrint's own access came first: takes over on OctoPrint",
        async function (assert) {
            const {info, warning} = await LOADING.messages();
            const Host = await freshHost();
            const Theirs = function (base) {
                this.base = base;
            };
            Host.registerComponent("access", Theirs);
            const page = window.OctoPrint;
            try {
                // the page's default client: one of the class passed in
                window.OctoPrint = new Host({baseurl: LOADING.echo});
                assert.strictEqual(register(Host), OctoPrintAccessClient, "returns it");
                assert.ok(window.OctoPrint.access instanceof OctoPrintAccessClient);
                assert.ok(new Host().access instanceof Theirs, "other clients: theirs");
                assert.deepEqual(this.warn.info, [[info]], "one console.info");
                // not one of the class passed in: the registered one stays
                window.OctoPrint = page;
                register(Host);
                assert.deepEqual(this.warn.calls, [[warning]], "one console.warn");
            } finally {
                window.OctoPrint = page;
            }
        }
    );

    QUnit.test("upgrade(client): the component, once", async function (assert) {
        const {info} = await LOADING.messages();
        const Host = await freshHost();
        Host.registerComponent("access", function (base) {
            this.base = base;
        });
        const client = new Host({baseurl: LOADING.echo, apikey: "K"});
        const access = upgrade(client);
        assert.ok(access instanceof OctoPrintAccessClient);
        assert.strictEqual(client.access, access);
        assert.strictEqual(upgrade(client), access, "again: the same");
        assert.strictEqual(
            typeof OctoPrintAccessClient.upgrade,
            "function",
            "a static too"
        );
        assert.deepEqual(this.warn.info, [[info]], "one console.info");
        const answer = await LOADING.send(client.access.users.get("a b#1"));
        assert.strictEqual(answer.url, "/echo/api/access/users/a%20b%231");
    });
});

QUnit.module("ES module: the legacy OctoPrint.users", function (hooks) {
    hooks.beforeEach(function () {
        this.warn = recordWarnings();
    });
    hooks.afterEach(function () {
        this.warn.restore();
    });

    QUnit.test(
        "registerUsers(undefined) throws the load-order Error",
        async function (assert) {
            const {error} = await LOADING.messages();
            assert.throws(
                () => registerUsers(undefined),
                (e) => e.constructor === Error && e.message === error
            );
        }
    );

    QUnit.test(
        "registerUsers(OctoPrintClient): OctoPrint.users forwards",
        async function (assert) {
            assert.strictEqual(registerUsers(window.OctoPrintClient), undefined);
            registerUsers(window.OctoPrintClient); // again: harmless
            const client = new window.OctoPrintClient({
                baseurl: LOADING.echo,
                apikey: "K"
            });
            assert.strictEqual(client.users.base, client);
            const answer = await LOADING.send(client.users.get("a b"));
            assert.deepEqual(
                [answer.method, answer.url],
                ["GET", "/echo/api/access/users/a%20b"]
            );
            assert.strictEqual(this.warn.calls.length, 1, "one deprecation line");
        }
    );

    QUnit.test(
        "registerUsers where OctoPrint 1.x's users came first: OctoPrint takes this alias",
        async function (assert) {
            const Host = await freshHost();
            const Theirs = function (base) {
                this.base = base;
            };
            Host.registerComponent("users", Theirs);
            const page = window.OctoPrint;
            try {
                window.OctoPrint = new Host({baseurl: LOADING.echo, apikey: "K"});
                const before = window.OctoPrint.users;
                registerUsers(Host);
                const users = window.OctoPrint.users;
                assert.ok(before instanceof Theirs, "it was OctoPrint's");
                assert.notOk(users instanceof Theirs, "it is this alias now");
                assert.strictEqual(users.base, window.OctoPrint);
                assert.ok(new Host().users instanceof Theirs, "other clients: theirs");
                registerUsers(Host); // again: harmless
                assert.strictEqual(window.OctoPrint.users, users);
                register(Host);
                const answer = await LOADING.send(users.get("a b"));
                assert.strictEqual(answer.url, "/echo/api/access/users/a%20b");
            } finally {
                window.OctoPrint = page;
            }
        }
    );
});

/** console.warn (calls) and console.info (info), recorded and silenced until restore(). */
function recordWarnings() {
    const original = [console.warn, console.info];
    const stub = {
        calls: [],
        info: [],
        restore: () => {
            [console.warn, console.info] = original;
        }
    };
    console.warn = (...args) => stub.calls.push(args);
    console.info = (...args) => stub.info.push(args);
    return stub;
}

/** Another OctoPrintClient class: the host double's source run against a global of our own. */
async function freshHost() {
    const source = await (await fetch(LOADING.url.host)).text();
    const win = {jQuery: window.jQuery};
    new Function("define", source).call(win, undefined);
    return win.OctoPrintClient;
}
