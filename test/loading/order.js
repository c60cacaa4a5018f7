// Script tags in OctoPrint's page order: jQuery, lodash (or none), base.js, then the bundle.
/* global LOADING */
(function () {
    "use strict";

    QUnit.module(
        "page order, " + (LOADING.lodash ? "with" : "without") + " lodash",
        function () {
            QUnit.test("the page has what the URL asks for", function (assert) {
                assert.strictEqual(
                    window.jQuery.fn.jquery,
                    LOADING.jquery,
                    "jQuery version"
                );
                assert.strictEqual(
                    typeof window._,
                    LOADING.lodash ? "function" : "undefined",
                    "lodash"
                );
                const bundles = [...document.scripts].filter((s) =>
                    /octoprint-access/.test(s.src)
                );
                assert.deepEqual(
                    bundles.map((s) => s.getAttribute("src")),
                    [LOADING.url.bundle],
                    "the bundle, once"
                );
            });

            QUnit.test("OctoPrint.access is this bundle's component", function (assert) {
                assert.strictEqual(typeof window.OctoPrintAccessClient, "function");
                assert.ok(
                    window.OctoPrint.access instanceof window.OctoPrintAccessClient
                );
                assert.strictEqual(window.OctoPrint.access.base, window.OctoPrint);
            });

            QUnit.test(
                "the page's OctoPrint sends through its own base URL",
                async function (assert) {
                    window.OctoPrint.options.baseurl = LOADING.echo;
                    const answer = await LOADING.send(
                        window.OctoPrint.access.permissions.list()
                    );
                    assert.deepEqual(
                        [answer.method, answer.url],
                        ["GET", "/echo/api/access/permissions"]
                    );
                }
            );

            QUnit.test("client instances side by side", async function (assert) {
                await LOADING.works(
                    assert,
                    window.OctoPrintClient,
                    window.OctoPrintAccessClient
                );
            });
        }
    );
})();
