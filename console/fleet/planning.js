// Plan, then apply: what an action wants is planned (plan.js) for the ticked servers from what
// was last read, and shown per server (create / update / delete with the fields that change,
// or nothing to do; warnings and notes) before anything is sent. Where a user must be created
// the plan asks for its password. Apply runs the plans (apply.js) with a progress bar while
// the page stays usable, shows a result per server, then reads every server again. "Retry the
// failed ones" plans again for those servers from a fresh read, so it never creates twice.
import {busy, byId, el, say} from "../dom.js";
import {applyPlans, failedServers} from "./apply.js";
import {clientFor} from "./clients.js";
import {serverNames} from "./drift.js";
import {passwordsNeeded, planFleet} from "./plan.js";
import {chosen, readStates} from "./state.js";

// The plan shown: its title, how to make what is wanted, the passwords given, the servers it
// is for (null: the ticked ones), the plans.
let current = null;
let applying = false;
let failed = []; // the servers whose last apply failed
let reread = () => Promise.resolve({text: "", kind: "ok"});

/** `reload()` reads every server again and resolves to its message ({text, kind}). */
export function wirePlanning(reload) {
    reread = reload;
    byId("apply").addEventListener("click", () => apply(current.plans));
    byId("retry").addEventListener("click", retry);
    byId("plan-close").addEventListener("click", () => {
        byId("plan").hidden = true;
    });
    byId("passwords-form").addEventListener("submit", (event) => {
        event.preventDefault();
        for (const input of byId("passwords").querySelectorAll("input")) {
            if (input.value) current.passwords[input.dataset.user] = input.value;
        }
        plan();
    });
}

/** An operation in words: "create user erin (active, groups)", "delete group staff". */
function opText(op) {
    const what = op.action + " " + op.kind + " " + op.id;
    if (op.missing) return what + ": needs a " + op.missing;
    if (op.action === "delete") return what;
    return what + ": " + op.fields.join(", ");
}

/** Plans `build(passwords)` for the ticked servers and shows it (title: what it is). */
export function showPlan(title, build) {
    if (applying) {
        say("Changes are being applied: plan the next one when they are done.", "error");
        return;
    }
    current = {title, build, passwords: {}, only: null, plans: []};
    byId("applying").hidden = true;
    plan();
}

function plan() {
    const names = new Set(current.only || chosen());
    let plans;
    try {
        plans = planFleet(readStates(), current.build(current.passwords)).filter((p) =>
            names.has(p.server)
        );
    } catch (error) {
        say("Cannot plan this: " + error.message, "error");
        return false;
    }
    current.plans = plans;
    drawPlan();
    return true;
}

