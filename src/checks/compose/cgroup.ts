import type { ComposeService } from "../../models/compose.js";
import { defineCheck, fail } from "../define.js";
import { composeFile, isHostMode, isKnown, serviceLabel } from "./util.js";

export default defineCheck<ComposeService>({
  id: "MAM-DC-026",
  title: "Service changes its cgroup placement",
  severity: "low",
  description:
    "The service sets `cgroup_parent`, placing its container under a cgroup of the host's choosing rather than " +
    "Docker's own, or `cgroup: host`, sharing the host's cgroup namespace so the container sees the host's whole " +
    "cgroup tree. Under a parent that is not limited, or one shared with other workloads, the container escapes " +
    "the limits set for it; the host namespace also tells an intruder what else runs there. Either should be a " +
    "deliberate, reviewed choice.",
  appliesTo: "compose.Service",
  compliance: [{ framework: "cis-docker-1.6", control: "5.25" }],
  remediation: {
    text: "Remove cgroup_parent and cgroup: host unless the placement has been reviewed and is limited as intended.",
    fix: "# remove `cgroup_parent:` and `cgroup: host`",
  },
  examples: {
    compose: {
      bad: [composeFile("agent", "cgroup_parent: /system.slice"), composeFile("agent", "cgroup: host")],
      good: [composeFile("agent", ""), composeFile("agent", "cgroup: private")],
    },
  },
  evaluate(s) {
    if (isKnown(s.cgroupParent) && s.cgroupParent.value.trim() !== "") {
      return fail(s.cgroupParent, `${serviceLabel(s)} sets cgroup_parent: ${s.cgroupParent.value}, outside Docker's own cgroup`, { key: "cgroup" });
    }
    return isHostMode(s.cgroup) ? fail(s.cgroup, `${serviceLabel(s)} sets cgroup: host, so it sees the host's cgroup tree`, { key: "cgroup" }) : undefined;
  },
});
