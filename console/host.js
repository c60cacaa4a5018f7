// Loading OctoPrint's client into the page, in OctoPrint's page order: jQuery, lodash, its
// client (base.js), each from the OctoPrint server at `baseurl`, then this project's access
// component from the page's own dist/. The console (connection.js) and the fleet page
// (fleet/clients.js) both load it this way.
import {el} from "./dom.js";

const HOST_SCRIPTS = [
    "static/js/lib/jquery/jquery.min.js",
    "static/js/lib/lodash.min.js", // a real OctoPrint's base.js needs it
    "static/js/app/client/base.js"
];
const BUNDLE = "dist/octoprint-access.js";

function loadScript(src) {
    return new Promise((resolve, reject) => {
        const script = el("script", {src, async: false});
        script.onload = resolve;
        script.onerror = () => {
            script.remove();
            reject(new Error("Could not load " + src));
        };
        document.head.append(script);
    });
}

/** Loads the scripts in order, each once; rejects with "Could not load <src>" on a failure. */
export function loadHost(baseurl) {
    const sources = HOST_SCRIPTS.map((path) => baseurl + path).concat([BUNDLE]);
    return sources.reduce(
        (previous, src) =>
            previous.then(() =>
                document.querySelector('script[src="' + CSS.escape(src) + '"]')
                    ? undefined
                    : loadScript(src)
            ),
        Promise.resolve()
    );
}
