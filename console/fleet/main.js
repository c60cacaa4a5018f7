/*
 * The fleet view (fleet.html): the servers npm start's fleet lists; every reachable one read
 * through its own client's access component (clients.js, loader.js); their users and groups
 * side by side with the drift marked (matrix.js, drift.js); changes planned and applied on
 * the ticked servers (actions.js, planning.js, plan.js, apply.js).
 */
import {fillForms, wireActions} from "./actions.js";
import {busy, byId, say} from "../dom.js";
import {clientFor, loadClient} from "./clients.js";
import {readFleet} from "./loader.js";
import {drawMatrices, drawServers} from "./matrix.js";
import {wirePlanning} from "./planning.js";
import {fetchServers} from "./servers.js";
import {fleet} from "./state.js";

let loading = null;

/**
 * What the view keeps of a server's lists: the members the matrices, the plan and the export
 * read. A user record of OctoPrint's carries much more (its needs, settings, API key), times
 * 200 users times 100 servers.
 */
function kept({users, groups, permissions}) {
    return {
        users: users.map(({name, active, groups: of, permissions: own}) => ({
            name,
            active,
            groups: of,
            permissions: own
        })),
        groups: groups.map((group) => ({
            key: group.key,
            name: group.name,
            description: group.description,
            default: group.default,
            permissions: group.permissions,
            subgroups: group.subgroups,
            removable: group.removable,
            changeable: group.changeable
        })),
        permissions: permissions.map(({key}) => ({key}))
    };
}

/** Reads every server again; resolves to what it said ({text, kind}), also shown. */
function load() {
    if (loading) return loading;
    busy(+1);
    byId("reload").disabled = true;
    loading = fetchServers()
        .then((servers) => {
            fleet.servers = servers;
            fleet.read = new Map();
            drawServers();
            const reachable = servers.filter((server) => server.reachable);
            if (!reachable.length) {
                drawMatrices();
                return {text: "No server of the fleet answers.", kind: "error"};
            }
            let done = 0;
            return loadClient(reachable.map((server) => server.name))
                .then(() =>
                    readFleet(reachable, {
                        clientFor,
                        onRead(name, outcome) {
                            fleet.read.set(
                                name,
                                outcome.value ? {value: kept(outcome.value)} : outcome
                            );
                            done += 1;
                            byId("users-summary").textContent =
                                "Reading… " + done + " of " + reachable.length;
                        }
                    })
                )
                .then((read) => {
                    drawServers();
                    drawMatrices();
                    fillForms();
                    const failed = Array.from(read.values()).filter(
                        (outcome) => "error" in outcome
                    ).length;
                    const down = servers.length - reachable.length;
                    return {
                        text:
                            "Read " +
                            (reachable.length - failed) +
                            " of " +
                            servers.length +
                            " servers" +
                            (down ? "; " + down + " not reachable" : "") +
                            (failed ? "; " + failed + " failed" : "") +
                            ".",
                        kind: down || failed ? "error" : "ok"
                    };
                });
        })
        .catch((error) => ({
            text:
                error.status === 401
                    ? "Not signed in: open the link with the token that npm start printed."
                    : error.message,
            kind: "error"
        }))
        .then((said) => {
            say(said.text, said.kind);
            busy(-1);
            byId("reload").disabled = false;
            loading = null;
            return said;
        });
    return loading;
}

byId("reload").addEventListener("click", load);
byId("choose-all").addEventListener("click", () => {
    fleet.leftOut.clear();
    drawServers();
});
byId("only-drift").addEventListener("change", (event) => {
    byId("drift").classList.toggle("only-drift", event.target.checked);
});
wireActions();
wirePlanning(load);
load();
