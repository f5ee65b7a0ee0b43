import { hostModeCheck } from "./host-mode.js";

export default hostModeCheck({
  id: "MAM-DC-006",
  field: "ipc",
  key: "ipc",
  title: "Service shares the host's IPC namespace",
  severity: "high",
  description:
    "The service sets `ipc: host`, so the container shares System V IPC objects and POSIX shared memory with " +
    "every process of the host: it can read and change shared memory segments of host services and of other " +
    "containers that use the host's IPC namespace.",
  consequence: "it shares memory segments with every process of the host",
  remediation: "Remove ipc: host; to share memory with one other service, use `ipc: \"service:<name>\"` or `shareable`.",
  references: { kics: "baa3890f-bed7-46f5-ab8f-1da8fc91c729" },
  control: "5.17",
  goodValue: "shareable",
});
