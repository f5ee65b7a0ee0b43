// Hex (Elixir and Erlang packages): Elixir's Version is strict SemVer 2.0 (three numbers, no "v",
// no leading zeros), and build metadata does not take part in the order.
import { semverOrdering } from "./semver.js";

export const hexScheme = semverOrdering("hex", {
  loose: false,
  normalize: (v) => (v.startsWith("v") ? null : v),
});
