// AMD with the real RequireJS: the host double is the named module "OctoPrintClient" (on
// "jquery"), the bundle the named module "OctoPrintAccessClient" (on "OctoPrintClient").
// Each case has a RequireJS context of its own, so each loads the files afresh.
/* global LOADING, requirejs */
(function () {
    "use strict";

    var module = function (url) {
        return url.replace(/\.js$/, "");
    };
    var PATHS = {
        jquery: module(LOADING.url.jquery),
        OctoPrintClient: module(LOADING.url.host)
    };

    // The default context knows no path for "OctoPrintAccessClient": it can only have it from
    // the bundle's script tag in the page, whose named define RequireJS queues until the next
    // require() takes it, and then loads "OctoPrintClient" for it.
    requirejs.config({paths: PATHS, waitSeconds: 10});

    var errors = LOADING.trap();
    var state = {};
    var snapshot = function () {
        return {
            hostScript: !!document.querySelector(
                'script[data-requiremodule="OctoPrintClient"]'
            ),
            hostSpecified: requirejs.specified("OctoPrintClient"),
            hostDefined: requirejs.defined("OctoPrintClient"),
            oursDefined: requirejs.defined("OctoPrintAccessClient"),
            globals: [
                window.OctoPrintClient,
                window.OctoPrint,
                window.OctoPrintAccessClient
            ]
        };
    };
    state.before = snapshot();

    window.AMD = {
        afterTag: function () {
            state.after = snapshot();
            state.errors = errors.release();
        }
    };

    /** require() as a promise of the modules; a load error rejects. */
    function need(req, deps) {
        return new Promise(function (resolve, reject) {
            req(
                deps,
                function () {
                    resolve([].slice.call(arguments));
                },
                reject
            );
        });
    }

    /** The copies of the shipped files a context loaded, by module id, sorted. */
    var loaded = function (name) {
        var scripts = document.querySelectorAll(
            'script[data-requirecontext="' + name + '"]'
        );
        return [].map
            .call(scripts, function (script) {
                return script.getAttribute("data-requiremodule");
            })
            .filter(function (id) {
                return id !== "jquery" && id !== "OctoPrintClient";
            })
            .sort();
    };

    /** Another URL of the same file. */
    var sameFile = function (url) {
        return url.replace("dist/", "dist/./");
    };

    /** A fresh RequireJS context with the given paths. */
    function context(name, paths) {
        return requirejs.config({context: name, paths: paths, waitSeconds: 10});
    }

    function noGlobals(assert) {
        assert.deepEqual(
            [window.OctoPrintClient, window.OctoPrint, window.OctoPrintAccessClient],
            [undefined, undefined, undefined],
            "no globals: everything went through AMD"
        );
    }

    QUnit.module("AMD with RequireJS");

    QUnit.test(
        "the bundle's script tag before the host: queued, then resolved",
        async function (assert) {
            var none = [undefined, undefined, undefined];
            assert.deepEqual(
                state.before,
                {
                    hostScript: false,
                    hostSpecified: false,
                    hostDefined: false,
                    oursDefined: false,
                    globals: none
                },
                "before the tag: no host anywhere"
            );
            assert.deepEqual(state.errors, [], "the tag ran without an error");
            assert.deepEqual(
                state.after,
                state.before,
                "after the tag: queued, not defined, no host requested, no global set"
            );

            var ours = await need(requirejs, ["OctoPrintAccessClient"]);
            var Component = ours[0];
            assert.strictEqual(
                typeof Component,
                "function",
                "the module is the constructor"
            );
            assert.ok(
                document.querySelector('script[data-requiremodule="OctoPrintClient"]'),
                "RequireJS loaded the host for it"
            );
            var host = await need(requirejs, ["OctoPrintClient", "jquery"]);
            assert.strictEqual(host[1].fn.jquery, LOADING.jquery, "jQuery version");
            assert.ok(
                !document.querySelector(
                    'script[data-requiremodule="OctoPrintAccessClient"]'
                ),
                "the bundle came from the tag only"
            );
            noGlobals(assert);
            await LOADING.works(assert, host[0], Component);
        }
    );

    QUnit.test(
        'require(["OctoPrintClient", "OctoPrintAccessClient"])',
        async function (assert) {
            var req = context(
                "both",
                Object.assign({OctoPrintAccessClient: module(LOADING.url.bundle)}, PATHS)
            );
            var modules = await need(req, [
                "OctoPrintClient",
                "OctoPrintAccessClient",
                "jquery"
            ]);
            assert.strictEqual(modules[2].fn.jquery, LOADING.jquery, "jQuery version");
            noGlobals(assert);
            await LOADING.works(assert, modules[0], modules[1]);
        }
    );

    QUnit.test(
        'require(["OctoPrintAccessClient"]) alone loads the host first',
        async function (assert) {
            var req = context(
                "ours",
                Object.assign({OctoPrintAccessClient: module(LOADING.url.bundle)}, PATHS)
            );
            var order = [];
            // RequireJS's hook, called as each module is defined
            requirejs.onResourceLoad = function (context, map) {
                if (context.contextName === "ours") order.push(map.id);
            };
            var ours = await need(req, ["OctoPrintAccessClient"]);
            var host = await need(req, ["OctoPrintClient"]);
            delete requirejs.onResourceLoad;
            assert.deepEqual(order, [
                "jquery",
                "OctoPrintClient",
                "OctoPrintAccessClient"
            ]);
            noGlobals(assert);
            await LOADING.works(assert, host[0], ours[0]);
        }
    );

    QUnit.test(
        "the bundle twice, by other module ids: the module keeps the first copy's value",
        async function (assert) {
            var req = context(
                "twice",
                Object.assign(
                    {
                        OctoPrintAccessClient: module(LOADING.url.bundle),
                        // the same file again (by another URL: RequireJS fetches a URL
                        // once), and the other build: each defines
                        // "OctoPrintAccessClient" once more
                        again: module(sameFile(LOADING.url.bundle)),
                        other: module(LOADING.url.otherBundle)
                    },
                    PATHS
                )
            );
            var first = (
                await need(req, ["OctoPrintAccessClient", "OctoPrintClient"])
            )[0];
            var copies = await need(req, ["again", "other"]);
            assert.deepEqual(copies, [undefined, undefined], "modules of no value");
            assert.deepEqual(loaded("twice"), [
                "OctoPrintAccessClient",
                "again",
                "other"
            ]);
            var modules = await need(req, ["OctoPrintAccessClient", "OctoPrintClient"]);
            assert.strictEqual(modules[0], first, "the first copy's class");
            var client = new modules[1]({baseurl: LOADING.echo, apikey: "K"});
            assert.ok(client.access instanceof modules[0], "client.access instanceof it");
            noGlobals(assert);
            await LOADING.works(assert, modules[1], modules[0]);
        }
    );

    QUnit.test(
        "the legacy users file twice: no value, no global, one alias per client",
        async function (assert) {
            var req = context(
                "users-twice",
                Object.assign(
                    {
                        OctoPrintAccessClient: module(LOADING.url.bundle),
                        OctoPrintUserClient: module(LOADING.url.users),
                        again: module(sameFile(LOADING.url.users))
                    },
                    PATHS
                )
            );
            var values = await need(req, [
                "OctoPrintUserClient",
                "again",
                "OctoPrintClient"
            ]);
            assert.deepEqual(
                values.slice(0, 2),
                [undefined, undefined],
                "no module value"
            );
            assert.deepEqual(loaded("users-twice"), [
                "OctoPrintAccessClient",
                "OctoPrintUserClient",
                "again"
            ]);
            noGlobals(assert);
            assert.strictEqual(window.OctoPrintUserClient, undefined, "no global");
            var client = new values[2]({baseurl: LOADING.echo, apikey: "K"});
            assert.strictEqual(client.users, client.users, "one alias per client");
            var warn = console.warn;
            console.warn = function () {};
            try {
                var answer = await LOADING.send(client.users.get("a b"));
                assert.strictEqual(answer.url, "/echo/api/access/users/a%20b");
            } finally {
                console.warn = warn;
            }
        }
    );

    QUnit.test(
        'the legacy users file: require(["OctoPrintUserClient"]) loads the host and access first',
        async function (assert) {
            var req = context(
                "users",
                Object.assign(
                    {
                        OctoPrintAccessClient: module(LOADING.url.bundle),
                        OctoPrintUserClient: module(LOADING.url.users)
                    },
                    PATHS
                )
            );
            var order = [];
            requirejs.onResourceLoad = function (context, map) {
                if (context.contextName === "users") order.push(map.id);
            };
            var users = await need(req, ["OctoPrintUserClient"]);
            var host = await need(req, ["OctoPrintClient", "OctoPrintAccessClient"]);
            delete requirejs.onResourceLoad;
            assert.deepEqual(order, [
                "jquery",
                "OctoPrintClient",
                "OctoPrintAccessClient",
                "OctoPrintUserClient"
            ]);
            assert.strictEqual(users[0], undefined, "the module has no value");
            noGlobals(assert);
            var warn = console.warn;
            console.warn = function () {};
            try {
                var client = new host[0]({baseurl: LOADING.echo, apikey: "K"});
                var answer = await LOADING.send(client.users.get("a b"));
                assert.deepEqual(
                    [answer.method, answer.url, answer.headers["x-api-key"]],
                    ["GET", "/echo/api/access/users/a%20b", "K"]
                );
                assert.ok(client.access instanceof host[1]);
            } finally {
                console.warn = warn;
            }
        }
    );
})();
