// Loads jQuery (?jquery=3.5.1|3.7.1|4.0.0), the host double and the built bundle
// (?bundle=plain|min) in OctoPrint's page order, and hands QUnit's result to the runner.
(function () {
    "use strict";
    var JQUERY = {
        "3.5.1": "../node_modules/jquery-3.5.1/dist/jquery.min.js",
        "3.7.1": "../node_modules/jquery-3.7.1/dist/jquery.min.js",
        "4.0.0": "../node_modules/jquery/dist/jquery.min.js"
    };
    var BUNDLE = {
        plain: "../dist/octoprint-access.js",
        min: "../dist/octoprint-access.min.js"
    };
    var params = new URLSearchParams(location.search);
    var jquery = params.get("jquery") || "4.0.0";
    var bundle = params.get("bundle") || "plain";
    if (!JQUERY[jquery] || !BUNDLE[bundle])
        throw new Error("unknown ?jquery= or ?bundle=");

    window.TEST = {jquery: jquery, bundle: bundle};
    document.title += " (jQuery " + jquery + ", " + bundle + ")";
    [JQUERY[jquery], "host/base.js", BUNDLE[bundle]].forEach(function (src) {
        document.write('<script src="' + src + '"></scr' + "ipt>");
    });

    QUnit.config.reorder = false;
    QUnit.config.testTimeout = 10000;
    var failures = [];
    var show = function (value) {
        try {
            return JSON.stringify(value);
        } catch {
            return String(value);
        }
    };
    QUnit.on("testEnd", function (test) {
        if (test.status !== "failed") return;
        var details = test.errors.map(function (error) {
            return (
                (error.message || "") +
                ("expected" in error ? " expected " + show(error.expected) : "") +
                ("actual" in error ? " actual " + show(error.actual) : "")
            );
        });
        failures.push(test.fullName.join(" > ") + ": " + details.join("; "));
    });
    QUnit.on("runEnd", function (run) {
        window.qunitResult = {
            passed: run.testCounts.passed,
            failed: run.testCounts.failed,
            failures: failures
        };
    });
})();
