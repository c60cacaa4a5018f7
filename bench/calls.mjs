// `npm run bench`: CPU per call of every method of the component, next to the floor, the same
// host call made directly with a prebuilt URL and body. The host's request methods are stubs
// that return at once, so only our own work is timed. Not part of `npm test`: timings are noisy.
//
//   npm run bench                                   # dist/octoprint-access.js
//   npm run bench -- dist/octoprint-access.min.js   # any other build of it
//   npm run bench -- --write                        # also into docs/size-and-speed.md
import {readFileSync} from "node:fs";
import {cpus} from "node:os";
import {Bench} from "tinybench";
import {docStates} from "../scripts/doc-block.mjs";

const file =
    process.argv.slice(2).find((arg) => !arg.startsWith("--")) ||
    new URL("../dist/octoprint-access.js", import.meta.url);
const ROUNDS = 5; // component and floor side by side in each, so machine noise cancels
const TIME = 100; // ms per task and round
const WARMUP = 30; // ms per task and round, before it is timed
const CALLS = 1000; // calls per sample: the timer's own cost (tens of ns) drowns in them

// The stub host. Each request method keeps its arguments in module state, which the optimiser
// cannot drop, and returns one constant "jqXHR". Five separate functions, so that no call
// site is shared (and made polymorphic) across methods. No call counter: past 2^30 calls it
// would turn into a heap number and allocate on every call.
const XHR = Object.freeze({});
let lastMethod, lastUrl, lastData, lastOpts;
const host = {
    get(url, opts) {
        lastMethod = "get";
        lastUrl = url;
        lastData = undefined;
        lastOpts = opts;
        return XHR;
    },
    delete(url, opts) {
        lastMethod = "delete";
        lastUrl = url;
        lastData = undefined;
        lastOpts = opts;
        return XHR;
    },
    postJson(url, data, opts) {
        lastMethod = "postJson";
        lastUrl = url;
        lastData = data;
        lastOpts = opts;
        return XHR;
    },
    putJson(url, data, opts) {
        lastMethod = "putJson";
        lastUrl = url;
        lastData = data;
        lastOpts = opts;
        return XHR;
    },
    patchJson(url, data, opts) {
        lastMethod = "patchJson";
        lastUrl = url;
        lastData = data;
        lastOpts = opts;
        return XHR;
    }
};

function OctoPrintClient() {
    this.components = {};
}
OctoPrintClient.InvalidArgumentError = class InvalidArgumentError extends Error {};
// A lazy getter per component, as OctoPrint's registerComponent defines it.
OctoPrintClient.registerComponent = (name, Component) => {
    Object.defineProperty(OctoPrintClient.prototype, name, {
        get() {
            return this.components[name] || (this.components[name] = new Component(this));
        }
    });
};
Object.assign(OctoPrintClient.prototype, host);

// The bundle runs in this realm, as it would beside OctoPrint's client in a page: `window` is
// its `this` (the global of a classic script) and its `window`, `define` is not defined, so its
// wrapper takes the global OctoPrintClient path.
const window = {OctoPrintClient};
new Function("window", readFileSync(file, "utf8")).call(window, window);
if (typeof window.OctoPrintAccessClient !== "function") {
    throw new Error(`bench: ${file} did not set window.OctoPrintAccessClient`);
}

const client = new OctoPrintClient();
const {permissions, users, groups} = client.access;

// The callers' objects, built once, as a UI handler would hold them.
const opts = {timeout: 5000};
const user = {name: "alice", password: "s3cret", groups: ["users"]};
const perms = ["PRINT"];
const userGroups = ["users"];
const settings = {interface: {language: "de"}};
const group = {key: "staff", name: "Staff", permissions: ["PRINT"]};
const groupChange = {key: "staff", description: "The staff"};
const fancy = "Jürgen Müller";

// The floor's prebuilt URLs and bodies: what the component sends, checked below.
const U = "api/access/users";
const G = "api/access/groups";
const userBody = {
    name: "alice",
    password: "s3cret",
    groups: ["users"],
    permissions: [],
    active: true
};
const updateBody = {active: true, groups: userGroups, permissions: perms};
const groupBody = {key: "staff", name: "Staff", permissions: ["PRINT"], subgroups: []};
const c = client;

