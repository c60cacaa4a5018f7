// Hands a QUnit page's result to the runner (test/run.mjs waits for window.qunitResult):
// counts of tests, and each failed test with its failed assertions. Load it right after qunit.js.
(function () {
    "use strict";
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
