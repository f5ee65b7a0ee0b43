import Parser from "tree-sitter";
import HCL from "@tree-sitter-grammars/tree-sitter-hcl";
const p = new Parser(); p.setLanguage(HCL);
const src = process.argv[2];
const tree = p.parse(src);
function dump(n, d) {
  console.log("  ".repeat(d) + (n.isNamed ? n.type : JSON.stringify(n.type)) + ` [${n.startIndex},${n.endIndex}] ` + (n.childCount === 0 ? JSON.stringify(n.text) : "") + (n.isMissing ? " MISSING" : "") + (n.hasError ? " hasError" : ""));
  for (const c of n.children) dump(c, d + 1);
}
dump(tree.rootNode, 0);
