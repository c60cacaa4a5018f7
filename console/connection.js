// Connecting: load OctoPrint's client from the chosen server, make a client for it, and list
// what the page shows.
import {call} from "./api.js";
import {busy, byId, el, say} from "./dom.js";
import {setGroups} from "./groups.js";
import {loadHost} from "./host.js";
import {setPermissions} from "./permissions.js";
import {state} from "./state.js";
import {setUsers} from "./users.js";

const PENDING = "octoprint-access-console:connect"; // survives the reload when switching

function connect(baseurl, apikey) {
    if (!/\/$/.test(baseurl)) baseurl += "/";
    if (state.hostFrom && state.hostFrom !== baseurl) {
        // Another server's client is loaded: start over from a fresh page.
        sessionStorage.setItem(PENDING, JSON.stringify({baseurl, apikey}));
        location.reload();
        return Promise.resolve();
    }
    busy(+1);
    return loadHost(baseurl)
        .then(
            () => {
                state.hostFrom = baseurl;
                state.client = new OctoPrintClient({baseurl, apikey});
                state.apikey = apikey;
                return refresh("Connect");
            },
            (error) => {
                say(error.message + ": is this an OctoPrint server?", "error");
                return false;
            }
        )
        .then((ok) => {
            busy(-1);
            byId("workspace").hidden = !ok;
            byId("connection").textContent = ok
                ? "Connected to " + baseurl + (state.me ? " as " + state.me.name : "")
                : "Not connected.";
            if (ok) say("Connected to " + baseurl, "ok");
        });
}

/** Lists permissions, groups and users; resolves to false when any of them failed. */
function refresh(what) {
    return Promise.all([
        call(what + ": permissions", (access) => access.permissions.list()),
        call(what + ": groups", (access) => access.groups.list()),
        call(what + ": users", (access) => access.users.list())
    ]).then(([permissions, groups, users]) => {
        if (!permissions || !groups || !users) return false;
        setPermissions(permissions.permissions);
        setGroups(groups.groups);
        setUsers(users.users);
        return true;
    });
}

/**
 * When `npm start` is a gateway to a real OctoPrint (console/server.json says which), the hint
 * says so: this page's own origin, the default URL, is that OctoPrint's access API.
 */
function describeServer() {
    return fetch("console/server.json")
        .then((response) => (response.ok ? response.json() : {}))
        .catch(() => ({}))
        .then(({gateway}) => {
            if (!gateway) return;
            byId("connect-hint").replaceChildren(
                "This server is a gateway to the OctoPrint at ",
                el("code", {textContent: gateway}),
                ": the URL, this page's own, reaches that OctoPrint's access API and " +
                    "client scripts (nothing else of it). Connect with the API key of " +
                    "one of its admins; its ",
                el("strong", {textContent: "Allow Cross Origin"}),
                " setting can stay off."
            );
        });
}

/**
 * Wires the Connect form and fills it: with this page's own server by default, or, after a
 * switch of servers, with the connection asked for, which it then makes.
 */
export function startConnection() {
    byId("connect-form").addEventListener("submit", (event) => {
        event.preventDefault();
        connect(byId("baseurl").value.trim(), byId("apikey").value.trim());
    });
    const wanted = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    sessionStorage.removeItem(PENDING);
    byId("baseurl").value = wanted ? wanted.baseurl : new URL(".", location.href).href;
    if (wanted) {
        byId("apikey").value = wanted.apikey;
        connect(wanted.baseurl, wanted.apikey);
    }
    describeServer();
}
