// Typeset every formula with the KaTeX served from this site (assets/katex), on each page load,
// including Material's instant navigation. A formula KaTeX cannot read shows as .katex-error.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false },
    ],
    throwOnError: false,
  });
});
