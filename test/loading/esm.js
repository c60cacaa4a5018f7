// dist/octoprint-access.mjs in the browser, as a plugin frontend's bundle would use it:
// importing registers nothing; register(OctoPrintClient) does, once.
/* global LOADING */
import {OctoPrintAccessClient, register} from "../../dist/octoprint-access.mjs";

const imported = {
    registered: "access" in window.OctoPrintClient.prototype,
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
        assert.deepEqual(imported, {registered: false, global: undefined});
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
