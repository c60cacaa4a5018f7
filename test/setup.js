// Loads jQuery (?jquery=3.5.1|3.7.1|4.0.0), the host double and the built bundle
// (?bundle=plain|min) in OctoPrint's page order.
(function () {
    "use strict";
    var JQUERY = {
        "3.5.1": "../node_modules/jquery-3.5.1/dist/jquery.min.js",
        "3.7.1": "../node_modules/jquery-3.7.1/dist/jquery.min.js",
        "4.0.0": "../node_modules/jquery/dist/jquery.min.js"
    };
    var BUNDLE = {
        plain: "../dist/octoprint-access.js",
        min: "../dist/octoprint-access.min.js"
    };
    var params = new URLSearchParams(location.search);
    var jquery = params.get("jquery") || "4.0.0";
    var bundle = params.get("bundle") || "plain";
    if (!JQUERY[jquery] || !BUNDLE[bundle])
        throw new Error("unknown ?jquery= or ?bundle=");

    window.TEST = {jquery: jquery, bundle: bundle};
    document.title += " (jQuery " + jquery + ", " + bundle + ")";
    [JQUERY[jquery], "../server/host/base.js", BUNDLE[bundle]].forEach(function (src) {
        document.write('<script src="' + src + '"></scr' + "ipt>");
    });
})();