// [call, component, floor]. Each arrow is its own function literal, so each gets its own
// type feedback and the loop around it can inline it.
const cases = [
    [
        "permissions.list()",
        () => permissions.list(),
        () => c.get("api/access/permissions", undefined)
    ],
    ["users.list()", () => users.list(), () => c.get(U, undefined)],
    ["users.get(name)", () => users.get("alice"), () => c.get(U + "/alice", undefined)],
    ["users.add(user)", () => users.add(user), () => c.postJson(U, userBody, undefined)],
    [
        "users.update(name, active, permissions, groups)",
        () => users.update("alice", true, perms, userGroups),
        () => c.putJson(U + "/alice", updateBody, undefined)
    ],
    [
        "users.update(name, active, admin, permissions, groups)",
        () => users.update("alice", true, false, perms, userGroups),
        // The admin-third order without a sixth argument hands the base client {} (docs/wire.md).
        () => c.putJson(U + "/alice", updateBody, {})
    ],
    ["users.delete(name)", () => users.delete("alice"), () => c.delete(U + "/alice")],
    [
        "users.changePassword(name, password)",
        () => users.changePassword("alice", "new"),
        () => c.putJson(U + "/alice/password", {password: "new"}, undefined)
    ],
    [
        "users.changePassword(name, password, oldpw)",
        () => users.changePassword("alice", "new", "old"),
        () =>
            c.putJson(U + "/alice/password", {password: "new", current: "old"}, undefined)
    ],
    [
        "users.generateApiKey(name)",
        () => users.generateApiKey("alice"),
        () => c.postJson(U + "/alice/apikey", null, undefined)
    ],
    [
        "users.resetApiKey(name)",
        () => users.resetApiKey("alice"),
        () => c.delete(U + "/alice/apikey", undefined)
    ],
    [
        "users.getSettings(name)",
        () => users.getSettings("alice"),
        () => c.get(U + "/alice/settings", undefined)
    ],
    [
        "users.saveSettings(name, settings)",
        () => users.saveSettings("alice", settings),
        () => c.patchJson(U + "/alice/settings", settings, undefined)
    ],
    ["groups.list()", () => groups.list(), () => c.get(G, undefined)],
    ["groups.get(key)", () => groups.get("staff"), () => c.get(G + "/staff", undefined)],
    [
        "groups.add(group)",
        () => groups.add(group),
        () => c.postJson(G, groupBody, undefined)
    ],
    [
        "groups.update(group)",
        () => groups.update(groupChange),
        () => c.putJson(G + "/staff", {description: "The staff"}, undefined)
    ],
    ["groups.delete(key)", () => groups.delete("staff"), () => c.delete(G + "/staff")],
    // Names that need encoding: the slow path.
    [
        `users.get("${fancy}")`,
        () => users.get(fancy),
        () => c.get(U + "/J%C3%BCrgen%20M%C3%BCller", undefined)
    ],
    [
        `users.update("${fancy}", ...)`,
        () => users.update(fancy, true, perms, userGroups),
        () => c.putJson(U + "/J%C3%BCrgen%20M%C3%BCller", updateBody, undefined)
    ],
    // With request options: the component copies them, the floor hands them on.
    ["users.list(opts)", () => users.list(opts), () => c.get(U, opts)],
    [
        "users.get(name, opts)",
        () => users.get("alice", opts),
        () => c.get(U + "/alice", opts)
    ],
    [
        "users.update(name, active, permissions, groups, opts)",
        () => users.update("alice", true, perms, userGroups, opts),
        () => c.putJson(U + "/alice", updateBody, opts)
    ],
    [
        "groups.add(group, opts)",
        () => groups.add(group, opts),
        () => c.postJson(G, groupBody, opts)
    ]
];

// The floor must be the very call the component makes, or the ratio means nothing.
for (const [name, ours, floor] of cases) {
    const seen = [ours, floor].map((fn) => {
        lastMethod = lastUrl = lastData = lastOpts = undefined;
        fn();
        return JSON.stringify([lastMethod, lastUrl, lastData, lastOpts]);
    });
    if (seen[0] !== seen[1]) {
        throw new Error(
            `bench: ${name} differs from its floor:\n  ${seen[0]}\n  ${seen[1]}`
        );
    }
}

// One loop per task, each compiled from its own source (V8 caches compiled code by source
// text), so that no call site is shared between tasks: a shared one goes megamorphic, stops
// inlining and adds a few ns to every call, more than the floor itself.
let loops = 0;
const loop = (fn) =>
    new Function(
        "fn",
        `return function loop${loops++}() { for (let i = 0; i < ${CALLS}; i++) fn(); };`
    )(fn);
const tasks = cases.map(([name, ours, floor]) => ({
    name,
    ours: loop(ours),
    floor: loop(floor)
}));

const nsPerCall = (task) => (task.result.latency.p50 * 1e6) / CALLS;
const results = new Map(tasks.map(({name}) => [name, {ours: [], floor: []}]));
const started = Date.now();
// Round 0 is a warm-up, not recorded: the shared code (segment, copy, the host stubs) settles
// its type feedback only once every task has run.
for (let round = 0; round <= ROUNDS; round++) {
    const time = round ? TIME : TIME / 4;
    const bench = new Bench({time, warmupTime: WARMUP, throws: true});
    for (const {name, ours, floor} of tasks) {
        // Alternate which of the pair goes first, so a drift in the machine favours neither.
        const pair = [
            [`ours ${name}`, ours],
            [`floor ${name}`, floor]
        ];
        if (round % 2) pair.reverse();
        for (const [label, fn] of pair) bench.add(label, fn);
    }
    await bench.run();
    if (!round) continue;
    for (const {name} of tasks) {
        results.get(name).ours.push(nsPerCall(bench.getTask(`ours ${name}`)));
        results.get(name).floor.push(nsPerCall(bench.getTask(`floor ${name}`)));
    }
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ns = (value) => value.toFixed(1);
const times = (value) => value.toFixed(2);

// Markdown: what docs/size-and-speed.md shows.
const lines = [];
const cpu = cpus()[0];
lines.push(
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
        `${cpu ? cpu.model.trim() : "unknown CPU"} (${cpus().length} CPUs), ` +
        `${process.platform}/${process.arch};\n` +
        `${String(file).replace(/^.*\/dist\//, "dist/")}; ` +
        `${ROUNDS} rounds, median of ${CALLS}-call samples`
);
lines.push("");
lines.push("| call | ns/call | floor | added | ratio | ratio range |");
lines.push("| --- | --: | --: | --: | --: | --: |");
for (const [name, {ours, floor}] of results) {
    const ratios = ours.map((value, round) => value / floor[round]);
    lines.push(
        `| \`${name}\` | ${ns(median(ours))} | ${ns(median(floor))} | ` +
            `${ns(median(ours) - median(floor))} | ${times(median(ratios))} | ` +
            `${times(Math.min(...ratios))}–${times(Math.max(...ratios))} |`
    );
}
console.log(lines.join("\n"));
await docStates("bench", lines.join("\n"));
console.log("");
console.log(`Ran in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
