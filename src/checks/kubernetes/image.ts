// Reading an image reference: its tag, and whether a digest pins it.

/** The tag of an image reference, or undefined; "" marks a digest (pinned). */
export function tagOf(image: string): string | undefined {
  if (image.includes("@")) return "";
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? undefined : last.slice(colon + 1);
}

/** Whether the reference means whatever `latest` is at pull time: no tag, or the tag `latest`. */
export function isFloating(image: string): boolean {
  const tag = tagOf(image);
  return tag === undefined || tag === "latest";
}
