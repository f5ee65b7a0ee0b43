// Commander discards what an action returns; an action that decides the exit code sets it here.
export const exitState = { code: 0 };

export function setExitCode(code: number): void {
  exitState.code = code;
}
