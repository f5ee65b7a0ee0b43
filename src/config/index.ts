// Project configuration: mamori.yaml and its JSON Schema.
export { CONFIG_FILE_NAMES, findConfig, loadConfig, parseConfig, type MamoriConfig } from "./config.js";
export { configJsonSchema, OUTPUT_FORMATS, type OutputFormat } from "./schema.js";
export { parseSize } from "./size.js";
