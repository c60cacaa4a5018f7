// The bundle loaded where "access" is registered already (OctoPrint's own access.js came
// first): no exception, one console.warn, the existing component stays, the page works on.
/* global LOADING */
(function () {
    "use strict";

    // OctoPrint's own component, as far as this page can tell
    var Theirs = function (base) {
        this.base = base;
    };
    window.OctoPrintClient.registerComponent("access", Theirs);

    var warnings = [];
    var warn = console.warn;
    console.warn = function () {
        warnings.push([].slice.call(arguments));
    };
    var errors = LOADING.trap();
    var state = {};

    window.DOUBLE = {
        after: function () {
            console.warn = warn;
            state.errors = errors.release();
            state.ranOn = true; // the scripts after the bundle still run
        }
    };

    QUnit.module("access registered already");

    QUnit.test(
        "no exception, one warning with the documented message",
        async function (assert) {
            var expected = (await LOADING.messages()).warning;
            assert.deepEqual(state.errors, [], "no exception");
            assert.deepEqual(warnings, [[expected]], "one console.warn");
            assert.ok(state.ranOn, "the page's later scripts ran");
        }
    );

    QUnit.test("the existing component stays, on every client", function (assert) {
        assert.ok(window.OctoPrint.access instanceof Theirs, "OctoPrint.access");
        var client = new window.OctoPrintClient({baseurl: LOADING.echo});
        assert.ok(client.access instanceof Theirs, "a new client's access");
        assert.strictEqual(client.access.base, client);
    });

    QUnit.test(
        "window.OctoPrintAccessClient is this bundle's, and works",
        async function (assert) {
            var Ours = window.OctoPrintAccessClient;
            assert.strictEqual(typeof Ours, "function");
            assert.notStrictEqual(Ours, Theirs);
            var a = new window.OctoPrintClient({baseurl: LOADING.echo, apikey: "K"});
            var b = new window.OctoPrintClient({
                baseurl: LOADING.echo + "b",
                apikey: "L"
            });
            await LOADING.requests(assert, new Ours(a), new Ours(b));
        }
    );

    QUnit.test("the host works on: jQuery, other components", async function (assert) {
        window.OctoPrintClient.registerComponent("other", Theirs);
        assert.ok(
            window.OctoPrint.other instanceof Theirs,
            "another component registers"
        );
        var answer = await LOADING.send(
            window.jQuery.ajax(LOADING.echo + "x", {dataType: "json"})
        );
        assert.strictEqual(answer.url, "/echo/x");
    });
})();
