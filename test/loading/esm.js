// dist/octoprint-access.mjs in the browser, as a plugin frontend's bundle would use it:
// importing registers nothing; register(OctoPrintClient) does, once.
/* global LOADING */
import {
    OctoPrintAccessClient,
    register,
    registerUsers
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

    QUnit.test(
        "register again: one warning, the component stays",
        async function (assert) {
            const {warning} = await LOADING.messages();
            const before = window.OctoPrint.access;
            assert.strictEqual(register(window.OctoPrintClient), OctoPrintAccessClient);
            assert.deepEqual(this.warn.calls, [[warning]]);
            assert.strictEqual(window.OctoPrint.access, before);
        }
    );
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
});

/** console.warn, recorded and silenced until restore(). */
function recordWarnings() {
    const original = console.warn;
    const stub = {
        calls: [],
        restore: () => {
            console.warn = original;
        }
    };
    console.warn = (...args) => stub.calls.push(args);
    return stub;
}
