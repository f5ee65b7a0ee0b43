import { securityOptCheck } from "./security-opt.js";

export default securityOptCheck({
  id: "MAM-DC-010",
  option: "seccomp",
  off: "unconfined",
  title: "Service runs without seccomp",
  description:
    "The service sets `security_opt: seccomp:unconfined`, which removes Docker's default seccomp filter. Every " +
    "system call then reaches the kernel, including the ones (keyctl, unshare, bpf, mount, ...) the default " +
    "profile blocks because kernel exploits and container escapes rely on them.",
  what: "turns Docker's seccomp filter off: every system call reaches the kernel",
  remediation: "Remove seccomp:unconfined; if the service needs a blocked call, write a profile that allows just that call and give its path.",
  fix: "security_opt:\n  - seccomp:./seccomp/app.json",
  control: "5.22",
  references: { kics: "404fde2c-bc4b-4371-9747-7054132ac953" },
  good: "seccomp:./seccomp/app.json",
});
