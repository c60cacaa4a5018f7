/*
 * A stand-in for OctoPrint 1.4 to 1.11's own static/js/app/client/users.js, written from what
 * it is documented to do (not from its source): the pre-1.4 namespace `OctoPrint.users`,
 * registered with OctoPrintClient.registerComponent("users", ...), whose ten methods forward to
 * the same client's `access.users`, each through OctoPrintClient.deprecated. `add` hands the
 * user on as it is given. Like OctoPrint's client files, the named AMD module
 * "OctoPrintUserClient" under AMD; no global otherwise.
 */
/* global define */
(function (global, factory) {
    if (typeof define === "function" && define.amd) {
        define("OctoPrintUserClient", ["OctoPrintClient"], factory);
    } else {
        factory(global.OctoPrintClient);
    }
})(this, function (OctoPrintClient) {
    "use strict";

    var OctoPrintUserClient = function (base) {
        this.base = base;
    };

    // update has the admin flag third, as every access component takes it.
    [
        "list",
        "get",
        "add",
        "update",
        "delete",
        "changePassword",
        "generateApiKey",
        "resetApiKey",
        "getSettings",
        "saveSettings"
    ].forEach(function (method) {
        OctoPrintUserClient.prototype[method] = OctoPrintClient.deprecated(
            "OctoPrint.users." + method,
            "OctoPrint.access.users." + method,
            function () {
                var users = this.base.access.users;
                return users[method].apply(users, arguments);
            }
        );
    });

    OctoPrintClient.registerComponent("users", OctoPrintUserClient);
    return OctoPrintUserClient;
});
