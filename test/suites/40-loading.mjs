// Every way of loading the bundle (test/loading/*.html), each page in headless Chromium with
// every jQuery and, where a UMD bundle is loaded, both the plain and the minified one.
const JQUERIES = ["3.5.1", "3.7.1", "4.0.0"];
const BUNDLES = ["plain", "min"];

// [page, extra query, label]; `bundles: false` for pages that load no UMD bundle.
const PAGES = [
    {page: "order.html", query: "lodash=1", label: "page order, lodash"},
    {page: "order.html", query: "lodash=0", label: "page order, no lodash"},
    {page: "packed.html", label: "packed"},
    {page: "amd.html", label: "AMD (RequireJS)"},
    {page: "wrong-order.html", label: "wrong order"},
    {page: "double.html", query: "read=0", label: "access registered already"},
    {page: "double.html", query: "read=1", label: "access registered and read already"},
    {page: "users.html", label: "legacy OctoPrint.users"},
    {page: "esm.html", label: "ES module", bundles: false}
];

export default async function ({server, runPage}) {
    let passed = 0;
    let failed = 0;
    for (const {page, query, label, bundles = true} of PAGES) {
        for (const jquery of JQUERIES) {
            for (const bundle of bundles ? BUNDLES : [null]) {
                const params = new URLSearchParams({jquery});
                if (bundle) params.set("bundle", bundle);
                for (const [key, value] of new URLSearchParams(query || "")) {
                    params.set(key, value);
                }
                const run = await runPage(
                    `${server.url}/test/loading/${page}?${params}`,
                    `loading: ${label} (jQuery ${jquery}${bundle ? `, ${bundle}` : ""})`
                );
                passed += run.passed;
                failed += run.failed;
            }
        }
    }
    return {passed, failed};
}
