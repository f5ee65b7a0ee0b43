#!/usr/bin/env node
// Part of `npm run build`: data files the compiled code reads at run time, which tsc does not copy.
import { cpSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ASSETS = ["malware/rules"];
for (const rel of ASSETS) {
  cpSync(fileURLToPath(new URL(`../src/${rel}`, import.meta.url)), fileURLToPath(new URL(`../dist/${rel}`, import.meta.url)), { recursive: true });
}
