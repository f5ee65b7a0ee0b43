import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, isKnown, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-020",
  title: "Service runs as root",
  severity: "medium",
  description:
    "The service sets `user` to root (`root`, `0`, `0:0`, `root:...`), overriding whatever unprivileged user the " +
    "image declares. Root in a container shares the kernel with the host: with a kernel flaw, a writable host " +
    "mount or an added capability it becomes root on the host, and it can change every file of the container. " +
    "Services that do not set `user` are not reported here: the image decides, and its own checks judge it.",
  appliesTo: "compose.Service",
  remediation: {
    text: "Run as an unprivileged user id (and group), and give that user ownership of the paths it writes.",
    fix: "user: \"10001:10001\"",
  },
  examples: {
    compose: {
      bad: [composeFile("app", "user: root"), composeFile("app", "user: \"0:0\"")],
      good: [composeFile("app", "user: \"10001:10001\""), composeFile("app", "user: app")],
    },
  },
  evaluate(s) {
    if (!isKnown(s.user)) return undefined;
    const name = s.user.value.trim().split(":")[0];
    return name === "root" || name === "0" ? fail(s.user, `${serviceLabel(s)} runs as root (user: ${s.user.value})`, { key: "user" }) : undefined;
  },
});
