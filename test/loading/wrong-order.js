// The bundle loaded before OctoPrint's client: a classic script error saying what to load first.
/* global LOADING */
(function () {
    "use strict";

    QUnit.module("loaded before the host");

    QUnit.test("one Error, with the documented message", async function (assert) {
        var expected = (await LOADING.messages()).error;
        var errors = LOADING.early.errors;
        assert.strictEqual(errors.length, 1, "one uncaught error");
        var error = errors[0] && errors[0].error;
        assert.ok(error && error.constructor === Error, "an Error");
        assert.strictEqual(error && error.message, expected, "the message");
        assert.ok(/base\.js/.test(expected), "it names the file to load first");
        assert.ok(/jQuery and lodash/.test(expected), "and what that file needs");
        assert.strictEqual(
            new URL(errors[0].source).pathname,
            new URL(LOADING.url.bundle, location.href).pathname,
            "thrown by the bundle's script"
        );
        assert.strictEqual(LOADING.early.global, undefined, "no global set");
    });

    QUnit.test("loaded again after the host, it works", async function (assert) {
        assert.ok(window.OctoPrint.access instanceof window.OctoPrintAccessClient);
        await LOADING.works(assert, window.OctoPrintClient, window.OctoPrintAccessClient);
    });
})();
