/*! octoprint-access-client 1.0.0 | MIT */
;(function (global, factory) {
    if (typeof define === "function" && define.amd) {
        define("OctoPrintUserClient", ["OctoPrintClient", "OctoPrintAccessClient"], factory);
    } else {
        factory(global.OctoPrintClient);
    }
})(this, function (OctoPrintClient) {
// What the component needs from OctoPrint's base client (OctoPrintClient, static/js/app/client/base.js).
/**
 * The Error's message when there is no host class: the page loaded this file before
 * OctoPrint's client, or base.js itself failed (it throws while loading without lodash), or,
 * as a module, it was given no class.
 */
const LOAD_FIRST = "OctoPrintClient is missing: OctoPrint's base.js (which needs jQuery and lodash) must be loaded first, without an error";

const METHODS = "list get add update delete changePassword generateApiKey resetApiKey getSettings saveSettings";
/**
 * Marks an alias made by this file, by any copy of it: a page's alias so marked is kept, any
 * other (OctoPrint 1.x's users.js) is taken over.
 */
const MARK = "octoprint-access-client";
/**
 * Gives every client of `OctoPrintClient` its own `users` (see OctoPrintUserClient), and
 * `page`, the page's default client, an alias of this file whatever registered `users` first.
 * Not through registerComponent, whose property can never be redefined: OctoPrint 1.x's
 * users.js, packed after this file on some pages, registers `users` itself and would throw. A
 * configurable getter lets it; each client's alias is kept in its `components` map, where the
 * host's own getter looks first: so `page` keeps this alias after that, and takes it over
 * where OctoPrint's users.js came first (its other clients keep OctoPrint's).
 */
function installUsers(OctoPrintClient, page) {
    if (!OctoPrintClient)
        throw Error(LOAD_FIRST);
    const prototype = OctoPrintClient.prototype;
    const methods = { [MARK]: 1 };
    for (const method of METHODS.split(" ")) {
        // Warned about on this page yet? OctoPrint's `deprecated` warns on every call, and
        // plugins call list() on every refresh: one line per method is enough.
        let warned;
        methods[method] = function (...args) {
            if (!warned) {
                warned = 1;
                // The host's own warning (OctoPrint 1.4 to 2.0 have it): its wrapper, once.
                if (OctoPrintClient.deprecated)
                    OctoPrintClient.deprecated("OctoPrint.users." + method, "OctoPrint.access.users." + method, () => { })();
            }
            // Object(): no `in` on a primitive; access.users.add refuses anything but a user.
            const user = Object(args[0]);
            if (method === "add" && !("groups" in user)) {
                // A pre-1.4 caller: no groups meant a normal user, or with `admin` an admin.
                // The access API gives a user without groups none (it can log in, nothing
                // more); null is the default groups. A copy: the caller's object stays as is.
                args[0] = Object.assign({ groups: user.admin ? ["users", "admins"] : null }, user);
            }
            const users = this.base.access.users;
            return users[method](...args);
        };
    }
    /** Makes `client`'s alias, in its components map. */
    const alias = (client) => (client.components.users = Object.assign(Object.create(methods), { base: client }));
    if (!("users" in prototype)) {
        Object.defineProperty(prototype, "users", {
            configurable: true,
            get() {
                return this.components.users || alias(this);
            }
        });
    }
    if (page instanceof OctoPrintClient && !page.users[MARK]) {
        alias(page);
    }
}

// A script on a page: its default client, OctoPrint, gets this alias whatever came first.
installUsers(OctoPrintClient, window.OctoPrint);
var component;
return component;
});
//# sourceMappingURL=octoprint-users.js.map
