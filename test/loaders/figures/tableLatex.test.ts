import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {latexEscape, tableLatex} from "../../../loaders/figures/tableLatex.js";

describe("latexEscape", () => {
  it("escapes every character LaTeX treats specially, once", () => {
    assert.equal(latexEscape("a & b"), "a \\& b");
    assert.equal(latexEscape("50% _x_ #1 $2"), "50\\% \\_x\\_ \\#1 \\$2");
    assert.equal(latexEscape("{\\}"), "\\{\\textbackslash{}\\}");
    assert.equal(latexEscape("~^"), "\\textasciitilde{}\\textasciicircum{}");
    assert.equal(latexEscape("≤ 60 and > 60"), "\\ensuremath{\\leq} 60 and \\textgreater{} 60");
    assert.equal(latexEscape("0.801–0.902"), "0.801--0.902");
    assert.equal(latexEscape("χ²"), "\\ensuremath{\\chi}\\ensuremath{^2}");
  });

  it("leaves no unescaped special character in any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        // Remove every escape it writes; what is left must hold no special character.
        const rest = latexEscape(text)
          .replace(/\\(textbackslash|textasciitilde|textasciicircum|textless|textgreater)\{\}/g, "")
          .replace(/\\ensuremath\{[^{}]*\}/g, "")
          .replace(/\\[&%$#_{}]/g, "");
        assert.doesNotMatch(rest, /[\\&%$#_{}~^]/);
      }),
      {seed: 11},
    );
  });
});

describe("tableLatex", () => {
  it("writes a booktabs tabular with the title as caption and the note below", () => {
    const tex = tableLatex({
      title: "Table 1. A & B",
      columns: ["Cohort", "AUC"],
      rows: [{cells: ["[x] site", "0.8 (0.7–0.9)"]}],
      note: "95% CI",
    });
    assert.match(tex, /\\caption\{Table 1\. A \\& B\}/);
    assert.match(tex, /\\begin\{tabular\}\{ll\}\n\\toprule\nCohort & AUC \\\\\n\\midrule\n/);
    // A row opening with "[" would be read as \\'s optional argument.
    assert.match(tex, /\n\{\}\[x\] site & 0\.8 \(0\.7--0\.9\) \\\\\n\\bottomrule/);
    assert.match(tex, /95\\% CI/);
  });
});
