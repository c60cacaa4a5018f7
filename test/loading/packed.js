// OctoPrint concatenates its client files into one asset (static/webassets/packed_client.js).
// Each case builds such a concatenation with the bundle in it and runs it as ONE classic script,
// so a missing semicolon or a trailing line comment in the file before ours would break ours.
/* global LOADING */
(function () {
    "use strict";

    // A client file before ours that ends in a call without a semicolon or newline: if ours began
    // with "(", it would be called with our wrapper as argument.
    var FOO =
        "window.fooCalls = 0;\nfunction foo() {\n    window.fooCalls += 1;\n}\nfoo()";
    // One that ends in a line comment without a newline: code on our first line would be lost.
    var COMMENT = FOO + ";\n// a line comment";
    // A file after ours that starts with "(": our end must not call into it.
    var AFTER = "(function () {\n    window.afterRan = true;\n})();\n";

    var sources;
    function text(url) {
        return fetch(url).then(function (response) {
            if (!response.ok) throw new Error(url + ": " + response.status);
            return response.text();
        });
    }

    /** OctoPrint's packing: each chunk after a line ";" and a line "// source: <path>". */
    function pack(chunks) {
        return chunks
            .map(function (chunk) {
                return "\n;\n// source: js/app/client/" + chunk[0] + "\n" + chunk[1];
            })
            .join("");
    }

    /** Runs `code` as one classic script on a page without the host or the component. */
    function run(code) {
        ["OctoPrintClient", "OctoPrint", "OctoPrintAccessClient", "afterRan"].forEach(
            function (name) {
                delete window[name];
            }
        );
        return LOADING.catchErrors(function () {
            var script = document.createElement("script");
            script.text = code;
            document.head.appendChild(script);
            script.remove();
        });
    }

    async function check(assert, code, after) {
        var errors = run(code);
        assert.deepEqual(
            errors.map(function (e) {
                return e.message;
            }),
            [],
            "runs without an error"
        );
        assert.strictEqual(window.fooCalls, 1, "the file before ours ran, once");
        assert.strictEqual(
            window.afterRan,
            after ? true : undefined,
            "the file after ours"
        );
        assert.strictEqual(typeof window.OctoPrintAccessClient, "function", "global set");
        assert.ok(
            window.OctoPrint.access instanceof window.OctoPrintAccessClient,
            "OctoPrint.access is the component"
        );
        await LOADING.works(assert, window.OctoPrintClient, window.OctoPrintAccessClient);
    }

    QUnit.module("packed into one file", {
        before: async function () {
            var all = await Promise.all([
                text(LOADING.url.host),
                text(LOADING.url.bundle)
            ]);
            sources = {host: all[0], bundle: all[1]};
        }
    });

    QUnit.test(
        "after a file ending in foo() with no semicolon or newline",
        async function (assert) {
            await check(assert, sources.host + "\n" + FOO + sources.bundle + AFTER, true);
        }
    );

    QUnit.test(
        "after a file ending in a line comment with no newline",
        async function (assert) {
            await check(assert, sources.host + "\n" + COMMENT + sources.bundle);
        }
    );

    QUnit.test("OctoPrint's packed_client.js shape", async function (assert) {
        var code = pack([
            ["base.js", sources.host],
            ["foo.js", FOO],
            ["access.js", sources.bundle],
            ["after.js", AFTER]
        ]);
        assert.ok(code.indexOf("foo()\n;\n// source: js/app/client/access.js\n") > 0);
        await check(assert, code, true);
    });

    QUnit.test("the hazard these cases guard against is seen", function (assert) {
        // A file starting with "(" after FOO calls foo()'s result: the checks above would see it.
        var errors = run(FOO + "(function () {})();");
        assert.deepEqual(
            errors.map(function (e) {
                return e.error && e.error.name;
            }),
            ["TypeError"]
        );
    });
})();
