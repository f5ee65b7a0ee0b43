import { hostModeCheck } from "./host-mode.js";

export default hostModeCheck({
  id: "MAM-DC-005",
  field: "pid",
  key: "pid",
  title: "Service shares the host's process namespace",
  severity: "high",
  description:
    "The service sets `pid: host`, so the container sees every process of the host: their command lines and " +
    "environments (where credentials often are) and, as root or with ptrace rights, can signal them, attach to " +
    "them or enter their namespaces, which is a way out of the container.",
  consequence: "it can see and signal every process of the host",
  remediation: "Remove pid: host. To share processes between two services, use `pid: \"service:<name>\"`.",
  references: { kics: "4f31dd9f-2cc3-4751-9b53-67e4af83dac0" },
  control: "5.16",
  goodValue: "\"service:app\"",
});
