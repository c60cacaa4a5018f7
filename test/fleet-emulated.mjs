// Emulated servers for the Node suites of the fleet's plan and view logic (32-fleet-plan.mjs,
// 33-fleet-drift.mjs): an emulator (the test kit's, dist/) with this project's access
// component over a host that hands it each request as OctoPrint's base client would send it.
import {STATUS_CODES} from "node:http";
import {OctoPrintAccessClient} from "../dist/octoprint-access.mjs";
import {createEmulator} from "../dist/octoprint-access-fake.mjs";

/**
 * The emulator's answer ({status, headers, body}), readable at once, and a thenable as a
 * jqXHR is: it resolves to the body on 2xx and otherwise rejects with itself, which carries
 * `status`, `statusText` and `responseJSON` (OctoPrint's {error}).
 */
function answered(answer) {
    const xhr = {
        ...answer,
        statusText: STATUS_CODES[answer.status],
        responseJSON: answer.body,
        then(onDone, onFail) {
            return answer.status >= 200 && answer.status < 300
                ? Promise.resolve(answer.body).then(onDone)
                : Promise.reject(xhr).then(null, onFail);
        }
    };
    return xhr;
}

export function deepFreeze(value) {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
    }
    return value;
}

/**
 * One emulated server and its access component. The host is what the component needs of
 * OctoPrint's base client: JSON bodies (`undefined` sent as `null`), the admin's API key, and
 * an answer at once that is also a thenable, as a jqXHR is (answered()).
 */
export function server(name, version, seeds = {}) {
    const emulator = createEmulator({version, ...seeds});
    const requests = [];
    const send = (method, url, data) => {
        const body =
            data === undefined
                ? ""
                : JSON.stringify(data, (key, value) =>
                      value === undefined ? null : value
                  );
        requests.push({method, url, body: body ? JSON.parse(body) : undefined});
        const headers = {"X-Api-Key": emulator.apikey};
        return answered(emulator.handle({method, path: "/" + url, headers, body}));
    };
    const host = {
        get: (url) => send("GET", url),
        delete: (url) => send("DELETE", url),
        postJson: (url, data) => send("POST", url, data),
        putJson: (url, data) => send("PUT", url, data),
        patchJson: (url, data) => send("PATCH", url, data)
    };
    Object.defineProperty(host, "constructor", {
        value: {InvalidArgumentError: class InvalidArgumentError extends Error {}}
    });
    return {name, emulator, requests, access: new OctoPrintAccessClient(host)};
}

/** A request straight to the emulator (not through a plan), as `key`'s owner. */
export function direct(s, method, path, body, key = s.emulator.apikey) {
    return s.emulator.handle({
        method,
        path: "/api/access/" + path,
        headers: {"X-Api-Key": key},
        body: body === undefined ? "" : JSON.stringify(body)
    });
}

/** What the server's access API lists, frozen: the plan must not change it. */
export const state = (s) => deepFreeze({name: s.name, ...s.emulator.state()});

/** The server's users and groups, lists sorted: what the tests compare with what was wanted. */
export function view(s) {
    const {users, groups} = s.emulator.state();
    const sort = (list) => list.slice().sort();
    const result = {users: {}, groups: {}};
    for (const u of users) {
        result.users[u.name] = {
            active: u.active,
            groups: sort(u.groups),
            permissions: sort(u.permissions)
        };
    }
    for (const g of groups) {
        result.groups[g.key] = {
            name: g.name,
            description: g.description,
            default: g.default,
            permissions: sort(g.permissions),
            subgroups: sort(g.subgroups)
        };
    }
    return result;
}
