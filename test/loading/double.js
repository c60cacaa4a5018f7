// The bundle loaded where "access" is registered already: OctoPrint's own access.js came
// first, as on every stock page where this file is a plugin's clientjs asset. No exception;
// the bundle takes over on the page's default client OctoPrint (through its components map),
// with one console.info line, whether or not OctoPrint's own had been read (?read=1) before;
// other clients take it with OctoPrintAccessClient.upgrade(client). Then the other orders,
// on global objects of the tests' own: the file twice, a host without `components`.
/* global LOADING */
(function () {
    "use strict";

    var read = new URLSearchParams(location.search).get("read") === "1";

    // OctoPrint's own component, as far as this page can tell: names go out unencoded
    var Theirs = function (base) {
        this.base = base;
        this.users = {
            get: function (name) {
                return base.get("api/access/users/" + name);
            }
        };
    };
    window.OctoPrintClient.registerComponent("access", Theirs);
    var before = read ? window.OctoPrint.access : undefined;

    var logged = [];
    var original = {warn: console.warn, info: console.info};
    ["warn", "info"].forEach(function (name) {
        console[name] = function () {
            logged.push([name].concat([].slice.call(arguments)));
        };
    });
    var errors = LOADING.trap();
    var state = {};

    window.DOUBLE = {
        after: function () {
            console.warn = original.warn;
            console.info = original.info;
            state.errors = errors.release();
            state.ranOn = true; // the scripts after the bundle still run
        }
    };

    var source = LOADING.source;
    var evaluate = LOADING.evaluate;
    var recordConsole = LOADING.recordConsole;

    QUnit.module("access registered already" + (read ? ", and read" : ""));

    QUnit.test("no exception, one console.info line", async function (assert) {
        var expected = (await LOADING.messages()).info;
        assert.deepEqual(state.errors, [], "no exception");
        assert.deepEqual(logged, [["info", expected]], "one console.info, no warning");
        assert.ok(state.ranOn, "the page's later scripts ran");
    });

    QUnit.test("OctoPrint.access is this bundle's component", function (assert) {
        if (read) assert.ok(before instanceof Theirs, "it was OctoPrint's own");
        var access = window.OctoPrint.access;
        assert.ok(access instanceof window.OctoPrintAccessClient, "it is ours now");
        assert.strictEqual(access.base, window.OctoPrint, "bound to OctoPrint");
        assert.strictEqual(
            window.OctoPrint.components.access,
            access,
            "through components"
        );
        assert.strictEqual(window.OctoPrint.access, access, "one, every read");
    });

    QUnit.test("it encodes names, on the page's OctoPrint", async function (assert) {
        window.OctoPrint.options.baseurl = LOADING.echo;
        var answer = await LOADING.send(window.OctoPrint.access.users.get("a b#1"));
        assert.deepEqual(
            [answer.method, answer.url],
            ["GET", "/echo/api/access/users/a%20b%231"]
        );
    });

    QUnit.test(
        "upgrade(new OctoPrintClient({...})): ours, once",
        async function (assert) {
            var log = recordConsole();
            try {
                var Ours = window.OctoPrintAccessClient;
                var a = new window.OctoPrintClient({baseurl: LOADING.echo, apikey: "K"});
                var b = new window.OctoPrintClient({
                    baseurl: LOADING.echo + "b",
                    apikey: "L"
                });
                assert.ok(
                    a.access instanceof Theirs,
                    "other clients keep theirs until then"
                );
                var upgraded = Ours.upgrade(a);
                assert.ok(upgraded instanceof Ours, "returns the component");
                assert.strictEqual(a.access, upgraded, "client.access is it");
                assert.strictEqual(Ours.upgrade(a), upgraded, "again: the same one");
                assert.strictEqual(upgraded.base, a);
                assert.deepEqual(log.calls, [["info", (await LOADING.messages()).info]]);
                assert.ok(!(b.access instanceof Ours), "only the client given");
                await LOADING.requests(assert, a.access, Ours.upgrade(b));
            } finally {
                log.restore();
            }
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

    QUnit.module("access registered already: other orders, on fresh globals", {
        beforeEach: function () {
            this.log = recordConsole();
        },
        afterEach: function () {
            this.log.restore();
        }
    });

    /** A global object with jQuery and the host double, OctoPrint's own access registered. */
    async function fresh(registerTheirs) {
        var win = {jQuery: window.jQuery};
        evaluate(win, await source(LOADING.url.host));
        if (registerTheirs) win.OctoPrintClient.registerComponent("access", Theirs);
        return win;
    }

    /**
     * After a second copy: the global is still the first copy's class, the class of the live
     * component, and upgrade() on another client gives one of it.
     */
    function firstStays(assert, win, First) {
        assert.strictEqual(win.OctoPrintAccessClient, First, "the global is the first's");
        assert.ok(
            win.OctoPrint.access instanceof win.OctoPrintAccessClient,
            "OctoPrint.access instanceof OctoPrintAccessClient"
        );
        var other = new win.OctoPrintClient();
        assert.ok(win.OctoPrintAccessClient.upgrade(other) instanceof First);
    }

    // The second copy as the same file, or as the other build (two plugins, one shipping the
    // readable file, the other the minified one).
    var SECOND = [
        ["the file twice", LOADING.url.bundle],
        ["the file, then its other build", LOADING.url.otherBundle]
    ];

    SECOND.forEach(function (second) {
        QUnit.test(
            second[0] + " over OctoPrint's own: nothing changes, one line",
            async function (assert) {
                var win = await fresh(true);
                evaluate(win, await source(LOADING.url.bundle));
                var first = win.OctoPrint.access;
                var First = win.OctoPrintAccessClient;
                evaluate(win, await source(second[1]));
                assert.ok(first instanceof First, "the first copy took over");
                assert.strictEqual(
                    win.OctoPrint.access,
                    first,
                    "the second changed nothing"
                );
                assert.deepEqual(this.log.calls, [
                    ["info", (await LOADING.messages()).info]
                ]);
                firstStays(assert, win, First);
            }
        );

        for (const readFirst of [false, true]) {
            QUnit.test(
                second[0] +
                    ", its own copy registered" +
                    (readFirst ? " and read" : "") +
                    ": nothing changes, nothing logged",
                async function (assert) {
                    var win = await fresh(false);
                    evaluate(win, await source(LOADING.url.bundle));
                    var First = win.OctoPrintAccessClient;
                    var first = readFirst ? win.OctoPrint.access : undefined;
                    evaluate(win, await source(second[1]));
                    assert.ok(win.OctoPrint.access instanceof First, "the first copy's");
                    if (readFirst) assert.strictEqual(win.OctoPrint.access, first);
                    assert.ok(new win.OctoPrintClient().access instanceof First);
                    firstStays(assert, win, First);
                    assert.deepEqual(this.log.calls, [], "nothing logged");
                }
            );
        }
    });

    QUnit.test(
        "a host without components: the existing one stays, one warning",
        async function (assert) {
            var win = {};
            // a host of another kind: a lazy getter cached on the instance, no components map
            var Host = function () {};
            Host.registerComponent = function (name, Component) {
                Object.defineProperty(Host.prototype, name, {
                    get: function () {
                        var value = new Component(this);
                        Object.defineProperty(this, name, {value: value});
                        return value;
                    }
                });
            };
            Host.InvalidArgumentError = window.OctoPrintClient.InvalidArgumentError;
            Host.registerComponent("access", Theirs);
            win.OctoPrintClient = Host;
            win.OctoPrint = new Host();
            var code = await source(LOADING.url.bundle);
            var errors = LOADING.catchErrors(function () {
                evaluate(win, code);
            });
            assert.deepEqual(errors, []);
            assert.ok(win.OctoPrint.access instanceof Theirs, "the existing one stays");
            assert.deepEqual(this.log.calls, [
                ["warn", (await LOADING.messages()).warning]
            ]);
            assert.ok(win.OctoPrintAccessClient.upgrade(new Host()) instanceof Theirs);
        }
    );

    QUnit.test(
        "OctoPrint of another class: the existing one stays, one warning",
        async function (assert) {
            var win = await fresh(true);
            var other = await fresh(false);
            win.OctoPrint = new other.OctoPrintClient();
            evaluate(win, await source(LOADING.url.bundle));
            assert.ok(new win.OctoPrintClient().access instanceof Theirs);
            assert.deepEqual(this.log.calls, [
                ["warn", (await LOADING.messages()).warning]
            ]);
        }
    );
})();
