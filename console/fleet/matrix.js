// The fleet view's tables: the servers (with the ticks that choose where changes go), and the
// users and groups across the fleet as drift.js computes them: one row per user or group, one
// column per server read, the first column and the header row sticky inside a scrolling
// region, so a hundred servers stay readable. A cell that is not as on most servers is marked
// (≠ and a colour), its row says what differs in words.
import {byId, el} from "../dom.js";
import {groupsMatrix, usersMatrix} from "./drift.js";
import {byText} from "./plan.js";
import {fleet, readStates} from "./state.js";

/** The servers table; its ticks choose where the next plan goes (state.js's leftOut). */
export function drawServers() {
    byId("server-list").replaceChildren(
        ...fleet.servers.map((server) => {
            const outcome = fleet.read.get(server.name);
            const usable = Boolean(outcome?.value);
            const tick = el("input", {
                type: "checkbox",
                id: "use-" + server.name,
                checked: usable && !fleet.leftOut.has(server.name),
                disabled: !usable
            });
            tick.setAttribute("aria-label", "Change " + server.name);
            tick.addEventListener("change", () => {
                if (tick.checked) fleet.leftOut.delete(server.name);
                else fleet.leftOut.add(server.name);
            });
            return el(
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
                        className:
                            "server-state " +
                            (server.reachable && !outcome?.error ? "up" : "down")
                    },
                    statusText(server, outcome)
                ),
                el(
                    "td",
                    {dataset: {label: "Address"}},
                    server.emulated
                        ? "embedded emulator (OctoPrint " + server.emulated + "'s rules)"
                        : el("code", {textContent: server.url})
                ),
                el("td", {dataset: {label: "Change"}}, tick)
            );
        })
    );
}

function statusText(server, outcome) {
    if (!server.reachable) return "not reachable: " + server.error;
    if (!outcome) return "answers; reading…";
    if (outcome.error) return "could not read it: " + outcome.error;
    return "answers";
}

// Column widths in rem, as fleet.css has them.
const FIRST = 11;
const COLUMN = 9;
// Lists longer than this show as a count ("17 permissions"), but where they differ.
const LISTED = 4;

/**
 * A cell: lines of text (white-space: pre-line), one text node. A line of a field that
 * differs starts with ≠, and the cell is marked.
 */
function cell(lines, differs, server) {
    const td = el("td", {
        className: differs.length ? "differs" : "",
        textContent: lines
            .filter(([text]) => text)
            .map(([text, field]) => (differs.includes(field) ? "≠ " + text : text))
            .join("\n")
    });
    td.dataset.server = server;
    if (differs.length) td.dataset.differs = differs.join(" ");
    return td;
}

/**
 * A list of keys in a cell: sorted; a long one as its count; where it differs from the list
 * most servers hold (`norm`), what it has more (+) and less (−).
 */
function keys(list, what, norm) {
    const sorted = list.slice().sort(byText);
    if (norm) {
        const more = sorted.filter((key) => !norm.includes(key));
        const less = norm.filter((key) => !list.includes(key)).sort(byText);
        if (sorted.length > LISTED || !sorted.length) {
            return (
                sorted.length +
                " " +
                what +
                (more.length ? ", + " + more.join(", ") : "") +
                (less.length ? ", − " + less.join(", ") : "")
            );
        }
    }
    if (!sorted.length) return "no " + what;
    return sorted.length > LISTED ? sorted.length + " " + what : sorted.join(", ");
}

/** What most servers hold of `field`: the value of a present cell that does not differ. */
function normOf(cells, field, recordOf) {
    const typical = cells.find((each) => recordOf(each) && !each.differs.includes(field));
    return typical ? recordOf(typical)[field] : null;
}

function userCell(row) {
    return ({server, user, differs}) => {
        if (!user) return cell([["absent", "missing"]], differs, server);
        const norm = (field) =>
            differs.includes(field) ? normOf(row.cells, field, (c) => c.user) : null;
        return cell(
            [
                [user.active ? "active" : "inactive", "active"],
                [keys(user.groups, "groups", norm("groups")), "groups"],
                [
                    user.permissions.length || differs.includes("permissions")
                        ? "+ " +
                          keys(user.permissions, "permissions", norm("permissions"))
                        : "",
                    "permissions"
                ]
            ],
            differs,
            server
        );
    };
}

