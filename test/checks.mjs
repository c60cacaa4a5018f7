// The Node suites' named checks: `check(name, fn)` runs one, counts it in `results`, and prints
// a failure as one line "  FAIL <label>: <name>: <message>", cut at `width` characters.
export function checker(label, width = 400) {
    const results = {passed: 0, failed: 0};
    async function check(name, fn) {
        try {
            await fn();
            results.passed += 1;
        } catch (error) {
            results.failed += 1;
            const message = String(error.message).replace(/\s+/g, " ").trim();
            console.log(`  FAIL ${label}: ${name}: ${message.slice(0, width)}`);
        }
    }
    return {results, check};
}
