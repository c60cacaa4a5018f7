// Property: for any string other than "" (required), "." and ".." (refused), every method that
// takes a name or key puts it into exactly one path segment that decodes back to it, with no
// query or fragment.
import fc from "fast-check";
import {BASE, NAMED, wire} from "./helpers.js";

const {module, test} = QUnit;

const names = fc
    .oneof(
        fc.string(),
        fc.string({unit: "grapheme"}),
        fc.string({unit: "binary"}).filter((s) => s.isWellFormed()),
        fc.stringMatching(/^[./%#?+ ]{1,6}$/),
        fc.constantFrom("...", "%2E%2E", "a/../b", "?#", "%", "+", " x ")
    )
    .filter((s) => s !== "" && s !== "." && s !== "..");

module("property: any name round-trips through one path segment", function (hooks) {
    wire(hooks);

    test("for every name-taking method", function (assert) {
        const a = this.client.access;
        let checked = 0;
        fc.assert(
            fc.property(names, (name) => {
                this.server.requests.length = 0;
                NAMED.forEach(([, call]) => call(a, name));
                this.server.requests.forEach((request, i) => {
                    const [, , , before, after] = NAMED[i];
                    const url = request.url;
                    if (!url.startsWith(BASE + before) || !url.endsWith(after)) {
                        throw new Error(`${url} is not ${before}…${after}`);
                    }
                    const segment = url.slice(
                        (BASE + before).length,
                        url.length - after.length
                    );
                    if (/[/?#]/.test(segment))
                        throw new Error(`${segment} is not one segment`);
                    if (decodeURIComponent(segment) !== name) {
                        throw new Error(
                            `${segment} decodes to ${decodeURIComponent(segment)}`
                        );
                    }
                    const parsed = new URL(url);
                    if (parsed.search !== "" || parsed.hash !== "") {
                        throw new Error(`${url} has a query or fragment`);
                    }
                    checked++;
                });
                return this.server.requests.length === NAMED.length;
            }),
            {numRuns: 300}
        );
        assert.strictEqual(checked, 300 * NAMED.length, `${checked} requests checked`);
    });
});
