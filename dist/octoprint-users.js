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
 * Gives every client of `OctoPrintClient` its own `users` (see OctoPrintUserClient), unless the
 * class has one already (OctoPrint 1.x's own users.js came first): that one stays. Not through
 * registerComponent, whose property can never be redefined: OctoPrint 1.x's users.js, packed
 * after this file on some pages, registers `users` itself and would throw. A configurable
 * getter lets it; each client's alias is kept in its `components` map, where the host's own
 * getter looks first.
 */
function registerUsers(OctoPrintClient) {
    if (!OctoPrintClient)
        throw Error(LOAD_FIRST);
    const Host = OctoPrintClient;
    const prototype = Host.prototype;
    // Methods warned about on this page. OctoPrint's `deprecated` warns on every call, and
    // plugins call list() on every refresh: one line per method is enough.
    const warned = {};
    const methods = {};
    for (const method of METHODS.split(" ")) {
        methods[method] = function (...args) {
            if (!warned[method]) {
                warned[method] = 1;
                const old = "OctoPrint.users." + method;
                const replacement = "OctoPrint.access.users." + method;
                // The host's own warning where it has one: its wrapper, called once.
                if (Host.deprecated)
                    Host.deprecated(old, replacement, () => { })();
                else
                    console.warn(`${old} is deprecated, please use ${replacement} instead`);
            }
            const users = this.base.access.users;
            return users[method](...args);
        };
    }
    if (!("users" in prototype)) {
        Object.defineProperty(prototype, "users", {
            configurable: true,
            get() {
                const components = this.components;
                return (components.users ||
                    (components.users = Object.assign(Object.create(methods), {
                        base: this
                    })));
            }
        });
    }
}

registerUsers(OctoPrintClient);
var component;
return component;
});
//# sourceMappingURL=octoprint-users.js.map
