/*
 * The executor: runs the fleet's plans (plan.js), each call through that server's own
 * `OctoPrint.access`. A server's operations run one after another, in order; servers run side
 * by side, a few at a time. A create whose add is answered 409 found the user or group there
 * already (a lost answer, someone else meanwhile): its `ifExists` calls bring it to the wanted
 * state instead, so nothing is created twice. Any other failure stops that server (later
 * operations may need the failed one); a retry plans again from a fresh read. No DOM, as
 * plan.js.
 */
import {failureText} from "../answer.js";
import {eachLimited} from "./loader.js";
import {invoke} from "./plan.js";

/** @typedef {import("./plan.js").ServerPlan} ServerPlan */
/** @typedef {import("./plan.js").Operation} Operation */
/**
 * How one server's plan went. `outcome`: "done" (every operation ran), "nothing" (nothing to
 * do there) or "failed" (`failure` says where and why; the operations after it did not run).
 * @typedef {object} ServerResult
 * @property {string} server
 * @property {"done" | "nothing" | "failed"} outcome
 * @property {number} ran The operations that ran to the end.
 * @property {string[]} existed Ids of creates that found theirs there (409) and updated it.
 * @property {{op: Operation, status: number | null, text: string}} [failure] `status` is the
 *     answer's (0: no answer), null when no request was sent; `text` OctoPrint's own words.
 */
/** @typedef {{done: number, failed: number, total: number}} Progress */

/**
 * Servers whose plans run at once. A browser keeps about six connections to one origin, and
 * each server runs one request at a time here.
 */
export const APPLY_AT_ONCE = 6;

/**
 * One call as a promise: resolves with its answer, rejects with the failed jqXHR (a thrown
 * InvalidArgumentError rejects too).
 * @param {any} access
 * @param {import("./plan.js").Call} c
 * @returns {Promise<unknown>}
 */
function run(access, c) {
    return new Promise((resolve, reject) => {
        // A jqXHR is a thenable: its failure reaches `reject` with the jqXHR first.
        Promise.resolve(invoke(access, c)).then(resolve, reject);
    });
}

/**
 * Runs the calls in order; rejects with the first failure.
 * @param {any} access
 * @param {import("./plan.js").Call[]} calls
 */
function runAll(access, calls) {
    return calls.reduce(
        (previous, c) => previous.then(() => run(access, c)),
        /** @type {Promise<unknown>} */ (Promise.resolve())
    );
}

/**
 * Runs one server's plan.
 * @param {ServerPlan} plan
 * @param {any} access That server's `OctoPrint.access`.
 * @returns {Promise<ServerResult>}
 */
export async function applyPlan(plan, access) {
    /** @type {ServerResult} */
    const result = {
        server: plan.server,
        outcome: plan.ops.length ? "done" : "nothing",
        ran: 0,
        existed: []
    };
    for (const op of plan.ops) {
        if (op.missing) {
            result.outcome = "failed";
            result.failure = {op, status: null, text: `needs a ${op.missing}`};
            return result;
        }
        try {
            const [first, ...rest] = op.calls;
            try {
                await run(access, first);
            } catch (error) {
                const status = /** @type {{status?: unknown}} */ (error || {}).status;
                if (status !== 409 || op.action !== "create" || !op.ifExists) throw error;
                result.existed.push(op.id);
                await runAll(access, op.ifExists);
                result.ran += 1;
                continue;
            }
            await runAll(access, rest);
            result.ran += 1;
        } catch (error) {
            const status = /** @type {{status?: unknown}} */ (error || {}).status;
            result.outcome = "failed";
            result.failure = {
                op,
                status: typeof status === "number" ? status : null,
                text: failureText(error)
            };
            return result;
        }
    }
    return result;
}

/**
 * Runs every server's plan, `limit` servers at once, each through `accessFor(server)`.
 * `onProgress({done, failed, total})` is called at the start and as each server with
 * something to do ends (`total`: those servers), `onResult(result)` as each server ends.
 * Resolves to the results in the plans' order. Never rejects for a server's failure.
 * @param {ServerPlan[]} plans
 * @param {{accessFor: (server: string) => any, limit?: number, onProgress?: (progress: Progress) => void, onResult?: (result: ServerResult) => void}} options
 * @returns {Promise<ServerResult[]>}
 */
export async function applyPlans(
    plans,
    {accessFor, limit = APPLY_AT_ONCE, onProgress, onResult}
) {
    /** @type {Map<string, ServerResult>} */
    const results = new Map();
    const busy = plans.filter((plan) => plan.ops.length);
    const progress = {done: 0, failed: 0, total: busy.length};
    const report = (/** @type {ServerResult} */ result) => {
        results.set(result.server, result);
        if (onResult) onResult(result);
    };
    for (const plan of plans) {
        if (!plan.ops.length) {
            report({server: plan.server, outcome: "nothing", ran: 0, existed: []});
        }
    }
    if (onProgress) onProgress({...progress});
    const ended = await eachLimited(busy, limit, (plan) =>
        Promise.resolve()
            .then(() => applyPlan(plan, accessFor(plan.server)))
            .catch((error) => ({
                server: plan.server,
                outcome: /** @type {"failed"} */ ("failed"),
                ran: 0,
                existed: [],
                failure: {op: plan.ops[0], status: null, text: failureText(error)}
            }))
            .then((result) => {
                if (result.outcome === "failed") progress.failed += 1;
                else progress.done += 1;
                report(result);
                if (onProgress) onProgress({...progress});
            })
    );
    // Only a throwing onResult or onProgress (a bug) ends so: say it.
    for (const outcome of ended) if ("error" in outcome) throw outcome.error;
    return plans.map((plan) => /** @type {ServerResult} */ (results.get(plan.server)));
}

/**
 * The servers to retry: those whose plan failed.
 * @param {ServerResult[]} results
 */
export function failedServers(results) {
    return results.filter((result) => result.outcome === "failed").map((r) => r.server);
}
