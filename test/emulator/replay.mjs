// The recordings of real OctoPrint servers (test/data/), each replayed against an emulator in
// its version's mode through one adapter: every status, content type and body must match, but
// for API key values (the recordings show "<apikey>") and the order of `needs` lists
// (OctoPrint makes them from a set). Runs in Node and in the page: no Node or DOM API here.

/** Each recording in test/data/ and the emulator version that must answer it. */
export const RECORDINGS = [
    {file: "octoprint-1.10.3-access.json", version: "1.10"},
    {file: "octoprint-1.11.8-access.json", version: "1.11"},
    {file: "octoprint-2.0.0rc3-access.json", version: "2.0"}
];

/** `value` with every API key value "<apikey>" and every needs list sorted. */
export function normalise(value, parent) {
    if (Array.isArray(value)) {
        const items = value.map((item) => normalise(item));
        return parent === "needs" ? items.sort() : items;
    }
    if (value === null || typeof value !== "object") return value;
    const result = {};
    for (const key of Object.keys(value).sort()) {
        result[key] =
            key === "apikey" && typeof value[key] === "string"
                ? "<apikey>"
                : normalise(
                      value[key],
                      key === "needs" || parent === "needs" ? "needs" : ""
                  );
    }
    return result;
}

/** The first difference between two JSON values, as "path: a != b"; null when equal. */
export function difference(actual, expected, path = "") {
    if (Array.isArray(actual) && Array.isArray(expected)) {
        if (actual.length !== expected.length) {
            return `${path || "body"}: ${actual.length} entries, recorded ${expected.length}`;
        }
        for (let i = 0; i < actual.length; i++) {
            const found = difference(actual[i], expected[i], `${path}[${i}]`);
            if (found) return found;
        }
        return null;
    }
    const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    if (isObject(actual) && isObject(expected)) {
        const keys = [
            ...new Set([...Object.keys(actual), ...Object.keys(expected)])
        ].sort();
        for (const key of keys) {
            const found = difference(actual[key], expected[key], `${path}.${key}`);
            if (found) return found;
        }
        return null;
    }
    return actual === expected
        ? null
        : `${path || "body"}: ${JSON.stringify(actual)} != recorded ${JSON.stringify(expected)}`;
}

/**
 * Replays `recording` in order. `send({method, path, key, body})` makes one request through
 * an adapter (`key`: the X-Api-Key to send, or null for none; `body`: the raw body text, or
 * undefined for none) and resolves to {status, contentType, json}. `adminKey` is the admin's
 * API key. Resolves to {entries, matched, failures: [text]}.
 */
export async function replay(recording, send, adminKey) {
    const failures = [];
    let matched = 0;
    let ownKey = null; // the recorded user's key, once it has one
    for (const [i, entry] of recording.entries.entries()) {
        const {method, path, as} = entry.request;
        const key = {
            none: null,
            wrong: "NOT-A-KEY",
            admin: adminKey,
            "user's own key": ownKey
        }[as];
        const body =
            "rawBody" in entry.request
                ? entry.request.rawBody
                : "body" in entry.request
                  ? JSON.stringify(entry.request.body)
                  : undefined;
        const answer = await send({method, path, key, body});
        if (
            answer.json &&
            typeof answer.json.apikey === "string" &&
            /apikey$/.test(path)
        ) {
            ownKey = answer.json.apikey;
        }
        const recorded = entry.response;
        const problems = [];
        if (answer.status !== recorded.status) {
            problems.push(`status ${answer.status}, recorded ${recorded.status}`);
        }
        if (!String(answer.contentType).startsWith(recorded.contentType)) {
            problems.push(`content type ${answer.contentType}`);
        }
        const found = difference(normalise(answer.json), normalise(recorded.body));
        if (found) problems.push(found.slice(0, 400));
        if (problems.length) {
            failures.push(`#${i} ${entry.what}: ${problems.join("; ")}`);
        } else {
            matched += 1;
        }
    }
    return {entries: recording.entries.length, matched, failures};
}
