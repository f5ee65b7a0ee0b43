// A strict little well-formedness check for the XML the JUnit renderer writes: balanced tags,
// quoted attributes with only known entities, text without raw `<` or stray `&`, and only
// characters XML 1.0 allows. Enough to catch escaping bugs without an XML parser dependency.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTR_VALUE = `"(?:[^"<&]|&(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)*"`;
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}=${ATTR_VALUE})*)\\s*(/?)>$`);
const ATTR = new RegExp(`(${NAME})=(${ATTR_VALUE})`, "g");
const ENTITY_OR_TEXT = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*$/;
// eslint-disable-next-line no-control-regex -- looking for the characters XML forbids
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Parses the document or throws naming the first problem. */
export function parseXml(xml: string): XmlElement {
  if (ILLEGAL.test(xml)) throw new Error("character not allowed in XML 1.0");
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, "");
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  for (const m of body.matchAll(/<[^>]*>|[^<]+/g)) {
    const token = m[0];
    const top = stack[stack.length - 1]!;
    if (!token.startsWith("<")) {
      if (!ENTITY_OR_TEXT.test(token)) throw new Error(`bad text: ${token.slice(0, 60)}`);
      top.text += unescapeXml(token);
      continue;
    }
    const t = TAG.exec(token);
    if (t === null) throw new Error(`bad tag: ${token.slice(0, 80)}`);
    const [, closing, name, attrText, selfClosing] = t;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(ATTR)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = unescapeXml(a[2]!.slice(1, -1));
    }
    const el: XmlElement = { name: name!, attrs, children: [], text: "" };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== "") throw new Error("not exactly one root element");
  return root.children[0]!;
}
