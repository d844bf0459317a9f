// Reads a JSON list of {"tex": ..., "display": bool} on stdin and prints a JSON list of
// {"tex": ..., "error": ...} for every formula KaTeX cannot typeset (an empty list when all parse).
// Used by tests/test_notebook.py; KaTeX comes from this folder's node_modules (npm ci --prefix docs).
const katex = require("katex");

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const errors = [];
  for (const { tex, display } of JSON.parse(input)) {
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "ignore" });
    } catch (e) {
      errors.push({ tex, error: String(e.message) });
    }
  }
  process.stdout.write(JSON.stringify(errors));
});
