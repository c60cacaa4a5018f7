// Loads, in OctoPrint's page order, jQuery (?jquery=3.5.1|3.7.1|4.0.0), the host double and the
// built file under test (?bundle=plain|min): the access component, or with
// `<script src="setup.js" data-under-test="fake">` the test kit, after the readable component.
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
    if (!JQUERY[jquery] || !files[bundle])
        throw new Error("unknown ?jquery= or ?bundle=");

    window.TEST = {jquery: jquery, bundle: bundle};
    document.title += " (jQuery " + jquery + ", " + bundle + ")";
    [JQUERY[jquery], "../server/host/base.js"]
        .concat(files[bundle])
        .forEach(function (src) {
            document.write('<script src="' + src + '"></scr' + "ipt>");
        });
})();
