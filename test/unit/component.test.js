// The component on the host: registration, one instance per client, the load-order rules.
import {bundleUrl, evaluateBundle, evaluateHost} from "./helpers.js";

const {module, test} = QUnit;
const METHODS = {
    permissions: ["list"],
    users: [
        "list",
        "get",
        "add",
        "update",
        "delete",
        "changePassword",
        "generateApiKey",
        "resetApiKey",
        "getSettings",
        "saveSettings"
    ],
    groups: ["list", "get", "add", "update", "delete"]
};

module("component", function () {
    test("the page runs the jQuery and the bundle it asked for, without lodash", function (assert) {
        assert.strictEqual(window.jQuery.fn.jquery, window.TEST.jquery, "jQuery version");
        const min = window.TEST.bundle === "min";
        assert.strictEqual(/\.min\.js$/.test(bundleUrl()), min, `bundle ${bundleUrl()}`);
        assert.strictEqual(typeof window._, "undefined", "no lodash on the page");
    });

    test("sets window.OctoPrintAccessClient and registers `access` on OctoPrintClient", function (assert) {
        assert.strictEqual(typeof window.OctoPrintAccessClient, "function");
        assert.ok(window.OctoPrint.access instanceof window.OctoPrintAccessClient);
        assert.ok("access" in window.OctoPrintClient.prototype);
    });

    test("one component per client, cached, bound to that client", function (assert) {
        const other = new window.OctoPrintClient({baseurl: "http://other/"});
        assert.notStrictEqual(other.access, window.OctoPrint.access, "its own");
        assert.strictEqual(other.access.base, other, "access.base is the client");
        assert.strictEqual(window.OctoPrint.access.base, window.OctoPrint);
        for (const name of Object.keys(METHODS)) {
            assert.strictEqual(
                other.access[name].base,
                other,
                `${name}.base is the client`
            );
        }
    });

    test("every documented method is there", function (assert) {
        for (const [name, methods] of Object.entries(METHODS)) {
            for (const method of methods) {
                assert.strictEqual(
                    typeof window.OctoPrint.access[name][method],
                    "function",
                    `access.${name}.${method}`
                );
            }
        }
    });
});

module("load order", function (hooks) {
    hooks.beforeEach(function () {
        this.warn = sinon.stub(console, "warn");
        this.info = sinon.stub(console, "info");
    });
    hooks.afterEach(function () {
        this.warn.restore();
        this.info.restore();
    });

    test("loaded before OctoPrintClient: an Error that says what to load first", async function (assert) {
        const win = {};
        await assert.rejects(
            evaluateBundle(win),
            (error) =>
                error.constructor === Error &&
                error.message ===
                    "OctoPrintClient is missing: OctoPrint's base.js (which needs jQuery and lodash) must be loaded first, without an error"
        );
        assert.strictEqual(win.OctoPrintAccessClient, undefined, "nothing set");
    });

    test("on a fresh host: registers, warns about nothing", async function (assert) {
        const win = {jQuery: window.jQuery};
        const Host = await evaluateHost(win);
        await evaluateBundle(win);
        assert.strictEqual(this.warn.callCount, 0);
        assert.ok(new Host().access instanceof win.OctoPrintAccessClient);
        assert.notStrictEqual(
            win.OctoPrintAccessClient,
            window.OctoPrintAccessClient,
            "a new one"
        );
        // Each client's errors are its own host's class, with two hosts side by side.
        assert.throws(() => new Host().access.users.get(""), Host.InvalidArgumentError);
        assert.throws(
            () => window.OctoPrint.access.users.get(""),
            window.OctoPrintClient.InvalidArgumentError
        );
        assert.notStrictEqual(
            Host.InvalidArgumentError,
            window.OctoPrintClient.InvalidArgumentError
        );
    });

    test("where access is registered already: no exception, takes over on OctoPrint, one line", async function (assert) {
        const win = {jQuery: window.jQuery};
        const Host = await evaluateHost(win); // sets win.OctoPrint too, as base.js does
        const Theirs = function (base) {
            this.base = base;
        };
        Host.registerComponent("access", Theirs);
        await evaluateBundle(win);
        assert.strictEqual(this.warn.callCount, 0, "no warning");
        assert.deepEqual(
            this.info.args,
            [["replacing the registered access"]],
            "one info"
        );
        assert.ok(
            win.OctoPrint.access instanceof win.OctoPrintAccessClient,
            "OctoPrint's"
        );
        assert.ok(new Host().access instanceof Theirs, "other clients keep theirs");
        const other = new Host();
        assert.strictEqual(
            win.OctoPrintAccessClient.upgrade(other),
            other.access,
            "until upgrade(client)"
        );
        assert.ok(other.access instanceof win.OctoPrintAccessClient);
    });

    test("loaded twice on this page: the page keeps its component, nothing logged", async function (assert) {
        const before = window.OctoPrint.access;
        const win = {
            OctoPrintClient: window.OctoPrintClient,
            OctoPrint: window.OctoPrint
        };
        await evaluateBundle(win);
        assert.strictEqual(
            this.warn.callCount + this.info.callCount,
            0,
            "nothing logged"
        );
        assert.strictEqual(window.OctoPrint.access, before);
        assert.ok(window.OctoPrint.access instanceof window.OctoPrintAccessClient);
    });
});
