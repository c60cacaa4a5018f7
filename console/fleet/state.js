// What the fleet view knows: the servers as the fleet server lists them, what each one held
// when last read, and which are left out of changes. Every module of the view reads this one
// object.
export const fleet = {
    servers: [], // [{name, url, emulated, version, reachable, error}], in the file's order
    read: new Map(), // name -> {value: {users, groups, permissions}} or {error: "why"}
    leftOut: new Set() // names the person unticked: no change goes there
};

/** The servers read, as plan.js and drift.js take them: [{name, users, groups, permissions}]. */
export function readStates() {
    return fleet.servers
        .filter((server) => fleet.read.get(server.name)?.value)
        .map((server) => ({name: server.name, ...fleet.read.get(server.name).value}));
}

/** The servers a change goes to: read, and ticked. */
export function chosen() {
    return readStates()
        .map((server) => server.name)
        .filter((name) => !fleet.leftOut.has(name));
}
