// Shared test helpers: a fake XHR server per test (nise), a client bound to it, and ways to read
// the requests it saw. The host double and the bundle are globals loaded by ../setup.js.

export const BASE = "http://octopi.local/";
export const APIKEY = "0123456789ABCDEF";

/** Every method, called with valid arguments and `o` as its options: [label, call]. */
export const CALLS = [
    ["permissions.list", (a, o) => a.permissions.list(o)],
    ["users.list", (a, o) => a.users.list(o)],
    ["users.get", (a, o) => a.users.get("alice", o)],
    ["users.add", (a, o) => a.users.add({name: "bob", password: "pw"}, o)],
    ["users.update", (a, o) => a.users.update("alice", true, [], [], o)],
    ["users.delete", (a, o) => a.users.delete("alice", o)],
    ["users.changePassword", (a, o) => a.users.changePassword("alice", "pw", "old", o)],
    ["users.generateApiKey", (a, o) => a.users.generateApiKey("alice", o)],
    ["users.resetApiKey", (a, o) => a.users.resetApiKey("alice", o)],
    ["users.getSettings", (a, o) => a.users.getSettings("alice", o)],
    ["users.saveSettings", (a, o) => a.users.saveSettings("alice", {}, o)],
    ["groups.list", (a, o) => a.groups.list(o)],
    ["groups.get", (a, o) => a.groups.get("g", o)],
    ["groups.add", (a, o) => a.groups.add({key: "g", name: "G"}, o)],
    ["groups.update", (a, o) => a.groups.update({key: "g"}, o)],
    ["groups.delete", (a, o) => a.groups.delete("g", o)]
];

/**
 * Every method that puts a name or key into the path:
 * [label, call given the name n, what the argument is, the path before the segment, after it].
 */
export const NAMED = [
    ["users.get", (a, n) => a.users.get(n), "user name", "api/access/users/", ""],
    [
        "users.update",
        (a, n) => a.users.update(n, true),
        "user name",
        "api/access/users/",
        ""
    ],
    [
        "users.update, 1.x order",
        (a, n) => a.users.update(n, true, false, []),
        "user name",
        "api/access/users/",
        ""
    ],
    ["users.delete", (a, n) => a.users.delete(n), "user name", "api/access/users/", ""],
    [
        "users.changePassword",
        (a, n) => a.users.changePassword(n, "pw"),
        "user name",
        "api/access/users/",
        "/password"
    ],
    [
        "users.generateApiKey",
        (a, n) => a.users.generateApiKey(n),
        "user name",
        "api/access/users/",
        "/apikey"
    ],
    [
        "users.resetApiKey",
        (a, n) => a.users.resetApiKey(n),
        "user name",
        "api/access/users/",
        "/apikey"
    ],
    [
        "users.getSettings",
        (a, n) => a.users.getSettings(n),
        "user name",
        "api/access/users/",
        "/settings"
    ],
    [
        "users.saveSettings",
        (a, n) => a.users.saveSettings(n, {}),
        "user name",
        "api/access/users/",
        "/settings"
    ],
    ["groups.get", (a, n) => a.groups.get(n), "group key", "api/access/groups/", ""],
    [
        "groups.update",
        (a, n) => a.groups.update({key: n}),
        "group key",
        "api/access/groups/",
        ""
    ],
    ["groups.delete", (a, n) => a.groups.delete(n), "group key", "api/access/groups/", ""]
];

/** Hooks for a module whose tests look at requests on the wire through a fake XHR server. */
export function wire(hooks) {
    hooks.beforeEach(function () {
        this.server = nise.fakeServer.create({respondImmediately: true});
        this.server.respondWith([200, {"Content-Type": "application/json"}, "{}"]);
        this.client = new window.OctoPrintClient({baseurl: BASE, apikey: APIKEY});
        this.sandbox = sinon.createSandbox();
    });
    hooks.afterEach(function () {
        this.server.restore();
        this.sandbox.restore();
    });
}

/** The one request the fake server saw, as {method, url, headers, body}. */
export function only(assert, server) {
    assert.strictEqual(server.requests.length, 1, "exactly one request");
    const xhr = server.requests[0];
    return {
        method: xhr.method,
        url: xhr.url,
        headers: xhr.requestHeaders,
        body: xhr.requestBody
    };
}

/** A header by name, whatever its case. */
export function header(request, name) {
    const key = Object.keys(request.headers).find(
        (key) => key.toLowerCase() === name.toLowerCase()
    );
    return key === undefined ? undefined : request.headers[key];
}

/** Asserts that `call` throws the host's InvalidArgumentError with `message`. */
export function throwsInvalid(assert, call, message, label) {
    let error;
    try {
        call();
    } catch (caught) {
        error = caught;
    }
    assert.ok(
        error instanceof window.OctoPrintClient.InvalidArgumentError,
        `${label}: throws InvalidArgumentError (got ${error && error.name})`
    );
    assert.strictEqual(error && error.name, "InvalidArgumentError", `${label}: name`);
    assert.strictEqual(error && error.message, message, `${label}: message`);
}

/** Freezes an object and everything in it. */
export function deepFreeze(value) {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
    }
    return value;
}

/** Runs the bundle's source again, in a window of our making (a fresh page without reloading). */
export async function evaluateBundle(win) {
    const source = await loadSource(bundleUrl());
    // `define` is shadowed so the bundle takes its script-tag path; `window` is the one given.
    return new Function("window", "define", source).call(win, win, undefined);
}

/** Runs the host double's source against `win` (its `this`), giving a fresh OctoPrintClient. */
export async function evaluateHost(win) {
    const source = await loadSource(
        new URL("../../server/host/base.js", import.meta.url)
    );
    new Function("define", source).call(win, undefined);
    return win.OctoPrintClient;
}

const sources = new Map();
async function loadSource(url) {
    if (!sources.has(String(url))) {
        const response = await fetch(url);
        sources.set(String(url), await response.text());
    }
    return sources.get(String(url));
}

/** The URL of the bundle this page loaded (plain or minified). */
export function bundleUrl() {
    const script = [...document.scripts].find((s) =>
        /octoprint-access(\.min)?\.js$/.test(s.src)
    );
    return script.src;
}
