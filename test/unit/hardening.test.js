// Where this component is better than OctoPrint's own access.js (docs/wire.md, "Hardening").
// (Required arguments and the load order have their own files.)
import {BASE, CALLS, deepFreeze, wire} from "./helpers.js";

const {module, test} = QUnit;

// [name, the one path segment it must become]
const SEGMENTS = [
    ["alice", "alice"],
    ["a b", "a%20b"],
    ["a#b", "a%23b"],
    ["a?b=c&d", "a%3Fb%3Dc%26d"],
    ["100%", "100%25"],
    ["%41", "%2541"],
    ["a+b", "a%2Bb"],
    ["jürgen", "j%C3%BCrgen"],
    ["日本", "%E6%97%A5%E6%9C%AC"],
    ["🦊", "%F0%9F%A6%8A"],
    ["a/b", "a%2Fb"],
    ["../admin", "..%2Fadmin"],
    ["a\\b", "a%5Cb"],
    ["...", "..."],
    [".x", ".x"],
    ["-_.!~*'()", "-_.!~*'()"],
    [" lead", "%20lead"],
    ["tab\t", "tab%09"],
    ["semi;colon:", "semi%3Bcolon%3A"]
];

module("hardening: each name is one encoded path segment", function (hooks) {
    wire(hooks);

    for (const [name, segment] of SEGMENTS) {
        test(JSON.stringify(name), function (assert) {
            const a = this.client.access;
            a.users.get(name);
            a.users.changePassword(name, "pw");
            a.groups.update({key: name});
            assert.deepEqual(
                this.server.requests.map((r) => r.url),
                [
                    `${BASE}api/access/users/${segment}`,
                    `${BASE}api/access/users/${segment}/password`,
                    `${BASE}api/access/groups/${segment}`
                ]
            );
        });
    }
});

module("hardening: names through a real browser to a real server", function (hooks) {
    hooks.beforeEach(function () {
        this.client = new window.OctoPrintClient({baseurl: `${location.origin}/echo/`});
    });

    for (const [name, segment] of SEGMENTS) {
        test(JSON.stringify(name), async function (assert) {
            const echo = await this.client.access.users.getSettings(name);
            assert.strictEqual(echo.method, "GET");
            assert.strictEqual(echo.url, `/echo/api/access/users/${segment}/settings`);
        });
    }
});

module("hardening: the caller's objects are never changed", function (hooks) {
    wire(hooks);

    for (const [label, call] of CALLS) {
        test(`${label}: opts`, function (assert) {
            const opts = {headers: {"X-Test": "1"}, timeout: 5000};
            const before = JSON.stringify(opts);
            call(this.client.access, opts);
            assert.strictEqual(JSON.stringify(opts), before, "unchanged");
            assert.strictEqual(this.server.requests.length, 1);
            // Frozen, a write would throw in the host's strict code.
            call(this.client.access, deepFreeze(opts));
            assert.strictEqual(this.server.requests.length, 2);
        });
    }

    test("user, group and settings objects", function (assert) {
        const a = this.client.access;
        const objects = [
            {name: "bob", password: "pw"},
            {name: "bob", password: "pw", groups: null, active: 0},
            {key: "staff", name: "Staff"},
            {key: "staff", description: null, default: null},
            {interface: {color: "red"}},
            ["PRINT"],
            ["users"]
        ];
        // Not frozen: the bundle runs in sloppy mode, where a write to a frozen object is
        // dropped silently, and this test must see any write.
        const before = JSON.stringify(objects);
        a.users.add(objects[0]);
        a.users.add(objects[1]);
        a.groups.add(objects[2]);
        a.groups.add(objects[3] && {...objects[3], name: "n"});
        a.groups.update(objects[3]);
        a.users.saveSettings("bob", objects[4]);
        a.users.update("bob", true, objects[5], objects[6]);
        const opts = {};
        a.users.update("bob", true, false, objects[5], objects[6], opts);
        assert.deepEqual(opts, {}, "opts unchanged");
        assert.strictEqual(JSON.stringify(objects), before);
        assert.strictEqual(this.server.requests.length, 8);
    });
});

module("hardening: no lodash", function () {
    test("the bundle names no `_` and works on a page without lodash", async function (assert) {
        assert.strictEqual(
            typeof window._,
            "undefined",
            "no lodash here, yet every test runs"
        );
        const script = [...document.scripts].find((s) => /octoprint-access/.test(s.src));
        const source = await (await fetch(script.src)).text();
        assert.notOk(
            /\b_\./.test(source.replace(/\/\/# sourceMappingURL=.*/, "")),
            "no _."
        );
    });
});
