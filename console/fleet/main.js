/*
 * The fleet page (fleet.html), a first plain view: the servers npm start's fleet lists, and
 * for each one that answers its users and groups, read through its own client's access
 * component. servers.js asks the fleet server, clients.js makes one client per server,
 * loader.js reads them all a few at a time.
 */
import {busy, byId, el, list, say} from "../dom.js";
import {clientFor, loadClient} from "./clients.js";
import {readFleet} from "./loader.js";
import {fetchServers} from "./servers.js";

/** A table with a caption, column headers and one row per item; cells say their column. */
function table(caption, columns, rows) {
    return el(
        "div",
        {className: "scroll"},
        el(
            "table",
            {},
            el("caption", {textContent: caption}),
            el(
                "thead",
                {},
                el(
                    "tr",
                    {},
                    ...columns.map((column) =>
                        el("th", {scope: "col", textContent: column})
                    )
                )
            ),
            el(
                "tbody",
                {},
                ...rows.map((cells) =>
                    el(
                        "tr",
                        {},
                        ...cells.map((cell, index) =>
                            el("td", {dataset: {label: columns[index]}}, cell)
                        )
                    )
                )
            )
        )
    );
}

function showServers(servers) {
    byId("server-list").replaceChildren(
        ...servers.map((server) =>
            el(
                "tr",
                {dataset: {server: server.name}},
                el("th", {scope: "row", textContent: server.name}),
                el("td", {
                    dataset: {label: "Version"},
                    textContent: server.version || "—"
                }),
                el(
                    "td",
                    {
                        dataset: {label: "Status"},
                        className: "server-state " + (server.reachable ? "up" : "down")
                    },
                    server.reachable ? "answers" : "not reachable: " + server.error
                ),
                el(
                    "td",
                    {dataset: {label: "Address"}},
                    server.emulated
                        ? "embedded emulator (OctoPrint " + server.emulated + "'s rules)"
                        : el("code", {textContent: server.url})
                )
            )
        )
    );
}

/** The section of one server that answers: its users and groups, or why they are missing. */
function serverSection(server, outcome) {
    const id = "server-" + server.name;
    const section = el(
        "section",
        {
            id,
            className: "panel server",
            dataset: {server: server.name}
        },
        el("h2", {id: id + "-title", textContent: server.name}),
        el("p", {
            className: "hint",
            textContent: "OctoPrint " + server.version
        })
    );
    section.setAttribute("aria-labelledby", id + "-title");
    if (!outcome) {
        section.append(el("p", {textContent: "Reading…"}));
    } else if (outcome.error) {
        section.append(
            el("p", {
                className: "server-state down",
                textContent: "Could not read it: " + outcome.error
            })
        );
    } else {
        const {users, groups} = outcome.value;
        section.append(
            el("h3", {textContent: "Users"}),
            table(
                users.length + " users on " + server.name,
                ["Name", "Active", "Groups", "Own permissions"],
                users.map((user) => [
                    user.name,
                    user.active ? "active" : "inactive",
                    list(user.groups),
                    list(user.permissions)
                ])
            ),
            el("h3", {textContent: "Groups"}),
            table(
                groups.length + " groups on " + server.name,
                ["Key", "Name", "Default", "Permissions", "Subgroups"],
                groups.map((group) => [
                    group.key,
                    group.name,
                    group.default ? "yes" : "no",
                    list(group.permissions),
                    list(group.subgroups)
                ])
            )
        );
    }
    return section;
}

function load() {
    busy(+1);
    byId("reload").disabled = true;
    return fetchServers()
        .then((servers) => {
            showServers(servers);
            const reachable = servers.filter((server) => server.reachable);
            const details = byId("server-details");
            details.replaceChildren(...reachable.map((server) => serverSection(server)));
            if (!reachable.length) {
                say("No server of the fleet answers.", "error");
                return;
            }
            return loadClient(reachable.map((server) => server.name))
                .then(() =>
                    readFleet(reachable, {
                        clientFor,
                        onRead(name, outcome) {
                            const server = reachable.find((each) => each.name === name);
                            byId("server-" + name).replaceWith(
                                serverSection(server, outcome)
                            );
                        }
                    })
                )
                .then((read) => {
                    const failed = Array.from(read.values()).filter(
                        (outcome) => "error" in outcome
                    ).length;
                    const down = servers.length - reachable.length;
                    say(
                        "Read " +
                            (reachable.length - failed) +
                            " of " +
                            servers.length +
                            " servers" +
                            (down ? "; " + down + " not reachable" : "") +
                            (failed ? "; " + failed + " failed" : "") +
                            ".",
                        down || failed ? "error" : "ok"
                    );
                });
        })
        .catch((error) => {
            say(
                error.status === 401
                    ? "Not signed in: open the link with the token that npm start printed."
                    : error.message,
                "error"
            );
        })
        .then(() => {
            busy(-1);
            byId("reload").disabled = false;
        });
}

byId("reload").addEventListener("click", load);
load();