function drawPlan() {
    const {title, plans} = current;
    const section = byId("plan");
    section.hidden = false;
    byId("plan-title").textContent = "Plan: " + title;

    // Servers that get the same are shown together.
    const same = new Map();
    for (const p of plans) {
        const lines = p.ops.length ? p.ops.map(opText) : ["nothing to do"];
        const key = JSON.stringify([lines, p.warnings, p.notes]);
        if (!same.has(key)) same.set(key, {servers: [], lines, plan: p});
        same.get(key).servers.push(p.server);
    }
    byId("plan-list").replaceChildren(
        ...Array.from(same.values(), ({servers, lines, plan: p}) =>
            el(
                "li",
                {dataset: {servers: servers.join(" ")}},
                el("strong", {
                    textContent:
                        (servers.length > 1 ? servers.length + " servers: " : "") +
                        servers.join(", ")
                }),
                el("ul", {}, ...lines.map((line) => el("li", {textContent: line}))),
                ...p.warnings.map((w) =>
                    el("p", {
                        className: "warn",
                        textContent: "Warning: " + w.kind + " " + w.id + ": " + w.text
                    })
                ),
                ...p.notes.map((n) =>
                    el("p", {
                        className: "hint",
                        textContent: "Note: " + n.kind + " " + n.id + ": " + n.text
                    })
                )
            )
        )
    );

    const busyOnes = plans.filter((p) => p.ops.length);
    const needed = passwordsNeeded(plans);
    const form = byId("passwords-form");
    form.hidden = !needed.length;
    const where = new Map();
    for (const {server, name} of needed) {
        where.set(name, (where.get(name) || []).concat(server));
    }
    byId("passwords").replaceChildren(
        ...Array.from(where, ([name, servers], index) => {
            const input = el("input", {
                type: "password",
                id: "password-for-" + index,
                autocomplete: "new-password",
                required: true
            });
            input.dataset.user = name;
            return el(
                "label",
                {},
                "Password for " + name + " (created on " + serverNames(servers) + ")",
                input
            );
        })
    );
    byId("plan-summary").textContent = !plans.length
        ? "No server is ticked and read: nothing to plan."
        : plans.length +
          (plans.length === 1 ? " server: " : " servers: ") +
          busyOnes.length +
          " to change, " +
          (plans.length - busyOnes.length) +
          " with nothing to do." +
          (needed.length ? " Passwords are needed before it can be applied." : "");
    const button = byId("apply");
    button.disabled = applying || !busyOnes.length || needed.length > 0;
    button.textContent =
        "Apply to " + busyOnes.length + (busyOnes.length === 1 ? " server" : " servers");
    byId("plan-title").focus();
}

function resultItem(result) {
    let text;
    if (result.outcome === "nothing") text = "nothing to do";
    else if (result.outcome === "done") {
        text =
            "done (" +
            result.ran +
            (result.ran === 1 ? " change" : " changes") +
            ")" +
            (result.existed.length
                ? "; " + result.existed.join(", ") + " was there already and was updated"
                : "");
    } else {
        const {op, text: why} = result.failure;
        text =
            "failed at " +
            opText(op).replace(/:.*$/, "") +
            ": " +
            why +
            (result.ran ? " (" + result.ran + " done before it)" : "");
    }
    return el(
        "li",
        {className: "result " + result.outcome, dataset: {server: result.server}},
        el("strong", {textContent: result.server + ": "}),
        text
    );
}

async function apply(plans) {
    if (applying || !plans.length) return;
    applying = true;
    byId("apply").disabled = true;
    byId("retry").hidden = true;
    byId("applying").hidden = false;
    const progress = byId("apply-progress");
    const count = byId("apply-count");
    const results = byId("results");
    results.replaceChildren();
    busy(+1);
    let outcome;
    try {
        // Never rejects for a server's failure: each has its result.
        outcome = await applyPlans(plans, {
            accessFor: (name) => clientFor(name).access,
            onProgress({done, failed: bad, total}) {
                progress.max = Math.max(total, 1);
                progress.value = done + bad;
                count.textContent =
                    done + " done, " + bad + " failed, of " + total + " servers";
            },
            onResult(result) {
                results.append(resultItem(result));
            }
        });
    } catch (error) {
        say("Applying stopped: " + error.message, "error"); // a bug: say so
        return;
    } finally {
        busy(-1);
        applying = false;
    }
    failed = failedServers(outcome);
    const done = outcome.filter((r) => r.outcome === "done").length;
    applying = true; // until the fresh read is in: no plan from what is being replaced
    const read = await reread();
    applying = false;
    byId("retry").hidden = !failed.length;
    say(
        "Applied: " +
            done +
            " done, " +
            failed.length +
            " failed, " +
            (outcome.length - done - failed.length) +
            " with nothing to do. " +
            read.text,
        failed.length || read.kind === "error" ? "error" : "ok"
    );
}

/** Plans again for the servers that failed, from a fresh read, and applies that. */
async function retry() {
    if (applying || !failed.length) return;
    const names = failed;
    await reread();
    current.title = current.title.replace(/^(Retry: )?/, "Retry: ");
    current.only = names;
    if (plan() && !passwordsNeeded(current.plans).length) await apply(current.plans);
}
