// Loads, in OctoPrint's page order, jQuery (?jquery=3.5.1|3.7.1|4.0.0), the host double and the
// built file under test (?bundle=plain|min): the access component, or with
// `<script src="setup.js" data-under-test="fake">` the test kit, after the readable component
// or, with ?access=octoprint, after the double of OctoPrint 1.x's own access.js.
(function () {
    "use strict";
    var JQUERY = {
        "3.5.1": "../node_modules/jquery-3.5.1/dist/jquery.min.js",
        "3.7.1": "../node_modules/jquery-3.7.1/dist/jquery.min.js",
        "4.0.0": "../node_modules/jquery/dist/jquery.min.js"
    };
    var UNDER_TEST = {
        access: {
            plain: ["../dist/octoprint-access.js"],
            min: ["../dist/octoprint-access.min.js"]
        },
        fake: {
            plain: ["../dist/octoprint-access.js", "../dist/octoprint-access-fake.js"],
            min: ["../dist/octoprint-access.js", "../dist/octoprint-access-fake.min.js"]
        }
    };
    var files = UNDER_TEST[document.currentScript.dataset.underTest || "access"];
    var params = new URLSearchParams(location.search);
    var jquery = params.get("jquery") || "4.0.0";
    var bundle = params.get("bundle") || "plain";
    var access = params.get("access") || "ours";
    if (!JQUERY[jquery] || !files[bundle] || !/^(ours|octoprint)$/.test(access))
        throw new Error("unknown ?jquery=, ?bundle= or ?access=");

    window.TEST = {jquery: jquery, bundle: bundle, access: access};
    document.title += " (jQuery " + jquery + ", " + bundle + ", access: " + access + ")";
    [JQUERY[jquery], "../server/host/base.js"]
        .concat(files[bundle])
        .map(function (src) {
            return access === "octoprint" && src === "../dist/octoprint-access.js"
                ? "../server/host/access.js"
                : src;
        })
        .forEach(function (src) {
            document.write('<script src="' + src + '"></scr' + "ipt>");
        });
})();
