// ARM onto App Service apps (web and function apps): the site's own settings, with `siteConfig`
// values overridden by a `config` child named `web` where the template has one.
import type { WebApp } from "../../models/azure.js";
import type { IacNode, Val } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, boolOf, child, orDefault, prop, stringOf } from "./util.js";

const SITE = "Microsoft.Web/sites";

function identityOf(r: ArmResource): Val<boolean> {
  const type = stringOf(prop(r, "identity.type"));
  if (!type) {
    const id = prop(r, "identity");
    return id?.t === "unknown" ? { value: undefined, known: false, range: id.range } : { value: false, known: true, range: r.range };
  }
  if (!type.known) return { value: undefined, known: false, range: type.range };
  return { value: /assigned/i.test(type.value ?? ""), known: true, range: type.range };
}

function app(index: ArmIndex, r: ArmResource): WebApp {
  const at = r.range;
  const kind = stringOf(prop(r, "kind"));
  const web = index.children(r, "config").children.find((c) => c.name?.split("/").at(-1)?.toLowerCase() === "web");
  const site = (key: string): IacNode | undefined => (web ? prop(web, `properties.${key}`) : undefined) ?? child(prop(r, "properties.siteConfig"), key);
  const m: WebApp = {
    ...base(r, "azure.appservice.App"),
    kind: kind?.known && /functionapp/i.test(kind.value ?? "") ? "function" : "web",
    httpsOnly: orDefault(boolOf(prop(r, "properties.httpsOnly")), false, at),
    http2: orDefault(boolOf(site("http20Enabled")), false, at),
    clientCertEnabled: orDefault(boolOf(prop(r, "properties.clientCertEnabled")), false, at),
    remoteDebugging: orDefault(boolOf(site("remoteDebuggingEnabled")), false, at),
    managedIdentity: identityOf(r),
  };
  const tls = stringOf(site("minTlsVersion"));
  if (tls) m.minTlsVersion = tls;
  const ftps = stringOf(site("ftpsState"));
  if (ftps) m.ftpsState = ftps;
  return m;
}

export const armWebMappers = [(index: ArmIndex) => index.ofType(SITE).map((r) => app(index, r))];
