// The few assertions the emulator's table needs, the same in Node and in the page (the
// table runs in both): equal, deepEqual (JSON values), ok, match. Each throws an Error.

function fail(message, fallback) {
    throw new Error(message || fallback);
}

const show = (value) => JSON.stringify(value);

function same(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
        return false;
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
}

export const assert = {
    equal(actual, expected, message) {
        if (actual !== expected) {
            fail(message, `expected ${show(expected)}, got ${show(actual)}`);
        }
    },
    deepEqual(actual, expected, message) {
        if (!same(actual, expected)) {
            fail(message, `expected ${show(expected)}, got ${show(actual)}`);
        }
    },
    ok(value, message) {
        if (!value) fail(message, `expected a true value, got ${show(value)}`);
    },
    match(text, pattern, message) {
        if (!pattern.test(text)) fail(message, `${show(text)} does not match ${pattern}`);
    }
};
