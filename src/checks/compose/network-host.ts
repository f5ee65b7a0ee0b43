import { hostModeCheck } from "./host-mode.js";

export default hostModeCheck({
  id: "MAM-DC-004",
  field: "networkMode",
  key: "network_mode",
  title: "Service shares the host's network namespace",
  severity: "high",
  description:
    "The service sets `network_mode: host`, so the container uses the host's network stack: it can bind any port " +
    "of the host, reach services listening only on the host's loopback (databases, the Docker API over TCP, " +
    "metadata proxies), and see the host's interfaces. Docker's network isolation and published-port rules no " +
    "longer apply to it.",
  consequence: "it uses the host's network stack and reaches everything bound to the host's loopback",
  remediation: "Remove network_mode: host, put the service on a Compose network, and publish only the ports it serves.",
  references: { kics: "071a71ff-f868-47a4-ac0b-3c59e4ab5443" },
  control: "5.10",
  goodValue: "bridge",
});
