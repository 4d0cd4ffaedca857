export * from "./brand.ts";
export * from "./errors.ts";
export * from "./period.ts";
export * from "./flags.ts";
export * from "./observation.ts";
export * from "./dataset.ts";
export * from "./parsed.ts";
export * from "./http.ts";
