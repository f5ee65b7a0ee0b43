import { hostModeCheck } from "./host-mode.js";

export default hostModeCheck({
  id: "MAM-DC-008",
  field: "uts",
  key: "uts",
  title: "Service shares the host's UTS namespace",
  severity: "low",
  description:
    "The service sets `uts: host`, so the container shares the host's hostname and domain name, and, with " +
    "CAP_SYS_ADMIN, can change them for the whole host. Software that trusts the hostname (logging, clustering, " +
    "licence checks) can then be misled.",
  consequence: "it shares, and may change, the host's hostname",
  remediation: "Remove uts: host; set `hostname:` for the service if it needs a particular name.",
  control: "5.21",
});
