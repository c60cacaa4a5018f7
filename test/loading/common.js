// Shared by the loading pages: which jQuery and bundle the URL asks for (?jquery=, ?bundle=),
// and the checks that a loaded component works through the real bundle, the host double and
// the static server's /echo/. (QUnit's result reaches the runner through ../qunit-report.js.)
(function () {
    "use strict";
    var ROOT = "../../";
    var URLS = {
        jquery: {
            "3.5.1": "node_modules/jquery-3.5.1/dist/jquery.min.js",
            "3.7.1": "node_modules/jquery-3.7.1/dist/jquery.min.js",
            "4.0.0": "node_modules/jquery/dist/jquery.min.js"
        },
        bundle: {
            plain: "dist/octoprint-access.js",
            min: "dist/octoprint-access.min.js"
        },
        users: {
            plain: "dist/octoprint-users.js",
            min: "dist/octoprint-users.min.js"
        },
        fake: {
            plain: "dist/octoprint-access-fake.js",
            min: "dist/octoprint-access-fake.min.js"
        }
    };
    var params = new URLSearchParams(location.search);
    var jquery = params.get("jquery") || "4.0.0";
    var bundle = params.get("bundle") || "plain";
    if (!URLS.jquery[jquery] || !URLS.bundle[bundle]) {
        throw new Error("unknown ?jquery= or ?bundle=");
    }
    var ECHO = location.origin + "/echo/";

    var url = {
        jquery: ROOT + URLS.jquery[jquery],
        bundle: ROOT + URLS.bundle[bundle],
        // the other build of the bundle: a second copy from another plugin
        otherBundle: ROOT + URLS.bundle[bundle === "min" ? "plain" : "min"],
        users: ROOT + URLS.users[bundle],
        fake: ROOT + URLS.fake[bundle],
        // a stand-in for OctoPrint 1.x's own users.js
        users1x: ROOT + "test/loading/users-1x.js",
        host: ROOT + "server/host/base.js",
        lodash: ROOT + "node_modules/lodash/lodash.min.js",
        requirejs: ROOT + "node_modules/requirejs/require.js"
    };

    /** Writes classic script tags for the named urls (or paths), in order, while parsing. */
    function write(names) {
        names.forEach(function (name) {
            document.write('<script src="' + (url[name] || name) + '"></scr' + "ipt>");
        });
    }

    /** A jqXHR as a promise of the /echo/ answer; a failure names the request. */
    function send(xhr) {
        return new Promise(function (resolve, reject) {
            xhr.done(resolve).fail(function (jqXHR, textStatus, errorThrown) {
                reject(new Error("request failed: " + textStatus + " " + errorThrown));
            });
        });
    }

    /**
     * Two clients side by side, each with its own access bound to its base URL and API key,
     * and requests through them as the server received them.
     */
    async function works(assert, OctoPrintClient, Component) {
        var a = new OctoPrintClient({baseurl: ECHO, apikey: "K"});
        var b = new OctoPrintClient({baseurl: ECHO + "b", apikey: "L"});
        assert.ok(a.access instanceof Component, "client.access is the component");
        assert.strictEqual(a.access.base, a, "bound to its client");
        assert.notStrictEqual(a.access, b.access, "each client its own");
        await requests(assert, a.access, b.access);
    }

    /** Requests through two components (of clients on ECHO with key K, ECHO + "b" with L). */
    async function requests(assert, a, b) {
        var answers = await Promise.all([
            send(a.users.get("a b")),
            send(b.groups.add({key: "g/1", name: "G"})),
            send(a.users.delete("x"))
        ]);
        var seen = answers.map(function (r) {
            return [r.method, r.url, r.headers["x-api-key"], r.body];
        });
        assert.deepEqual(seen, [
            ["GET", "/echo/api/access/users/a%20b", "K", ""],
            [
                "POST",
                "/echo/b/api/access/groups",
                "L",
                '{"key":"g/1","name":"G","permissions":[],"subgroups":[]}'
            ],
            ["DELETE", "/echo/api/access/users/x", "K", ""]
        ]);
    }

    /**
     * The load-order messages: {error} (both shipped files), {warning, info} (keeping or taking
     * over a registered access component).
     */
    async function messages() {
        return {
            error: "OctoPrintClient is missing: OctoPrint's base.js (which needs jQuery and lodash) must be loaded first, without an error",
            warning: "keeping the registered access",
            info: "replacing the registered access"
        };
    }

    /**
     * Replaces window.onerror until release() (which puts QUnit's handler back): the errors
     * that reach it, uncaught exceptions of classic scripts included, are collected, and count
     * as handled, not as failures of the page.
     */
    function trap() {
        var errors = [];
        var previous = window.onerror;
        window.onerror = function (message, source, line, column, error) {
            errors.push({message: message, source: source, error: error});
            return true;
        };
        return {
            errors: errors,
            release: function () {
                window.onerror = previous;
                return errors;
            }
        };
    }

    /** Runs `body` under trap(); returns the errors it left uncaught. */
    function catchErrors(body) {
        var trapped = trap();
        try {
            body();
        } finally {
            trapped.release();
        }
        return trapped.errors;
    }

    var sources = {};
    /** A file's text, fetched once per page. */
    function source(url) {
        if (!sources[url]) {
            sources[url] = fetch(url).then(function (response) {
                return response.text();
            });
        }
        return sources[url];
    }

    /** Runs a file's source as a classic script whose global (`this`, window) is `win`. */
    function evaluate(win, code) {
        new Function("window", "define", code).call(win, win, undefined);
    }

    /** console.log/info/warn/error, recorded as [name, ...args] and silenced until restore(). */
    function recordConsole() {
        var names = ["log", "info", "warn", "error"];
        var saved = names.map(function (name) {
            return console[name];
        });
        var calls = [];
        names.forEach(function (name) {
            console[name] = function () {
                calls.push([name].concat([].slice.call(arguments)));
            };
        });
        return {
            calls: calls,
            restore: function () {
                names.forEach(function (name, i) {
                    console[name] = saved[i];
                });
            }
        };
    }

    window.LOADING = {
        jquery: jquery,
        bundle: bundle,
        echo: ECHO,
        url: url,
        write: write,
        send: send,
        works: works,
        requests: requests,
        trap: trap,
        messages: messages,
        catchErrors: catchErrors,
        source: source,
        evaluate: evaluate,
        recordConsole: recordConsole,
        label: "jQuery " + jquery + ", " + bundle
    };
    document.title += " (jQuery " + jquery + ", " + bundle + ")";
})();
