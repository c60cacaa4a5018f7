// What the tests rely on of the host double (server/host/base.js) and of the browser: facts of
// the platform, not of this component, kept apart so that the component's tests test it.
import {BASE, wire} from "./helpers.js";

const {module, test} = QUnit;

module("the host double, as OctoPrint's base client behaves", function (hooks) {
    wire(hooks);

    test("a component is made once per client and cached", function (assert) {
        const client = new window.OctoPrintClient({baseurl: "http://other/"});
        assert.strictEqual(client.access, client.access);
        assert.strictEqual(client.components.access, client.access);
    });

    test("a name cannot be registered twice", function (assert) {
        assert.throws(
            () => window.OctoPrintClient.registerComponent("access", function () {}),
            TypeError
        );
    });

    test("deprecated(old, new, fn): fn, with one console.warn line per call", function (assert) {
        const warn = sinon.stub(console, "warn");
        try {
            const wrapped = window.OctoPrintClient.deprecated("a.b", "a.c", function (x) {
                return [this, x];
            });
            const self = {};
            assert.deepEqual(wrapped.call(self, 1), [self, 1]);
            wrapped.call(self, 2);
            assert.deepEqual(warn.args, [
                ["a.b is deprecated, please use the new a.c function instead"],
                ["a.b is deprecated, please use the new a.c function instead"]
            ]);
        } finally {
            warn.restore();
        }
    });

    test("it writes opts.url into what it is given (why the component copies opts)", function (assert) {
        const opts = {};
        this.client.get("api/x", opts);
        assert.strictEqual(opts.url, `${BASE}api/x`);
    });
});

module("the browser", function () {
    test("collapses . and .. segments, even encoded (why they are refused)", async function (assert) {
        const base = `${location.origin}/echo/api/access/users/`;
        const plain = await window.jQuery.getJSON(`${base}../apikey`);
        const encoded = await window.jQuery.getJSON(`${base}%2E%2E/apikey`);
        assert.strictEqual(plain.url, "/echo/api/access/apikey");
        assert.strictEqual(encoded.url, "/echo/api/access/apikey");
    });
});