function groupCell(row) {
    return ({server, group, differs}) => {
        if (!group) return cell([["absent", "missing"]], differs, server);
        const shows = (field) => differs.includes(field);
        const norm = (field) =>
            shows(field) ? normOf(row.cells, field, (c) => c.group) : null;
        return cell(
            [
                [shows("name") ? "named " + group.name : "", "name"],
                [
                    shows("description") ? "“" + group.description + "”" : "",
                    "description"
                ],
                [
                    group.default ? "default" : shows("default") ? "not default" : "",
                    "default"
                ],
                [
                    keys(group.permissions, "permissions", norm("permissions")),
                    "permissions"
                ],
                [
                    group.subgroups.length || shows("subgroups")
                        ? "subgroups: " +
                          keys(group.subgroups, "subgroups", norm("subgroups"))
                        : "",
                    "subgroups"
                ]
            ],
            differs,
            server
        );
    };
}

/** The row header: the id, a second line (the group's name), and the drift in words. */
function rowHeader(id, extra, drift) {
    return el(
        "th",
        {scope: "row"},
        el("span", {className: "id", textContent: id}),
        extra ? el("span", {className: "extra", textContent: extra}) : null,
        drift.length
            ? el("span", {className: "words", textContent: drift.join("; ")})
            : null
    );
}

function matrixTable(caption, first, servers, rows) {
    // A fixed layout: the browser sizes the columns from the header row alone, not from
    // every one of 20,000 cells.
    const width = "max(100%, " + (FIRST + COLUMN * servers.length) + "rem)";
    return el(
        "table",
        {style: "width: " + width},
        el("caption", {textContent: caption}),
        el(
            "thead",
            {},
            el(
                "tr",
                {},
                el("th", {scope: "col", textContent: first}),
                ...servers.map((name) => el("th", {scope: "col", textContent: name}))
            )
        ),
        el("tbody", {}, ...rows)
    );
}

function summary(count, what, drifted, servers) {
    if (!servers) return "No server read.";
    return (
        count +
        " " +
        what +
        " on " +
        servers +
        (servers === 1 ? " server" : " servers") +
        (drifted
            ? "; " + drifted + " not the same everywhere."
            : "; the same everywhere.")
    );
}

/** Both matrices, from what was read; the servers not read are named with their reason. */
export function drawMatrices() {
    const states = readStates();
    const users = usersMatrix(states);
    const groups = groupsMatrix(states);
    const count = users.servers.length;

    const out = fleet.servers
        .filter((server) => !fleet.read.get(server.name)?.value)
        .map(
            (server) =>
                server.name +
                " (" +
                (server.reachable
                    ? fleet.read.get(server.name)?.error || "not read"
                    : server.error) +
                ")"
        );
    const leftOut = byId("left-out");
    leftOut.hidden = !out.length;
    leftOut.textContent = out.length
        ? "Not in these tables: " + out.join(", ") + "."
        : "";

    byId("users-summary").textContent = summary(
        users.rows.length,
        "users",
        users.drifted,
        count
    );
    byId("users-matrix").replaceChildren(
        matrixTable(
            "Users across " + count + " servers",
            "User",
            users.servers,
            users.rows.map((row) =>
                el(
                    "tr",
                    {
                        className: row.drift.length ? "drift" : "",
                        dataset: {user: row.name}
                    },
                    rowHeader(row.name, "", row.drift),
                    ...row.cells.map(userCell(row))
                )
            )
        )
    );

    byId("groups-summary").textContent = summary(
        groups.rows.length,
        "groups",
        groups.drifted,
        count
    );
    byId("groups-matrix").replaceChildren(
        matrixTable(
            "Groups across " + count + " servers",
            "Group",
            groups.servers,
            groups.rows.map((row) => {
                const first = row.cells.find((each) => each.group).group;
                return el(
                    "tr",
                    {
                        className: row.drift.length ? "drift" : "",
                        dataset: {group: row.key}
                    },
                    rowHeader(row.key, first.name, row.drift),
                    ...row.cells.map(groupCell(row))
                );
            })
        )
    );
    return {users, groups};
}
