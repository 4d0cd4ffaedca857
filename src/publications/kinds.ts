/**
 * The publication kinds of `migmon report`. On its own (no zod) so that `migmon report --help` lists them without
 * loading the template schema (issue 16).
 */
export const publicationKinds = ["monitor", "factsheet", "profile", "group", "catalogue"] as const;
export type PublicationKind = (typeof publicationKinds)[number];
