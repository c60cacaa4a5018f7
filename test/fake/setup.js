// Loads, in OctoPrint's page order, jQuery (?jquery=3.5.1|3.7.1|4.0.0), the host double, this
// project's access component and the test kit (?bundle=plain|min: the fake's .js or .min.js).
(function () {
    "use strict";
    var JQUERY = {
        "3.5.1": "../node_modules/jquery-3.5.1/dist/jquery.min.js",
        "3.7.1": "../node_modules/jquery-3.7.1/dist/jquery.min.js",
        "4.0.0": "../node_modules/jquery/dist/jquery.min.js"
    };
    var FAKE = {
        plain: "../dist/octoprint-access-fake.js",
        min: "../dist/octoprint-access-fake.min.js"
    };
    var params = new URLSearchParams(location.search);
    var jquery = params.get("jquery") || "4.0.0";
    var bundle = params.get("bundle") || "plain";
    if (!JQUERY[jquery] || !FAKE[bundle]) throw new Error("unknown ?jquery= or ?bundle=");

    window.TEST = {jquery: jquery, bundle: bundle};
    document.title += " (jQuery " + jquery + ", " + bundle + ")";
    [
        JQUERY[jquery],
        "../server/host/base.js",
        "../dist/octoprint-access.js",
        FAKE[bundle]
    ].forEach(function (src) {
        document.write('<script src="' + src + '"></scr' + "ipt>");
    });
})();
